import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../electron/api/contract';
import { api, errorMessage } from '../../api/client';
import { useReader } from '../../store/reader';
import { useAnnotations } from '../../store/annotations';
import { t } from '../../i18n/zh-CN';

function Highlighted({ hit }: { hit: SearchHit }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  hit.highlights.forEach(([s, e], i) => {
    parts.push(hit.snippet.slice(at, s), <mark key={i}>{hit.snippet.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(hit.snippet.slice(at));
  return <>{parts}</>;
}

/** One box over report text, notes and drafts (SQLite FTS5 trigram; short words by LIKE). */
export function SearchPanel() {
  const versionId = useReader((s) => s.doc?.version.id);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!versionId || !q.trim()) {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api['search.query']({ versionId, q })
        .then((h) => live && (setHits(h), setError(null)))
        .catch((e) => live && setError(errorMessage(e)));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, versionId]);

  const groups = (['block', 'note', 'draft'] as const).map((k) => [k, hits.filter((h) => h.kind === k)] as const).filter(([, list]) => list.length);
  return (
    <section className="panel search-panel">
      <input type="search" autoFocus value={q} placeholder={t.search.placeholder} aria-label={t.search.placeholder} onChange={(e) => setQ(e.target.value)} />
      {error && <p className="error">{error}</p>}
      {q.trim() && hits.length === 0 && !error && <p className="muted">{t.search.empty}</p>}
      {groups.map(([kind, list]) => (
        <div key={kind} className="search-group">
          <h4>
            {t.search.groups[kind]} <span className="muted">{list.length}</span>
          </h4>
          <ul>
            {list.map((h) => (
              <li key={h.kind + h.ref}>
                <button
                  className="search-hit"
                  data-kind={h.kind}
                  onClick={() => {
                    if (h.blockId) useReader.getState().scrollTo(h.blockId);
                    if (h.kind === 'note') useAnnotations.getState().select(h.ref);
                  }}
                >
                  <span className="hit-path">{h.path}</span>
                  <span className="hit-text">
                    <Highlighted hit={h} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
