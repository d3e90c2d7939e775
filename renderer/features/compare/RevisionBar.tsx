import { useEffect, useState } from 'react';
import type { AnchorStatus } from '../../../electron/api/contract';
import { useLibrary } from '../../store/library';
import { useReader } from '../../store/reader';
import { sources, useRevisions } from '../../store/revisions';
import { useSettings } from '../../store/settings';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { OrphanList } from './OrphanList';

const STATUS_ORDER: AnchorStatus[] = ['unchanged', 'moved', 'edited', 'orphaned'];

/**
 * Notices are said once per version: what was shown is remembered in the settings (they travel
 * with the data), so a reload does not bring it back; 报告库 → 版本记录 keeps the story. A notice
 * shown in this session stays until closed or the version changes. The key carries the count, so
 * new marks left behind, or new orphans, are said again.
 */
const seenKey = (versionId: string) => `notices.seen.${versionId}`;
const shownThisSession = new Set<string>();

function seenNotices(values: Record<string, string>, versionId: string): string[] {
  try {
    const v = JSON.parse(values[seenKey(versionId)] ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function markSeen(versionId: string, notice: string) {
  shownThisSession.add(`${versionId}|${notice}`);
  const { values, set } = useSettings.getState();
  const seen = seenNotices(values, versionId);
  if (!seen.includes(notice)) void set(seenKey(versionId), JSON.stringify([...seen, notice].slice(-20)));
}

/** Whether a notice may show: not said before, or said in this very session. */
function mayShow(values: Record<string, string>, versionId: string, notice: string): boolean {
  return shownThisSession.has(`${versionId}|${notice}`) || !seenNotices(values, versionId).includes(notice);
}

/**
 * The strip above the reader for revisions: the offer to carry marks from other versions, the
 * outcome of a carry, orphans to re-position, and the 重新定位 mode. It sits in the layout above
 * the text (never over the panes beside it, nor over any control).
 */
export function RevisionBar() {
  const doc = useReader((s) => s.doc);
  const versionId = doc?.version.id ?? null;
  const { marks, orphans, carrying, summary, dismissed, reattaching } = useRevisions();
  const justImported = useLibrary((s) => s.justImported);
  const settings = useSettings((s) => s.values);
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

  // Which notice is up, if any (the 重新定位 mode and a carry in progress are states, not notices).
  const from = versionId ? sources(marks, versionId) : [];
  const pending = from.reduce((n, m) => n + m.annotations + m.drafts, 0);
  const offerKey = `offer:${pending}`;
  const orphansKey = `orphans:${orphans.length}`;
  const notice =
    !versionId || reattaching || carrying
      ? null
      : summary
        ? orphansKey // the summary tells the orphans too: the separate notice need not follow it
        : pending > 0 && !dismissed.includes(versionId) && mayShow(settings, versionId, offerKey)
          ? offerKey
          : orphans.length > 0 && !dismissed.includes(`orphans:${versionId}`) && mayShow(settings, versionId, orphansKey)
            ? orphansKey
            : null;
  useEffect(() => {
    if (versionId && notice) markSeen(versionId, notice);
  }, [versionId, notice]);

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
          {orphans.length > 0 && (
            <button onClick={() => setShowOrphans(!showOrphans)}>
              {showOrphans ? t.revisions.hideOrphans : `${t.revisions.showOrphans}（${orphans.length}）`}
            </button>
          )}
          <button onClick={() => useUi.getState().setView('compare')}>{t.revisions.compare}</button>
          <button aria-label={t.revisions.dismiss} title={t.revisions.dismiss} onClick={() => useRevisions.getState().closeSummary()}>
            ×
          </button>
        </div>
        <p className="rb-seen muted">{t.versionFlow.seenHint}</p>
        {showOrphans && <OrphanList orphans={orphans} compact />}
      </div>
    );
  }

  if (notice === offerKey) {
    const ord = doc.version.ord;
    return (
      <div className="revision-bar offer" role="region" aria-label={t.revisions.carry}>
        <div className="rb-text">
          <strong>
            {t.revisions.offer(
              pending,
              from.every((m) => m.ord < ord),
            )}
          </strong>
          <span className="muted">{t.revisions.offerDetail(from.map((m) => t.revisions.offerPart(m.label, m.annotations, m.drafts)))}</span>
        </div>
        <div className="rb-actions">
          <button className="primary" onClick={() => void useRevisions.getState().carryInto(versionId)}>
            {t.revisions.carry}
          </button>
          <button onClick={() => useRevisions.getState().dismissOffer(versionId)}>{t.revisions.later}</button>
        </div>
        <p className="rb-seen muted">{t.versionFlow.seenHint}</p>
      </div>
    );
  }

  if (notice === orphansKey) {
    return (
      <div className="revision-bar notice">
        <div className="rb-text">{t.revisions.orphansNotice(orphans.length)}</div>
        <div className="rb-actions">
          <button onClick={() => setShowOrphans(!showOrphans)}>{showOrphans ? t.revisions.hideOrphans : t.revisions.showOrphans}</button>
          <button aria-label={t.revisions.dismiss} title={t.revisions.dismiss} onClick={() => useRevisions.getState().dismissOffer(`orphans:${versionId}`)}>
            ×
          </button>
        </div>
        <p className="rb-seen muted">{t.versionFlow.seenHint}</p>
        {showOrphans && <OrphanList orphans={orphans} compact />}
      </div>
    );
  }
  return null;
}
