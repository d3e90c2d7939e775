/**
 * Bundles that pass every checksum and every schema but still lie: a version whose meta or
 * paragraphs are not what its source file gives, dates that cannot be or have not happened yet,
 * marks whose quote, report or id do not fit, and records that would rewrite someone's authorship
 * or a newer local edit. Each is refused (nothing written) or listed as a conflict (local kept),
 * and no message shows an internal id. Last, the write phase is one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempStore, importBundled, FIXTURES } from '../../helpers/tempdb';
import { contentHash } from '../../helpers/dbhash';
import type { Store } from '../../../electron/core/store';
import { readBundle, writeBundle, sha256Hex, type BundleContents } from '../../../electron/core/bundle/format';
import { isReviewDeskError } from '../../../electron/core/errors';
import { importReportBytes } from '../../../electron/core/report';

type Temp = ReturnType<typeof tempStore>;
type Contents = Pick<BundleContents, 'reports' | 'annotations' | 'drafts'>;
let office: Temp; // where the bundle is made
let laptop: Temp; // has the same bundled report under its own ids
let fresh: Temp; // an empty library: every version in a bundle is new here
let officeVersion: string;
let laptopVersion: string;

beforeEach(() => {
  office = tempStore();
  laptop = tempStore();
  fresh = tempStore();
  officeVersion = importBundled(office.store).versionId;
  laptopVersion = importBundled(laptop.store).versionId;
});
afterEach(() => {
  for (const t of [office, laptop, fresh]) t.cleanup();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** what no user-facing message may contain: a UUID or a paragraph id */
const INTERNAL_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\bp-[0-9a-f]{8}\b/i;

function bundleOf(contents: Contents, opts: { createdAt?: string; author?: string } = {}): Uint8Array {
  return writeBundle({
    createdAt: opts.createdAt ?? new Date().toISOString(),
    appVersion: 'test',
    author: opts.author ?? '张代表',
    reportId: null,
    ...contents,
  });
}

function importInto(store: Store, bytes: Uint8Array, now?: Date) {
  return store.bundles.import(readBundle(bytes), { now });
}

/** The bundle is refused with a typed Chinese error, nothing is written, and no id is shown. */
function refusal(store: Store, bytes: Uint8Array, now?: Date): { code: string; message: string } {
  const before = contentHash(store.db);
  try {
    importInto(store, bytes, now);
  } catch (e) {
    expect(isReviewDeskError(e)).toBe(true);
    expect(contentHash(store.db)).toBe(before);
    const { code, message } = e as { code: string; message: string };
    expect(message).toMatch(/已拒绝导入，没有写入任何数据。$/);
    expect(message).not.toMatch(INTERNAL_ID);
    return { code, message };
  }
  throw new Error('expected the bundle to be refused');
}

function annotate(store: Store, versionId: string, blockIndex: number, note: string, author = '张代表') {
  const block = store.reports.blocksOf(versionId).filter((b) => b.text.length > 30)[blockIndex];
  return store.annotations.create({
    versionId,
    color: 'yellow',
    note,
    author,
    targets: [{ blockId: block.id, start: 4, end: 14, exact: '', prefix: '', suffix: '' }],
  });
}

function amend(store: Store, versionId: string, blockIndex: number, proposed: string, title = '') {
  const block = store.reports.blocksOf(versionId).filter((b) => b.text.length > 30)[blockIndex];
  return store.drafts.create({
    versionId,
    kind: 'amendment',
    title,
    author: '张代表',
    fields: { op: 'modify', original: block.text.slice(0, 8), proposed, reason: '表述更准确' },
    targets: [{ blockId: block.id, start: 0, end: 8, exact: '', prefix: '', suffix: '' }],
  });
}

