/**
 * drafts.* and export.* over the real back end: a temp data folder, the bundled 咸宁 report
 * seeded into SQLite, every call through dispatch (argument validation included).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { DraftKindInfo, DraftView, ExportResult } from '../../../electron/api/contract';
import type { Block, Report } from '../../../electron/api/contract';
import { docxTableRows, readDocx } from '../draft/helpers';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-drafts-');
const { call, failure } = env;

let report: Report;
let versionId: string;
let blocks: Block[];

/** A selection on `quote` inside the first paragraph that contains it, as the reader sends it. */
function target(quote: string, pick = (b: Block) => b.text.includes(quote)) {
  const b = blocks.find(pick);
  if (!b) throw new Error(`no block with ${quote}`);
  const start = b.text.indexOf(quote);
  return {
    blockId: b.id,
    start,
    end: start + quote.length,
    exact: quote,
    prefix: b.text.slice(Math.max(0, start - 32), start),
    suffix: b.text.slice(start + quote.length, start + quote.length + 32),
  };
}

const bytesOf = (r: ExportResult) => new Uint8Array(Buffer.from(r.dataBase64!, 'base64'));

beforeEach(async () => {
  report = (await call<Report[]>('reports.list', {}))[0];
  versionId = report.versions[0].id;
  blocks = (await call<{ blocks: Block[] }>('reports.get', { versionId })).blocks;
  await call('settings.set', { key: 'author.name', value: '张明' });
  await call('settings.set', { key: 'author.delegation', value: '咸宁代表团' });
});

// Two passages of the real report, one early and one late, for ordering and wording.
const EARLY = '地区生产总值';
const LATE = '各位代表';

