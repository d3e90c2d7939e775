import { extractIndicators, pairIndicators, RULE_LIST, type Finding, type Indicator } from '../../core/review';
import type { Block } from '../../core/report/types';
import { sharedJobRunner } from '../../core/jobs/runner';
import { liveStore, type AppContext } from '../context';
import type { Handlers } from '../contract';
import type { ReviewFinding, ReviewIndicator } from '../contract/review';
import { indicatorsCsv } from './indicatorsCsv';
import { inlineExport, safeFileName, writeExport } from './exportFile';
import { recentCache } from '../../core/common/recentCache';

type ReviewHandlers = Pick<Handlers, 'review.check' | 'review.dismiss' | 'review.undismiss' | 'review.indicators' | 'review.indicatorsCsv'>;

interface VersionReview {
  blocks: Map<string, Block>;
  findings?: Finding[];
  /** the check running in the worker, shared by calls that arrive meanwhile */
  checking?: Promise<Finding[]>;
  indicators?: Indicator[];
}

export function reviewHandlers(ctx: AppContext): ReviewHandlers {
  const store = liveStore(ctx); // reads ctx.store per call: a restore swaps it
  // A version's blocks never change after import, so its findings can be computed once.
  const cache = recentCache<VersionReview>(8);

  /** The version's cached review state. */
  function review(versionId: string): VersionReview {
    store.reports.getVersionInfo(versionId); // not-found error for a deleted or unknown version
    return cache.get(versionId, () => ({ blocks: new Map(store.reports.blocksOf(versionId).map((b) => [b.id, b])) }));
  }

  /** The first check of a version runs in a worker (building the OpenCC table alone takes ~¼ s). */
  async function findingsOf(r: VersionReview): Promise<Finding[]> {
    if (r.findings) return r.findings;
    r.checking ??= (ctx.jobs ?? sharedJobRunner()).run('reviewCheck', { blocks: [...r.blocks.values()] }).then(
      (findings) => (r.findings = findings),
      (e: unknown) => {
        r.checking = undefined; // a timed-out check is tried again next time
        throw e;
      },
    );
    return r.checking;
  }

  function indicatorsOf(r: VersionReview): ReviewIndicator[] {
    r.indicators ??= extractIndicators([...r.blocks.values()]);
    return r.indicators.map((i) => ({ ...i, path: r.blocks.get(i.blockId)?.path ?? '' }));
  }

  return {
    'review.check': async ({ versionId }) => {
      const r = review(versionId);
      const found = await findingsOf(r);
      const dismissed = new Set(store.review.dismissed(versionId));
      const counts = { error: 0, warning: 0, info: 0 };
      let dismissedCount = 0;
      const findings: ReviewFinding[] = found.map((f) => {
        const b = r.blocks.get(f.blockId);
        const isDismissed = dismissed.has(f.id);
        if (isDismissed) dismissedCount++;
        else counts[f.severity]++;
        return { ...f, dismissed: isDismissed, path: b?.path ?? '', part: b?.part ?? null, section: b?.section ?? null };
      });
      return { findings, rules: RULE_LIST, counts, dismissedCount };
    },
    'review.dismiss': ({ versionId, findingId }) => {
      store.reports.getVersionInfo(versionId);
      store.review.dismiss(versionId, findingId);
      return { findingId, dismissed: true };
    },
    'review.undismiss': ({ versionId, findingId }) => {
      store.reports.getVersionInfo(versionId);
      store.review.undismiss(versionId, findingId);
      return { findingId, dismissed: false };
    },
    'review.indicators': ({ versionId }) => {
      const indicators = indicatorsOf(review(versionId));
      const byId = new Map(indicators.map((i) => [i.id, i]));
      const pairs = pairIndicators(indicators).map((p) => ({
        metric: p.metric,
        ...(p.target && { target: byId.get(p.target.id) ?? { ...p.target, path: '' } }),
        ...(p.result && { result: byId.get(p.result.id) ?? { ...p.result, path: '' } }),
      }));
      return { indicators, pairs };
    },
    'review.indicatorsCsv': async ({ versionId, destination }) => {
      const indicators = indicatorsOf(review(versionId));
      const bytes = new TextEncoder().encode(indicatorsCsv(indicators));
      if (destination) return writeExport(destination, 'csv', bytes);
      const { reportId } = store.reports.getVersionInfo(versionId);
      return inlineExport(safeFileName(`主要指标-${store.reports.get(reportId).title}`, '.csv'), 'csv', bytes);
    },
  };
}