describe('a version is what its source file gives, whatever its meta says', () => {
  it('rebuilds meta ({blockCount} only, or repairs that are not a list) and paragraph structure from the bundled file', () => {
    annotate(office.store, officeVersion, 3, '批注');
    const expected = office.store.reports.getVersionInfo(officeVersion).meta;
    const expectedBlocks = office.store.reports.blocksOf(officeVersion);
    for (const meta of [{ blockCount: 3 }, { blockCount: 5, repairs: 'not-an-array', artifacts: { length: 1e9 } }]) {
      const target = tempStore();
      try {
        const contents = office.store.bundles.collect();
        const v = contents.reports[0].versions[0];
        v.meta = meta;
        // derived paragraph fields lie too: only ids, kinds and text are compared, the rest is rebuilt
        v.blocks = v.blocks.map((b) => ({ ...b, path: '伪造的出处', level: 9, sentenceEnds: [1], leadEnd: 0 }));
        const r = importInto(target.store, bundleOf(contents));
        expect(r.versions.added).toBe(1);
        // 报告库 reads every version's meta: it must be what the app itself writes
        const [report] = target.store.reports.list();
        expect(report.versions[0].meta).toEqual(expected);
        expect(Array.isArray(report.versions[0].meta.repairs)).toBe(true);
        expect(target.store.reports.blocksOf(officeVersion)).toEqual(expectedBlocks);
        expect(target.store.annotations.list(officeVersion)).toHaveLength(1);
      } finally {
        target.cleanup();
      }
    }
  });

  it('refuses a version whose paragraph text differs from what its source file gives', () => {
    const contents = office.store.bundles.collect();
    const v = contents.reports[0].versions[0];
    v.blocks[10] = { ...v.blocks[10], text: v.blocks[10].text + '（此句为交换包里添加）' };
    const bytes = bundleOf(contents);
    for (const store of [fresh.store, laptop.store]) {
      const e = refusal(store, bytes);
      expect(e.code).toBe('bundle/inconsistent');
      expect(e.message).toMatch(/“征求意见稿”的第 11 段与随附的原文件不符/);
    }
  });

  it('refuses a source file swapped for another one with its checksum fixed', () => {
    const contents = office.store.bundles.collect();
    const v = contents.reports[0].versions[0];
    const other = Buffer.from(readFileSync(join(FIXTURES, 'xianning-2024-gov-work-report.txt'), 'utf8').replace('各位代表', '各位委员'));
    v.sourceBase64 = other.toString('base64');
    v.sourceSha256 = sha256Hex(other);
    expect(refusal(fresh.store, bundleOf(contents)).message).toMatch(/与随附的原文件不符/);
  });

  it('refuses a source file that cannot be read as a report, with the importer’s reason', () => {
    const contents = office.store.bundles.collect();
    const v = contents.reports[0].versions[0];
    const junk = Buffer.from('   \n\n  ');
    v.sourceBase64 = junk.toString('base64');
    v.sourceSha256 = sha256Hex(junk);
    expect(refusal(fresh.store, bundleOf(contents)).message).toMatch(/随附的原文件无法读取/);
  });
});

describe('dates', () => {
  it('refuses dates that do not exist, even in the ISO shape', () => {
    annotate(office.store, officeVersion, 3, '批注');
    const contents = office.store.bundles.collect();
    for (const bad of [
      '2024-13-45T99:99:99Z',
      '2023-02-29T10:00:00.000Z',
      '2024-04-31T10:00:00Z',
      '2024-03-05T24:00:00Z',
      '2024-03-05T10:00:00+25:00',
      '2024-03-05T1Z',
    ]) {
      const bytes = bundleOf({ ...contents, annotations: contents.annotations.map((a) => ({ ...a, updatedAt: bad })) });
      const e = refusal(laptop.store, bytes);
      expect(e.code).toBe('bundle/invalid');
      expect(e.message).toMatch(/updatedAt.*时间格式不正确/);
    }
    // and a real leap day is fine
    const leap = bundleOf({ ...contents, annotations: contents.annotations.map((a) => ({ ...a, createdAt: '2024-02-29T08:00:00+08:00' })) });
    expect(importInto(laptop.store, leap).annotations.added).toBe(1);
  });

  it('refuses dates more than a day ahead of this machine’s clock, judged by the injected now', () => {
    annotate(office.store, officeVersion, 3, '批注');
    const now = new Date();
    const contents = office.store.bundles.collect();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

    const future = bundleOf({ ...contents, annotations: contents.annotations.map((a) => ({ ...a, updatedAt: at(3 * DAY) })) });
    const e = refusal(laptop.store, future, now);
    expect(e.code).toBe('bundle/future-date');
    expect(e.message).toMatch(/批注“.+”的修改时间是 .*晚了一天以上.*时钟不准/);
    expect(refusal(laptop.store, bundleOf(contents, { createdAt: at(2 * DAY) }), now).message).toMatch(/导出时间/);

    // the same bundle judged by a clock two days behind: everything in it is "in the future"
    expect(refusal(laptop.store, bundleOf(contents), new Date(now.getTime() - 2 * DAY)).code).toBe('bundle/future-date');
    // two PCs' clocks an hour or two apart is normal
    const skewed = bundleOf({ ...contents, annotations: contents.annotations.map((a) => ({ ...a, updatedAt: at(2 * HOUR) })) }, { createdAt: at(2 * HOUR) });
    expect(importInto(laptop.store, skewed, now).annotations.added).toBe(1);
  });
});

