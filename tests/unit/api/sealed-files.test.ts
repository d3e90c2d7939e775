/**
 * Files that leave the machine, locked with a passphrase, through the real handlers: a sealed
 * exchange bundle and a sealed exported backup carry none of the text in readable form, and
 * come back only with the right passphrase.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync, unzipSync } from 'fflate';
import { DATABASE_FILE } from '../../../electron/api/app';
import { dialogDestinations } from '../../../electron/api/destinations';
import type { ApiFailure } from '../../../electron/api/dispatch';
import { isSealed } from '../../../electron/core/seal/seal';
import { contentHash } from '../../helpers/dbhash';
import { useBackend } from '../../helpers/backend';

const logged: unknown[] = [];
const env = useBackend('rd-sealed-', () => ({
  backupAtStart: false,
  backupTimers: { setTimeout: () => 0, clearTimeout: () => {} },
  log: (e) => logged.push(e),
}));
const { call } = env;

const NOTE = '内部意见：第三部分关于财政赤字率的表述尚未定稿，请勿外传（甲乙丙丁）';
const PASSPHRASE = '代表团-口令-2025';

async function annotate(note: string) {
  const info = await call('app.info');
  const doc = await call('reports.get', { versionId: info.startVersionId! });
  const b = doc.blocks.filter((x: { text: string }) => x.text.length > 30)[4];
  return call('annotations.create', {
    versionId: doc.version.id,
    color: 'red',
    note,
    tags: ['内部'],
    targets: [{ blockId: b.id, start: 0, end: 6, exact: b.text.slice(0, 6), prefix: '', suffix: '' }],
  });
}
async function notes(): Promise<string[]> {
  const info = await call('app.info');
  return ((await call('annotations.list', { versionId: info.startVersionId! })) as { note: string }[]).map((a) => a.note).sort();
}
const bytesOf = (r: { dataBase64?: string }) => Buffer.from(r.dataBase64!, 'base64');

/** Every readable form of `bytes`: as is, unzipped as a whole, and raw-inflated from every zip entry header found in it. */
function readableForms(bytes: Buffer): Buffer[] {
  const forms = [bytes];
  try {
    forms.push(...Object.values(unzipSync(bytes)).map((b) => Buffer.from(b)));
  } catch {}
  for (let at = bytes.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 1, 'latin1')) {
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    try {
      forms.push(Buffer.from(inflateSync(bytes.subarray(at + 30 + nameLength + extraLength))));
    } catch {}
  }
  return forms;
}
const contains = (bytes: Buffer, text: string) => readableForms(bytes).some((f) => f.includes(Buffer.from(text, 'utf8')));

async function failure(method: string, args: unknown): Promise<ApiFailure> {
  return env.failure(method, args);
}

/** Relaunch on an empty data folder: the bundled report again, none of the marks. */
function wipe() {
  env.restart(() => {
    for (const f of readdirSync(env.dir)) rmSync(join(env.dir, f), { recursive: true, force: true });
  });
}

