import type { CompareRow } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';
import { rowParagraphs, type Piece, type Side } from './diffParts';

function Pieces({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i} className="d-ins">
            {p.text}
          </ins>
        ) : p.op === 'delete' ? (
          <del key={i} className="d-del">
            {p.text}
          </del>
        ) : p.op === 'format' ? (
          <span key={i} className="d-fmt" title={t.compare.formatTitle(p.other ?? '', p.text)}>
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** One side of a row, paragraph by paragraph, with its insertions, deletions and format changes marked. */
export function DiffText({ row, side }: { row: CompareRow; side: Side }) {
  const paras = rowParagraphs(row, side);
  const empty = side === 'old' ? row.oldIds.length === 0 : side === 'new' ? row.newIds.length === 0 : false;
  if (empty) return <p className="cmp-empty muted">{side === 'old' ? t.compare.insertedPara : t.compare.deletedPara}</p>;
  return (
    <>
      {paras.map((pieces, i) => (
        <p key={i} className={row.heading ? 'cmp-heading' : undefined}>
          <Pieces pieces={pieces} />
        </p>
      ))}
    </>
  );
}
