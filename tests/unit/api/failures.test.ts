/**
 * Failures below the domain reach the user in Chinese with what happened, never a stack: real
 * SQLite errors from a real database (read-only, a foreign key, a full disk), real system errors.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { dispatch, ApiFailure } from '../../../electron/api/dispatch';
import { describeFailure } from '../../../electron/api/failures';
import { createErrorLog, errorLogFile } from '../../../electron/api/errorLog';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-failures-');

function sqliteError(run: (db: Database.Database) => void): unknown {
  const db = new Database(':memory:');
  try {
    run(db);
  } catch (e) {
    return e;
  } finally {
    db.close();
  }
  throw new Error('expected SQLite to refuse');
}

async function failureOf(handler: () => unknown, log: (e: unknown) => void = () => {}): Promise<ApiFailure> {
  const handlers = { ...env.backend.handlers, 'settings.all': handler } as never;
  try {
    await dispatch(handlers, 'settings.all', {}, log);
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('failures the user can meet', () => {
  it('a write to a read-only database says the data folder is read-only, and nothing changed', async () => {
    const before = await env.call('settings.all');
    env.backend.ctx.store.db.pragma('query_only = ON');
    const f = await env.failure('settings.set', { key: 'reader.fontSize', value: '20' });
    env.backend.ctx.store.db.pragma('query_only = OFF');
    expect(f.error.code).toBe('data-readonly');
    expect(f.error.message).toMatch(/只读/);
    expect(f.error.message).toMatch(/之前保存的内容不受影响/);
    expect(await env.call('settings.all')).toEqual(before);
  });

  it('a foreign-key failure says what it refers to is gone, in Chinese (409, no log noise)', async () => {
    const fk = sqliteError((db) => {
      db.pragma('foreign_keys = ON');
      db.exec('CREATE TABLE a (id TEXT PRIMARY KEY); CREATE TABLE b (a_id TEXT REFERENCES a(id));');
      db.prepare('INSERT INTO b VALUES (?)').run('missing');
    });
    const logged: unknown[] = [];
    const f = await failureOf(
      () => {
        throw fk;
      },
      (e) => logged.push(e),
    );
    expect(f.status).toBe(409);
    expect(f.error.code).toBe('conflict/missing-reference');
    expect(f.error.message).toMatch(/已不存在/);
    expect(logged).toHaveLength(0);
  });

  it('a full disk (SQLite or the file system) is its own message', async () => {
    for (const e of [Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), Object.assign(new Error('no space'), { code: 'ENOSPC' })]) {
      const f = await failureOf(() => {
        throw e;
      });
      expect(f.error.code).toBe('disk-full');
      expect(f.error.message).toMatch(/磁盘空间不足/);
    }
  });

  it('a stack-exhausting argument is refused as too complex, not as an internal error', () => {
    const overflow = (() => {
      try {
        const f = (n: number): number => f(n + 1) + 1;
        return f(0);
      } catch (e) {
        return e;
      }
    })();
    expect(describeFailure(overflow).error.code).toBe('too-complex');
  });

  it('an unknown failure is a generic Chinese message; its stack goes to the log file, one Chinese line to the console', async () => {
    const lines: string[] = [];
    const log = createErrorLog(env.dir, (l) => lines.push(l));
    const f = await failureOf(() => {
      throw new TypeError('secret internals at /home/u/x.ts:12');
    }, log);
    expect(f.status).toBe(500);
    expect(f.error.message).toMatch(/程序内部出错/);
    expect(f.error.message).not.toMatch(/secret|\.ts|at /);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^审议台：/);
    expect(lines[0]).not.toMatch(/\n\s+at /);
    expect(readFileSync(errorLogFile(env.dir), 'utf8')).toMatch(/TypeError: secret internals[\s\S]*\n\s+at /);
  });

  it('lookups of names from outside never reach JavaScript built-ins', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'reports.list.constructor']) {
      const f = await env.failure(name, {});
      expect(f.status).toBe(404);
    }
  });
});
