import type { Migration } from './index';

export const m001_init: Migration = {
  version: 1,
  name: 'init',
  sql: /* sql */ `
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'government-work-report',
  year INTEGER,
  region TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id),
  label TEXT NOT NULL,
  ord INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_bytes BLOB NOT NULL,
  meta_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX versions_report ON versions(report_id, ord);

CREATE TABLE blocks (
  version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  path TEXT NOT NULL,
  level INTEGER NOT NULL,
  part INTEGER,
  section INTEGER,
  heading_end INTEGER NOT NULL DEFAULT 0,
  lead_end INTEGER NOT NULL DEFAULT 0,
  lead TEXT NOT NULL DEFAULT '',
  sentence_ends TEXT NOT NULL DEFAULT '[]',
  text TEXT NOT NULL,
  PRIMARY KEY (version_id, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX blocks_ord ON blocks(version_id, ord);

CREATE TABLE annotations (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id),
  version_id TEXT NOT NULL REFERENCES versions(id),
  color TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  anchor_status TEXT NOT NULL DEFAULT 'unchanged',
  anchor_score REAL NOT NULL DEFAULT 1
);
CREATE INDEX annotations_version ON annotations(version_id) WHERE deleted_at IS NULL;
CREATE INDEX annotations_report ON annotations(report_id);

CREATE TABLE annotation_targets (
  annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  block_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (annotation_id, ord)
) WITHOUT ROWID;

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE annotation_tags (
  annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id),
  PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id),
  version_id TEXT NOT NULL REFERENCES versions(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  fields_json TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'draft',
  author TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  anchor_status TEXT NOT NULL DEFAULT 'unchanged',
  anchor_score REAL NOT NULL DEFAULT 1
);
CREATE INDEX drafts_report ON drafts(report_id);

CREATE TABLE draft_targets (
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  block_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (draft_id, ord)
) WITHOUT ROWID;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One search index over report text, notes and drafts. Trigram so any 3+ character substring
-- of Chinese text matches; shorter queries fall back to LIKE in the repository.
CREATE VIRTUAL TABLE search_fts USING fts5(
  kind UNINDEXED, ref UNINDEXED, scope UNINDEXED, text, tokenize = 'trigram'
);

CREATE TRIGGER blocks_ai AFTER INSERT ON blocks BEGIN
  INSERT INTO search_fts(kind, ref, scope, text) VALUES ('block', new.id, new.version_id, new.text);
END;
CREATE TRIGGER blocks_ad AFTER DELETE ON blocks BEGIN
  DELETE FROM search_fts WHERE kind = 'block' AND scope = old.version_id AND ref = old.id;
END;
CREATE TRIGGER annotations_ai AFTER INSERT ON annotations WHEN new.note <> '' AND new.deleted_at IS NULL BEGIN
  INSERT INTO search_fts(kind, ref, scope, text) VALUES ('note', new.id, new.report_id, new.note);
END;
CREATE TRIGGER annotations_au AFTER UPDATE OF note, deleted_at ON annotations BEGIN
  DELETE FROM search_fts WHERE kind = 'note' AND ref = old.id;
  INSERT INTO search_fts(kind, ref, scope, text)
    SELECT 'note', new.id, new.report_id, new.note WHERE new.note <> '' AND new.deleted_at IS NULL;
END;
CREATE TRIGGER drafts_ai AFTER INSERT ON drafts WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO search_fts(kind, ref, scope, text) VALUES ('draft', new.id, new.report_id, new.title || char(10) || new.fields_json);
END;
CREATE TRIGGER drafts_au AFTER UPDATE OF title, fields_json, deleted_at ON drafts BEGIN
  DELETE FROM search_fts WHERE kind = 'draft' AND ref = old.id;
  INSERT INTO search_fts(kind, ref, scope, text)
    SELECT 'draft', new.id, new.report_id, new.title || char(10) || new.fields_json WHERE new.deleted_at IS NULL;
END;
`,
};
