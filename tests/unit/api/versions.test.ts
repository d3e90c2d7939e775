/**
 * Revisions over the real back end: the bundled 咸宁 report seeded into a temp SQLite, a revised
 * text imported as its next version (a number changed, a sentence inserted, a paragraph deleted,
 * one paragraph retyped with full-width punctuation), then compare / carry / reattach / adoption
 * through dispatch — the same path the app's calls take.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Annotation,
  Block,
  CarryResult,
  CompareResult,
  DraftView,
  OrphanMark,
  AdoptionRow,
  VersionMarks,
  ReportVersion,
} from '../../../electron/api/contract';
import { EDITS, revisedReportText } from '../../helpers/revised-report';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-versions-', () => ({ backupAtStart: false, log: () => {} }));
const { call, failure } = env;

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

let doc: ReportVersion;
let blocks: Block[];

/** A selection of `quote` where it first occurs, as the reader sends it. */
function target(quote: string, within: Block[] = blocks) {
  const b = within.find((x) => x.text.includes(quote));
  if (!b) throw new Error(`no block with ${quote}`);
  return at(b, b.text.indexOf(quote), b.text.indexOf(quote) + quote.length);
}
function at(b: Block, start: number, end: number) {
  return {
    blockId: b.id,
    start,
    end,
    exact: b.text.slice(start, end),
    prefix: b.text.slice(Math.max(0, start - 32), start),
    suffix: b.text.slice(end, end + 32),
  };
}

async function importRevision(text = revisedReportText()) {
  return call<{ versionId: string }>('reports.import', {
    fileName: '咸宁政府工作报告-修改稿.txt',
    dataBase64: Buffer.from(text).toString('base64'),
    reportId: doc.report.id,
  });
}

const annotate = (quote: string, note = quote) =>
  call<Annotation>('annotations.create', { versionId: doc.version.id, color: 'yellow', note, targets: [target(quote)] });

beforeEach(async () => {
  const info = await call<{ startVersionId: string }>('app.info', {});
  doc = await call<ReportVersion>('reports.get', { versionId: info.startVersionId });
  blocks = doc.blocks;
});

/** Blocks the revision leaves alone (no edit falls in them). */
function untouched(): Block[] {
  const edited = [EDITS.number.old, EDITS.inserted.after, EDITS.deleted, EDITS.formatOnly];
  return blocks.filter((b) => b.text.length >= 40 && !edited.some((e) => b.text.includes(e)));
}

