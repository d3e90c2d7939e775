import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { tempStore, importBundled } from '../../helpers/tempdb';
import { contentHash } from '../../helpers/dbhash';
import type { Store } from '../../../electron/core/store';
import { readBundle, writeBundle, sha256Hex, MAX_UNCOMPRESSED_BYTES, BUNDLE_SCHEMA_VERSION } from '../../../electron/core/bundle/format';
import { isReviewDeskError } from '../../../electron/core/errors';

type Temp = ReturnType<typeof tempStore>;
let office: Temp; // the deputy's office PC
let laptop: Temp; // the meeting-hall laptop
let officeVersion: string;
let laptopVersion: string;

beforeEach(() => {
  office = tempStore();
  laptop = tempStore();
  // Every copy of ReviewDesk imports the bundled report with its own random ids.
  officeVersion = importBundled(office.store).versionId;
  laptopVersion = importBundled(laptop.store).versionId;
});
afterEach(() => {
  office.cleanup();
  laptop.cleanup();
});

function exportFrom(store: Store, reportId?: string): Uint8Array {
  return writeBundle({
    createdAt: new Date().toISOString(),
    appVersion: 'test',
    author: '张代表',
    reportId: reportId ?? null,
    ...store.bundles.collect({ reportId }),
  });
}

function importInto(store: Store, bytes: Uint8Array) {
  return store.bundles.import(readBundle(bytes));
}

function mark(store: Store, versionId: string, blockIndex: number, note: string, tags: string[] = []) {
  const block = store.reports.blocksOf(versionId)[blockIndex];
  return store.annotations.create({
    versionId,
    color: 'yellow',
    note,
    tags,
    author: '张代表',
    targets: [{ blockId: block.id, start: 0, end: 6, exact: block.text.slice(0, 6), prefix: '', suffix: block.text.slice(6, 20) }],
  });
}

function amendment(store: Store, versionId: string, blockIndex: number, proposed: string) {
  const block = store.reports.blocksOf(versionId)[blockIndex];
  return store.drafts.create({
    versionId,
    kind: 'amendment',
    author: '张代表',
    fields: { op: 'modify', original: block.text.slice(0, 8), proposed, reason: '表述更准确' },
    targets: [{ blockId: block.id, start: 0, end: 8, exact: block.text.slice(0, 8), prefix: '', suffix: '' }],
  });
}

function refusal(store: Store, bytes: Uint8Array): { code: string; message: string } {
  const before = contentHash(store.db);
  try {
    importInto(store, bytes);
  } catch (e) {
    expect(isReviewDeskError(e)).toBe(true);
    expect(contentHash(store.db)).toBe(before);
    return e as { code: string; message: string };
  }
  throw new Error('expected the bundle to be refused');
}

function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

