/**
 * The 承诺台账 of a version as the deputy works with it: the extracted entries (computed once per
 * version — its paragraphs never change under an id) with where each sits and the deputy's marks.
 */
import { ReviewDeskError } from '../errors';
import { recentCache } from '../common/recentCache';
import type { LedgerFlag } from '../common/vocabulary';
import type { Store } from '../store';
import { extractLedger } from './extract';
import type { LedgerEntry } from './types';

export interface LedgerRow extends LedgerEntry {
  /** part / section numbers of the block, for grouping (null before the first part) */
  part: number | null;
  section: number | null;
  /** the block's place in the report, for reading order */
  ord: number;
  flag: LedgerFlag | null;
  note: string;
}

interface Extracted {
  entries: LedgerEntry[];
  place: Map<string, { part: number | null; section: number | null; ord: number }>;
}

/** `store` may be a live proxy (liveStore): the cache holds only what a version id fixes. */
export function ledgerBook(store: Store) {
  const cache = recentCache<Extracted>(8);

  function extracted(versionId: string): Extracted {
    store.reports.getVersionInfo(versionId); // not-found for a deleted or unknown version
    return cache.get(versionId, () => {
      const blocks = store.reports.blocksOf(versionId);
      return { entries: extractLedger(blocks), place: new Map(blocks.map((b) => [b.id, { part: b.part, section: b.section, ord: b.ord }])) };
    });
  }

  return {
    /** Every entry in reading order, with the deputy's marks. */
    rows(versionId: string): LedgerRow[] {
      const { entries, place } = extracted(versionId);
      const marks = new Map(store.ledger.marks(versionId).map((m) => [m.key, m]));
      return entries.map((e) => {
        const p = place.get(e.blockId);
        const m = marks.get(e.id);
        return { ...e, part: p?.part ?? null, section: p?.section ?? null, ord: p?.ord ?? 0, flag: m?.flag ?? null, note: m?.note ?? '' };
      });
    },
    /** Marks a row; a key that is not an entry of this version is refused (a mark nobody could see). */
    mark(versionId: string, key: string, flag: LedgerFlag | null, note: string) {
      if (!extracted(versionId).entries.some((e) => e.id === key))
        throw new ReviewDeskError('not-found/ledger-entry', '承诺台账中没有这一条，可能报告版本已更换，请刷新后重试。');
      return store.ledger.mark(versionId, key, flag, note.trim());
    },
  };
}
export type LedgerBook = ReturnType<typeof ledgerBook>;
