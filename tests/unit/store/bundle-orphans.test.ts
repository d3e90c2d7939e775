/**
 * Orphans travel. A 修改意见 (删去) and a note on a paragraph the revision deletes are carried to
 * the new version as orphans — their targets still quote the old text — and must survive the
 * USB stick: exported, imported back on the same machine (nothing new), into an empty library
 * and into one that has only the first version, each time arriving as orphans with the quote
 * they had and the anchor history that explains them. A bundle written before schema 2 (no
 * history, no targetsVersionId) still brings them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Annotation, Block, DraftView, OrphanMark, ReportVersion } from '../../../electron/api/contract';
import { readBundle, writeBundle } from '../../../electron/core/bundle/format';
import { EDITS, revisedReportText } from '../../helpers/revised-report';
import { useBackend } from '../../helpers/backend';
import { importBundled, tempStore } from '../../helpers/tempdb';
import { contentHash } from '../../helpers/dbhash';

const env = useBackend('rd-bundle-orphans-', () => ({ backupAtStart: false, log: () => {} }));
const { call } = env;

const GONE = '公租房租赁补贴发放970户';

let doc: ReportVersion;
let v2: string;
let draft: DraftView;
let note: Annotation;
let kept: Annotation;
let bytes: Uint8Array;

function target(quote: string, blocks: Block[]) {
  const b = blocks.find((x) => x.text.includes(quote));
  if (!b) throw new Error(`no block with ${quote}`);
  const start = b.text.indexOf(quote);
  return { blockId: b.id, start, end: start + quote.length, exact: quote, prefix: '', suffix: '' };
}

beforeEach(async () => {
  await call('settings.set', { key: 'author.name', value: '张代表' });
  const info = await call<{ startVersionId: string }>('app.info', {});
  doc = await call<ReportVersion>('reports.get', { versionId: info.startVersionId });
  draft = await call<DraftView>('drafts.create', {
    versionId: doc.version.id,
    kind: 'amendment',
    fields: { op: 'delete', original: EDITS.deleted, reason: '已在其他部分表述' },
    targets: [target(EDITS.deleted, doc.blocks)],
  });
  note = await call<Annotation>('annotations.create', { versionId: doc.version.id, color: 'red', note: '这个数字要核实', targets: [target(GONE, doc.blocks)] });
  kept = await call<Annotation>('annotations.create', {
    versionId: doc.version.id,
    color: 'blue',
    note: '留着的',
    targets: [target('新建5G基站500个', doc.blocks)],
  });
  ({ versionId: v2 } = await call<{ versionId: string }>('reports.import', {
    fileName: '咸宁政府工作报告-修改稿.txt',
    dataBase64: Buffer.from(revisedReportText()).toString('base64'),
    reportId: doc.report.id,
  }));
  await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
  bytes = Buffer.from((await call<{ dataBase64: string }>('bundles.export', {})).dataBase64, 'base64');
});

/** What a user sees of the two orphans: status, version, and the old quote. */
function orphansIn(store: ReturnType<typeof tempStore>['store']) {
  const d = store.drafts.get(draft.id);
  const a = store.annotations.get(note.id);
  return [
    { anchorStatus: d.anchorStatus, versionId: d.versionId, quote: d.targets.map((t) => t.exact) },
    { anchorStatus: a.anchorStatus, versionId: a.versionId, quote: a.targets.map((t) => t.exact) },
  ];
}
const EXPECTED = () => [
  { anchorStatus: 'orphaned', versionId: v2, quote: [EDITS.deleted] },
  { anchorStatus: 'orphaned', versionId: v2, quote: [GONE] },
];

