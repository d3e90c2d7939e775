import type { Migration } from './index';

/**
 * A durable count of writes to the user's data, kept by triggers in the same transaction as each
 * write, and a random lineage id that identifies one database (and its backups). At start the
 * count is compared with the backups made from this database: a live file with fewer writes than
 * its own backup lost acknowledged writes (a damaged or deleted -wal) and the app offers recovery
 * instead of carrying on without them. A restore gives the restored file a new lineage, so the
 * older counts of earlier backups are not mistaken for lost writes. Blocks and the search index
 * are left out: they follow their version and the notes, which are counted.
 */
export const m005_write_counter: Migration = {
  version: 5,
  name: 'write-counter',
  sql: /* sql */ `
CREATE TABLE write_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  lineage TEXT NOT NULL,
  writes INTEGER NOT NULL
);
INSERT INTO write_counter(id, lineage, writes) VALUES (1, lower(hex(randomblob(16))), 0);
CREATE TRIGGER reports_ai_count AFTER INSERT ON reports BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER reports_au_count AFTER UPDATE ON reports BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER reports_ad_count AFTER DELETE ON reports BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER versions_ai_count AFTER INSERT ON versions BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER versions_au_count AFTER UPDATE ON versions BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER versions_ad_count AFTER DELETE ON versions BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotations_ai_count AFTER INSERT ON annotations BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotations_au_count AFTER UPDATE ON annotations BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotations_ad_count AFTER DELETE ON annotations BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotation_targets_ai_count AFTER INSERT ON annotation_targets BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotation_targets_au_count AFTER UPDATE ON annotation_targets BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotation_targets_ad_count AFTER DELETE ON annotation_targets BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER tags_ai_count AFTER INSERT ON tags BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER tags_au_count AFTER UPDATE ON tags BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER tags_ad_count AFTER DELETE ON tags BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotation_tags_ai_count AFTER INSERT ON annotation_tags BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotation_tags_au_count AFTER UPDATE ON annotation_tags BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER annotation_tags_ad_count AFTER DELETE ON annotation_tags BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER drafts_ai_count AFTER INSERT ON drafts BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER drafts_au_count AFTER UPDATE ON drafts BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER drafts_ad_count AFTER DELETE ON drafts BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER draft_targets_ai_count AFTER INSERT ON draft_targets BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER draft_targets_au_count AFTER UPDATE ON draft_targets BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER draft_targets_ad_count AFTER DELETE ON draft_targets BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER settings_ai_count AFTER INSERT ON settings BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER settings_au_count AFTER UPDATE ON settings BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER settings_ad_count AFTER DELETE ON settings BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER review_dismissals_ai_count AFTER INSERT ON review_dismissals BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER review_dismissals_au_count AFTER UPDATE ON review_dismissals BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER review_dismissals_ad_count AFTER DELETE ON review_dismissals BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER anchor_history_ai_count AFTER INSERT ON anchor_history BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER anchor_history_au_count AFTER UPDATE ON anchor_history BEGIN UPDATE write_counter SET writes = writes + 1; END;
CREATE TRIGGER anchor_history_ad_count AFTER DELETE ON anchor_history BEGIN UPDATE write_counter SET writes = writes + 1; END;
`,
};