describe('drafts.create / update / list', () => {
  it('prefills an amendment from the selection and the settings, and explains what is still missing', async () => {
    const t = target(EARLY);
    const d = await call<DraftView>('drafts.create', { versionId, kind: 'amendment', targets: [t] });
    expect(d.author).toBe('张明');
    expect(d.fields).toMatchObject({ op: 'modify', original: EARLY, proposed: EARLY, reason: '' });
    // cited by part, heading and lead sentence (FORMATS.md), never by a paragraph number
    const path = '第一部分“综合施策、统筹推进，高效能治理提势赋能”中“一是突出负重求实，着力稳住经济大盘”一段';
    expect(d.targets[0].path).toBe(path);
    expect(d.position).toBe(path);
    expect(d.hasContent).toBe(false); // only the quote and the user's name so far
    expect(d.status).toBe('draft');
    // 修改为 still equals the quote: the user has not changed anything yet
    expect(d.validation.errors.map((e) => e.message)).toContain('修改后的文字与原文相同');
    expect(d.wording).toBe(`在${path}，将“${EARLY}”修改为“${EARLY}”`);

    const u = await call<DraftView>('drafts.update', { id: d.id, fields: { proposed: '全市生产总值', reason: '与统计公报口径一致' } });
    expect(u.fields).toMatchObject({ op: 'modify', original: EARLY, proposed: '全市生产总值', reason: '与统计公报口径一致' });
    expect(u.validation.errors).toEqual([]);
    expect(u.wording).toBe(`在${path}，将“${EARLY}”修改为“全市生产总值”`);
    expect(u.hasContent).toBe(true);
    expect(u.label).toContain('修改“地区生产总值”');
    // the preview is the exported row, with the author's delegation after the name
    expect(u.preview).toContain('修改意见汇总表');
    expect(u.preview).toContain('将“地区生产总值”修改为“全市生产总值”');
    expect(u.preview).toContain('张明（咸宁代表团）');

    const s = await call<DraftView>('drafts.update', { id: d.id, status: 'final' });
    expect(s.status).toBe('final');
    expect(s.fields).toMatchObject({ proposed: '全市生产总值' }); // a status change keeps the text
  });

  it('lets the 提出人 be changed (a 领衔代表 naming the old one follows) and locks a submitted draft until it is reopened', async () => {
    const d = await call<DraftView>('drafts.create', { versionId, kind: 'suggestion', fields: { title: '关于加快停车设施建设的建议' } });
    expect(d.fields).toMatchObject({ leadDeputy: '张明', delegation: '咸宁代表团' });
    const renamed = await call<DraftView>('drafts.update', { id: d.id, author: '张三' });
    expect(renamed.author).toBe('张三');
    expect(renamed.fields).toMatchObject({ leadDeputy: '张三', title: '关于加快停车设施建设的建议' });

    await call('drafts.update', { id: d.id, status: 'submitted' });
    const locked = await failure('drafts.update', { id: d.id, fields: { content: '改一下' } });
    expect(locked.error).toMatchObject({ code: 'draft/submitted', message: '这份意见稿已提交，内容不能再改。如需修改，请先点“重新打开”。' });
    expect((await failure('drafts.update', { id: d.id, author: '李四' })).error.code).toBe('draft/submitted');
    const reopened = await call<DraftView>('drafts.update', { id: d.id, status: 'draft' });
    expect(reopened.status).toBe('draft');
    expect((await call<DraftView>('drafts.update', { id: d.id, fields: { content: '改一下' } })).fields).toMatchObject({ content: '改一下' });
  });

  it('warns when the quoted original is not what the report says', async () => {
    const d = await call<DraftView>('drafts.create', {
      versionId,
      kind: 'amendment',
      targets: [target(EARLY)],
      fields: { original: '地区生产总产值', proposed: '全市生产总值' },
    });
    expect(d.validation.warnings.map((w) => w.message)).toContain('原文与报告中所选段落的文字不一致，请核对引文');
  });

  it('lists the required fields of an empty proposal in Chinese and offers a title fix', async () => {
    await call('settings.set', { key: 'author.role', value: 'member' });
    await call('settings.set', { key: 'author.sector', value: '经济界' });
    const p = await call<DraftView>('drafts.create', { versionId, kind: 'proposal' });
    expect(p.fields).toMatchObject({ proposer: '张明', sector: '经济界', title: '', analysis: '' });
    const messages = p.validation.errors.map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining(['请填写案由', '请填写类别', '请填写情况分析', '请填写具体建议']));
    expect(messages).not.toContain('请填写提案人');

    const u = await call<DraftView>('drafts.update', { id: p.id, fields: { title: '加强县域医疗人才队伍建设的建议。' } });
    const titleError = u.validation.errors.find((e) => e.field === 'title')!;
    expect(titleError.message).toMatch(/关于……的提案/);
    expect(titleError.fix).toEqual({ field: 'title', value: '关于加强县域医疗人才队伍建设的提案' });
    expect(u.label).toBe('加强县域医疗人才队伍建设的建议。');
  });

  it('rejects an unknown kind, unknown or over-long fields, and fields of another kind, saving nothing', async () => {
    expect((await failure('drafts.create', { versionId, kind: 'motion' })).status).toBe(400);
    expect((await failure('drafts.create', { versionId, kind: 'amendment', fields: { colour: 'red' } })).error.code).toBe('invalid-argument');
    expect((await failure('drafts.create', { versionId, kind: 'amendment', fields: { reason: 5 } })).status).toBe(400);
    expect((await failure('drafts.create', { versionId, kind: 'proposal', fields: { title: '关'.repeat(501) } })).status).toBe(400);
    const other = await failure('drafts.create', { versionId, kind: 'amendment', fields: { analysis: '……' } });
    expect(other.error.code).toBe('draft/unknown-field');
    expect(other.error.message).toBe('修改意见没有这些项：analysis');
    const d = await call<DraftView>('drafts.create', { versionId, kind: 'opinion' });
    expect((await failure('drafts.update', { id: d.id, status: 'approved' })).status).toBe(400);
    expect((await failure('drafts.update', { id: d.id, fields: { title: '关于' } })).error.code).toBe('draft/unknown-field');
    const bad = await failure('drafts.create', { versionId, kind: 'amendment', targets: [{ ...target(EARLY), blockId: 'p-nothere' }] });
    expect(bad.error.code).toBe('mark/bad-target');
    expect(await call<DraftView[]>('drafts.list', { reportId: report.id })).toHaveLength(1);
  });

  it('lists by report and by version, hides deleted drafts and brings them back', async () => {
    const a = await call<DraftView>('drafts.create', { versionId, kind: 'amendment', targets: [target(EARLY)] });
    const o = await call<DraftView>('drafts.create', { versionId, kind: 'opinion', targets: [target(LATE)], fields: { content: '建议进一步细化措施。' } });
    expect((await call<DraftView[]>('drafts.list', { reportId: report.id })).map((d) => d.id)).toEqual([a.id, o.id]);
    expect((await call<DraftView[]>('drafts.list', { versionId })).map((d) => d.id)).toEqual([a.id, o.id]);
    const deleted = await call<DraftView>('drafts.delete', { id: a.id });
    expect(deleted.id).toBe(a.id);
    expect((await call<DraftView[]>('drafts.list', { reportId: report.id })).map((d) => d.id)).toEqual([o.id]);
    expect((await failure('drafts.update', { id: a.id, fields: { reason: 'x' } })).error.code).toBe('not-found/draft');
    const back = await call<DraftView>('drafts.restore', { id: a.id });
    expect(back.deletedAt).toBeNull();
    expect(await call<DraftView[]>('drafts.list', { reportId: report.id })).toHaveLength(2);
  });

  it('takes a draft and a mark to the 回收站 with their report: edits are refused in Chinese and change nothing; restoring the report makes them editable again', async () => {
    const d = await call<DraftView>('drafts.create', { versionId, kind: 'opinion', fields: { content: '建议细化。' } });
    const m = await call<{ id: string; note: string }>('annotations.create', { versionId, color: 'yellow', note: '原批注', targets: [target(EARLY)] });
    await call('reports.delete', { reportId: report.id });
    for (const [method, args] of [
      ['drafts.update', { id: d.id, status: 'draft' }],
      ['drafts.update', { id: d.id, fields: { content: '改了' } }],
      ['drafts.delete', { id: d.id }],
      ['drafts.restore', { id: d.id }],
      ['annotations.update', { id: m.id, note: '改了' }],
      ['annotations.delete', { id: m.id }],
    ] as const) {
      const f = await failure(method, args);
      expect(f.status, method).toBe(422);
      expect(f.error.message, method).toMatch(/找不到/);
    }
    await call('reports.restore', { reportId: report.id });
    const [kept] = await call<DraftView[]>('drafts.list', { reportId: report.id });
    expect((kept.fields as { content?: string }).content).toBe('建议细化。');
    expect(kept.deletedAt).toBeNull();
    const edited = await call<DraftView>('drafts.update', { id: d.id, fields: { content: '改了' } });
    expect((edited.fields as { content?: string }).content).toBe('改了');
    expect((await call<{ note: string }>('annotations.update', { id: m.id, note: '改了' })).note).toBe('改了');
  });

  it('orders the kinds for the 新建 menu by role, with field specs and length guidance', async () => {
    const deputy = await call<DraftKindInfo[]>('drafts.kinds', {});
    expect(deputy.map((k) => k.name)).toEqual(['修改意见', '审议意见', '代表建议', '政协提案']);
    const amendment = deputy[0];
    expect(amendment.fields.map((f) => f.label)).toEqual(['修改方式', '原文', '修改为', '理由']);
    expect(amendment.fields[0].options?.map((o) => o.label)).toEqual(['修改', '增加', '删去']);
    await call('settings.set', { key: 'author.role', value: 'member' });
    const member = await call<DraftKindInfo[]>('drafts.kinds', {});
    expect(member[0].name).toBe('政协提案');
    expect(member[0].length).toEqual({ fields: ['analysis', 'suggestions'], usual: 800, max: 1500 });
    expect((await call<DraftKindInfo[]>('drafts.kinds', { role: 'deputy' }))[0].kind).toBe('amendment');
  });
});

