import type { Migration } from './index';

/** Proofreading dismissals (忽略) survive re-checks because finding ids are stable. */
export const m002_review: Migration = {
  version: 2,
  name: 'review-dismissals',
  sql: /* sql */ `
CREATE TABLE review_dismissals (
  version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  finding_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (version_id, finding_id)
) WITHOUT ROWID;
`,
};
