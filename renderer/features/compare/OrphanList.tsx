import type { OrphanMark } from '../../../electron/api/contract';
import { useRevisions } from '../../store/revisions';
import { t } from '../../i18n/zh-CN';

/** Marks whose text was not found in this version, with the text they were made on and 重新定位. */
export function OrphanList({ orphans, compact = false, onRelocate }: { orphans: OrphanMark[]; compact?: boolean; onRelocate?: (o: OrphanMark) => void }) {
  if (orphans.length === 0) return <p className="muted">{t.revisions.orphansEmpty}</p>;
  return (
    <ul className={`orphan-list${compact ? ' compact' : ''}`}>
      {orphans.map((o) => (
        <li key={o.id} className="orphan" data-orphan-id={o.id}>
          <div className="orphan-head">
            {o.kind === 'annotation' ? <span className={`dot dot-${o.color}`} /> : <span className="orphan-kind">{t.revisions.kindDraft}</span>}
            <span className="orphan-quote">“{o.oldExact.length > 60 ? o.oldExact.slice(0, 60) + '…' : o.oldExact}”</span>
          </div>
          {o.label && <div className="orphan-label">{o.label}</div>}
          <div className="orphan-foot">
            <span className="muted">{o.fromVersionId ? t.revisions.orphanFrom(o.fromLabel, o.oldPath) : ''}</span>
            <button onClick={() => (onRelocate ? onRelocate(o) : useRevisions.getState().startReattach(o))}>{t.revisions.relocate}</button>
          </div>
        </li>
      ))}
    </ul>
  );
}