describe('versions.carry', () => {
  it('carries a few dozen annotations and drafts with the statuses a reader expects, keeping the old targets', async () => {
    // 30 annotations spread over paragraphs the revision does not touch …
    const plain = untouched().slice(0, 30);
    expect(plain.length).toBe(30);
    const plainIds: string[] = [];
    for (const b of plain) {
      const a = await call<Annotation>('annotations.create', { versionId: doc.version.id, color: 'blue', targets: [at(b, 10, 22)] });
      plainIds.push(a.id);
    }
    // … and one at each kind of change.
    const number = await annotate(EDITS.number.old);
    const shifted = await annotate('新建5G基站500个');
    const gone = await annotate('公租房租赁补贴发放970户');
    const widthOnly = await annotate('固定资产投资增长8%,地方');
    const amendment = await call<DraftView>('drafts.create', {
      versionId: doc.version.id,
      kind: 'amendment',
      fields: { op: 'modify', original: '620家', proposed: '650家', reason: '与年度目标衔接' },
      targets: [target(EDITS.number.old)],
    });
    const opinion = await call<DraftView>('drafts.create', { versionId: doc.version.id, kind: 'opinion', fields: { content: '建议进一步细化目标。' } });

    const { versionId: v2 } = await importRevision();
    const r = await call<CarryResult>('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    const byId = new Map(r.marks.map((m) => [m.id, m]));

    for (const id of plainIds) expect(byId.get(id)?.status).toBe('unchanged');
    expect(byId.get(number.id)).toMatchObject({ status: 'edited', oldExact: '高新技术企业达620家', newExact: '高新技术企业达650家' });
    expect(byId.get(shifted.id)).toMatchObject({ status: 'moved', newExact: '新建5G基站500个' });
    expect(byId.get(gone.id)).toMatchObject({ status: 'orphaned', newExact: '', score: 0 });
    // Width of punctuation is form, not content: unchanged, and the target now quotes the new text.
    expect(byId.get(widthOnly.id)).toMatchObject({ status: 'unchanged', newExact: '固定资产投资增长8%，地方' });
    expect(byId.get(amendment.id)).toMatchObject({ kind: 'draft', status: 'edited', newExact: '高新技术企业达650家' });
    expect(byId.get(opinion.id)).toMatchObject({ kind: 'draft', status: 'unchanged' });
    expect(r.counts).toEqual({ unchanged: 32, moved: 1, edited: 2, orphaned: 1 });

    // Everything now lives on the new version, with targets that point into its text.
    const v2doc = await call<ReportVersion>('reports.get', { versionId: v2 });
    const v2blocks = new Map(v2doc.blocks.map((b) => [b.id, b]));
    const listed = await call<Annotation[]>('annotations.list', { versionId: v2 });
    expect(listed).toHaveLength(34);
    expect(await call<Annotation[]>('annotations.list', { versionId: doc.version.id })).toHaveLength(0);
    for (const a of listed.filter((x) => x.anchorStatus !== 'orphaned'))
      for (const t of a.targets) expect(v2blocks.get(t.blockId)?.text.slice(t.start, t.end)).toBe(t.exact);
    const shiftedNow = listed.find((a) => a.id === shifted.id)!;
    expect(shiftedNow.anchorStatus).toBe('moved');
    expect(shiftedNow.targets[0].start).toBe(target('新建5G基站500个').start + EDITS.inserted.sentence.length);

    // The orphan still shows the text it was made on; the history holds every old target.
    const orphan = listed.find((a) => a.id === gone.id)!;
    expect(orphan).toMatchObject({ anchorStatus: 'orphaned', anchorScore: 0 });
    expect(orphan.targets.map((t) => t.exact)).toEqual(['公租房租赁补贴发放970户']);
    const history = env.backend.ctx.store.revisions.history(number.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromVersionId: doc.version.id, toVersionId: v2, outcome: 'edited' });
    expect(history[0].targets).toEqual([target(EDITS.number.old)]);

    const drafts = await call<DraftView[]>('drafts.list', { versionId: v2 });
    expect(drafts.map((d) => d.id).sort()).toEqual([amendment.id, opinion.id].sort());
  });

  it('is idempotent: carrying the same pair again changes nothing', async () => {
    await annotate(EDITS.number.old);
    await annotate('公租房租赁补贴发放970户');
    const { versionId: v2 } = await importRevision();
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    const before = await call<Annotation[]>('annotations.list', { versionId: v2 });
    const again = await call<CarryResult>('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    expect(again.marks).toEqual([]);
    expect(again.counts).toEqual({ unchanged: 0, moved: 0, edited: 0, orphaned: 0 });
    expect(await call<Annotation[]>('annotations.list', { versionId: v2 })).toEqual(before);
    for (const a of before) expect(env.backend.ctx.store.revisions.history(a.id)).toHaveLength(1);
  });

  it('runs the re-anchoring off the event loop (timers still fire while it works)', async () => {
    await annotate(EDITS.number.old);
    const { versionId: v2 } = await importRevision();
    let settled = false;
    const carrying = call<CarryResult>('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 }).then((r) => ((settled = true), r));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false); // a synchronous re-anchor would have finished before this timer
    expect((await carrying).counts.edited).toBe(1);
  });

  it('carries an orphan onwards from the version its text is from', async () => {
    const gone = await annotate('公租房租赁补贴发放970户');
    const { versionId: v2 } = await importRevision();
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    // Version 3 restores the paragraph: the orphan is found again.
    const v3text = revisedReportText().replace(EDITS.number.new, '高新技术企业达660家') + '\n' + EDITS.deleted + '\n';
    const { versionId: v3 } = await importRevision(v3text);
    const r = await call<CarryResult>('versions.carry', { fromVersionId: v2, toVersionId: v3 });
    expect(r.marks.find((m) => m.id === gone.id)).toMatchObject({ status: 'moved', newExact: '公租房租赁补贴发放970户' });
  });

  it('refuses nonsense: the same version, or versions of different reports', async () => {
    expect((await failure('versions.carry', { fromVersionId: doc.version.id, toVersionId: doc.version.id })).error.message).toContain('无需带过来');
    const other = await call<{ versionId: string }>('reports.import', {
      fileName: 'state-council.txt',
      dataBase64: readFileSync(join(FIXTURES, 'state-council-2024-gov-work-report.txt')).toString('base64'),
    });
    const f = await failure('versions.carry', { fromVersionId: doc.version.id, toVersionId: other.versionId });
    expect(f.status).toBe(422);
    expect(f.error.message).toContain('同一份报告');
  });
});

describe('versions.marks and versions.orphans', () => {
  it('counts marks per version and lists orphans with the text they were made on', async () => {
    await annotate('新建5G基站500个');
    const gone = await annotate('公租房租赁补贴发放970户', '核实保障房数字');
    const { versionId: v2 } = await importRevision();
    let marks = await call<VersionMarks[]>('versions.marks', { versionId: v2 });
    expect(marks.find((m) => m.versionId === doc.version.id)).toMatchObject({ annotations: 2, drafts: 0 });
    expect(marks.find((m) => m.versionId === v2)).toMatchObject({ annotations: 0 });

    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    marks = await call<VersionMarks[]>('versions.marks', { versionId: v2 });
    expect(marks.find((m) => m.versionId === v2)).toMatchObject({ annotations: 2, orphaned: 1 });

    const orphans = await call<OrphanMark[]>('versions.orphans', { versionId: v2 });
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({
      id: gone.id,
      kind: 'annotation',
      label: '核实保障房数字',
      oldExact: '公租房租赁补贴发放970户',
      fromLabel: doc.version.label,
      oldPath: '第二部分（七）第3段',
    });
    // Where the paragraph stood: the new version's 加大民生保障力度 paragraph, just before it.
    const v2doc = await call<ReportVersion>('reports.get', { versionId: v2 });
    expect(v2doc.blocks.find((b) => b.id === orphans[0].nearBlockId)?.text).toMatch(/^加大民生保障力度/);
  });
});

describe('annotations.reattach / drafts.reattach', () => {
  it('re-attaches an orphan to newly selected text; it reads as found (not 原文有改动) and is no longer an orphan', async () => {
    const gone = await annotate('公租房租赁补贴发放970户');
    const { versionId: v2 } = await importRevision();
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    const v2doc = await call<ReportVersion>('reports.get', { versionId: v2 });
    const t = target('改造城镇老旧小区434个', v2doc.blocks);
    const a = await call<Annotation>('annotations.reattach', { id: gone.id, targets: [t] });
    expect(a).toMatchObject({ anchorStatus: 'unchanged', anchorScore: 1, versionId: v2 });
    expect(a.targets.map((x) => x.exact)).toEqual(['改造城镇老旧小区434个']);
    expect(await call<OrphanMark[]>('versions.orphans', { versionId: v2 })).toEqual([]);
    const h = env.backend.ctx.store.revisions.history(gone.id);
    expect(h.map((x) => x.outcome)).toEqual(['orphaned', 'reattached']);
    expect(h[1].targets[0].exact).toBe('公租房租赁补贴发放970户');
  });

  it('rejects a selection that is not text of the mark’s version', async () => {
    const gone = await annotate('公租房租赁补贴发放970户');
    const { versionId: v2 } = await importRevision();
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    // A block of the OLD version (deleted in v2) …
    const old = target('公租房租赁补贴发放970户');
    expect((await failure('annotations.reattach', { id: gone.id, targets: [old] })).error.message).toContain('不在这个版本');
    // … and a quote that does not match its offsets.
    const v2doc = await call<ReportVersion>('reports.get', { versionId: v2 });
    const t = { ...target('改造城镇老旧小区434个', v2doc.blocks), exact: '改造城镇老旧小区999个' };
    expect((await failure('annotations.reattach', { id: gone.id, targets: [t] })).error.message).toContain('对不上');
    expect((await call<Annotation[]>('annotations.list', { versionId: v2 })).find((a) => a.id === gone.id)?.anchorStatus).toBe('orphaned');
  });

  it('re-attaches a draft the same way', async () => {
    const d = await call<DraftView>('drafts.create', {
      versionId: doc.version.id,
      kind: 'amendment',
      fields: { op: 'delete', original: '公租房租赁补贴发放970户' },
      targets: [target('公租房租赁补贴发放970户')],
    });
    const { versionId: v2 } = await importRevision();
    const r = await call<CarryResult>('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    expect(r.marks[0]).toMatchObject({ id: d.id, status: 'orphaned' });
    const v2doc = await call<ReportVersion>('reports.get', { versionId: v2 });
    const view = await call<DraftView>('drafts.reattach', { id: d.id, targets: [target('改造城镇老旧小区434个', v2doc.blocks)] });
    expect(view).toMatchObject({ anchorStatus: 'unchanged', versionId: v2 });
    expect(view.targets[0].exact).toBe('改造城镇老旧小区434个');
  });
});

describe('versions.compare', () => {
  it('lists the changes paragraph by paragraph, telling form from content', async () => {
    await annotate('新建5G基站500个');
    const { versionId: v2 } = await importRevision();
    const c = await call<CompareResult>('versions.compare', { oldVersionId: doc.version.id, newVersionId: v2 });
    const changed = c.rows.filter((r) => r.kind !== 'same');
    expect(changed.map((r) => r.kind).sort()).toEqual(['deleted', 'edited', 'edited', 'format']);
    expect(c.changes).toBe(3);
    expect(c.formatOnly).toBe(1);

    const width = changed.find((r) => r.kind === 'format')!;
    expect(width).toMatchObject({ formatOnly: true, change: null });
    expect(width.ops.some((o) => o.op === 'format' && o.oldText === ',' && o.text === '，')).toBe(true);
    expect(width.ops.every((o) => o.op === 'equal' || o.op === 'format')).toBe(true);

    const number = changed.find((r) => r.oldTexts.join('').includes(EDITS.number.old))!;
    expect(
      number.ops
        .filter((o) => o.op === 'delete')
        .map((o) => o.text)
        .join(''),
    ).toContain('2');
    expect(
      number.ops
        .filter((o) => o.op === 'insert')
        .map((o) => o.text)
        .join(''),
    ).toContain('5');
    expect(number.oldPath).toBe('第二部分（一）“大力实施创新驱动发展战略”段');

    const inserted = changed.find((r) => r.newTexts.join('').includes(EDITS.inserted.sentence))!;
    expect(inserted.ops.find((o) => o.op === 'insert')?.text).toBe(EDITS.inserted.sentence);
    expect(inserted.marks).toEqual({ annotations: 1, drafts: 0 });

    const deleted = changed.find((r) => r.kind === 'deleted')!;
    expect(deleted).toMatchObject({ newIds: [], oldTexts: [EDITS.deleted] });
    // The unchanged paragraphs are there too, for context, and carry no diff.
    expect(c.rows.filter((r) => r.kind === 'same').every((r) => r.ops.length === 0 && r.change === null)).toBe(true);
    expect(c.rows.filter((r) => r.change !== null).map((r) => r.change)).toEqual([0, 1, 2]);

    // Marks follow a carry to the new side.
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    const after = await call<CompareResult>('versions.compare', { oldVersionId: doc.version.id, newVersionId: v2 });
    expect(after.rows.find((r) => r.newTexts.join('').includes(EDITS.inserted.sentence))?.marks).toEqual({ annotations: 1, drafts: 0 });
  });

  it('refuses to compare a version with itself', async () => {
    expect((await failure('versions.compare', { oldVersionId: doc.version.id, newVersionId: doc.version.id })).error.message).toContain('不同的版本');
  });
});

describe('versions.adoption', () => {
  it('hints which amendments the new version took up, and which it did not', async () => {
    const taken = await call<DraftView>('drafts.create', {
      versionId: doc.version.id,
      kind: 'amendment',
      fields: { op: 'modify', original: '620家', proposed: '650家' },
      targets: [target(EDITS.number.old)],
    });
    const ignored = await call<DraftView>('drafts.create', {
      versionId: doc.version.id,
      kind: 'amendment',
      fields: { op: 'modify', original: '完成市级现代水网规划编制', proposed: '完成全市现代水网规划编制并组织实施' },
      targets: [target('完成市级现代水网规划编制')],
    });
    const deletion = await call<DraftView>('drafts.create', {
      versionId: doc.version.id,
      kind: 'amendment',
      fields: { op: 'delete', original: '公租房租赁补贴发放970户' },
      targets: [target('公租房租赁补贴发放970户')],
    });
    const { versionId: v2 } = await importRevision();
    const check = async () => {
      const rows = await call<AdoptionRow[]>('versions.adoption', { fromVersionId: doc.version.id, toVersionId: v2 });
      const by = new Map(rows.map((r) => [r.draftId, r]));
      expect(by.get(taken.id)).toMatchObject({ adopted: 'yes', hint: true });
      expect(by.get(ignored.id)).toMatchObject({ adopted: 'no' });
      expect(by.get(ignored.id)?.reason).toContain('未改动');
      expect(by.get(deletion.id)).toMatchObject({ adopted: 'yes' });
      expect(by.get(taken.id)?.newBlockIds).toHaveLength(1);
    };
    await check();
    // The same answers after the drafts were carried to the new version (their old place is in the history).
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    await check();
  });
});
