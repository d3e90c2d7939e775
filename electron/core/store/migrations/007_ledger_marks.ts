import type { Migration } from './index';

/**
 * A deputy's marks on the 承诺台账 (关注/存疑 and a note), per version. The entry key is the
 * extractor's id (block, offset, figure), so marks survive re-extraction; the write counter
 * counts them like every other table of user data.
 */
export const m007_ledger_marks: Migration = {
  version: 7,
  name: 'ledger-marks',
  sql: /* sql */ `
CREATE TABLE ledger_marks (
  version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  entry_key TEXT NOT NULL,
  flag TEXT CHECK (flag IS NULL OR flag IN ('关注', '存疑')),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (version_id, entry_key)
) WITHOUT ROWID;
CREATE TRIGGER ledger_marks_ai_count AFTER INSERT ON ledger_marks BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER ledger_marks_au_count AFTER UPDATE ON ledger_marks BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER ledger_marks_ad_count AFTER DELETE ON ledger_marks BEGIN UPDATE write_counter SET writes = writes + 1; END;
`,
};