describe('export.*', () => {
  async function twoAmendments() {
    // created late-first: the table must still follow the report's order
    const late = await call<DraftView>('drafts.create', {
      versionId,
      kind: 'amendment',
      targets: [target(LATE, (b) => b.kind === 'closing' && b.text.includes(LATE))],
      fields: { op: 'delete', reason: '重复' },
    });
    const early = await call<DraftView>('drafts.create', {
      versionId,
      kind: 'amendment',
      targets: [target(EARLY)],
      fields: { proposed: '全市生产总值', reason: '统一口径' },
    });
    return { late, early };
  }

  it('exports the 修改意见汇总表 as .docx in document order with wording and 提出人', async () => {
    const { early } = await twoAmendments();
    const r = await call<ExportResult>('export.docx', { what: 'amendments', reportId: report.id });
    expect(r.fileName).toBe('修改意见汇总表-咸宁市2024年政府工作报告.docx');
    expect(r.mime).toMatch(/wordprocessingml/);
    const { xml, text } = readDocx(bytesOf(r));
    expect(text).toContain('《咸宁市2024年政府工作报告》修改意见汇总表');
    expect(xml).toMatch(/w:orient="landscape"/);
    const rows = docxTableRows(xml);
    expect(rows[0]).toBe('序号|位置|原文|修改意见|理由|提出人');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`|${EARLY}|`);
    // the 位置 column carries the path, so the 修改意见 cell has the bare sentence
    expect(rows[1]).toContain(`|${early.targets[0].path}|${EARLY}|将“地区生产总值”修改为“全市生产总值”|统一口径|`);
    expect(early.wording).toBe(`在${early.targets[0].path}，将“地区生产总值”修改为“全市生产总值”`);
    expect(rows.join('\n')).not.toMatch(/第\d+段/);
    expect(rows[1]).toContain('张明\n（咸宁代表团）');
    expect(rows[2]).toMatch(/删去“各位代表/);
  });

  it('names a single draft’s file after the draft, never like the compiled table', async () => {
    const { early, late } = await twoAmendments();
    const one = await call<ExportResult>('export.docx', { what: 'draft', reportId: report.id, draftId: early.id });
    const other = await call<ExportResult>('export.docx', { what: 'draft', reportId: report.id, draftId: late.id });
    const all = await call<ExportResult>('export.docx', { what: 'amendments', reportId: report.id });
    expect(one.fileName).toBe('修改意见-修改“地区生产总值”.docx');
    expect(new Set([one.fileName, other.fileName, all.fileName]).size).toBe(3);
    expect(readDocx(bytesOf(one)).text).toContain('《咸宁市2024年政府工作报告》修改意见汇总表');
  });

  it('exports the table as CSV with a BOM that papaparse reads back cell for cell', async () => {
    const { early } = await twoAmendments();
    const r = await call<ExportResult>('export.csv', { what: 'amendments', reportId: report.id });
    expect(r.fileName).toBe('修改意见汇总表-咸宁市2024年政府工作报告.csv');
    const raw = Buffer.from(r.dataBase64!, 'base64');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(raw.toString('utf8').slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['序号', '位置', '原文', '修改意见', '理由', '提出人', '代表团/界别']);
    expect(parsed.data[1]).toEqual(['1', early.targets[0].path, EARLY, '将“地区生产总值”修改为“全市生产总值”', '统一口径', '张明', '咸宁代表团']);
    expect(parsed.data).toHaveLength(3);
  });

  it('exports one proposal as its form, and opinions as a 简报', async () => {
    const p = await call<DraftView>('drafts.create', {
      versionId,
      kind: 'proposal',
      fields: {
        title: '关于加强县域医疗人才队伍建设的提案',
        sector: '医卫界',
        category: '社会',
        analysis: '基层医疗人才流失。',
        suggestions: '一是提高待遇。',
      },
    });
    const docx = await call<ExportResult>('export.docx', { what: 'draft', reportId: report.id, draftId: p.id });
    expect(docx.fileName).toBe('政协提案-关于加强县域医疗人才队伍建设的提案.docx');
    const { xml, text } = readDocx(bytesOf(docx));
    // the blank 编号 box comes first, then the proposer's table
    expect(docxTableRows(xml).slice(0, 2)).toEqual(['编号|', '案由|关于加强县域医疗人才队伍建设的提案']);
    expect(text).toContain('一、情况分析');
    expect(text).toContain('基层医疗人才流失。');

    await call('drafts.create', { versionId, kind: 'opinion', targets: [target(EARLY)], fields: { content: '建议补充增速的全省排位。' } });
    const md = await call<ExportResult>('export.markdown', { what: 'opinions', reportId: report.id });
    expect(md.fileName).toBe('审议意见简报-咸宁市2024年政府工作报告.md');
    const body = Buffer.from(md.dataBase64!, 'base64').toString('utf8');
    expect(body).toContain('# 审议意见简报');
    expect(body).toContain('《咸宁市2024年政府工作报告》');
    expect(body).toContain('## 一、咸宁代表团');
    expect(body).toContain('**张明：**建议补充增速的全省排位。');
    expect((await failure('export.csv', { what: 'opinions', reportId: report.id })).error.message).toBe('审议意见不能导出为CSV 表格。');
  });

  it('exports the annotation digest with the user’s colour names, and Web Annotation JSON', async () => {
    await call('settings.set', { key: 'colors.labels', value: JSON.stringify({ blue: '要问清楚' }) });
    await call('annotations.create', { versionId, color: 'blue', note: '口径？', targets: [target(EARLY)] });
    await call('annotations.create', { versionId, color: 'yellow', targets: [target(LATE, (b) => b.kind === 'closing' && b.text.includes(LATE))] });
    const csv = await call<ExportResult>('export.csv', { what: 'digest', reportId: report.id, versionId });
    const rows = Papa.parse<string[]>(Buffer.from(csv.dataBase64!, 'base64').toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['位置', '原文', '批注', '颜色', '标签', '作者', '时间']);
    expect(rows[1].slice(1, 4)).toEqual([EARLY, '口径？', '要问清楚']);
    expect(rows[2][3]).toBe('重点');
    expect(rows[1][6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const docx = await call<ExportResult>('export.docx', { what: 'digest', reportId: report.id });
    expect(docx.fileName).toBe('批注摘要-咸宁市2024年政府工作报告.docx');
    expect(readDocx(bytesOf(docx)).text).toContain('【要问清楚】');

    const wa = await call<ExportResult>('export.webAnnotation', { what: 'annotations', reportId: report.id });
    expect(wa.fileName).toBe('批注-咸宁市2024年政府工作报告.jsonld');
    const json = JSON.parse(Buffer.from(wa.dataBase64!, 'base64').toString('utf8'));
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(2);
    expect(JSON.stringify(json.first.items)).toContain(EARLY);
    expect((await failure('export.webAnnotation', { what: 'amendments', reportId: report.id })).error.code).toBe('export/unsupported');
  });

  it('writes to a chosen destination atomically and checks the extension', async () => {
    await twoAmendments();
    const out = mkdtempSync(join(tmpdir(), 'rd-out-'));
    try {
      const dest = join(out, '汇总表.docx');
      env.chosen(dest, join(out, '汇总表.csv'));
      const r = await call<ExportResult>('export.docx', { what: 'amendments', reportId: report.id, destination: dest });
      expect(r).toMatchObject({ path: dest, fileName: '汇总表.docx' });
      expect(r.dataBase64).toBeUndefined();
      expect(docxTableRows(readDocx(readFileSync(dest)).xml)).toHaveLength(3);
      expect(readdirSync(out)).toEqual(['汇总表.docx']); // no temp file left
      const wrong = await failure('export.docx', { what: 'amendments', reportId: report.id, destination: join(out, '汇总表.csv') });
      expect(wrong.error.code).toBe('export/wrong-extension');
      expect(wrong.error.message).toMatch(/\.docx 结尾/);
      expect((await failure('export.docx', { what: 'amendments', reportId: report.id, destination: 'relative/a.docx' })).status).toBe(400);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reports an unwritable folder in Chinese and leaves the draft and the folder untouched', async () => {
    const { early } = await twoAmendments();
    // Tests run as root, so permissions would not stop the write: a regular file as the "folder" does.
    const out = mkdtempSync(join(tmpdir(), 'rd-out-'));
    try {
      const notAFolder = join(out, 'plain.txt');
      writeFileSync(notAFolder, 'x');
      const dest = join(notAFolder, '修改意见汇总表.docx');
      env.chosen(dest, join(out, 'nope', 'a.md'));
      const e = await failure('export.docx', { what: 'amendments', reportId: report.id, destination: dest });
      expect(e.error.code).toBe('export/write-failed');
      expect(e.error.message).toBe(`无法写入“${dest}”：路径中有一部分不是文件夹。意见稿没有受影响。`);
      expect(existsSync(dest)).toBe(false);
      expect(readdirSync(out)).toEqual(['plain.txt']);
      const missing = await failure('export.markdown', { what: 'draft', draftId: early.id, reportId: report.id, destination: join(out, 'nope', 'a.md') });
      expect(missing.error.message).toMatch(/文件夹不存在。意见稿没有受影响。$/);
      const after = (await call<DraftView[]>('drafts.list', { reportId: report.id })).find((d) => d.id === early.id)!;
      expect(after.updatedAt).toBe(early.updatedAt);
      expect(after.fields).toEqual(early.fields);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses a draft of another report and a draft export without a draft', async () => {
    const d = await call<DraftView>('drafts.create', { versionId, kind: 'opinion' });
    expect((await failure('export.docx', { what: 'draft', reportId: report.id })).error.code).toBe('export/no-draft');
    const other = await failure('export.docx', { what: 'draft', reportId: '00000000-0000-4000-8000-000000000000', draftId: d.id });
    expect(other.error.code).toBe('not-found/report');
  });
});
