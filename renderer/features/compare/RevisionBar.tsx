import { useEffect, useState } from 'react';
import type { AnchorStatus } from '../../../electron/api/contract';
import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { sources, useRevisions } from '../../store/revisions';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { OrphanList } from './OrphanList';

const STATUS_ORDER: AnchorStatus[] = ['unchanged', 'moved', 'edited', 'orphaned'];

/**
 * The strip over the reader for revisions: the offer to carry marks from other versions, the
 * outcome of a carry, orphans to re-position, and the 重新定位 mode. Floats over the text so the
 * reader's layout does not change.
 */
export function RevisionBar() {
  const doc = useReader((s) => s.doc);
  const versionId = doc?.version.id ?? null;
  const { marks, orphans, carrying, summary, dismissed, reattaching } = useRevisions();
  const justImported = useLibrary((s) => s.justImported);
  const [showOrphans, setShowOrphans] = useState(false);

  useEffect(() => {
    if (!versionId) return;
    void (async () => {
      await useRevisions.getState().refresh(versionId);
      // A version imported a moment ago: bring the marks over without asking (the summary says what happened).
      if (useLibrary.getState().justImported === versionId) {
        useLibrary.setState({ justImported: null });
        await useRevisions.getState().carryInto(versionId, { auto: true });
      }
    })();
  }, [versionId, justImported]);

  useEffect(() => setShowOrphans(false), [versionId]);

  if (!doc || !versionId) return null;

  if (reattaching) {
    return (
      <div className="revision-bar reattach" role="region" aria-label={t.revisions.relocate}>
        <div className="rb-text">
          <strong>{t.revisions.relocate}</strong>
          <span className="rb-quote">
            {t.revisions.reattachTo}“{reattaching.oldExact}”
          </span>
          <span className="muted">{t.revisions.reattachPrompt}</span>
        </div>
        <div className="rb-actions" onMouseDown={(e) => e.preventDefault() /* keep the reader's selection */}>
          <button className="primary" onClick={() => void useRevisions.getState().attachSelection()}>
            {t.revisions.attach}
          </button>
          <button onClick={() => useRevisions.getState().cancelReattach()}>{t.cancel}</button>
        </div>
      </div>
    );
  }

  if (carrying) {
    return (
      <div className="revision-bar" role="status">
        <span className="rb-spinner" aria-hidden />
        {t.revisions.carrying}
      </div>
    );
  }

  if (summary) {
    return (
      <div className="revision-bar done" role="status">
        <div className="rb-text">
          <strong>{summary.auto ? t.revisions.carriedAuto(summary.total, summary.fromLabels.join('、')) : t.revisions.carried(summary.total)}</strong>
          <span className="rb-counts">
            {STATUS_ORDER.filter((k) => summary.counts[k] > 0).map((k) => (
              <span key={k} className={`rb-count rb-${k}`}>
                {t.revisions.statusCount[k]} {summary.counts[k]}
              </span>
            ))}
          </span>
        </div>
        <div className="rb-actions">
          {orphans.length > 0 && <button onClick={() => setShowOrphans(!showOrphans)}>{showOrphans ? t.revisions.hideOrphans : `${t.revisions.showOrphans}（${orphans.length}）`}</button>}
          <button onClick={() => useUi.getState().setView('compare')}>{t.revisions.compare}</button>
          <button aria-label={t.revisions.dismiss} title={t.revisions.dismiss} onClick={() => useRevisions.getState().closeSummary()}>
            ×
          </button>
        </div>
        {showOrphans && <OrphanList orphans={orphans} compact />}
      </div>
    );
  }

  const from = sources(marks, versionId);
  const pending = from.reduce((n, m) => n + m.annotations + m.drafts, 0);
  if (pending > 0 && !dismissed.includes(versionId)) {
    const ord = doc.version.ord;
    return (
      <div className="revision-bar offer" role="region" aria-label={t.revisions.carry}>
        <div className="rb-text">
          <strong>{t.revisions.offer(pending, from.every((m) => m.ord < ord))}</strong>
          <span className="muted">{t.revisions.offerDetail(from.map((m) => t.revisions.offerPart(m.label, m.annotations, m.drafts)))}</span>
        </div>
        <div className="rb-actions">
          <button className="primary" onClick={() => void useRevisions.getState().carryInto(versionId)}>
            {t.revisions.carry}
          </button>
          <button onClick={() => useRevisions.getState().dismissOffer(versionId)}>{t.revisions.later}</button>
        </div>
      </div>
    );
  }

  if (orphans.length > 0 && !dismissed.includes(`orphans:${versionId}`)) {
    return (
      <div className="revision-bar notice">
        <div className="rb-text">{t.revisions.orphansNotice(orphans.length)}</div>
        <div className="rb-actions">
          <button onClick={() => setShowOrphans(!showOrphans)}>{showOrphans ? t.revisions.hideOrphans : t.revisions.showOrphans}</button>
          <button aria-label={t.revisions.dismiss} title={t.revisions.dismiss} onClick={() => useRevisions.getState().dismissOffer(`orphans:${versionId}`)}>
            ×
          </button>
        </div>
        {showOrphans && <OrphanList orphans={orphans} compact />}
      </div>
    );
  }
  return null;
}
