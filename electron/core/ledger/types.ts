/** The commitment ledger (承诺台账): every quantified statement of a report, one entry per figure. */

/** How the figure is bounded or how firmly it is promised, as the report words it. */
export type LedgerQualifier = '以上' | '以内' | '以下' | '左右' | '不少于' | '不超过' | '超过' | '高于' | '低于' | '约' | '近' | '力争' | '确保' | '达到';

/** target: for the coming year; result: done in the past year; goal: a long-term aim. */
export type LedgerKind = 'target' | 'result' | 'goal';

/** absolute (家, 个, 万亩), growth (增长6%), share (…率 42.3%), ratio (人均, 每万人). */
export type LedgerType = 'absolute' | 'growth' | 'share' | 'ratio';

export interface LedgerEntry {
  id: string;
  /** The thing counted, cut at a phrase boundary: 新增市级创新平台, 粮食播种面积. */
  metric: string;
  /** The figure as written: 296.1, 2—3, 百, 千. */
  value: string;
  /** The figure as a number (a range gives its lower bound), before the unit's 万/亿. */
  number: number;
  /** As written, 万/亿 kept: 万亩, 亿元, %, 个. */
  unit: string;
  /** The unit without 万/亿/万亿: 亩, 元, %, 个 (empty for a bare 万 or 亿). */
  baseUnit: string;
  /** number × the unit's 万/亿 (296.1万亩 → 2961000), in baseUnit. */
  amount: number;
  qualifier: LedgerQualifier | null;
  kind: LedgerKind;
  type: LedgerType;
  /** Year the figure is for, when the report says or its part implies it. */
  year: number | null;
  blockId: string;
  /** Citation path of the block: 第二部分（六）“坚持农业农村优先发展”段. */
  path: string;
  /** Span in the block's text: the metric (when it is next to the figure) through unit and qualifier. */
  start: number;
  end: number;
  text: string;
}
