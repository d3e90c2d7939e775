import type { AdoptionRow, CompareRow as Row } from '../../../electron/api/contract';
import { DiffText } from './DiffText';
import { RowMeta } from './RowMeta';

/** 并排 (old and new in two columns) or 合并 (one text with the changes inline). */
export type CompareMode = 'side' | 'inline';

interface Props {
  row: Row;
  index: number;
  mode: CompareMode;
  /** the change 上一处/下一处 stand on */
  current: number;
  hints: AdoptionRow[];
  onSelect: (change: number) => void;
}

/** One row of the compare: a paragraph (or a split/joined group) in both versions. */
export function CompareRow({ row, index, mode, current, hints, onSelect }: Props) {
  const same = row.kind === 'same';
  // An unchanged row says nothing about itself unless it carries marks or hints.
  const meta = !same || row.marks.annotations + row.marks.drafts > 0 || hints.length > 0;
  return (
    <section
      data-row={index}
      className={`cmp-row${same ? ' same' : ''}${row.formatOnly ? ' format-only' : ''}${row.change !== null && row.change === current ? ' current' : ''}`}
      data-kind={row.formatOnly ? 'format' : row.kind}
      data-change={row.change ?? undefined}
      onClick={() => row.change !== null && onSelect(row.change)}
    >
      {meta && <RowMeta row={row} hints={hints} />}
      {mode === 'side' ? (
        <div className="cmp-cols">
          <div className="cmp-old">
            <DiffText row={row} side="old" />
          </div>
          <div className="cmp-new">
            <DiffText row={row} side="new" />
          </div>
        </div>
      ) : (
        <div className="cmp-inline">
          <DiffText row={row} side="inline" />
        </div>
      )}
    </section>
  );
}
