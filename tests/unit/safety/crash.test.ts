/**
 * Never lose a mark: a writer process is killed with SIGKILL at random moments, twenty times, on
 * the same data folder, while it creates annotations, creates and edits drafts, imports exchange
 * bundles and restores backups. After every kill the database opens, passes integrity_check, and
 * holds every write the writer printed (printed = the API call returned = committed); a restore
 * the writer printed replaces what is expected with what that backup held, and a restore the kill
 * interrupted may or may not have happened — but one of the two states is there, whole. The next
 * start never mistakes the crash for lost data (no recovery prompt), and every file in the
 * backups folder that carries a backup's name is a good backup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { ROOT } from '../../helpers/host';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { backupFolder, listBackupNames, verifyBackupFile } from '../../../electron/core/store/backup';
import { DATABASE_FILE, startBackend } from '../../../electron/api/app';
import { dispatchCall } from '../../helpers/call';

const ROUNDS = 20;
const RESOURCES = join(ROOT, 'resources');
const DRAFT_REVISION = /第(\d+)稿$/;
let writer: string;
let buildDir: string;
let dataDir: string;
let bundlesDir: string;
/** what each bundle carries: its annotation ids and its drafts (revision 0) */
const bundleContents: { a: string[]; d: string[] }[] = [];

