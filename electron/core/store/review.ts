import type { Db } from './db';

/** Dismissed proofreading findings (忽略), per version. */
export function createReviewRepository(db: Db) {
  return {
    dismissed(versionId: string): string[] {
      return (db.prepare('SELECT finding_id FROM review_dismissals WHERE version_id = ?').all(versionId) as { finding_id: string }[]).map((r) => r.finding_id);
    },
    dismiss(versionId: string, findingId: string): void {
      db.prepare('INSERT OR IGNORE INTO review_dismissals(version_id, finding_id, created_at) VALUES (?, ?, ?)').run(
        versionId,
        findingId,
        new Date().toISOString(),
      );
    },
    undismiss(versionId: string, findingId: string): void {
      db.prepare('DELETE FROM review_dismissals WHERE version_id = ? AND finding_id = ?').run(versionId, findingId);
    },
    /** 忽略 decisions follow a version replaced by its own re-parse (finding ids follow unchanged paragraphs). */
    copyDismissals(fromVersionId: string, toVersionId: string): void {
      db.prepare(
        'INSERT OR IGNORE INTO review_dismissals(version_id, finding_id, created_at) SELECT ?, finding_id, created_at FROM review_dismissals WHERE version_id = ?',
      ).run(toVersionId, fromVersionId);
    },
  };
}
