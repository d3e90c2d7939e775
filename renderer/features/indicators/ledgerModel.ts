/**
 * The 承诺台账 as the view shows it: filtered by type, unit and mark, grouped by part and section
 * in reading order, each group titled with its heading. Pure, so it is tested without a browser.
 */
import type { LedgerRow, ReaderBlock } from '../../../electron/api/contract';
import type { LedgerFlag } from '../../../electron/core/common/vocabulary';

export type FlagFilter = 'all' | 'flagged' | LedgerFlag;

export interface LedgerFilters {
  type: LedgerRow['type'] | 'all';
  unit: string | 'all';
  flag: FlagFilter;
}

export const NO_FILTERS: LedgerFilters = { type: 'all', unit: 'all', flag: 'all' };

export interface LedgerGroup {
  key: string;
  /** 第二部分（一）, or null for the lines before the first part */
  label: string | null;
  /** the section's (or part's) heading, when there is one */
  title: string | null;
  rows: LedgerRow[];
}

export function filterLedger(rows: readonly LedgerRow[], f: LedgerFilters): LedgerRow[] {
  return rows.filter(
    (r) =>
      (f.type === 'all' || r.type === f.type) &&
      (f.unit === 'all' || r.unit === f.unit) &&
      (f.flag === 'all' || (f.flag === 'flagged' ? r.flag !== null || r.note !== '' : r.flag === f.flag)),
  );
}

/** Units with how many entries use each, commonest first (the unit menu). */
export function unitsOf(rows: readonly LedgerRow[]): { unit: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.unit, (counts.get(r.unit) ?? 0) + 1);
  return [...counts].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh'));
}

const CN = '〇一二三四五六七八九十';
/** 1 → 一, 12 → 十二, 20 → 二十 (parts and sections stay well under 100). */
function chinese(n: number): string {
  if (n <= 10) return CN[n];
  const tens = Math.floor(n / 10);
  return (tens > 1 ? CN[tens] : '') + '十' + (n % 10 ? CN[n % 10] : '');
}

/** The heading text of a part or section block, without its number. */
function headingOf(b: ReaderBlock | undefined): string | null {
  if (!b) return null;
  const text = b.kind === 'section' ? b.text.slice(0, b.headingEnd || b.text.length) : b.text;
  return (
    text
      .replace(/^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/, '')
      .replace(/[。；;：:]$/, '')
      .trim() || null
  );
}

/** Rows arrive in reading order; consecutive rows of one part and section form a group. */
export function groupLedger(rows: readonly LedgerRow[], blocks: readonly ReaderBlock[]): LedgerGroup[] {
  const heading = new Map<string, ReaderBlock>();
  for (const b of blocks) {
    if (b.kind === 'part' && b.part !== null) heading.set(`${b.part}|`, b);
    if (b.kind === 'section' && b.part !== null && b.section !== null) heading.set(`${b.part}|${b.section}`, b);
  }
  const groups: LedgerGroup[] = [];
  for (const r of rows) {
    const key = `${r.part ?? ''}|${r.section ?? ''}`;
    let g = groups.at(-1);
    if (g?.key !== key) {
      const label = r.part === null ? null : `第${chinese(r.part)}部分${r.section === null ? '' : `（${chinese(r.section)}）`}`;
      g = { key, label, title: headingOf(heading.get(key)), rows: [] };
      groups.push(g);
    }
    g.rows.push(r);
  }
  return groups;
}