// A seeded generator so a failing run can be repeated with the printed seed.
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Four exchange bundles from another machine, each a few marks larger than the one before. */
async function makeBundles(dir: string): Promise<void> {
  const otherDir = mkdtempSync(join(tmpdir(), 'rd-crash-other-'));
  const other = startBackend({ dataDir: otherDir, resourcesDir: RESOURCES, platform: 'web', version: 'crash-test', backupAtStart: false, log: () => {} });
  const call = dispatchCall(() => other.handlers);
  try {
    const info = await call('app.info', {});
    const doc = await call('reports.get', { versionId: info.startVersionId! });
    const blocks = (doc.blocks as { id: string; text: string }[]).filter((b) => b.text.length > 30);
    const a: string[] = [];
    const d: string[] = [];
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < 5; i++) {
        const b = blocks[(k * 5 + i) % blocks.length];
        const t = { blockId: b.id, start: 2, end: 12, exact: b.text.slice(2, 12), prefix: '', suffix: '' };
        a.push((await call('annotations.create', { versionId: doc.version.id, color: 'green', note: `另一台电脑的批注 ${k}-${i}`, targets: [t] })).id);
      }
      d.push((await call('drafts.create', { versionId: doc.version.id, kind: 'opinion', title: `交换包意见稿 ${k} 第0稿` })).id);
      const bundle = await call('bundles.export', {});
      writeFileSync(join(dir, `${k}.reviewdesk`), Buffer.from(bundle.dataBase64!, 'base64'));
      bundleContents.push({ a: [...a], d: [...d] });
    }
  } finally {
    other.close();
    rmSync(otherDir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  // Bundled once: a plain `node` start is far quicker than tsx, twenty times over. Laid out like
  // the built app (host/ and worker/ side by side), so the bundle-reading worker job is found.
  buildDir = join(ROOT, '.tmp', `crash-${process.pid}`);
  mkdirSync(buildDir, { recursive: true });
  writer = join(buildDir, 'host', 'crash-writer.cjs');
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    minify: true,
    logLevel: 'error',
    // as scripts/build.mjs: `import.meta.url` in CommonJS, so core/jobs/runner.ts finds the worker
    define: { 'import.meta.url': '__import_meta_url' },
    banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(ROOT, 'tests/helpers/crash-writer.ts')], outfile: writer }),
    build({ ...common, entryPoints: [join(ROOT, 'electron/core/jobs/worker.ts')], outfile: join(buildDir, 'worker', 'jobs.cjs') }),
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'rd-crash-'));
  bundlesDir = mkdtempSync(join(tmpdir(), 'rd-crash-bundles-'));
  await makeBundles(bundlesDir);
}, 60_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(bundlesDir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

function runAndKill(delayMs: number, seed: number): Promise<{ lines: string[]; killedAfterAcks: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, 'stress', dataDir, RESOURCES, bundlesDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // the countdown starts at the first write the writer acknowledged, not at its start-up line
      if (!timer && /^(A|DC|DU|B|RB) /m.test(out)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself (${code}): ${out.split('\n').find((l) => l.startsWith('R ')) ?? err}`));
      // only complete lines: a half-printed line was never acknowledged
      const lines = out.split('\n');
      lines.pop();
      resolve({ lines: lines.filter(Boolean), killedAfterAcks: timer !== null });
    });
  });
}

/** What must be in the database: live annotations, and drafts at (at least) a revision. */
interface Expected {
  a: Set<string>;
  d: Map<string, number>;
}

function missingFrom(db: Db, expected: Expected): string[] {
  const annotation = db.prepare('SELECT 1 FROM annotations WHERE id = ? AND deleted_at IS NULL');
  const draft = db.prepare('SELECT title FROM drafts WHERE id = ? AND deleted_at IS NULL');
  const missing = [...expected.a].filter((id) => !annotation.get(id)).map((id) => `annotation ${id}`);
  for (const [id, n] of expected.d) {
    const row = draft.get(id) as { title: string } | undefined;
    const has = row ? Number(DRAFT_REVISION.exec(row.title)?.[1] ?? -1) : -1;
    // a later edit may have committed just before the kill, unprinted: at least the printed one
    if (has < n) missing.push(`draft ${id} revision ${n} (found ${row ? has : 'none'})`);
  }
  return missing;
}

describe('killing the app while it writes', () => {
  it(`loses no acknowledged annotation, draft, bundle import or restore, and never corrupts the database (${ROUNDS} SIGKILLs)`, async () => {
    const seed = Date.now() % 100_000;
    const random = rng(seed);
    let expected: Expected = { a: new Set(), d: new Map() };
    const acks = { annotations: 0, draftsCreated: 0, draftEdits: 0, bundleImports: 0, restores: 0, restoresCut: 0, restoresCutThatHappened: 0 };
    let survived = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const delay = 150 + Math.floor(random() * 650);
      const { lines, killedAfterAcks } = await runAndKill(delay, seed * 100 + round);
      expect(killedAfterAcks, `round ${round}: the writer was killed before it acknowledged anything`).toBe(true);
      let restoring: Expected | null = null;
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'P') expect([a, b], `round ${round}: the live connection`).toEqual(['wal', '2']);
        else if (kind === 'A') {
          expected.a.add(a);
          acks.annotations++;
        } else if (kind === 'DC' || kind === 'DU') {
          expected.d.set(a, Number(b));
          acks[kind === 'DC' ? 'draftsCreated' : 'draftEdits']++;
        } else if (kind === 'B') {
          const bundle = bundleContents[Number(a)];
          bundle.a.forEach((id) => expected.a.add(id));
          bundle.d.forEach((id) => expected.d.set(id, expected.d.get(id) ?? 0));
          acks.bundleImports++;
        } else if (kind === 'RB') {
          const held = JSON.parse(line.slice(line.indexOf('{'))) as { a: string[]; d: Record<string, number> };
          restoring = { a: new Set(held.a), d: new Map(Object.entries(held.d)) };
        } else if (kind === 'RD') {
          expected = restoring!;
          restoring = null;
          acks.restores++;
        }
      }
      const db = openDatabase(join(dataDir, DATABASE_FILE)); // runs integrity_check; throws store/corrupt otherwise
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        let missing = missingFrom(db, expected);
        if (restoring) {
          // killed during a restore: either the old state or the backup's, never a mix
          acks.restoresCut++;
          const missingRestored = missingFrom(db, restoring);
          if (missing.length && !missingRestored.length) {
            expected = restoring;
            missing = [];
            acks.restoresCutThatHappened++;
          }
        }
        expect(missing, `seed ${seed}, round ${round}: acknowledged but lost`).toEqual([]);
      } finally {
        db.close();
      }
      for (const name of listBackupNames(backupFolder(dataDir))) verifyBackupFile(join(backupFolder(dataDir), name));
      survived++;
    }
    const backups = listBackupNames(backupFolder(dataDir)).length;
    console.log(
      `crash test: ${survived} SIGKILLs survived (seed ${seed}); acknowledged and present: ${acks.annotations} annotations created, ` +
        `${acks.draftsCreated} drafts created, ${acks.draftEdits} draft edits, ${acks.bundleImports} bundle imports, ${acks.restores} restores ` +
        `(${acks.restoresCut} cut by the kill, ${acks.restoresCutThatHappened} of them completed); ${expected.a.size} annotations and ` +
        `${expected.d.size} drafts expected at the end, all there; ${backups} backups verified`,
    );
    expect(survived).toBe(ROUNDS);
    expect(acks.annotations).toBeGreaterThan(ROUNDS);
    expect(acks.draftEdits).toBeGreaterThan(0);
    expect(acks.bundleImports).toBeGreaterThan(0);
    expect(acks.restores).toBeGreaterThan(0);

    // the next start after all those kills: no false alarm, the expected state, the same pragmas
    const backend = startBackend({ dataDir, resourcesDir: RESOURCES, platform: 'web', version: 'crash-test', backupAtStart: false, log: () => {} });
    try {
      expect(backend.ctx.recovery).toBeNull();
      expect(missingFrom(backend.ctx.store.db, expected)).toEqual([]);
      expect(backend.ctx.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(backend.ctx.store.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      backend.close();
    }
  }, 60_000);

  it('runs the live connection in WAL with synchronous=FULL, also after a restore reopened it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-pragmas-'));
    const backend = startBackend({ dataDir: dir, resourcesDir: RESOURCES, platform: 'web', version: 'crash-test', backupAtStart: false, log: () => {} });
    const call = dispatchCall(() => backend.handlers);
    try {
      const pragmas = () => [backend.ctx.store.db.pragma('journal_mode', { simple: true }), backend.ctx.store.db.pragma('synchronous', { simple: true })];
      expect(pragmas()).toEqual(['wal', 2]);
      const backup = await call('backups.create');
      await call('backups.restore', { name: backup.name });
      expect(pragmas()).toEqual(['wal', 2]);
    } finally {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
