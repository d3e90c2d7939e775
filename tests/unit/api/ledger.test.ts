/**
 * 承诺台账 over the real back end and a real SQLite file: the list, marks that survive a restart,
 * refusals in Chinese, and the .xlsx / .csv exports read back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExportResult, LedgerListResult, Report } from '../../../electron/api/contract';
import { LEDGER_COLUMNS } from '../../../electron/core/ledger';
import { useBackend } from '../../helpers/backend';
import { readXlsx } from '../../helpers/xlsx';

const env = useBackend('rd-ledger-');
const { call, failure } = env;

let report: Report;
let versionId: string;

beforeEach(async () => {
  report = (await call<Report[]>('reports.list', {}))[0];
  versionId = report.versions.at(-1)!.id;
});

const list = async () => (await call<LedgerListResult>('ledger.list', { versionId })).entries;

describe('ledger.list', () => {
  it('lists the bundled report’s quantified statements in reading order, with their place', async () => {
    const entries = await list();
    expect(entries.length).toBeGreaterThan(50);
    const ords = entries.map((e) => e.ord);
    expect(ords).toEqual([...ords].sort((a, b) => a - b));
    const e = entries.find((x) => x.unit === '%' && x.kind === 'target')!;
    expect(e).toMatchObject({ flag: null, note: '' });
    expect(e.path).toMatch(/部分/);
    expect(entries.some((x) => x.part !== null && x.section !== null)).toBe(true);
    expect(new Set(entries.map((x) => x.id)).size).toBe(entries.length);
  });
});

describe('ledger.mark', () => {
  it('keeps a flag and a note across a restart, and forgets a row cleared of both', async () => {
    const [a, b] = await list();
    await call('ledger.mark', { versionId, key: a.id, flag: '关注', note: '  与上年口径不同？ ' });
    await call('ledger.mark', { versionId, key: b.id, flag: '存疑', note: '' });
    env.restart();
    let entries = await list();
    expect(entries.find((x) => x.id === a.id)).toMatchObject({ flag: '关注', note: '与上年口径不同？' });
    expect(entries.find((x) => x.id === b.id)).toMatchObject({ flag: '存疑', note: '' });
    await call('ledger.mark', { versionId, key: b.id, flag: null, note: '' });
    entries = await list();
    expect(entries.find((x) => x.id === b.id)).toMatchObject({ flag: null, note: '' });
  });

  it('refuses a key that is no entry of the version, and a malformed one, in Chinese', async () => {
    const { error } = await failure('ledger.mark', { versionId, key: '0123456789abcdef', flag: '关注', note: '' });
    expect(error).toEqual({ code: 'not-found/ledger-entry', message: '承诺台账中没有这一条，可能报告版本已更换，请刷新后重试。' });
    const bad = await failure('ledger.mark', { versionId, key: 'not-a-key', flag: '关注', note: '' });
    expect(bad.error.code).toBe('invalid-argument');
    expect(bad.error.message).toMatch(/台账条目编号格式不正确/);
    const flag = await failure('ledger.mark', { versionId, key: (await list())[0].id, flag: '重要', note: '' });
    expect(flag.error.code).toBe('invalid-argument');
  });
});

describe('exporting the ledger', () => {
  it('writes an .xlsx with Chinese headers, one row per entry and number cells for figures', async () => {
    const entries = await list();
    await call('ledger.mark', { versionId, key: entries[0].id, flag: '关注', note: '=1+1 不是公式' });
    const r = await call<ExportResult>('export.xlsx', { what: 'ledger', reportId: report.id, versionId });
    expect(r.fileName).toMatch(/^承诺台账-.*\.xlsx$/);
    expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { sheetNames, rows } = readXlsx(Buffer.from(r.dataBase64!, 'base64'));
    expect(sheetNames).toEqual(['承诺台账']);
    expect(rows[0].map((c) => c?.value)).toEqual([...LEDGER_COLUMNS]);
    expect(rows.length).toBe(entries.length + 1);
    const col = (name: (typeof LEDGER_COLUMNS)[number]) => LEDGER_COLUMNS.indexOf(name);
    for (const [i, e] of entries.entries()) {
      const row = rows[i + 1];
      expect(row[col('数值')]).toEqual({ kind: 'number', value: e.number });
      expect(row[col('折算数量')]).toEqual({ kind: 'number', value: Number(e.amount.toPrecision(12)) }); // no float tail (1.1亿 → 110000000)
      expect(row[col('指标')]).toEqual({ kind: 'text', value: e.metric });
      expect(row[col('原文数值')]).toEqual({ kind: 'text', value: e.value });
    }
    expect(rows[1][col('标记')]).toEqual({ kind: 'text', value: '关注' });
    expect(rows[1][col('备注')]).toEqual({ kind: 'text', value: '=1+1 不是公式' });
  });

  it('writes a .csv with a byte order mark, the same columns and rows', async () => {
    const entries = await list();
    const r = await call<ExportResult>('export.csv', { what: 'ledger', reportId: report.id, versionId });
    const text = Buffer.from(r.dataBase64!, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF' + LEDGER_COLUMNS.join(','))).toBe(true);
    expect(text.trimEnd().split('\r\n').length).toBeGreaterThanOrEqual(entries.length + 1);
    expect(text).toContain(entries[0].metric);
  });

  it('refuses the ledger as a Word document in Chinese', async () => {
    const { error } = await failure('export.docx', { what: 'ledger', reportId: report.id, versionId });
    expect(error).toEqual({ code: 'export/unsupported', message: '承诺台账不能导出为Word 文档。' });
  });
});
