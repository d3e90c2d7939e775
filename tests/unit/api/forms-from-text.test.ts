/**
 * Every form started from the text (issue #14) over the real back end: a passage selected in
 * the report is linked to the draft, quoted in the form's 背景, more passages are linked later,
 * and the collections of 代表建议 and 政协提案 come out as one .docx (a page each), one .csv and a
 * .zip of one file per draft named after its title.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Block, DraftView, ExportResult, Report } from '../../../electron/api/contract';
import { useBackend } from '../../helpers/backend';
import { docxTableRows, readDocx } from '../draft/helpers';
import { EDITS, revisedReportText } from '../../helpers/revised-report';

const env = useBackend('rd-forms-');
const { call, failure } = env;

let report: Report;
let versionId: string;
let blocks: Block[];

function target(quote: string) {
  const b = blocks.find((x) => x.text.includes(quote));
  if (!b) throw new Error(`no block with ${quote}`);
  const start = b.text.indexOf(quote);
  return { blockId: b.id, start, end: start + quote.length, exact: quote };
}
const bytesOf = (r: ExportResult) => new Uint8Array(Buffer.from(r.dataBase64!, 'base64'));
const fields = (d: DraftView) => d.fields as unknown as Record<string, string>;

beforeEach(async () => {
  report = (await call<Report[]>('reports.list', {}))[0];
  versionId = report.versions[0].id;
  blocks = (await call<{ blocks: Block[] }>('reports.get', { versionId })).blocks;
});

describe('a form started from a passage', () => {
  it('links the passage and quotes it, with its place, in the 背景 of suggestions and proposals', async () => {
    const t = target('地区生产总值');
    const s = await call<DraftView>('drafts.create', { versionId, kind: 'suggestion', targets: [t] });
    expect(s.targets.map((x) => x.exact)).toEqual(['地区生产总值']);
    expect(fields(s).content).toMatch(/^政府工作报告在第.+提出：“地区生产总值”。\n$/u);
    expect(fields(s).content).toContain(s.position);
    // only the quote: nothing of the user's to lose, nothing to complain about yet
    expect(s.hasContent).toBe(false);

    const p = await call<DraftView>('drafts.create', { versionId, kind: 'proposal', targets: [t] });
    expect(fields(p).analysis.split('\n')[0]).toBe(fields(s).content.split('\n')[0]);
    expect(fields(p).source).toBe('个人');

    // forms without a 背景 keep the passage as their 所议段落 / 原文
    const o = await call<DraftView>('drafts.create', { versionId, kind: 'opinion', targets: [t] });
    expect(fields(o).content).toBe('');
    expect(o.position).toBe(s.position);
    const a = await call<DraftView>('drafts.create', { versionId, kind: 'amendment', targets: [t], fields: { op: 'add' } });
    expect(fields(a)).toMatchObject({ op: 'add', original: '地区生产总值', proposed: '' });
  });

  it('quotes a long paragraph up to a sentence end, marked with ……', async () => {
    const long = blocks.find((b) => b.kind === 'paragraph' && [...b.text].length > 300)!;
    const s = await call<DraftView>('drafts.create', {
      versionId,
      kind: 'suggestion',
      targets: [{ blockId: long.id, start: 0, end: long.text.length, exact: long.text }],
    });
    const line = fields(s).content.split('\n')[0];
    const quoted = line.slice(line.indexOf('提出：“') + 4, line.lastIndexOf('”。'));
    expect(quoted.endsWith('……')).toBe(true);
    expect(long.text.replace(/“/g, '‘').replace(/”/g, '’').startsWith(quoted.slice(0, -2))).toBe(true);
    expect([...quoted].length).toBeLessThan(200);
  });

  it('links more passages later: each new one is quoted once, a removed chip unlinks, and words that are not the report’s are refused', async () => {
    const first = target('地区生产总值');
    const second = target('城镇新增就业');
    const s = await call<DraftView>('drafts.create', { versionId, kind: 'suggestion', targets: [first] });
    await call('drafts.update', { id: s.id, fields: { content: `${fields(s).content}建议统一口径。` } });

    const linked = await call<DraftView>('drafts.update', { id: s.id, targets: [first, second] });
    expect(linked.targets.map((x) => x.exact)).toEqual(['地区生产总值', '城镇新增就业']);
    const lines = fields(linked).content.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('提出：“城镇新增就业”。');
    // the user's words stay after the quotes
    expect(lines[2]).toBe('建议统一口径。');

    // linking the same passages again quotes nothing twice
    const again = await call<DraftView>('drafts.update', { id: s.id, targets: [first, second] });
    expect(fields(again).content).toBe(fields(linked).content);

    // a chip removed: the passage is no longer linked (its quote stays: the user may have edited around it)
    const unlinked = await call<DraftView>('drafts.update', { id: s.id, targets: [second] });
    expect(unlinked.targets.map((x) => x.exact)).toEqual(['城镇新增就业']);

    const bad = await failure('drafts.update', { id: s.id, targets: [{ ...second, exact: '不对的文字' }] });
    expect(bad.error.code).toBe('mark/bad-target');
    // nothing was changed by the refused call
    expect((await call<DraftView[]>('drafts.list', { reportId: report.id })).find((d) => d.id === s.id)!.targets.map((x) => x.exact)).toEqual(['城镇新增就业']);
  });

  it('carries every linked passage to the next version of the report', async () => {
    const s = await call<DraftView>('drafts.create', { versionId, kind: 'suggestion', targets: [target('地区生产总值')] });
    // the second passage is in the paragraph the revision inserts a sentence into: its place moves
    await call('drafts.update', { id: s.id, targets: [target('地区生产总值'), target(EDITS.number.old)] });
    await call('reports.import', {
      fileName: '修改稿.txt',
      dataBase64: Buffer.from(revisedReportText()).toString('base64'),
      reportId: report.id,
      label: '修改稿',
    });
    const next = (await call<Report[]>('reports.list', {}))[0].versions.at(-1)!;
    expect(next.label).toBe('修改稿');
    await call('versions.carry', { fromVersionId: versionId, toVersionId: next.id });
    const carried = (await call<DraftView[]>('drafts.list', { reportId: report.id })).find((d) => d.id === s.id)!;
    expect(carried.versionId).toBe(next.id);
    // the changed number is re-anchored on what remains of the quote; both passages stay linked
    expect(carried.targets).toHaveLength(2);
    expect(carried.targets[0].exact).toBe('地区生产总值');
    expect(carried.targets[1].exact).toContain('高新技术企业达6');
  });

  it('refuses to link passages to a submitted form until it is reopened', async () => {
    const s = await call<DraftView>('drafts.create', { versionId, kind: 'suggestion', targets: [target('地区生产总值')] });
    await call('drafts.update', { id: s.id, status: 'submitted' });
    const r = await failure('drafts.update', { id: s.id, targets: [target('城镇新增就业')] });
    expect(r.error.code).toBe('draft/submitted');
  });
});

describe('collections of forms', () => {
  async function twoSuggestions() {
    await call('drafts.create', {
      versionId,
      kind: 'suggestion',
      targets: [target('地区生产总值')],
      fields: { title: '关于统一统计口径的建议', session: '闭会期间', content: '建议统一口径。' },
    });
    await call('drafts.create', {
      versionId,
      kind: 'suggestion',
      targets: [target('城镇新增就业')],
      fields: { title: '关于统一统计口径的建议', content: '建议加强就业统计。' },
    });
  }

  it('puts all 代表建议 in one .docx, each form on its own page', async () => {
    await twoSuggestions();
    const { xml, text } = readDocx(bytesOf(await call<ExportResult>('export.docx', { what: 'suggestions', reportId: report.id })));
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(docxTableRows(xml).filter((r) => r.startsWith('类别|'))).toEqual(['类别||提出时间|闭会期间', '类别||提出时间|会议期间']);
    expect(text.indexOf('建议统一口径。')).toBeLessThan(text.indexOf('建议加强就业统计。'));
  });

  it('lists them in one .csv a spreadsheet opens, with the passages they concern', async () => {
    await twoSuggestions();
    const r = await call<ExportResult>('export.csv', { what: 'suggestions', reportId: report.id });
    expect(r.fileName).toMatch(/^代表建议-.+\.csv$/u);
    const csv = Buffer.from(bytesOf(r)).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1)).data.filter((x) => x.length > 1);
    expect(rows[0]).toEqual(['序号', '标题', '提出时间', '领衔代表', '代表团', '附议代表', '类别', '内容', '所涉段落']);
    expect(rows).toHaveLength(3);
    expect(rows[1][8]).toMatch(/^第/u);
  });

  it('zips one .docx per draft named after its title, never one over another', async () => {
    await twoSuggestions();
    const zip = unzipSync(bytesOf(await call<ExportResult>('export.zip', { what: 'suggestions', reportId: report.id })));
    expect(Object.keys(zip).sort()).toEqual(['代表建议-关于统一统计口径的建议.docx', '代表建议-关于统一统计口径的建议（2）.docx']);
    const texts = Object.values(zip).map((b) => readDocx(b).text);
    expect(texts.some((t) => t.includes('建议统一口径。'))).toBe(true);
    expect(texts.some((t) => t.includes('建议加强就业统计。'))).toBe(true);
    // nothing to zip is said, not an empty archive
    expect((await failure('export.zip', { what: 'proposals', reportId: report.id })).error.message).toBe('这份报告还没有这类意见稿，没有可导出的文件。');
  });

  it('gathers 审议意见 into a 简报 per 代表团, each speaker under the passage', async () => {
    const t = target('地区生产总值');
    await call('drafts.create', { versionId, kind: 'opinion', targets: [t], fields: { content: '赞成。', speaker: '张明', delegation: '咸安代表团' } });
    await call('drafts.create', { versionId, kind: 'opinion', targets: [t], fields: { content: '建议细化。', speaker: '李华', delegation: '咸安代表团' } });
    await call('drafts.create', { versionId, kind: 'opinion', targets: [t], fields: { content: '同意。', speaker: '王强', delegation: '赤壁代表团' } });
    const r = await call<ExportResult>('export.docx', { what: 'opinions', reportId: report.id });
    expect(r.fileName).toMatch(/^审议意见简报-/u);
    const { text } = readDocx(bytesOf(r));
    const order = ['审议意见简报', '一、咸安代表团', '（一）关于第', '张明：赞成。', '李华：建议细化。', '二、赤壁代表团', '王强：同意。'];
    const at = order.map((s) => text.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
