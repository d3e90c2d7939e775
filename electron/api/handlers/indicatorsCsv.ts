/**
 * The indicators table as CSV for spreadsheets: UTF-8 with a byte order mark (Excel on Chinese
 * Windows reads a CSV without one as GBK), CRLF line ends, papaparse doing the quoting.
 */
import Papa from 'papaparse';
import type { ReviewIndicator } from '../contract/review';

export const INDICATOR_CSV_COLUMNS = ['指标', '类型', '数值', '单位', '限定词', '方向', '年份', '位置', '原文'] as const;

export const KIND_LABELS = { target: '预期目标', result: '完成情况' } as const;

export function indicatorsCsv(indicators: readonly ReviewIndicator[]): string {
  const rows = indicators.map((i) => [i.metric, KIND_LABELS[i.kind], i.value, i.unit, i.qualifier ?? '', i.direction ?? '', i.year ?? '', i.path, i.text]);
  return (
    '\uFEFF' +
    Papa.unparse(
      { fields: [...INDICATOR_CSV_COLUMNS], data: rows },
      // Numbers stay numbers (a negative value is not a formula); text cells starting with = + - @ get a '.
      { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ },
    )
  );
}