describe('orphaned marks in exchange bundles', () => {
  it('are exported with the version their quote is in and their anchor history', () => {
    const files = unzipSync(bytes);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).schemaVersion).toBe(2);
    const b = readBundle(bytes);
    const d = b.drafts.find((x) => x.id === draft.id)!;
    expect(d).toMatchObject({ versionId: v2, anchorStatus: 'orphaned', targetsVersionId: doc.version.id });
    expect(d.history).toEqual([expect.objectContaining({ fromVersionId: doc.version.id, toVersionId: v2, outcome: 'orphaned' })]);
    // a mark that found its text again quotes its own version: no targetsVersionId
    expect(b.annotations.find((x) => x.id === kept.id)).not.toHaveProperty('targetsVersionId');
  });

  it('import back on the same machine as nothing new', async () => {
    const before = contentHash(env.backend.ctx.store.db);
    const r = await call('bundles.import', { fileName: 'x.reviewdesk', dataBase64: Buffer.from(bytes).toString('base64') });
    expect(r).toMatchObject({ annotations: { added: 0, updated: 0, unchanged: 2 }, drafts: { added: 0, updated: 0, unchanged: 1 }, conflicts: [] });
    expect(contentHash(env.backend.ctx.store.db)).toBe(before);
  });

  it('arrive in an empty library as orphans with their quote and history, and import twice as nothing new', () => {
    const fresh = tempStore();
    try {
      const r = fresh.store.bundles.import(readBundle(bytes));
      expect(r).toMatchObject({ reports: { added: 1 }, versions: { added: 2 }, annotations: { added: 2 }, drafts: { added: 1 }, conflicts: [] });
      expect(orphansIn(fresh.store)).toEqual(EXPECTED());
      // the quote is the text of the first version, position and all
      const old = new Map(fresh.store.reports.blocksOf(doc.version.id).map((b) => [b.id, b.text]));
      for (const t of fresh.store.drafts.get(draft.id).targets) expect(old.get(t.blockId)?.slice(t.start, t.end)).toBe(t.exact);
      expect(
        fresh.store.revisions
          .orphansOn(v2)
          .map((m) => m.id)
          .sort(),
      ).toEqual([draft.id, note.id].sort());
      const here = env.backend.ctx.store.revisions;
      for (const id of [draft.id, note.id, kept.id]) expect(fresh.store.revisions.history(id)).toEqual(here.history(id));
      expect(fresh.store.annotations.get(kept.id)).toMatchObject({ anchorStatus: 'moved', versionId: v2 });

      const before = contentHash(fresh.store.db);
      expect(fresh.store.bundles.import(readBundle(bytes)).conflicts).toEqual([]);
      expect(contentHash(fresh.store.db)).toBe(before);
      // and travel on from there unchanged
      const onward = readBundle(
        writeBundle({ createdAt: new Date().toISOString(), appVersion: 't', author: '', reportId: null, ...fresh.store.bundles.collect() }),
      );
      expect(onward.drafts.find((d) => d.id === draft.id)).toMatchObject({ targetsVersionId: doc.version.id, anchorStatus: 'orphaned' });
    } finally {
      fresh.cleanup();
    }
  });

  it('arrive on a machine that has only the first version (under its own ids) and moves the marks it had', () => {
    const laptop = tempStore();
    try {
      const own = importBundled(laptop.store).versionId; // the same file, seeded with another id
      const first = writeBundle({
        createdAt: new Date(Date.now() - 60_000).toISOString(),
        appVersion: 't',
        author: '张代表',
        reportId: null,
        ...laptopCopyBeforeRevision(),
      });
      laptop.store.bundles.import(readBundle(first));
      expect(laptop.store.drafts.get(draft.id)).toMatchObject({ versionId: own, anchorStatus: 'unchanged' });

      const r = laptop.store.bundles.import(readBundle(bytes));
      expect(r).toMatchObject({ versions: { added: 1, unchanged: 1 }, conflicts: [] });
      // the old version is the laptop's own twin: the orphans quote its paragraphs
      expect(orphansIn(laptop.store)).toEqual(EXPECTED());
      const old = new Map(laptop.store.reports.blocksOf(own).map((b) => [b.id, b.text]));
      for (const t of laptop.store.annotations.get(note.id).targets) expect(old.get(t.blockId)?.slice(t.start, t.end)).toBe(GONE);
      expect(laptop.store.revisions.history(draft.id)).toEqual([expect.objectContaining({ fromVersionId: own, toVersionId: v2, outcome: 'orphaned' })]);
    } finally {
      laptop.cleanup();
    }
  });

  it('arrive from a schema-1 bundle (no history, no targetsVersionId) too: the old text is found', () => {
    const b = readBundle(bytes);
    const strip = <T extends { history?: unknown; targetsVersionId?: unknown }>({ history: _h, targetsVersionId: _t, ...rest }: T) => rest;
    const old = writeBundle({
      createdAt: b.manifest.createdAt,
      appVersion: 'old',
      author: '',
      reportId: null,
      reports: b.reports,
      annotations: b.annotations.map(strip),
      drafts: b.drafts.map(strip),
    });
    expect(JSON.parse(new TextDecoder().decode(unzipSync(old)['manifest.json'])).schemaVersion).toBe(1);
    const fresh = tempStore();
    try {
      fresh.store.bundles.import(readBundle(old));
      expect(orphansIn(fresh.store)).toEqual(EXPECTED());
      expect(fresh.store.revisions.history(draft.id)).toEqual([]);
    } finally {
      fresh.cleanup();
    }
  });

  it('show in the reader’s 失去定位 list of another machine, with the old quote and where it was', async () => {
    // the data folder wiped: the back end starts again with only the bundled report, under new ids
    env.restart(() => {
      rmSync(env.dir, { recursive: true, force: true });
      mkdirSync(env.dir);
    });
    const r = await call('bundles.import', { fileName: 'x.reviewdesk', dataBase64: Buffer.from(bytes).toString('base64') });
    expect(r).toMatchObject({ versions: { added: 1, unchanged: 1 }, drafts: { added: 1 }, conflicts: [] });
    const listed = await call<OrphanMark[]>('versions.orphans', { versionId: v2 });
    expect(listed.map((o) => ({ id: o.id, oldExact: o.oldExact, fromLabel: o.fromLabel })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: draft.id, oldExact: EDITS.deleted, fromLabel: '大会印发稿' },
        { id: note.id, oldExact: GONE, fromLabel: '大会印发稿' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(listed.every((o) => o.oldPath !== '')).toBe(true);
  });
});

/** The marks as they were before the revision: the first version only, nothing carried. */
function laptopCopyBeforeRevision() {
  const b = readBundle(bytes);
  const v1 = b.reports[0].versions.filter((v) => v.id === doc.version.id);
  const original = (m: { id: string }) => ({
    versionId: doc.version.id,
    anchorStatus: 'unchanged' as const,
    anchorScore: 1,
    updatedAt: new Date(Date.now() - 120_000).toISOString(),
    history: undefined,
    targetsVersionId: undefined,
    id: m.id,
  });
  return {
    reports: [{ ...b.reports[0], versions: v1 }],
    annotations: [{ ...b.annotations.find((a) => a.id === note.id)!, ...original(note), targets: [target(GONE, doc.blocks)] }],
    drafts: [{ ...b.drafts.find((d) => d.id === draft.id)!, ...original(draft), targets: [target(EDITS.deleted, doc.blocks)] }],
  };
}
