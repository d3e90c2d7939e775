/**
 * Opening the database: pragmas, integrity check, migrations. The only module that knows how a
 * better-sqlite3 connection is made; repositories receive the open handle.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReviewDeskError } from '../errors';
import { migrations as allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to an Electron-ABI better_sqlite3.node (the desktop app); Node uses the package's own. */
  nativeBinding?: string;
  /** For tests: run only these migrations (simulates an older schema). */
  migrations?: Migration[];
  readonly?: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { nativeBinding: opts.nativeBinding, readonly: opts.readonly ?? false });
  } catch (e) {
    throw new ReviewDeskError('store/open-failed', `无法打开数据文件：${(e as Error).message}`);
  }
  try {
    // WAL: readers never block the writer and a crash mid-write cannot corrupt committed pages.
    // synchronous=FULL: a committed mark survives a power cut, not just a process crash.
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    checkIntegrity(db);
    if (!opts.readonly) migrate(db, opts.migrations ?? allMigrations);
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      throw new ReviewDeskError('store/corrupt', `数据文件已损坏或不是审议台的数据文件（${(e as Error).message}）`);
    }
    throw e;
  }
  return db;
}

/** Throws store/corrupt when SQLite reports damage (or the file is not a database at all). */
export function checkIntegrity(db: Db): void {
  let rows: { integrity_check: string }[];
  try {
    rows = db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (e) {
    throw new ReviewDeskError('store/corrupt', `数据文件已损坏或不是审议台的数据文件（${(e as Error).message}）`);
  }
  if (rows.length !== 1 || rows[0].integrity_check !== 'ok') {
    throw new ReviewDeskError(
      'store/corrupt',
      `数据文件完整性检查未通过：${rows
        .map((r) => r.integrity_check)
        .slice(0, 3)
        .join('；')}`,
    );
  }
}

export function schemaVersion(db: Db): number {
  const row = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'").get();
  if (!row) return 0;
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

export function migrate(db: Db, list: Migration[]): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const current = schemaVersion(db);
  const newest = Math.max(0, ...allMigrations.map((m) => m.version));
  if (current > newest) {
    throw new ReviewDeskError('store/too-new', `数据文件由更新版本的审议台创建（结构版本 ${current}），请升级审议台后再打开。`);
  }
  const pending = [...list].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
  return pending.length;
}

/**
 * A bare connection: no pragmas, no integrity check, no migrations. For backup files only —
 * switching a fresh copy to a self-contained single file before it is verified.
 */
export function openPlainDatabase(file: string, opts: Pick<OpenOptions, 'nativeBinding' | 'readonly'> = {}): Db {
  return new Database(file, { nativeBinding: opts.nativeBinding, readonly: opts.readonly ?? false, fileMustExist: true });
}

export function databaseExists(file: string): boolean {
  return existsSync(file);
}
