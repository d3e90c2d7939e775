/** Pure helpers for the indicators view: sorting, filtering, chart series. */
import type { ReviewIndicator, ReviewIndicatorsResult } from '../../../electron/api/contract';

export type Pair = ReviewIndicatorsResult['pairs'][number];
export type SortDir = 'asc' | 'desc';
export interface Sort<K extends string> {
  key: K;
  dir: SortDir;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Numbers numerically, text in pinyin order; blanks always last whichever the direction. */
export function sortBy<T, K extends string>(rows: readonly T[], sort: Sort<K> | null, value: (row: T, key: K) => string | number | null): T[] {
  if (!sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === null || x === '') return y === null || y === '' ? 0 : 1;
    if (y === null || y === '') return -1;
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}

/** Next sort state when a column header is clicked: asc → desc → off. */
export function nextSort<K extends string>(current: Sort<K> | null, key: K): Sort<K> | null {
  if (current?.key !== key) return { key, dir: 'asc' };
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}

export type PairKey = 'metric' | 'result' | 'target' | 'unit' | 'qualifier';
export function pairValue(p: Pair, key: PairKey): string | number | null {
  switch (key) {
    case 'metric':
      return p.metric;
    case 'result':
      return p.result ? signed(p.result) : null;
    case 'target':
      return p.target ? signed(p.target) : null;
    case 'unit':
      return (p.target ?? p.result)?.unit ?? null;
    case 'qualifier':
      return p.target?.qualifier ?? null;
  }
}

export type StatementKey = 'metric' | 'kind' | 'value' | 'unit' | 'qualifier' | 'direction' | 'year' | 'path' | 'text';
export function statementValue(i: ReviewIndicator, key: StatementKey): string | number | null {
  if (key === 'value') return signed(i);
  return i[key] ?? null;
}

/** Statements of one kind (or all) whose metric, unit, place or wording contains the text. */
export function filterStatements(rows: readonly ReviewIndicator[], kind: 'all' | 'target' | 'result', text: string): ReviewIndicator[] {
  const q = text.trim().toLowerCase();
  return rows.filter(
    (i) =>
      (kind === 'all' || i.kind === kind) &&
      (!q || [i.metric, i.unit, i.text, i.path, i.qualifier ?? '', String(i.year ?? '')].some((s) => s.toLowerCase().includes(q))),
  );
}

/** A fall (下降 2%) is −2 on a chart and in numeric sorting; the tables still show the words. */
export function signed(i: ReviewIndicator): number {
  return i.direction === '下降' || i.direction === '降低' ? -i.value : i.value;
}

const BEFORE = new Set(['超过', '约']);
/** The number as a reader says it: 超过18, 7左右, 下降2 (without the qualifier when a column shows it). */
export function valueText(i: ReviewIndicator, withUnit = false, withQualifier = true): string {
  const q = withQualifier ? (i.qualifier ?? '') : '';
  const dir = i.direction === '下降' || i.direction === '降低' ? i.direction : '';
  const n = `${i.value}${withUnit ? i.unit : ''}`;
  return `${dir}${BEFORE.has(q) ? q : ''}${n}${BEFORE.has(q) ? '' : q}`;
}

export interface ChartGroup {
  unit: string;
  metrics: string[];
  result: (number | null)[];
  target: (number | null)[];
  /** the wording behind each bar, for the tooltip */
  resultText: (string | null)[];
  targetText: (string | null)[];
}

/**
 * One chart per unit (percentages never share an axis with 万人 or 亿元). A value whose unit
 * differs from its pair's (实际利用外资 8930万美元 vs 增长8%) stays out of that chart.
 */
export function chartGroups(pairs: readonly Pair[]): ChartGroup[] {
  const groups = new Map<string, ChartGroup>();
  for (const p of pairs) {
    const unit = (p.target ?? p.result)?.unit;
    if (!unit) continue;
    const r = p.result?.unit === unit ? p.result : undefined;
    const t = p.target?.unit === unit ? p.target : undefined;
    if (!r && !t) continue;
    let g = groups.get(unit);
    if (!g) groups.set(unit, (g = { unit, metrics: [], result: [], target: [], resultText: [], targetText: [] }));
    g.metrics.push(p.metric);
    g.result.push(r ? signed(r) : null);
    g.target.push(t ? signed(t) : null);
    g.resultText.push(r?.text ?? null);
    g.targetText.push(t?.text ?? null);
  }
  return [...groups.values()].sort((a, b) => b.metrics.length - a.metrics.length || (a.unit === '%' ? -1 : 1));
}
