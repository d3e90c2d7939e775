import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, schemaVersion } from '../../../electron/core/store/db';
import { migrations } from '../../../electron/core/store/migrations';
import { createStore } from '../../../electron/core/store';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('schema migrations', () => {
  it('creates a fresh database at the newest version with WAL and foreign keys on', () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-mig-'));
    const db = openDatabase(join(dir, 'a.sqlite3'));
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('upgrades an older schema in place and keeps its data', () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-mig-'));
    const file = join(dir, 'old.sqlite3');
    const old = openDatabase(file, { migrations: migrations.slice(0, 1) });
    expect(schemaVersion(old)).toBe(1);
    // written as version 1 wrote it (today's repositories expect today's schema)
    old.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('author.name', '张代表');
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    const store = createStore(db);
    expect(store.settings.get('author.name')).toBe('张代表');
    // the table migration 2 adds is usable
    expect(store.review.dismissed('nope')).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer app instead of damaging it', () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-mig-'));
    const file = join(dir, 'new.sqlite3');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, 'future', 'x')").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(/更新版本/);
  });

  it('reports a file that is not a database as damaged, in Chinese', () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-mig-'));
    const file = join(dir, 'junk.sqlite3');
    writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => openDatabase(file)).toThrow(/损坏/);
  });
});
