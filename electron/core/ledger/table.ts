/**
 * The 承诺台账 as a table for spreadsheets: one row per entry in reading order, Chinese headers.
 * .xlsx through write-excel-file (numbers are typed number cells, so a deputy can sum and sort
 * them in Excel/WPS); .csv with a byte order mark (Excel on Chinese Windows reads a CSV without
 * one as GBK), CRLF line ends, papaparse quoting.
 */
import Papa from 'papaparse';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { LEDGER_KIND_LABELS, LEDGER_TYPE_LABELS } from '../common/labels';
import type { LedgerRow } from './book';

export interface LedgerTable {
  reportTitle: string;
  versionLabel: string;
  rows: LedgerRow[];
}

export const LEDGER_COLUMNS = [
  '部分',
  '位置',
  '指标',
  '数值',
  '原文数值',
  '单位',
  '折算数量',
  '基本单位',
  '限定词',
  '类型',
  '性质',
  '年份',
  '标记',
  '备注',
  '原文',
] as const;

/** 第二部分（六）from the citation path, as the report numbers them. */
const SECTION_OF_PATH = /^(第[一二三四五六七八九十百零]+部分)?(（[一二三四五六七八九十]+）)?/;

/** One entry's cells: the figure as a number beside the figure as written (2—3, 百). */
function cells(r: LedgerRow): (string | number | null)[] {
  const m = SECTION_OF_PATH.exec(r.path);
  const section = (m?.[1] ?? '') + (m?.[2] ?? '') || '报告开头';
  return [
    section,
    r.path,
    r.metric,
    r.number,
    r.value,
    r.unit,
    Number(r.amount.toPrecision(12)), // 296.1万 × 1e4 without a float tail
    r.baseUnit,
    r.qualifier ?? '',
    LEDGER_TYPE_LABELS[r.type],
    LEDGER_KIND_LABELS[r.kind],
    r.year,
    r.flag ?? '',
    r.note,
    r.text,
  ];
}

export function ledgerCsv({ rows }: LedgerTable): string {
  return (
    '\uFEFF' +
    Papa.unparse(
      { fields: [...LEDGER_COLUMNS], data: rows.map((r) => cells(r).map((c) => c ?? '')) },
      // Numbers stay numbers; text cells starting with = + - @ get a ' so no cell runs as a formula.
      { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ },
    )
  );
}

const WIDTHS = [12, 36, 24, 10, 10, 8, 14, 8, 8, 8, 10, 8, 6, 30, 50];

export async function ledgerXlsx({ rows }: LedgerTable): Promise<Uint8Array> {
  const header: Row = LEDGER_COLUMNS.map((value) => ({ value, fontWeight: 'bold' }));
  // Text cells are typed String: write-excel-file never reads a string as a formula.
  const body: Row[] = rows.map((r) =>
    cells(r).map((c): Cell => (c === null || c === '' ? null : typeof c === 'number' ? { value: c, type: Number } : { value: c, type: String })),
  );
  const buffer = await writeXlsxFile([header, ...body], {
    sheet: '承诺台账',
    columns: WIDTHS.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
  return new Uint8Array(buffer);
}
