/**
 * Never lose a mark: a writer process is killed with SIGKILL at random moments, twenty times, on
 * the same data folder. After every kill the database opens, passes integrity_check, and holds
 * every annotation whose id the writer printed (printed = the API call returned = committed).
 * Every file in the backups folder that carries a backup's name is a good backup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../helpers/host';
import { openDatabase } from '../../../electron/core/store/db';
import { backupFolder, listBackupNames, verifyBackupFile } from '../../../electron/core/store/backup';
import { DATABASE_FILE } from '../../../electron/api/app';

const ROUNDS = 20;
let writer: string;
let dataDir: string;

// A seeded generator so a failing run can be repeated with the printed seed.
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

beforeAll(async () => {
  // Bundled once: a plain `node` start is far quicker than tsx, twenty times over.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writer = join(ROOT, '.tmp', `crash-writer-${process.pid}.cjs`);
  await build({ entryPoints: [join(ROOT, 'tests/helpers/crash-writer.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: writer, external: ['better-sqlite3'], minify: true, logLevel: 'error' });
  dataDir = mkdtempSync(join(tmpdir(), 'rd-crash-'));
}, 60_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(writer, { force: true });
});

function runAndKill(delayMs: number): Promise<{ acked: string[]; killedAfterAcks: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, join(ROOT, 'resources')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself (${code}): ${err}`));
      // only complete lines: a half-printed id was never acknowledged
      const lines = out.split('\n');
      lines.pop();
      resolve({ acked: lines.filter(Boolean), killedAfterAcks: timer !== null });
    });
  });
}

describe('killing the app while it writes', () => {
  it(`loses no acknowledged annotation and never corrupts the database (${ROUNDS} SIGKILLs)`, async () => {
    const seed = Date.now() % 100_000;
    const random = rng(seed);
    const all: string[] = [];
    let survived = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const delay = 100 + Math.floor(random() * 500);
      const { acked, killedAfterAcks } = await runAndKill(delay);
      expect(killedAfterAcks, `round ${round}: the writer was killed before it acknowledged anything`).toBe(true);
      all.push(...acked);
      const db = openDatabase(join(dataDir, DATABASE_FILE)); // runs integrity_check; throws store/corrupt otherwise
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const has = db.prepare('SELECT 1 FROM annotations WHERE id = ? AND deleted_at IS NULL');
        const missing = all.filter((id) => !has.get(id));
        expect(missing, `seed ${seed}, round ${round}: acknowledged but lost`).toEqual([]);
      } finally {
        db.close();
      }
      for (const name of listBackupNames(backupFolder(dataDir))) verifyBackupFile(join(backupFolder(dataDir), name));
      survived++;
    }
    console.log(`crash test: ${survived} SIGKILLs survived, ${all.length} acknowledged annotations all present, ${listBackupNames(backupFolder(dataDir)).length} backups verified (seed ${seed})`);
    expect(survived).toBe(ROUNDS);
    expect(all.length).toBeGreaterThan(ROUNDS);
  }, 60_000);
});
