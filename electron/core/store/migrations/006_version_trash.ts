import type { Migration } from './index';

/**
 * Versions can be deleted to the trash and restored, like reports (which had `deleted_at` from the
 * start): a version imported by mistake leaves the lists, its paragraphs and marks stay until restored.
 */
export const m006_version_trash: Migration = {
  version: 6,
  name: 'version-trash',
  sql: /* sql */ `
ALTER TABLE versions ADD COLUMN deleted_at TEXT;
`,
};
