import { z } from 'zod';
import type { LedgerRow } from '../../core/ledger';
import type { LedgerMark } from '../../core/store/ledger';
import { LEDGER_FLAGS, LEDGER_KEY, type LEDGER_KINDS, type LEDGER_TYPES } from '../../core/common/vocabulary';
import { Uuid, method } from './define';

/** The common vocabularies the UI labels must stay those the extractor produces. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameVocabulary: [Same<LedgerRow['type'], (typeof LEDGER_TYPES)[number]>, Same<LedgerRow['kind'], (typeof LEDGER_KINDS)[number]>] = [true, true];
void sameVocabulary;

export interface LedgerListResult {
  /** every entry of the version in reading order, with the deputy's marks */
  entries: LedgerRow[];
}

export const ledgerContract = {
  /** 承诺台账: every quantified statement of the version (extracted once per version). */
  'ledger.list': method<LedgerListResult>()(z.strictObject({ versionId: Uuid })),
  /** 关注/存疑 and a note on one row; no flag and an empty note remove the mark. */
  'ledger.mark': method<LedgerMark>()(
    z.strictObject({
      versionId: Uuid,
      key: z.string().regex(LEDGER_KEY, '台账条目编号格式不正确'),
      flag: z.enum(LEDGER_FLAGS).nullable(),
      note: z.string().max(2000),
    }),
  ),
};

export type { LedgerRow, LedgerMark };
