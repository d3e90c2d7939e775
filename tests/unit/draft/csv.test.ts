import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { amendmentTableCsv, BOM, digestCsv } from '../../../electron/core/draft/export/csv';
import { digestFromAnnotations } from '../../../electron/core/draft/export/rows';
import { amendmentTable, annotations, PATH } from './exportData';

function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const r = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('CSV: 修改意见汇总表', () => {
  it('starts with a UTF-8 BOM so Excel reads the Chinese, and round-trips through papaparse', () => {
    const csv = amendmentTableCsv(amendmentTable);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv);
    expect(rows[0]).toEqual(['序号', '位置', '原文', '修改意见', '理由', '提出人', '代表团/界别']);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      '1',
      PATH,
      '确保咸九高速建成投用',
      '将“确保咸九高速建成投用”修改为“确保咸九高速上半年建成投用”',
      '明确时间节点，便于督办',
      '张明',
      '咸安代表团',
    ]);
    // comma, ASCII quote and newline survive inside one cell
    expect(rows[2][4]).toBe('理由含逗号, 引号"和\n换行');
    expect(rows[2][3]).toBe('在“践行‘深实严细久’工作标准”后增加“，健全‘马上就办’机制”');
  });

  it('defuses cells Excel would run as formulas', () => {
    const rows = parse(amendmentTableCsv(amendmentTable));
    expect(rows[3][4]).toBe("'=数据口径不一");
    expect(rows[3][6]).toBe('');
  });

  it('writes a header only for an empty table', () => {
    expect(parse(amendmentTableCsv({ reportTitle: 'x', rows: [] }))).toHaveLength(1);
  });
});

describe('CSV: annotation digest', () => {
  it('has one row per annotation with tags joined by 、', () => {
    const rows = parse(digestCsv(digestFromAnnotations({ reportTitle: 'r', versionLabel: 'v', annotations })));
    expect(rows[0]).toEqual(['位置', '原文', '批注', '颜色', '标签', '作者', '时间']);
    expect(rows[1]).toEqual([PATH, '确保咸九高速建成投用', '交通项目是今年投资的重头，需关注进度。', '重点', '交通、投资', '张明', '2024-01-20T09:00:00.000Z']);
    expect(rows[2].slice(1, 5)).toEqual(['“深实严细久”工作标准', '', '疑问', '']);
  });
});
