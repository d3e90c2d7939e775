/**
 * Qualifiers around a figure: a bound written after it (以上, 左右), a bound or verb written right
 * before it (不少于, 超过, 达), and the promise that governs its clause (力争, 确保). One entry has one
 * qualifier: the bound if the report gives one, else the promise, else 达到.
 */
import type { LedgerQualifier } from './types';

const AFTER: [string, LedgerQualifier][] = [
  ['以上', '以上'],
  ['以内', '以内'],
  ['以下', '以下'],
  ['左右', '左右'],
  ['上下', '左右'],
];

/** Right before the figure, longest first. 控制在 and 提高到 carry no bound of their own. */
const BEFORE: [string, LedgerQualifier | null][] = [
  ['不少于', '不少于'],
  ['不低于', '不少于'],
  ['不超过', '不超过'],
  ['不高于', '不超过'],
  ['控制在', null],
  ['提高到', null],
  ['超过', '超过'],
  ['突破', '超过'],
  ['高于', '高于'],
  ['低于', '低于'],
  ['达到', '达到'],
  ['大约', '约'],
  ['超', '超过'],
  ['达', '达到'],
  ['约', '约'],
  ['近', '近'],
];

export const MODALS = ['力争', '确保'] as const;
export type Modal = (typeof MODALS)[number];

export function qualifierAfter(t: string, pos: number): { qualifier: LedgerQualifier; length: number } | null {
  for (const [w, q] of AFTER) if (t.startsWith(w, pos)) return { qualifier: q, length: w.length };
  return null;
}

/** The qualifier word ending at `pos` (not before `floor`), and where it starts. */
export function qualifierBefore(t: string, pos: number, floor: number): { qualifier: LedgerQualifier | null; start: number } | null {
  for (const [w, q] of BEFORE) {
    const s = pos - w.length;
    if (s >= floor && t.startsWith(w, s)) return { qualifier: q, start: s };
  }
  return null;
}

export function choose(after: LedgerQualifier | null, before: LedgerQualifier | null, modal: Modal | null, many: boolean): LedgerQualifier | null {
  if (after) return after;
  if (before && before !== '达到') return before;
  // 6700多个 is more than 6700.
  if (many) return '超过';
  if (modal) return modal;
  return before;
}
