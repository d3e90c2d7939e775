/**
 * Proofreading findings (审校提示) and report indicators (指标).
 * Offsets are JavaScript string indices into `Block.text`, like everywhere else in ReviewDesk.
 */
import type { Block } from '../report/types';

import type { Severity } from '../common/vocabulary';
export type { Severity };

export { SEVERITY_LABELS } from '../common/labels';

export interface Finding {
  /** Stable across re-checks of the same text (rule + block + start + excerpt), so dismissals survive. */
  id: string;
  rule: string;
  severity: Severity;
  blockId: string;
  start: number;
  end: number;
  /** The text at [start, end) of the block. */
  excerpt: string;
  /** 中文 explanation shown to the reader. */
  message: string;
  /** Suggested replacement for the excerpt, or null when the fix needs a human. */
  suggestion: string | null;
}

/** A finding before check.ts stamps its id and excerpt. */
export type RawFinding = Omit<Finding, 'id' | 'excerpt' | 'rule'> & { excerpt?: string };

export interface RuleMeta {
  id: string;
  /** 中文 name for the filter list. */
  name: string;
  description: string;
}

export interface ReviewRule {
  meta: RuleMeta;
  /** Whole-document view: some rules summarise or compare across blocks. */
  check(blocks: readonly Block[]): RawFinding[];
}

export interface CheckOptions {
  /** Only these rule ids (default: all). */
  rules?: readonly string[];
  /** Drop findings below this severity (default: info, i.e. keep all). */
  minSeverity?: Severity;
}

export type Qualifier = '左右' | '以上' | '以内' | '以下' | '超过' | '约';
export type Direction = '增长' | '下降' | '提高' | '降低' | '控制在';

export interface Indicator {
  id: string;
  /** Canonical metric name, e.g. 地区生产总值 (synonyms such as GDP, 国内生产总值, 经济增长 normalised). */
  metric: string;
  value: number;
  /** '%', '万人', '亿元', '万亿元', '个', … as written. */
  unit: string;
  qualifier: Qualifier | null;
  direction: Direction | null;
  /** target = 预期目标 (plan part), result = 完成情况 (review part). */
  kind: 'target' | 'result';
  year: number | null;
  blockId: string;
  /** Span of the clause in the block. */
  start: number;
  end: number;
  text: string;
}

export interface IndicatorPair {
  metric: string;
  target?: Indicator;
  result?: Indicator;
}
