import { z } from 'zod';
import type { DelegationSummary } from '../../core/store/delegation';
import type { ExportResult } from './drafts';
import { FilePath, Uuid, method } from './define';

export type { DelegationSummary };

export const delegationContract = {
  /** per paragraph: annotations and drafts by author, for the secretariat's heat map */
  'delegation.summary': method<DelegationSummary>()(z.strictObject({ versionId: Uuid })),
  /** one merged 修改意见汇总表 with every proposer named */
  'delegation.exportAmendments': method<ExportResult>()(
    z.strictObject({ versionId: Uuid, format: z.enum(['docx', 'csv']), destination: FilePath.optional() }),
  ),
};
