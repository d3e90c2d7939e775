/**
 * review.* over the real back end: a temp data folder with the bundled 咸宁 report seeded into
 * SQLite, every call through dispatch (argument validation and error mapping included).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ExportResult, Report, ReviewCheckResult, ReviewIndicatorsResult } from '../../../electron/api/contract';
import { BUNDLED } from '../../helpers/tempdb';
import { useBackend } from '../../helpers/backend';

const env = useBackend('rd-review-');
const { call, failure } = env;

let versionId: string;
let reportId: string;

const check = () => call<ReviewCheckResult>('review.check', { versionId });

beforeEach(async () => {
  const report = (await call<Report[]>('reports.list', {}))[0];
  reportId = report.id;
  versionId = report.versions[0].id;
});

describe('review.check on the bundled report', () => {
  it('flags the doubled 把握把握 as an error, with its place in the report and a fix', async () => {
    const r = await check();
    const f = r.findings.find((x) => x.excerpt === '把握把握');
    expect(f).toMatchObject({ rule: 'repeated-words', severity: 'error', suggestion: '把握', dismissed: false, part: 2 });
    expect(f!.path).toMatch(/^第二部分/);
    const { blocks } = await call<{ blocks: { id: string; text: string }[] }>('reports.get', { versionId });
    const block = blocks.find((b) => b.id === f!.blockId)!;
    expect(block.text.slice(f!.start, f!.end)).toBe('把握把握');
  });

  it('summarises the newspaper copy’s half-width punctuation in one finding, not hundreds', async () => {
    const r = await check();
    const punct = r.findings.filter((x) => x.rule === 'punctuation');
    expect(punct).toHaveLength(1);
    expect(punct[0].message).toMatch(/全文有\d{3,}处半角标点/);
    expect(punct[0].suggestion).toBe('（');
  });

  it('lists the rules with Chinese names and counts the findings by severity', async () => {
    const r = await check();
    expect(r.rules.map((x) => x.id)).toEqual(expect.arrayContaining(['repeated-words', 'punctuation']));
    expect(r.rules.every((x) => /[\u4e00-\u9fff]/.test(x.name))).toBe(true);
    const errors = r.findings.filter((x) => x.severity === 'error').length;
    expect(r.counts.error).toBe(errors);
    expect(r.counts.error + r.counts.warning + r.counts.info).toBe(r.findings.length);
    expect(r.dismissedCount).toBe(0);
    // a second check (served from memory) gives the same findings and ids
    expect((await check()).findings.map((x) => x.id)).toEqual(r.findings.map((x) => x.id));
  });

  it('finds nothing to flag once the slip is corrected in a new version', async () => {
    const text = readFileSync(BUNDLED, 'utf8').replace('把握把握', '把握');
    const v2 = await call<{ versionId: string }>('reports.import', {
      fileName: '咸宁-修订稿.txt',
      dataBase64: Buffer.from(text).toString('base64'),
      reportId,
      label: '修订稿',
    });
    const r = await call<ReviewCheckResult>('review.check', { versionId: v2.versionId });
    expect(r.findings.some((x) => x.excerpt.includes('把握把握'))).toBe(false);
    expect(r.findings.some((x) => x.excerpt === '承办承办')).toBe(true); // the other slip is still there
  });

  it('rejects an unknown version with a Chinese message and a malformed finding id', async () => {
    const e = await failure('review.check', { versionId: '00000000-0000-4000-8000-000000000000' });
    expect(e.status).toBe(422);
    expect(e.error.message).toMatch(/找不到/);
    expect((await failure('review.dismiss', { versionId, findingId: '../x' })).status).toBe(400);
    expect((await failure('review.check', { versionId, extra: 1 })).status).toBe(400);
  });
});

describe('review.dismiss / undismiss', () => {
  it('remembers 忽略 in the database across a restart, and undismiss brings the finding back', async () => {
    const f = (await check()).findings.find((x) => x.excerpt === '把握把握')!;
    const before = (await check()).counts.error;
    expect(await call('review.dismiss', { versionId, findingId: f.id })).toEqual({ findingId: f.id, dismissed: true });
    await call('review.dismiss', { versionId, findingId: f.id }); // twice is harmless

    env.restart();
    const after = await check();
    expect(after.findings.find((x) => x.id === f.id)?.dismissed).toBe(true);
    expect(after.counts.error).toBe(before - 1);
    expect(after.dismissedCount).toBe(1);
    // other findings untouched
    expect(after.findings.filter((x) => x.dismissed)).toHaveLength(1);

    await call('review.undismiss', { versionId, findingId: f.id });
    const restored = await check();
    expect(restored.findings.find((x) => x.id === f.id)?.dismissed).toBe(false);
    expect(restored.counts.error).toBe(before);
  });
});

describe('review.indicators', () => {
  const NINE = [
    '地区生产总值',
    '规上工业增加值',
    '固定资产投资',
    '地方一般公共预算收入',
    '社会消费品零售总额',
    '进出口总额',
    '城镇新增就业',
    '城镇登记失业率',
    '居民消费价格指数',
  ];

  it('extracts the nine 2024 targets with value, unit and qualifier, each pointing at its passage', async () => {
    const r = await call<ReviewIndicatorsResult>('review.indicators', { versionId });
    const targets = r.indicators.filter((i) => i.kind === 'target' && i.year === 2024);
    for (const m of NINE) expect(targets.map((t) => t.metric)).toContain(m);
    const byMetric = (m: string) => targets.find((t) => t.metric === m)!;
    expect(byMetric('地区生产总值')).toMatchObject({ value: 6, unit: '%' });
    expect(byMetric('规上工业增加值')).toMatchObject({ value: 7, unit: '%', qualifier: '左右' });
    expect(byMetric('城镇新增就业')).toMatchObject({ value: 3.7, unit: '万人' });
    expect(byMetric('城镇登记失业率')).toMatchObject({ value: 3, qualifier: '左右' });
    expect(byMetric('居民消费价格指数')).toMatchObject({ value: 3, qualifier: '以内' });
    expect(byMetric('地区生产总值').path).toMatch(/^第二部分/);
    // a 2023 result is not a target
    expect(r.indicators.find((i) => i.metric === '地区生产总值' && i.kind === 'result')).toMatchObject({ value: 1.6, year: 2023 });
  });

  it('pairs last year’s result with this year’s target per metric', async () => {
    const r = await call<ReviewIndicatorsResult>('review.indicators', { versionId });
    const gdp = r.pairs.find((p) => p.metric === '地区生产总值')!;
    expect(gdp.target?.value).toBe(6);
    expect(gdp.result?.value).toBe(1.6);
    expect(gdp.target?.path).not.toBe('');
    expect(r.pairs.find((p) => p.metric === '城镇登记失业率')?.result).toBeUndefined();
  });

  it('exports a CSV that Excel reads as UTF-8 and that round-trips through papaparse', async () => {
    const r = await call<ExportResult>('review.indicatorsCsv', { versionId });
    expect(r.fileName).toMatch(/^主要指标-.*\.csv$/);
    expect(r.mime).toContain('text/csv');
    const bytes = Buffer.from(r.dataBase64!, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['指标', '类型', '数值', '单位', '限定词', '方向', '年份', '位置', '原文']);
    const { indicators } = await call<ReviewIndicatorsResult>('review.indicators', { versionId });
    expect(parsed.data).toHaveLength(indicators.length);
    const row = parsed.data.find((x) => x['指标'] === '规上工业增加值' && x['类型'] === '预期目标')!;
    expect(row).toMatchObject({ 数值: '7', 单位: '%', 限定词: '左右', 方向: '增长', 年份: '2024' });
    expect(row['原文']).toContain('7%左右');
    expect(parsed.data.some((x) => x['类型'] === '完成情况')).toBe(true);
  });

  it('writes the CSV to a chosen destination (desktop save dialog), refusing a wrong extension', async () => {
    const dest = join(env.dir, '指标.csv');
    env.chosen(dest, join(env.dir, '指标.docx'));
    const r = await call<ExportResult>('review.indicatorsCsv', { versionId, destination: dest });
    expect(r.path).toBe(dest);
    expect(readFileSync(dest, 'utf8').startsWith('\uFEFF指标,类型')).toBe(true);
    expect((await failure('review.indicatorsCsv', { versionId, destination: join(env.dir, '指标.docx') })).error.message).toMatch(/\.csv/);
    expect((await failure('review.indicatorsCsv', { versionId, destination: 'relative.csv' })).status).toBe(400);
  });
});
