/**
 * 撤销 / 恢复 one of the importer's repairs, through the API on a real SQLite file: the version
 * comes back parsed without (or with) that repair, every mark is carried onto it word for word,
 * the version it replaced waits in the 回收站, and an exchange bundle of it opens on another machine.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Block, DraftView, Report, VersionInfo } from '../../../electron/api/contract';
import { useBackend } from '../../helpers/backend';
import { contentHash } from '../../helpers/dbhash';
import { jobs } from '../../../electron/core/jobs/jobs';
import { JobError, type JobRunner } from '../../../electron/core/jobs/runner';

const env = useBackend('rd-repairs-');
const { call, failure } = env;

let version: VersionInfo;
let blocks: Block[];

function target(quote: string, list = blocks) {
  const b = list.find((x) => x.text.includes(quote));
  if (!b) throw new Error(`no block with ${quote}`);
  const start = b.text.indexOf(quote);
  return { blockId: b.id, start, end: start + quote.length };
}

const live = async (): Promise<Report> => (await call<Report[]>('reports.list', {}))[0];
const blocksOf = async (versionId: string) => (await call<{ blocks: Block[] }>('reports.get', { versionId })).blocks;

beforeEach(async () => {
  version = (await live()).versions[0];
  blocks = await blocksOf(version.id);
});

// The bundled report (咸宁, as printed in the newspaper): line 19 continues a paragraph a page break cut.
const JOINT = '编制村庄规划795';
const AFTER = '实施乡村建设项目';
const ELSEWHERE = '地区生产总值';

describe('versions.setRepair', () => {
  it('undoes one join: the paragraph is two again, marks and 忽略 decisions follow, and the version replaced is retired out of sight', async () => {
    const join = version.meta.repairs.find((r) => r.key === 'join:19')!;
    expect(join.message).toMatch(/分页截断/);
    const a = await call<Annotation>('annotations.create', { versionId: version.id, color: 'yellow', note: '后半段', targets: [target(AFTER)] });
    const b = await call<Annotation>('annotations.create', { versionId: version.id, color: 'green', note: '别处', targets: [target(ELSEWHERE)] });
    const d = await call<DraftView>('drafts.create', {
      versionId: version.id,
      kind: 'amendment',
      targets: [target(JOINT)],
      fields: { op: 'delete', reason: '重复' },
    });
    // a proofreading hint dismissed (忽略) on a paragraph the repair does not touch
    const joinedId = blocks.find((x) => x.text.includes(JOINT))!.id;
    const hint = (await call('review.check', { versionId: version.id })).findings.find((f) => f.blockId !== joinedId)!;
    await call('review.dismiss', { versionId: version.id, findingId: hint.id });

    const res = await call('versions.setRepair', { versionId: version.id, key: 'join:19', made: false });
    expect(res.version.id).not.toBe(version.id);
    expect(res.version.label).toBe(version.label);
    expect(res.counts).toMatchObject({ unchanged: 3, orphaned: 0 });
    expect(res.version.meta.repairs.find((r) => r.key === 'join:19')).toMatchObject({ declined: true });

    const report = await live();
    expect(report.versions.map((v) => v.id)).toEqual([res.version.id]);
    const now = await blocksOf(res.version.id);
    expect(now).toHaveLength(blocks.length + 1);
    const first = now.find((x) => x.text.endsWith(JOINT))!;
    expect(now[first.ord + 1].text.startsWith('个。')).toBe(true);

    const marks = await call<Annotation[]>('annotations.list', { versionId: res.version.id });
    expect(marks.map((m) => [m.id, m.note, m.targets[0].exact, m.anchorStatus]).sort()).toEqual(
      [
        [a.id, '后半段', AFTER, 'unchanged'],
        [b.id, '别处', ELSEWHERE, 'unchanged'],
      ].sort(),
    );
    expect(marks.find((m) => m.id === a.id)!.targets[0].blockId).toBe(now.find((x) => x.text.includes(AFTER))!.id);
    const [draft] = await call<DraftView[]>('drafts.list', { reportId: report.id });
    expect(draft.id).toBe(d.id);
    expect(draft.versionId).toBe(res.version.id);
    expect(draft.targets[0]).toMatchObject({ exact: JOINT, blockId: first.id });

    const after = await call('review.check', { versionId: res.version.id });
    expect(after.findings.find((f) => f.id === hint.id)?.dismissed).toBe(true);
    // not something the user deleted: 恢复 of the repair is the way back, so the 回收站 stays clear
    expect(await call<unknown[]>('trash.list', {})).toEqual([]);
    // and the reader's old id is gone from the live lists: asking for it says so in Chinese
    expect((await failure('versions.setRepair', { versionId: version.id, key: 'join:19', made: true })).error.message).toMatch(/找不到/);
  });

  it('makes it again: the text is as first imported, the marks still word for word', async () => {
    const a = await call<Annotation>('annotations.create', { versionId: version.id, color: 'yellow', note: '跨过接缝', targets: [target(`${JOINT}个`)] });
    const undone = await call('versions.setRepair', { versionId: version.id, key: 'join:19', made: false });
    // across what is now a paragraph break: a target on each side, nothing lost, still 未变
    const [split] = await call<Annotation[]>('annotations.list', { versionId: undone.version.id });
    expect(split.targets.map((t) => t.exact)).toEqual([JOINT, '个']);
    expect(split.anchorStatus).toBe('unchanged');
    const redone = await call('versions.setRepair', { versionId: undone.version.id, key: 'join:19', made: true });
    expect((await blocksOf(redone.version.id)).map((x) => x.text)).toEqual(blocks.map((x) => x.text));
    expect(redone.version.meta.repairs).toEqual(version.meta.repairs);
    const [mark] = await call<Annotation[]>('annotations.list', { versionId: redone.version.id });
    expect(mark.id).toBe(a.id);
    expect(mark.targets.map((t) => [t.blockId, t.exact])).toEqual([[a.targets[0].blockId, `${JOINT}个`]]);
    expect(mark.anchorStatus).toBe('unchanged');
  });

  it('keeps a removed line when its removal is undone; marks after it shift with the text', async () => {
    const a = await call<Annotation>('annotations.create', { versionId: version.id, color: 'yellow', note: '', targets: [target(ELSEWHERE)] });
    const res = await call('versions.setRepair', { versionId: version.id, key: 'artifact:5', made: false });
    const now = await blocksOf(res.version.id);
    expect(now.some((x) => x.text.includes('(上接第一版)'))).toBe(true);
    const [mark] = await call<Annotation[]>('annotations.list', { versionId: res.version.id });
    expect([mark.id, mark.targets[0].exact, mark.anchorStatus]).toEqual([a.id, ELSEWHERE, 'unchanged']);
    expect(now.find((x) => x.id === mark.targets[0].blockId)!.text.slice(mark.targets[0].start, mark.targets[0].end)).toBe(ELSEWHERE);
  });

  it('a note deleted just before (still in Ctrl+Z’s reach) comes along and can be restored on the version in use', async () => {
    const a = await call<Annotation>('annotations.create', { versionId: version.id, color: 'red', note: '先删后恢复', targets: [target(AFTER)] });
    await call('annotations.delete', { id: a.id });
    const res = await call('versions.setRepair', { versionId: version.id, key: 'join:19', made: false });
    const back = await call<Annotation>('annotations.restore', { id: a.id });
    expect(back.versionId).toBe(res.version.id);
    const now = await blocksOf(res.version.id);
    const t = back.targets[0];
    expect(now.find((x) => x.id === t.blockId)!.text.slice(t.start, t.end)).toBe(AFTER);
    expect((await call<Annotation[]>('annotations.list', { versionId: res.version.id })).map((m) => m.note)).toEqual(['先删后恢复']);
  });

  it('a failure halfway (re-anchoring times out) leaves the version, its marks and the library exactly as they were', async () => {
    // a mark on the line that 恢复 would remove again: the one mark that needs re-anchoring
    const kept = await call('versions.setRepair', { versionId: version.id, key: 'artifact:5', made: false });
    const keptBlocks = await blocksOf(kept.version.id);
    await call('annotations.create', { versionId: kept.version.id, color: 'yellow', note: '别动', targets: [target('上接第一版', keptBlocks)] });
    await call('annotations.create', { versionId: kept.version.id, color: 'green', note: '', targets: [target(AFTER, keptBlocks)] });
    const db = env.backend.ctx.store.db;
    const before = contentHash(db);
    // the real jobs, in this thread, except that re-anchoring runs out of time
    env.backend.ctx.jobs = {
      run: async (name: keyof typeof jobs, payload: never) => {
        if (name === 'reanchor') throw new JobError('reanchor', 'timeout', 30_000);
        return (jobs[name] as (p: never) => unknown)(payload);
      },
    } as unknown as JobRunner;
    const f = await failure('versions.setRepair', { versionId: kept.version.id, key: 'artifact:5', made: true });
    expect(f.status).toBe(422);
    expect(f.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(contentHash(db)).toBe(before);
    expect((await live()).versions.map((v) => v.id)).toEqual([kept.version.id]);
    expect((await call<{ id: string }[]>('trash.list', {})).length).toBe(0);
  });

  it('refuses, in Chinese and without writing, a repair the version does not have or one already undone', async () => {
    const unknown = await failure('versions.setRepair', { versionId: version.id, key: 'join:2', made: false });
    expect(unknown.status).toBe(422);
    expect(unknown.error.message).toMatch(/没有这一处/);
    const notUndone = await failure('versions.setRepair', { versionId: version.id, key: 'join:19', made: true });
    expect(notUndone.error.message).toMatch(/已在使用中/);
    const undone = await call('versions.setRepair', { versionId: version.id, key: 'join:19', made: false });
    const twice = await failure('versions.setRepair', { versionId: undone.version.id, key: 'join:19', made: false });
    expect(twice.error.message).toMatch(/已经撤销/);
    expect((await failure('versions.setRepair', { versionId: version.id, key: '../join', made: false })).status).toBe(400);
    expect((await live()).versions.map((v) => v.id)).toEqual([undone.version.id]);
  });

  it('travels in an exchange bundle: another machine gets the same paragraphs and marks, as a version of its own copy of the report', async () => {
    await call('annotations.create', { versionId: version.id, color: 'yellow', note: '带走', targets: [target(AFTER)] });
    const undone = await call('versions.setRepair', { versionId: version.id, key: 'join:19', made: false });
    const bundle = await call('bundles.export', {});
    const texts = (await blocksOf(undone.version.id)).map((x) => x.text);

    env.restart(() => {
      for (const f of readdirSync(env.dir)) rmSync(join(env.dir, f), { recursive: true, force: true });
    });
    const result = await call('bundles.import', { fileName: bundle.fileName, dataBase64: bundle.dataBase64! });
    expect(result.annotations.added).toBe(1);
    const reports = await call<Report[]>('reports.list', {});
    expect(reports).toHaveLength(1); // not a second copy of the report: another version of it
    const there = reports[0].versions.find((v) => v.id === undone.version.id)!;
    expect((await blocksOf(there.id)).map((x) => x.text)).toEqual(texts);
    expect(there.meta.repairs.find((r) => r.key === 'join:19')?.declined).toBe(true);
    const [mark] = await call<Annotation[]>('annotations.list', { versionId: there.id });
    expect([mark.note, mark.targets[0].exact]).toEqual(['带走', AFTER]);
  });
});