describe('a sealed exchange bundle', () => {
  it('holds none of the note text, refuses to open without or with a wrong passphrase, and imports with the right one', async () => {
    await annotate(NOTE);
    const plain = await call('bundles.export', {});
    expect(plain.sealed).toBe(false);
    expect(contains(bytesOf(plain), NOTE)).toBe(true); // the check finds the note when it is there

    const sealed = await call('bundles.export', { passphrase: PASSPHRASE });
    expect(sealed.sealed).toBe(true);
    expect(sealed.fileName).toMatch(/\.reviewdesk$/);
    expect(sealed.counts.annotations).toBe(1);
    const bytes = bytesOf(sealed);
    expect(isSealed(bytes)).toBe(true);
    expect(contains(bytes, NOTE)).toBe(false);
    expect(contains(bytes, '财政赤字率')).toBe(false);
    expect(bytes.includes(Buffer.from(PASSPHRASE, 'utf8'))).toBe(false);

    wipe();
    expect(await notes()).toEqual([]);
    const before = contentHash(env.backend.ctx.store.db);
    const args = { fileName: sealed.fileName, dataBase64: sealed.dataBase64! };

    const required = await failure('bundles.import', args);
    expect(required.status).toBe(422);
    expect(required.error.code).toBe('bundle/passphrase-required');
    expect(required.error.message).toMatch(/设置了口令/);

    const wrong = await failure('bundles.import', { ...args, passphrase: '代表团-口令-2024' });
    expect(wrong.error.code).toBe('seal/wrong-passphrase');
    expect(wrong.error.message).toMatch(/^口令不正确/);
    expect(contentHash(env.backend.ctx.store.db)).toBe(before);

    const result = await call('bundles.import', { ...args, passphrase: PASSPHRASE });
    expect(result.annotations.added).toBe(1);
    expect(await notes()).toEqual([NOTE]);
  });

  it('refuses a passphrase shorter than six characters, and a sealed bundle cut short says so', async () => {
    const short = await failure('bundles.export', { passphrase: '12345' });
    expect(short.status).toBe(400);
    expect(short.error.message).toMatch(/口令至少需要 6 个字符/);

    const sealed = bytesOf(await call('bundles.export', { passphrase: PASSPHRASE }));
    const cut = await failure('bundles.import', {
      fileName: 'x.reviewdesk',
      dataBase64: sealed.subarray(0, sealed.length - 100).toString('base64'),
      passphrase: PASSPHRASE,
    });
    expect(cut.error.code).toBe('seal/truncated');
    expect(cut.error.message).toMatch(/文件不完整/);
    // an unsealed bundle imports with or without a passphrase given
    const plain = await call('bundles.export', {});
    await expect(call('bundles.import', { fileName: plain.fileName, dataBase64: plain.dataBase64, passphrase: 'whatever' })).resolves.toMatchObject({
      annotations: { added: 0 },
    });
  });

  it('stores the passphrase nowhere: not in the database, the data folder or the log', async () => {
    await annotate(NOTE);
    await call('bundles.export', { passphrase: PASSPHRASE });
    const backup = await call('backups.create');
    await call('backups.export', { name: backup.name, passphrase: PASSPHRASE });
    const needle = Buffer.from(PASSPHRASE, 'utf8');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
    for (const f of files(env.dir)) expect(readFileSync(f).includes(needle), f).toBe(false);
    expect(JSON.stringify(await call('settings.getAll').catch(() => ({})))).not.toContain(PASSPHRASE);
    expect(logged).toEqual([]);
  });
});

