/**
 * CSV for spreadsheets. Excel reads a CSV as the system code page (GBK on Chinese Windows)
 * unless it starts with a UTF-8 byte order mark, so every file starts with one.
 * papaparse does the quoting (commas, quotes, line breaks inside cells).
 */
import Papa from 'papaparse';
import { amendmentWording } from '../kinds/amendment';
import { AMENDMENT_TABLE_COLUMNS, type AmendmentTableInput, type DigestInput } from './types';

export const BOM = '\uFEFF';

function toCsv(header: readonly string[], rows: string[][]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...header], data: rows },
      {
        newline: '\r\n',
        // A cell starting with = + - @ would run as a formula in Excel; papaparse prefixes a '.
        // Own pattern: papaparse's default misses multi-line cells.
        escapeFormulae: /^[=+\-@\t\r]/,
      },
    )
  );
}

/** 修改意见汇总表: 序号, 位置, 原文, 修改意见, 理由, 提出人, 代表团/界别. */
export function amendmentTableCsv(input: AmendmentTableInput): string {
  return toCsv(
    [...AMENDMENT_TABLE_COLUMNS, '代表团/界别'],
    input.rows.map((r, i) => [String(i + 1), r.path, r.original, amendmentWording(r), r.reason, r.author, r.affiliation ?? '']),
  );
}

export const DIGEST_CSV_COLUMNS = ['位置', '原文', '批注', '颜色', '标签', '作者', '时间'] as const;

/** The annotation digest, one row per highlight or note. */
export function digestCsv(input: DigestInput): string {
  const rows = input.sections.flatMap((s) => s.items.map((it) => [s.path, it.quote, it.note, it.colorLabel, it.tags.join('、'), it.author, it.createdAt]));
  return toCsv(DIGEST_CSV_COLUMNS, rows);
}
