import { z } from 'zod';
import type { Finding, Indicator, IndicatorPair, RuleMeta, Severity } from '../../core/review';
import type { ExportResult } from './drafts';
import { FilePath, Id, Uuid, method } from './define';

/** A proofreading finding as the review panel shows it. */
export interface ReviewFinding extends Finding {
  /** the user chose 忽略 for it (remembered per version) */
  dismissed: boolean;
  /** citation path of the block, e.g. 第二部分（一）“着力扩大有效投资”段 */
  path: string;
  /** part / section numbers of the block, for grouping by section */
  part: number | null;
  section: number | null;
}

export interface ReviewCheckResult {
  findings: ReviewFinding[];
  rules: readonly RuleMeta[];
  /** findings not dismissed, by severity */
  counts: Record<Severity, number>;
  dismissedCount: number;
}

export type ReviewIndicator = Indicator & { path: string };

export interface ReviewIndicatorsResult {
  indicators: ReviewIndicator[];
  pairs: { metric: string; target?: ReviewIndicator; result?: ReviewIndicator }[];
}

const FindingRef = z.strictObject({ versionId: Uuid, findingId: Id });

export const reviewContract = {
  'review.check': method<ReviewCheckResult>()(z.strictObject({ versionId: Uuid })),
  'review.dismiss': method<{ findingId: string; dismissed: true }>()(FindingRef),
  'review.undismiss': method<{ findingId: string; dismissed: false }>()(FindingRef),
  'review.indicators': method<ReviewIndicatorsResult>()(z.strictObject({ versionId: Uuid })),
  /** Without a destination the bytes come back (browser download); with one, the file is written. */
  'review.indicatorsCsv': method<ExportResult>()(z.strictObject({ versionId: Uuid, destination: FilePath.optional() })),
};

export type { Finding, Indicator, IndicatorPair, RuleMeta, Severity };