describe('an exported backup', () => {
  it('is a sealed file with none of the note text, imported back only with the right passphrase, without touching the live data', async () => {
    await annotate(NOTE);
    const backup = await call('backups.create');
    const plain = await call('backups.export', { name: backup.name });
    expect(plain).toMatchObject({ sealed: false, fileName: expect.stringMatching(/^审议台备份-\d{8}-\d{6}\.sqlite3$/) });
    expect(contains(bytesOf(plain), NOTE)).toBe(true); // SQLite keeps text as is

    const sealed = await call('backups.export', { name: backup.name, passphrase: PASSPHRASE });
    expect(sealed).toMatchObject({ sealed: true, fileName: expect.stringMatching(/^审议台备份-\d{8}-\d{6}\.rdbackup$/) });
    const bytes = bytesOf(sealed);
    expect(isSealed(bytes)).toBe(true);
    expect(contains(bytes, NOTE)).toBe(false);
    expect(contains(bytes, '财政赤字率')).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3', 'latin1'))).toBe(false);

    await call('annotations.delete', { id: (await call('annotations.list', { versionId: (await call('app.info')).startVersionId! }))[0].id });
    const live = contentHash(env.backend.ctx.store.db);
    const listed = (await call('backups.list')).length;
    const args = { fileName: sealed.fileName, dataBase64: sealed.dataBase64! };

    expect((await failure('backups.importFile', args)).error.code).toBe('backup/passphrase-required');
    const wrong = await failure('backups.importFile', { ...args, passphrase: 'not-the-passphrase' });
    expect(wrong.error.code).toBe('seal/wrong-passphrase');
    expect(await call('backups.list')).toHaveLength(listed);

    const imported = await call('backups.importFile', { ...args, passphrase: PASSPHRASE });
    expect(imported.name).toMatch(/^reviewdesk-\d{8}-\d{6}(-\d+)?\.sqlite3$/);
    expect(imported.counts).toEqual({ reports: 1, annotations: 1, drafts: 0 });
    expect((await call('backups.list')).map((b: { name: string }) => b.name)).toContain(imported.name);
    // importing changed nothing in the live data, and left no temporary file behind (labels.json
    // beside the backups says this one was imported)
    expect(contentHash(env.backend.ctx.store.db)).toBe(live);
    expect(await notes()).toEqual([]);
    expect(readdirSync(join(env.dir, 'backups')).filter((f) => !/^reviewdesk-\d{8}-\d{6}(-\d+)?\.sqlite3$/.test(f))).toEqual(['labels.json']);

    // the user then restores it like any other backup
    await call('backups.restore', { name: imported.name });
    expect(await notes()).toEqual([NOTE]);
  });

  it('on a wiped machine: a plain exported backup imports without a passphrase and restores', async () => {
    await annotate(NOTE);
    const plain = await call('backups.export', { name: (await call('backups.create')).name });
    wipe();
    expect(await notes()).toEqual([]);
    const imported = await call('backups.importFile', { fileName: plain.fileName, dataBase64: plain.dataBase64! });
    await call('backups.restore', { name: imported.name });
    expect(await notes()).toEqual([NOTE]);
  });

  it('refuses a file that is not a ReviewDesk database, and changes nothing', async () => {
    const before = (await call('backups.list')).length;
    const bundle = await call('bundles.export', {});
    const notDb = [
      Buffer.from('这不是数据库'.repeat(200)),
      bytesOf(bundle),
      Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 7)]),
      readFileSync(join(env.dir, DATABASE_FILE)).subarray(0, 2048), // a database cut short
    ];
    for (const data of notDb) {
      const e = await failure('backups.importFile', { fileName: 'x.sqlite3', dataBase64: data.toString('base64') });
      expect(e.status).toBe(422);
      expect(e.error.code).toBe('backup/not-a-backup');
      expect(e.error.message).toMatch(/不是审议台的备份/);
    }
    expect(await call('backups.list')).toHaveLength(before);
    expect(existsSync(join(env.dir, 'backups')) ? readdirSync(join(env.dir, 'backups')).filter((f) => f.includes('import-')) : []).toEqual([]);
  });

  it('writes to a chosen destination, and exports only listed backups', async () => {
    const backup = await call('backups.create');
    const destination = join(env.dir, '带走的备份.rdbackup');
    // as the desktop app's save dialog would have granted it
    env.backend.ctx.destinations = dialogDestinations();
    env.backend.ctx.destinations.grant(destination);
    const r = await call('backups.export', { name: backup.name, passphrase: PASSPHRASE, destination });
    expect(r).toMatchObject({ path: destination, fileName: '带走的备份.rdbackup', sealed: true });
    expect(r.dataBase64).toBeUndefined();
    expect(isSealed(readFileSync(destination))).toBe(true);
    expect((await failure('backups.export', { name: 'reviewdesk-20000101-000000.sqlite3' })).error.code).toBe('backup/not-found');
    expect((await failure('backups.export', { name: '../reviewdesk.sqlite3' })).status).toBe(400);
    expect((await failure('backups.export', { name: backup.name, destination: join(env.dir, 'x.txt') })).status).toBe(400);
  });
});