describe('every mark is re-resolved against the report text', () => {
  it('refuses a mark whose quote is not the text at its position', () => {
    annotate(office.store, officeVersion, 3, '批注');
    const contents = office.store.bundles.collect();
    const forged = contents.annotations.map((a) => ({ ...a, targets: a.targets.map((t) => ({ ...t, exact: '伪造的引文' })) }));
    const e = refusal(laptop.store, bundleOf({ ...contents, annotations: forged }));
    expect(e.code).toBe('bundle/inconsistent');
    expect(e.message).toMatch(/批注“伪造的引文”引用的文字与报告原文不符/);
  });

  it('takes the quote’s context from the paragraph, never from the bundle', () => {
    const a = annotate(office.store, officeVersion, 3, '批注');
    const contents = office.store.bundles.collect();
    const wrongContext = contents.annotations.map((x) => ({ ...x, targets: x.targets.map((t) => ({ ...t, prefix: '<script>', suffix: '别处的文字' })) }));
    expect(importInto(laptop.store, bundleOf({ ...contents, annotations: wrongContext })).annotations.added).toBe(1);
    expect(laptop.store.annotations.get(a.id).targets).toEqual(a.targets);
  });

  it('refuses a mark filed under another report than its version’s', () => {
    const otherBytes = readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt'));
    const other = office.store.reports.importVersion({ parsed: importReportBytes(otherBytes, 'sc.txt'), sourceName: 'sc.txt', sourceBytes: otherBytes });
    amend(office.store, officeVersion, 3, '改', '关于数字的修改');
    const contents = office.store.bundles.collect();
    const misfiled = contents.drafts.map((d) => ({ ...d, reportId: other.reportId }));
    const e = refusal(laptop.store, bundleOf({ ...contents, drafts: misfiled }));
    expect(e.message).toMatch(/修改意见“关于数字的修改”所属的报告与它所在的版本不对应/);
  });

  it('refuses a mark pointing at a paragraph its version does not have, naming the mark, not the paragraph', () => {
    amend(office.store, officeVersion, 3, '改');
    const contents = office.store.bundles.collect();
    const lost = contents.drafts.map((d) => ({ ...d, targets: d.targets.map((t) => ({ ...t, blockId: 'p-0badc0de' })) }));
    expect(refusal(laptop.store, bundleOf({ ...contents, drafts: lost })).message).toMatch(/修改意见“.+”指向的段落不在对应的版本中/);
  });

  it('refuses an id that is already a record of another kind, here or in the bundle', () => {
    const localDraft = amend(laptop.store, laptopVersion, 5, '本机的意见稿');
    annotate(office.store, officeVersion, 3, '批注');
    const contents = office.store.bundles.collect();
    const clash = contents.annotations.map((a) => ({ ...a, id: localDraft.id }));
    expect(refusal(laptop.store, bundleOf({ ...contents, annotations: clash })).message).toMatch(/批注“.+”与本机的一份意见稿编号相同/);

    const d = amend(office.store, officeVersion, 4, '改');
    const both = office.store.bundles.collect();
    const twice = both.annotations.map((a) => ({ ...a, id: d.id }));
    expect(refusal(laptop.store, bundleOf({ ...both, annotations: twice })).message).toMatch(/修改意见“.+”与交换包里的一条批注编号相同/);
    // a version id reused as a report id
    const reused = office.store.bundles.collect();
    reused.reports[0].id = reused.reports[0].versions[0].id;
    expect(refusal(fresh.store, bundleOf({ ...reused, annotations: [], drafts: [] })).message).toMatch(/报告“.+”的“征求意见稿”与交换包里的一份报告编号相同/);
  });
  it('refuses draft fields the draft’s kind does not have, as drafts.create does', () => {
    amend(office.store, officeVersion, 3, '改');
    const contents = office.store.bundles.collect();
    const extra = contents.drafts.map((d) => ({ ...d, fields: { ...d.fields, leadDeputy: '不属于修改意见的项' } }));
    expect(refusal(laptop.store, bundleOf({ ...contents, drafts: extra })).message).toMatch(/fields：修改意见没有这些项：leadDeputy/);
    const badOp = contents.drafts.map((d) => ({ ...d, fields: { ...d.fields, op: 'rewrite-everything' } }));
    expect(refusal(laptop.store, bundleOf({ ...contents, drafts: badOp })).message).toMatch(/修改方式只能是修改、增加或删去/);
  });
});

