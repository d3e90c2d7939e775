import type { Migration } from './index';

/**
 * Where each annotation and draft pointed before it was carried to another version (or re-attached
 * by hand). Carrying rewrites a mark's targets; this keeps the old ones, so nothing is lost and an
 * orphan can still show the text it was made on.
 */
export const m004_anchor_history: Migration = {
  version: 4,
  name: 'anchor-history',
  sql: /* sql */ `
CREATE TABLE anchor_history (
  id INTEGER PRIMARY KEY,
  mark_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('annotation', 'draft')),
  from_version_id TEXT NOT NULL,
  to_version_id TEXT NOT NULL,
  -- the targets as they were in from_version_id, before this step
  targets_json TEXT NOT NULL,
  -- what the step gave: unchanged | moved | edited | orphaned, or reattached (by hand)
  outcome TEXT NOT NULL,
  score REAL NOT NULL,
  carried_at TEXT NOT NULL
);
CREATE INDEX anchor_history_mark ON anchor_history(mark_id, id);
`,
};
