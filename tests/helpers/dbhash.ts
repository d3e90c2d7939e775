/**
 * A content hash of every table in a database (FTS shadow tables and schema_migrations
 * included, nothing excluded), to prove that a refused call wrote nothing.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../electron/core/store';

export function contentHash(db: Db): string {
  const h = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    h.update(`\u0000table ${name}\u0000`);
    const rows = (
      db
        .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
        .raw()
        .all() as unknown[][]
    ).map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? `blob:${createHash('sha256').update(v).digest('hex')}` : v))));
    rows.sort();
    for (const r of rows) h.update(r + '\n');
  }
  return h.digest('hex');
}
