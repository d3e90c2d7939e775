import { z } from 'zod';
import type { DelegationSummary, UnsignedCounts } from '../../core/store/delegation';
import { DELEGATION_MARK_ORDERS, DELEGATION_MARKS_MAX_PAGE, type DelegationMark, type DelegationMarksPage } from '../../core/delegation/marks';
import type { ExportResult } from './drafts';
import { FilePath, Uuid, method } from './define';

export type { DelegationSummary, UnsignedCounts, DelegationMark, DelegationMarksPage };

export const delegationContract = {
  /** per paragraph: annotations and drafts by author, for the secretariat's heat map */
  'delegation.summary': method<DelegationSummary>()(z.strictObject({ versionId: Uuid })),
  /**
   * the marks' text (quote, note, author, colour, passage) on every live version of the version's
   * report, one page at a time: a delegation may hold thousands
   */
  'delegation.marks': method<DelegationMarksPage>()(
    z.strictObject({
      versionId: Uuid,
      order: z.enum(DELEGATION_MARK_ORDERS).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(DELEGATION_MARKS_MAX_PAGE).optional(),
    }),
  ),
  /** one merged 修改意见汇总表 with every proposer named */
  'delegation.exportAmendments': method<ExportResult>()(z.strictObject({ versionId: Uuid, format: z.enum(['docx', 'csv']), destination: FilePath.optional() })),
  /** annotations and drafts made before a name was set (their 提出人 is empty) */
  'authorship.unsigned': method<UnsignedCounts>()(z.strictObject({})),
  /** signs all of them with the name in 设置 (and fills an empty 代表团 / 界别 on drafts); returns how many */
  'authorship.sign': method<UnsignedCounts>()(z.strictObject({})),
};
