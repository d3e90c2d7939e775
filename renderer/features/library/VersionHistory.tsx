import { useEffect, useState } from 'react';
import type { AnchorStatus, Result } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { t } from '../../i18n/zh-CN';

type VersionEvent = Result<'versions.history'>[number];
const f = t.versionFlow;
const STATUS_ORDER: AnchorStatus[] = ['unchanged', 'moved', 'edited', 'orphaned'];

function clip(s: string, n = 60): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

function headline(e: VersionEvent): string {
  if (e.kind === 'imported') return f.imported(e.sourceName);
  if (e.kind === 'carried-in') return f.carriedIn(e.otherLabel, e.marks.length);
  if (e.kind === 'carried-out') return f.carriedOut(e.otherLabel, e.marks.length);
  return f.reattached(e.marks.length);
}

/**
 * 版本记录 of one version: when it was imported, which marks were carried into it (and what
 * became of each: found, moved, text changed, orphaned), which went on to a later version, which
 * were re-attached by hand. The notices over the reader say these once; here they stay.
 */
export function VersionHistory({ versionId, label }: { versionId: string; label: string }) {
  const [events, setEvents] = useState<VersionEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api['versions.history']({ versionId }).then(
      (e) => live && setEvents(e),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [versionId]);
  if (error) return <p className="error">{error}</p>;
  if (!events) return <p className="muted">{f.historyLoading}</p>;
  return (
    <section className="vf-history" aria-label={f.historyTitle(label)}>
      <ol className="vf-events">
        {events.map((e, i) => (
          <li key={i} className={`vf-event vf-${e.kind}`}>
            <div className="vf-event-head">
              <time className="muted">{new Date(e.at).toLocaleString('zh-CN')}</time>
              <strong>{headline(e)}</strong>
              {e.kind !== 'imported' && e.kind !== 'reattached' && (
                <span className="rb-counts">
                  {STATUS_ORDER.filter((k) => e.counts[k] > 0).map((k) => (
                    <span key={k} className={`rb-count rb-${k}`}>
                      {f.outcomes[k]} {e.counts[k]}
                    </span>
                  ))}
                </span>
              )}
            </div>
            {e.marks.length > 0 && (
              <ul className="vf-marks">
                {e.marks.map((m) => (
                  <li key={m.id} className="vf-mark" data-mark-id={m.id}>
                    <span className={`vf-outcome rb-${m.outcome}`}>{f.outcomes[m.outcome]}</span>
                    {m.kind === 'annotation' ? <span className={`dot dot-${m.color}`} /> : <span className="orphan-kind">{f.draft}</span>}
                    <span className={m.outcome === 'orphaned' ? 'orphan-quote' : 'vf-quote'}>“{clip(m.oldExact)}”</span>
                    {m.newExact && m.newExact !== m.oldExact && (
                      <span className="vf-now">
                        {f.nowAt}“{clip(m.newExact)}”
                      </span>
                    )}
                    {m.label && <span className="muted vf-note">{clip(m.label, 40)}</span>}
                    {m.deleted && <span className="muted">{f.markDeleted}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
