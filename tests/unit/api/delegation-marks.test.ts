/**
 * delegation.marks: 代表团汇总 reads the members' marks themselves — quote, note, author, colour,
 * passage — on every live version of the report, one bounded page at a time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Block, ReportVersion } from '../../../electron/api/contract';
import { EDITS, revisedReportText } from '../../helpers/revised-report';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-delegation-marks-', () => ({ backupAtStart: false, log: () => {} }));
const { call, failure } = env;
const b64 = (s: string) => Buffer.from(s).toString('base64');

let doc: ReportVersion;
beforeEach(async () => {
  const info = await call<{ startVersionId: string }>('app.info', {});
  doc = await call<ReportVersion>('reports.get', { versionId: info.startVersionId });
});

function target(quote: string, blocks: Block[] = doc.blocks) {
  const b = blocks.find((x) => x.text.includes(quote))!;
  const start = b.text.indexOf(quote);
  return { blockId: b.id, start, end: start + quote.length };
}
async function as(name: string) {
  await call('settings.set', { key: 'author.name', value: name });
}
async function mark(quote: string, note: string, color: 'yellow' | 'red' | 'blue' = 'yellow', versionId = doc.version.id, blocks?: Block[]) {
  return call<Annotation>('annotations.create', { versionId, color, note, targets: [target(quote, blocks)] });
}

describe('delegation.marks', () => {
  it('lists every member’s marks with their text on all versions: carried ones and those left on the older version', async () => {
    await as('王代表');
    const carried = await mark('新建5G基站500个', '王：基站数要核实', 'red');
    const { versionId: v2 } = (await call('reports.import', {
      fileName: 'r.txt',
      dataBase64: b64(revisedReportText()),
      reportId: doc.report.id,
      label: '修改稿',
    })) as { versionId: string };
    await call('versions.carry', { fromVersionId: doc.version.id, toVersionId: v2 });
    // a member who read the old copy: the mark stays on 大会印发稿
    await as('李 代表');
    const left = await mark(EDITS.number.old, '李：620家是否为年末数？', 'blue');
    const gone = await mark('新建5G基站500个', '删掉的');
    await call('annotations.delete', { id: gone.id });
    await as('');
    await mark(EDITS.number.old.slice(0, 6), '');

    const page = await call('delegation.marks', { versionId: v2 });
    expect(page.total).toBe(3);
    expect(page.versions).toEqual([
      { id: doc.version.id, label: '大会印发稿', count: 2 },
      { id: v2, label: '修改稿', count: 1 },
    ]);
    const byId = new Map(page.items.map((m) => [m.id, m]));
    expect(byId.get(carried.id)).toMatchObject({
      author: '王代表',
      color: 'red',
      note: '王：基站数要核实',
      quote: '新建5G基站500个',
      versionId: v2,
      versionLabel: '修改稿',
      noteCut: false,
    });
    // spelled with a space when made, one person all the same
    expect(byId.get(left.id)).toMatchObject({ author: '李 代表', note: '李：620家是否为年末数？', quote: EDITS.number.old, versionLabel: '大会印发稿' });
    // positions as amendment lists cite them, never a paragraph number
    for (const m of page.items) expect(m.position).toMatch(/部分|段/);
    expect(page.items.some((m) => /第\d+段/.test(m.position))).toBe(false);

    // by member: named people first (in collation order), unsigned last
    const members = await call('delegation.marks', { versionId: v2, order: 'member' });
    expect(members.items.map((m) => m.author)).toEqual(['李 代表', '王代表', '']);
  });

  it('sorts by passage in reading order and pages through them without sending them all', async () => {
    await as('赵代表');
    const paras = doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.length > 40).slice(0, 20);
    for (const [i, b] of paras.entries())
      await call('annotations.create', { versionId: doc.version.id, color: 'yellow', note: `第${i}条`, targets: [{ blockId: b.id, start: 0, end: 4 }] });
    const first = await call('delegation.marks', { versionId: doc.version.id, limit: 12 });
    expect(first.total).toBe(20);
    expect(first.items.map((m) => m.note)).toEqual(paras.slice(0, 12).map((_, i) => `第${i}条`));
    const rest = await call('delegation.marks', { versionId: doc.version.id, offset: 12, limit: 200 });
    expect(rest.items).toHaveLength(8);
    expect(rest.offset).toBe(12);
    expect(rest.items[0].note).toBe('第12条');
    expect((await failure('delegation.marks', { versionId: doc.version.id, limit: 201 })).status).toBe(400);
  });

  it('cuts a very long note to a readable length and says so', async () => {
    await as('陈委员');
    const long = '长'.repeat(50_000);
    await mark('新建5G基站500个', long);
    const [m] = (await call('delegation.marks', { versionId: doc.version.id })).items;
    expect(m.note.length).toBe(2000);
    expect(m.noteCut).toBe(true);
  });

  it('answers an unknown version in Chinese', async () => {
    const f = await failure('delegation.marks', { versionId: '00000000-0000-4000-8000-000000000000' });
    expect(f.status).toBe(422);
    expect(f.error.message).toMatch(/找不到/);
  });
});
