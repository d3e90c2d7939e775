import { z } from 'zod';
import type { DelegationSummary, UnsignedCounts } from '../../core/store/delegation';
import type { ExportResult } from './drafts';
import { FilePath, Uuid, method } from './define';

export type { DelegationSummary, UnsignedCounts };

export const delegationContract = {
  /** per paragraph: annotations and drafts by author, for the secretariat's heat map */
  'delegation.summary': method<DelegationSummary>()(z.strictObject({ versionId: Uuid })),
  /** one merged 修改意见汇总表 with every proposer named */
  'delegation.exportAmendments': method<ExportResult>()(z.strictObject({ versionId: Uuid, format: z.enum(['docx', 'csv']), destination: FilePath.optional() })),
  /** annotations and drafts made before a name was set (their 提出人 is empty) */
  'authorship.unsigned': method<UnsignedCounts>()(z.strictObject({})),
  /** signs all of them with the name in 设置 (and fills an empty 代表团 / 界别 on drafts); returns how many */
  'authorship.sign': method<UnsignedCounts>()(z.strictObject({})),
};
