import type { LedgerFlag } from '../common/vocabulary';
import type { Db } from './db';

export interface LedgerMark {
  key: string;
  flag: LedgerFlag | null;
  note: string;
  updatedAt: string;
}

/** The deputy's marks on 承诺台账 rows (关注/存疑 and a note), per version. */
export function createLedgerRepository(db: Db) {
  return {
    marks(versionId: string): LedgerMark[] {
      return (
        db.prepare('SELECT entry_key, flag, note, updated_at FROM ledger_marks WHERE version_id = ?').all(versionId) as {
          entry_key: string;
          flag: LedgerFlag | null;
          note: string;
          updated_at: string;
        }[]
      ).map((r) => ({ key: r.entry_key, flag: r.flag, note: r.note, updatedAt: r.updated_at }));
    },
    /** No flag and no note is no mark: the row is removed rather than kept empty. */
    mark(versionId: string, key: string, flag: LedgerFlag | null, note: string): LedgerMark {
      const updatedAt = new Date().toISOString();
      if (flag === null && note === '') db.prepare('DELETE FROM ledger_marks WHERE version_id = ? AND entry_key = ?').run(versionId, key);
      else
        db.prepare(
          `INSERT INTO ledger_marks(version_id, entry_key, flag, note, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(version_id, entry_key) DO UPDATE SET flag = excluded.flag, note = excluded.note, updated_at = excluded.updated_at`,
        ).run(versionId, key, flag, note, updatedAt);
      return { key, flag, note, updatedAt };
    },
    /** Marks follow a version replaced by its own re-parse (entry keys follow unchanged paragraphs). */
    copyMarks(fromVersionId: string, toVersionId: string): void {
      db.prepare(
        'INSERT OR IGNORE INTO ledger_marks(version_id, entry_key, flag, note, updated_at) SELECT ?, entry_key, flag, note, updated_at FROM ledger_marks WHERE version_id = ?',
      ).run(toVersionId, fromVersionId);
    },
  };
}