describe('carrying marks from the office PC to the laptop', () => {
  it('brings notes, tags, drafts and the report itself onto the same report on the other machine', () => {
    const a = mark(office.store, officeVersion, 5, '这个数字要核实', ['数据', '民生']);
    const d = amendment(office.store, officeVersion, 8, '进一步加快');
    const r = importInto(laptop.store, exportFrom(office.store));
    expect(r.annotations).toEqual({ added: 1, updated: 0, unchanged: 0, deleted: 0 });
    expect(r.drafts).toEqual({ added: 1, updated: 0, unchanged: 0, deleted: 0 });
    // same report (same file, same paragraphs): no second copy in the library
    expect(r.reports).toEqual({ added: 0, unchanged: 1 });
    expect(laptop.store.reports.list()).toHaveLength(1);
    const got = laptop.store.annotations.list(laptopVersion);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ id: a.id, note: '这个数字要核实', tags: ['数据', '民生'], author: '张代表', versionId: laptopVersion });
    const drafts = laptop.store.drafts.listByReport(laptop.store.reports.getVersionInfo(laptopVersion).reportId);
    expect(drafts.map((x) => [x.id, x.fields.proposed])).toEqual([[d.id, '进一步加快']]);
    // the note is searchable on the laptop too
    expect(laptop.store.search.query('数字要核实', { versionId: laptopVersion, reportId: got[0].reportId }).some((h) => h.kind === 'note')).toBe(true);
  });

  it('imports a report the other machine does not have, with its original file and paragraphs', () => {
    const fresh = tempStore();
    try {
      mark(office.store, officeVersion, 3, '批注');
      const r = importInto(fresh.store, exportFrom(office.store));
      expect(r.reports.added).toBe(1);
      expect(r.versions.added).toBe(1);
      const v = fresh.store.reports.getVersion(officeVersion);
      expect(v.blocks.map((b) => b.text)).toEqual(office.store.reports.blocksOf(officeVersion).map((b) => b.text));
      expect(fresh.store.reports.sourceBytes(officeVersion).bytes.equals(office.store.reports.sourceBytes(officeVersion).bytes)).toBe(true);
    } finally {
      fresh.cleanup();
    }
  });

  it('changes nothing when the same bundle is imported twice', () => {
    mark(office.store, officeVersion, 5, '一');
    mark(office.store, officeVersion, 6, '二');
    amendment(office.store, officeVersion, 8, '改');
    const bundle = exportFrom(office.store);
    importInto(laptop.store, bundle);
    const before = contentHash(laptop.store.db);
    const again = importInto(laptop.store, bundle);
    expect(again.annotations).toEqual({ added: 0, updated: 0, unchanged: 2, deleted: 0 });
    expect(again.drafts).toEqual({ added: 0, updated: 0, unchanged: 1, deleted: 0 });
    expect(again.conflicts).toEqual([]);
    expect(contentHash(laptop.store.db)).toBe(before);
  });

  it('lets the newer edit win, carries deletions, and lists real conflicts keeping the local copy', async () => {
    const a = mark(office.store, officeVersion, 5, '初稿');
    const b = mark(office.store, officeVersion, 6, '要删的');
    importInto(laptop.store, exportFrom(office.store));
    await new Promise((r) => setTimeout(r, 5));
    office.store.annotations.update(a.id, { note: '修改后的批注' });
    office.store.annotations.delete(b.id);
    const r = importInto(laptop.store, exportFrom(office.store));
    expect(r.annotations).toMatchObject({ updated: 1, deleted: 1 });
    expect(laptop.store.annotations.get(a.id).note).toBe('修改后的批注');
    expect(laptop.store.annotations.list(laptopVersion).map((x) => x.id)).toEqual([a.id]);

    // both sides edit; the laptop's edit is newer, then the office bundle arrives
    const officeBundle = exportFrom(office.store);
    await new Promise((r) => setTimeout(r, 5));
    laptop.store.annotations.update(a.id, { note: '会场上改的' });
    const before = contentHash(laptop.store.db);
    const c = importInto(laptop.store, officeBundle);
    expect(c.conflicts).toHaveLength(1);
    expect(c.conflicts[0]).toMatchObject({ kind: 'annotation', id: a.id, author: '张代表' });
    expect(c.conflicts[0].reason).toMatch(/保留本机/);
    expect(laptop.store.annotations.get(a.id).note).toBe('会场上改的');
    expect(contentHash(laptop.store.db)).toBe(before);
  });

  it('writes a bundle without carried marks as schema 1, so an older ReviewDesk still reads it', () => {
    mark(office.store, officeVersion, 5, '一');
    amendment(office.store, officeVersion, 8, '改');
    const files = unzipSync(exportFrom(office.store));
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).schemaVersion).toBe(1);
    // the fields schema 2 added are absent, not null: a schema-1 reader refuses unknown fields
    const text = new TextDecoder().decode(files['annotations.json']) + new TextDecoder().decode(files['drafts.json']);
    expect(text).not.toMatch(/"history"|"targetsVersionId"/);
  });

  it('exports one report only when asked', () => {
    const other = tempStore();
    try {
      const otherIds = importBundled(other.store, '另一份');
      const bytes = exportFrom(other.store, otherIds.reportId);
      expect(readBundle(bytes).reports.map((r) => r.id)).toEqual([otherIds.reportId]);
    } finally {
      other.cleanup();
    }
  });
});

