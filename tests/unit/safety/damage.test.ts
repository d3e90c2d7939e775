/**
 * What the user sees when the data file was damaged, emptied, lost, or lost its write-ahead log
 * after a crash: never a silent empty start. Real files and real SQLite throughout: a child
 * process writes through the back end and is killed with SIGKILL while it holds the database
 * open (so the -wal is left un-checkpointed, as a crash or power cut leaves it), the files are
 * damaged the way disks and sync tools damage them, and the back end is started on the folder.
 * Each case checks the recovery prompt's facts, that the damaged file was kept, that no good
 * backup was pruned, and that restoring brings the data back — and that it stays back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../helpers/host';
import { DATABASE_FILE, startBackend, type Backend } from '../../../electron/api/app';
import type { Timers } from '../../../electron/core/store/backupSchedule';
import { dispatchCall } from '../../helpers/call';

const RESOURCES = join(ROOT, 'resources');
let buildDir: string;
let writer: string;

beforeAll(async () => {
  buildDir = join(ROOT, '.tmp', `damage-${process.pid}`);
  mkdirSync(buildDir, { recursive: true });
  writer = join(buildDir, 'host', 'crash-writer.cjs');
  await build({
    entryPoints: [join(ROOT, 'tests/helpers/crash-writer.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    minify: true,
    logLevel: 'error',
    define: { 'import.meta.url': '__import_meta_url' },
    banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  });
}, 60_000);
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

const folders: string[] = [];
let running: Backend | null = null;
afterEach(() => {
  running?.close();
  running = null;
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Timers that only run when told: a test sees whether a backup was scheduled, and runs it. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let seq = 0;
  const timers: Timers = { setTimeout: (fn) => (pending.set(++seq, fn), seq), clearTimeout: (h) => void pending.delete(h as number) };
  return {
    timers,
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((f) => f());
    },
  };
}

function start(dir: string) {
  running?.close();
  const clock = manualTimers();
  const backend = startBackend({ dataDir: dir, resourcesDir: RESOURCES, platform: 'web', version: 'test', backupTimers: clock.timers, log: () => {} });
  running = backend;
  const call = dispatchCall(() => backend.handlers);
  const settle = async () => {
    clock.fire();
    await backend.ctx.backups!.scheduler.idle();
  };
  return { backend, call, settle };
}

interface Crashed {
  dir: string;
  live: string;
  /** in the backup (3 annotations, then a draft) */
  beforeBackup: string[];
  draft: string;
  /** acknowledged after the backup, before the kill: only in the -wal */
  afterBackup: string[];
  backup: string;
  /** the -wal's size when the backup was taken: the frames before it hold what the backup holds */
  walBytesAtBackup: number;
}

/**
 * A data folder as a crash leaves it: seeded and closed once (so the -wal starts empty), then a
 * writer process makes three annotations and a draft, a backup, three more annotations, and is
 * killed while it holds the database open.
 */
async function crashedFolder(): Promise<Crashed> {
  const dir = mkdtempSync(join(tmpdir(), 'rd-damage-'));
  folders.push(dir);
  startBackend({ dataDir: dir, resourcesDir: RESOURCES, platform: 'web', version: 'test', backupAtStart: false, log: () => {} }).close();
  const lines = await new Promise<string[]>((resolve, reject) => {
    const child = spawn(process.execPath, [writer, 'hold', dir, RESOURCES], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY\n')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL' || !out.includes('READY\n')) return reject(new Error(`writer did not finish: ${out}${err}`));
      resolve(out.split('\n').filter(Boolean));
    });
  });
  const ids = (kind: string) => lines.filter((l) => l.startsWith(`${kind} `)).map((l) => l.split(' ')[1]);
  const bk = lines.find((l) => l.startsWith('BK '))!.split(' ');
  const backupAt = lines.findIndex((l) => l.startsWith('BK '));
  const live = join(dir, DATABASE_FILE);
  expect(statSync(`${live}-wal`).size, 'the kill left the writes in the -wal').toBeGreaterThan(Number(bk[2]) - 1);
  return {
    dir,
    live,
    beforeBackup: lines
      .slice(0, backupAt)
      .filter((l) => l.startsWith('A '))
      .map((l) => l.split(' ')[1]),
    draft: ids('DC')[0],
    afterBackup: lines
      .slice(backupAt)
      .filter((l) => l.startsWith('A '))
      .map((l) => l.split(' ')[1]),
    backup: bk[1],
    walBytesAtBackup: Number(bk[2]),
  };
}

