import { useDeferredValue, useMemo } from 'react';
import { useReader } from '../../store/reader';
import { useAnnotations } from '../../store/annotations';
import { t } from '../../i18n/zh-CN';
import { buildOutline } from './outlineTree';

export function Outline() {
  const doc = useReader((s) => s.doc);
  const current = useReader((s) => s.currentBlockId);
  // Counts may follow the text by a frame: the paragraphs and their highlights paint first.
  const list = useDeferredValue(useAnnotations((s) => s.list));
  const nodes = useMemo(() => buildOutline(doc?.blocks ?? [], list), [doc, list]);
  const currentOrd = doc?.blocks.find((b) => b.id === current)?.ord ?? 0;
  const active = [...nodes].reverse().find((n) => n.level <= 2 && n.block.ord <= currentOrd);
  return (
    <nav className="outline" aria-label={t.outline.title}>
      <h3>{t.outline.title}</h3>
      {nodes.length === 0 && <p className="muted">{t.outline.empty}</p>}
      <ul>
        {nodes.map((n) => (
          <li key={n.block.id} className={`outline-l${n.level}${active === n ? ' active' : ''}`}>
            <button onClick={() => useReader.getState().scrollTo(n.block.id)} title={n.block.position || n.block.path}>
              <span className="outline-label">{n.label}</span>
              {n.annotationCount > 0 && (
                <span className="badge" title={t.outline.count(n.annotationCount)}>
                  {n.annotationCount}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