describe('refusing bad bundles without writing anything', () => {
  let good: Uint8Array;
  beforeEach(() => {
    mark(office.store, officeVersion, 5, '原来的批注');
    good = exportFrom(office.store);
  });

  it('refuses a JSON entry changed without fixing its checksum', () => {
    const bad = rezip(good, (f) => {
      f['annotations.json'] = strToU8(new TextDecoder().decode(f['annotations.json']).replace('原来的批注', '被改过的批注'));
    });
    const e = refusal(laptop.store, bad);
    expect(e.code).toBe('bundle/tampered');
    expect(e.message).toMatch(/校验失败.*已拒绝导入/);
  });

  it('refuses flipped bytes, a truncated file and something that is not a zip', () => {
    const flipped = good.slice();
    for (let i = 200; i < 260; i++) flipped[i] ^= 0xff;
    expect(refusal(laptop.store, flipped).message).toMatch(/已拒绝导入/);
    expect(refusal(laptop.store, good.slice(0, Math.floor(good.length / 2))).code).toMatch(/bundle\/(truncated|corrupt|tampered)/);
    expect(refusal(laptop.store, strToU8('这不是压缩包')).code).toBe('bundle/not-a-bundle');
  });

  it('refuses a bundle from a newer app version with a plain message', () => {
    const bad = rezip(good, (f) => {
      const m = JSON.parse(new TextDecoder().decode(f['manifest.json']));
      m.schemaVersion = BUNDLE_SCHEMA_VERSION + 1;
      f['manifest.json'] = strToU8(JSON.stringify(m));
    });
    expect(refusal(laptop.store, bad).message).toMatch(/更新版本的审议台.*请先升级/);
  });

  it('refuses entries whose names try to leave the folder, and too many entries', () => {
    const files = unzipSync(good);
    const traversal = zipSync({ ...files, '../../etc/passwd': strToU8('x') });
    expect(refusal(laptop.store, traversal).code).toBe('bundle/unsafe-name');
    const many: Record<string, Uint8Array> = { ...files };
    for (let i = 0; i < 70; i++) many[`extra-${i}.txt`] = strToU8('x');
    expect(refusal(laptop.store, zipSync(many)).code).toBe('bundle/too-many-entries');
  });

  it('stops a zip bomb while inflating: by the running byte count, and when a header lies about its size', () => {
    const MB = 1024 * 1024;
    const limit = { maxBytes: 4 * MB };
    // each entry declares an honest size under the limit; only the running total can catch them
    const spread = zipSync(
      { 'manifest.json': new Uint8Array(2 * MB), 'reports.json': new Uint8Array(2 * MB), 'annotations.json': new Uint8Array(2 * MB) },
      { level: 9 },
    );
    expect(spread.length).toBeLessThan(100 * 1024);
    const before = contentHash(laptop.store.db);
    expect(() => readBundle(spread, limit)).toThrow(/解压后超过 4 MB.*已拒绝导入/);
    // a header claiming 100 bytes for 8 MB of zeros is stopped while inflating, not after
    const liar = zipSync({ 'reports.json': new Uint8Array(8 * MB) }, { level: 9 });
    new DataView(liar.buffer, liar.byteOffset).setUint32(22, 100, true);
    expect(() => readBundle(liar, limit)).toThrow(/已拒绝导入/);
    // an entry declaring more than the real 200 MB limit is refused before inflating anything
    const declared = zipSync({ 'reports.json': new Uint8Array(1000) });
    new DataView(declared.buffer, declared.byteOffset).setUint32(22, MAX_UNCOMPRESSED_BYTES + 1, true);
    expect(refusal(laptop.store, declared).code).toBe('bundle/too-large');
    expect(contentHash(laptop.store.db)).toBe(before);
  });

  it('refuses records that do not match the schema even when checksums are right', () => {
    const contents = office.store.bundles.collect();
    const withBadColor = writeBundle({
      createdAt: new Date().toISOString(),
      appVersion: 't',
      author: '',
      reportId: null,
      ...contents,
      annotations: contents.annotations.map((a) => ({ ...a, color: 'pink' as 'red' })),
    });
    expect(refusal(laptop.store, withBadColor).message).toMatch(/格式不正确/);
    // prototype-pollution keys are unknown fields
    const polluted = rezip(good, (f) => {
      const text = new TextDecoder().decode(f['annotations.json']).replace('{"id"', '{"__proto__":{"polluted":1},"id"');
      f['annotations.json'] = strToU8(text);
      const m = JSON.parse(new TextDecoder().decode(f['manifest.json']));
      m.files = m.files.map((x: { name: string }) =>
        x.name === 'annotations.json' ? { ...x, sha256: sha256Hex(f['annotations.json']), bytes: f['annotations.json'].length } : x,
      );
      f['manifest.json'] = strToU8(JSON.stringify(m));
    });
    expect(refusal(laptop.store, polluted).code).toBe('bundle/invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses marks that point at paragraphs the report does not have', () => {
    const contents = office.store.bundles.collect();
    const broken = writeBundle({
      createdAt: new Date().toISOString(),
      appVersion: 't',
      author: '',
      reportId: null,
      ...contents,
      annotations: contents.annotations.map((a) => ({ ...a, targets: a.targets.map((t) => ({ ...t, blockId: 'no-such-block' })) })),
    });
    expect(refusal(laptop.store, broken).code).toBe('bundle/inconsistent');
  });
});
