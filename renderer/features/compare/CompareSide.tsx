import type { AdoptionRow, OrphanMark, VersionMarks } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';
import { AdoptionHints } from './AdoptionHints';
import { OrphanList } from './OrphanList';

interface Props {
  /** the older version of the pair, whose marks 带到这里 offers to carry */
  oldVersionId: string;
  marks: VersionMarks[];
  orphans: OrphanMark[];
  hints: AdoptionRow[];
  onCarry: () => void;
  onRelocate: (o: OrphanMark) => void;
  onShowHint: (hint: AdoptionRow) => void;
}

/** The column beside the rows: carry the older version's marks, the orphans, the adoption hints. */
export function CompareSide({ oldVersionId, marks, orphans, hints, onCarry, onRelocate, onShowHint }: Props) {
  const pendingOld = marks.find((m) => m.versionId === oldVersionId);
  const pendingCount = (pendingOld?.annotations ?? 0) + (pendingOld?.drafts ?? 0);
  return (
    <aside className="compare-side">
      {pendingCount > 0 && (
        <section className="cmp-panel">
          <button className="primary" onClick={onCarry}>
            {t.compare.carryHere(pendingCount)}
          </button>
        </section>
      )}
      <section className="cmp-panel">
        <h3>{t.revisions.orphansTitle}</h3>
        <OrphanList orphans={orphans} onRelocate={onRelocate} />
      </section>
      <AdoptionHints hints={hints} onShow={onShowHint} />
    </aside>
  );
}