async function annotationIds(call: ReturnType<typeof start>['call']): Promise<string[]> {
  const info = await call('app.info');
  if (!info.startVersionId!) return [];
  return ((await call('annotations.list', { versionId: info.startVersionId })) as { id: string }[]).map((a) => a.id).sort();
}

function backupNames(dir: string): string[] {
  return existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite3')) : [];
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

function readBytes(file: string, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return buf;
}

/**
 * What every damage case must show: the recovery prompt with its message, no seeding, no backup of
 * the stand-in (at start or after a write), the good backup still there, and a restore that brings
 * back what the backup held — for good: the next start is normal, and so is the one after a write.
 */
async function expectRecoveryThenRestore(c: Crashed, message: RegExp) {
  const app = start(c.dir);
  const info = await app.call('app.info');
  expect(info.recovery, 'the recovery prompt').not.toBeNull();
  expect(info.recovery!.message).toMatch(message);
  expect(info.recovery!.message).toMatch(/可以从最近的备份（.*）恢复/);
  expect(info.recovery!.newestBackup).toMatchObject({ name: c.backup, counts: { annotations: 3, drafts: 1 } });
  // no silent fresh start: nothing seeded, nothing backed up, even after a write
  expect(await app.call('reports.list')).toEqual([]);
  await app.call('settings.set', { key: 'author.name', value: '张代表' });
  await app.settle();
  expect(backupNames(c.dir)).toEqual([c.backup]);
  const refused = await app.call('backups.create').catch((e: { error: { message: string } }) => e.error.message);
  expect(refused).toMatch(/需要先恢复/);

  // closing at the prompt and starting again asks the same question, still nothing seeded
  const again = start(c.dir);
  const info2 = await again.call('app.info');
  expect(info2.recovery).toMatchObject({ damagedFile: info.recovery!.damagedFile, message: info.recovery!.message });
  expect(await again.call('reports.list')).toEqual([]);

  const restored = await again.call('backups.restore', { name: info2.recovery!.newestBackup!.name });
  expect(restored.safetyBackup, 'the empty stand-in is not backed up').toBeNull();
  expect((await again.call('app.info')).recovery).toBeNull();
  expect(await annotationIds(again.call)).toEqual([...c.beforeBackup].sort());
  expect((await again.call('drafts.list', { versionId: (await again.call('app.info')).startVersionId! })).map((d: { id: string }) => d.id)).toEqual([c.draft]);

  // restoring an older backup is not mistaken for lost writes, now or after more writes
  const after = start(c.dir);
  expect((await after.call('app.info')).recovery).toBeNull();
  await after.call('annotations.delete', { id: c.beforeBackup[0] });
  await after.settle();
  const later = start(c.dir);
  expect((await later.call('app.info')).recovery).toBeNull();
  expect(backupNames(c.dir)).toContain(c.backup);
  return info.recovery as { damagedFile: string; message: string };
}

describe('a data file that is gone or empty', () => {
  it('zero bytes: recovery with the newest backup offered, the empty file kept', async () => {
    const c = await crashedFolder();
    truncateSync(c.live, 0);
    const recovery = await expectRecoveryThenRestore(c, /数据文件是空的（0 字节）.*已移到/);
    expect(recovery.damagedFile).toMatch(/reviewdesk\.sqlite3\.damaged-\d{8}-\d{6}$/);
    expect(statSync(recovery.damagedFile).size).toBe(0);
    // its -wal went with it, for whoever examines it
    expect(existsSync(`${recovery.damagedFile}-wal`)).toBe(true);
  });

  it('missing while backups exist: recovery, and the -wal left behind is moved aside, not replayed', async () => {
    const c = await crashedFolder();
    rmSync(c.live);
    const recovery = await expectRecoveryThenRestore(c, /数据文件 .*reviewdesk\.sqlite3 不见了.*写入日志没有删除，已移到/);
    expect(recovery.damagedFile).toBe('');
    expect(readdirSync(c.dir).some((f) => /^reviewdesk\.sqlite3\.damaged-.*-wal$/.test(f))).toBe(true);
  });

  it('missing with no backups is a first start: the bundled report is seeded, no prompt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-first-'));
    folders.push(dir);
    const app = start(dir);
    expect((await app.call('app.info')).recovery).toBeNull();
    expect(await app.call('reports.list')).toHaveLength(1);
    await app.settle(); // the start backup
    expect(backupNames(dir)).toHaveLength(1);
    expect((await start(dir).call('app.info')).recovery).toBeNull();
  });
});