describe('merging lists what it will not overwrite', () => {
  it('keeps the local copy, and lists a conflict, when the incoming record names another author', () => {
    const a = annotate(office.store, officeVersion, 3, '张代表的批注');
    importInto(laptop.store, bundleOf(office.store.bundles.collect()));
    const contents = office.store.bundles.collect();
    const later = new Date(Date.now() + HOUR).toISOString();
    const usurped = contents.annotations.map((x) => ({ ...x, author: '李代表', note: '李代表改过的批注', updatedAt: later }));
    const before = contentHash(laptop.store.db);
    const r = importInto(laptop.store, bundleOf({ ...contents, annotations: usurped }, { createdAt: later }));
    expect(r.annotations).toEqual({ added: 0, updated: 0, unchanged: 0, deleted: 0 });
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        kind: 'annotation',
        id: a.id,
        author: '李代表',
        label: a.targets[0].exact,
        reason: expect.stringMatching(/作者（李代表）与本机（张代表）不同，保留本机内容/),
      }),
    ]);
    expect(laptop.store.annotations.get(a.id)).toMatchObject({ author: '张代表', note: '张代表的批注' });
    expect(contentHash(laptop.store.db)).toBe(before);
  });

  it('takes a signature on work that was unsigned here (a blank author becoming a name is not a change of author)', () => {
    const a = annotate(office.store, officeVersion, 3, '先写后署名');
    const contents = office.store.bundles.collect();
    const unsigned = contents.annotations.map((x) => ({ ...x, author: '' }));
    importInto(laptop.store, bundleOf({ ...contents, annotations: unsigned }));
    expect(laptop.store.annotations.get(a.id).author).toBe('');
    const later = new Date(Date.now() + 60_000).toISOString();
    const signed = contents.annotations.map((x) => ({ ...x, author: '张代表', updatedAt: later }));
    const r = importInto(laptop.store, bundleOf({ ...contents, annotations: signed }, { createdAt: later }));
    expect(r.conflicts).toEqual([]);
    expect(r.annotations.updated).toBe(1);
    expect(laptop.store.annotations.get(a.id).author).toBe('张代表');
  });

  it('keeps a local edit made after the bundle was exported, even when the incoming copy claims a later time', async () => {
    const a = annotate(office.store, officeVersion, 3, '初稿');
    importInto(laptop.store, bundleOf(office.store.bundles.collect()));
    const exportedAt = new Date(Date.now() - HOUR).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    laptop.store.annotations.update(a.id, { note: '会场上刚改的' });
    // the office PC's clock runs two hours ahead: its edit looks newer than the laptop's
    const contents = office.store.bundles.collect();
    const ahead = contents.annotations.map((x) => ({ ...x, note: '办公室改的', updatedAt: new Date(Date.now() + HOUR).toISOString() }));
    const r = importInto(laptop.store, bundleOf({ ...contents, annotations: ahead }, { createdAt: exportedAt }));
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ kind: 'annotation', id: a.id, reason: '本机在这个交换包导出之后又改过，保留本机内容。' });
    expect(laptop.store.annotations.get(a.id).note).toBe('会场上刚改的');
    // the same copy in a bundle made after the local edit wins, as a newer edit should
    const r2 = importInto(laptop.store, bundleOf({ ...contents, annotations: ahead }, { createdAt: new Date(Date.now() + HOUR).toISOString() }));
    expect(r2.annotations.updated).toBe(1);
    expect(laptop.store.annotations.get(a.id).note).toBe('办公室改的');
  });
});

describe('one transaction', () => {
  it('writes nothing when a record fails only while being written, after good ones were', () => {
    const good = [annotate(office.store, officeVersion, 3, '一'), annotate(office.store, officeVersion, 4, '二')];
    amend(office.store, officeVersion, 5, '好的意见稿');
    amend(office.store, officeVersion, 6, '这份写不进去', '这份写不进去');
    const bytes = bundleOf(office.store.bundles.collect());
    // valid in every check; only the database refuses it, after the annotations and the first draft went in
    fresh.store.db.exec(`CREATE TRIGGER refuse_one_draft BEFORE INSERT ON drafts WHEN NEW.title = '这份写不进去'
      BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END`);
    const before = contentHash(fresh.store.db);
    expect(() => importInto(fresh.store, bytes)).toThrow(/refused by the test trigger/);
    expect(contentHash(fresh.store.db)).toBe(before);
    expect(fresh.store.reports.list()).toEqual([]);
    for (const a of good) expect(() => fresh.store.annotations.get(a.id)).toThrow(/找不到/);
    // without the trigger the same bundle imports whole
    fresh.store.db.exec('DROP TRIGGER refuse_one_draft');
    expect(importInto(fresh.store, bytes)).toMatchObject({ annotations: { added: 2 }, drafts: { added: 2 } });
  });
});
