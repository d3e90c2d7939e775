import type { AdoptionRow, CompareRow } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';

/** The line above a row: what kind of change, where, the marks on it and its adoption hints. */
export function RowMeta({ row, hints }: { row: CompareRow; hints: AdoptionRow[] }) {
  const marks = row.marks.annotations + row.marks.drafts;
  const kind = row.formatOnly && row.kind !== 'moved' ? 'format' : row.kind;
  return (
    <div className="cmp-meta">
      <span className={`cmp-kind k-${kind}`}>{t.compare.kinds[kind]}</span>
      {row.moved && row.kind !== 'moved' && <span className="cmp-kind k-moved">{t.compare.kinds.moved}</span>}
      <span className="cmp-path">{row.newPath || row.oldPath}</span>
      {row.moved && row.oldPath && <span className="cmp-note">{t.compare.movedFrom(row.oldPath)}</span>}
      {row.kind === 'split' && <span className="cmp-note">{t.compare.splitInto(row.newIds.length)}</span>}
      {row.kind === 'joined' && <span className="cmp-note">{t.compare.joinedFrom(row.oldIds.length)}</span>}
      {marks > 0 && <span className="cmp-marks">{t.compare.marks(row.marks.annotations, row.marks.drafts)}</span>}
      {hints.map((h) => (
        <span key={h.draftId} className={`cmp-hint hint-${h.adopted}`} title={`${h.wording}\n${h.reason}`}>
          {t.compare.adoption[h.adopted]}
        </span>
      ))}
    </div>
  );
}