describe('a write-ahead log damaged or lost after a crash', () => {
  it('a damaged header (SQLite then ignores the whole -wal): the lost writes are noticed', async () => {
    const c = await crashedFolder();
    const garbage = randomBytes(32);
    overwrite(`${c.live}-wal`, 0, garbage);
    const recovery = await expectRecoveryThenRestore(c, /缺少已经保存过的修改.*写入日志（-wal 文件）损坏或丢失.*已移到/);
    expect(existsSync(recovery.damagedFile)).toBe(true);
    // the damaged log is kept as it was, not as SQLite left it after opening
    expect(readBytes(`${recovery.damagedFile}-wal`, 0, 32)).toEqual(garbage);
  });

  it('random bytes inside the -wal (the frames from there on are dropped): noticed', async () => {
    const c = await crashedFolder();
    const offset = 32 + Math.floor(Math.random() * (c.walBytesAtBackup - 32 - 16));
    const original = readBytes(`${c.live}-wal`, offset, 16);
    // XOR with non-zero bytes: every byte really changes
    const damaged = Buffer.from(original.map((b) => b ^ (1 + Math.floor(Math.random() * 255))));
    overwrite(`${c.live}-wal`, offset, damaged);
    const recovery = await expectRecoveryThenRestore(c, /缺少已经保存过的修改：它比自己 .* 的备份还旧.*已移到/);
    expect(readBytes(`${recovery.damagedFile}-wal`, offset, 16), `damage at byte ${offset} kept`).toEqual(damaged);
  });

  it('a -wal deleted after acknowledged writes (a sync tool, a cleanup): noticed', async () => {
    const c = await crashedFolder();
    rmSync(`${c.live}-wal`);
    const recovery = await expectRecoveryThenRestore(c, /缺少已经保存过的修改/);
    expect(existsSync(recovery.damagedFile)).toBe(true);
  });

  it('an intact -wal after a crash is replayed: everything acknowledged is there, no prompt', async () => {
    const c = await crashedFolder();
    const app = start(c.dir);
    expect((await app.call('app.info')).recovery).toBeNull();
    expect(await annotationIds(app.call)).toEqual([...c.beforeBackup, ...c.afterBackup].sort());
    expect(readdirSync(c.dir).filter((f) => f.includes('damaged') || f.includes('wal-at-start'))).toEqual([]);
  });
});

describe('no false alarm', () => {
  it('after going back to an older backup while newer ones (with more writes) exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-older-'));
    folders.push(dir);
    const app = start(dir);
    const info = await app.call('app.info');
    const doc = await app.call('reports.get', { versionId: info.startVersionId! });
    const b = doc.blocks[6];
    const mark = (note: string) =>
      app.call('annotations.create', {
        versionId: doc.version.id,
        color: 'blue',
        note,
        targets: [{ blockId: b.id, start: 0, end: 5, exact: b.text.slice(0, 5), prefix: '', suffix: '' }],
      });
    await mark('旧的');
    const old = await app.call('backups.create');
    for (let i = 0; i < 5; i++) await mark(`新的 ${i}`);
    await app.call('backups.create');
    const r = await app.call('backups.restore', { name: old.name });
    expect(r.safetyBackup).not.toBeNull();
    // the live file now has fewer writes than two backups made before the restore: that is no loss
    const next = start(dir);
    expect((await next.call('app.info')).recovery).toBeNull();
    expect(await annotationIds(next.call)).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});

describe('continuing with empty data after a loss', () => {
  it('never lets backups of the empty library rotate out the backup that holds the work', async () => {
    const c = await crashedFolder();
    rmSync(c.live);
    rmSync(`${c.live}-wal`);
    const app = start(c.dir);
    expect((await app.call('app.info')).recovery).not.toBeNull();
    await app.call('recovery.dismiss');
    expect(await app.call('reports.list')).toHaveLength(1); // the bundled report, as on a first start
    for (let i = 0; i < 12; i++) {
      await app.call('settings.set', { key: 'view.zoom', value: String(i) });
      await app.call('backups.create');
    }
    const names = backupNames(c.dir);
    expect(names).toContain(c.backup);
    // rotation did run (13 were made), and kept the one with the work
    expect(names.length).toBeLessThan(13);
    // and the empty library is not asked about again
    expect((await start(c.dir).call('app.info')).recovery).toBeNull();
    expect(
      readFileSync(join(c.dir, 'backups', c.backup))
        .subarray(0, 15)
        .toString(),
    ).toBe('SQLite format 3');
  });
});
