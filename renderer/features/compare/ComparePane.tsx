import type { RefObject } from 'react';
import type { AdoptionRow, CompareResult, CompareRow as Row } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';
import { CompareRow, type CompareMode } from './CompareRow';
import type { ChangeNav } from './useChangeNav';

interface Props {
  mode: CompareMode;
  /** labels of the older and newer version, for the column heads */
  labels: [string, string];
  data: CompareResult | null;
  loading: boolean;
  rows: Row[];
  hintsByRow: ReadonlyMap<number, AdoptionRow[]>;
  list: ChangeNav;
  scroller: RefObject<HTMLDivElement | null>;
}

/** The rows of the compare, unchanged stretches folded, under a legend of the marks used. */
export function ComparePane({ mode, labels, data, loading, rows, hintsByRow, list, scroller }: Props) {
  return (
    <div className={`compare-main mode-${mode}`} ref={scroller}>
      <div className="cmp-legend muted">
        <ins className="d-ins">{t.compare.legend.insert}</ins>
        <del className="d-del">{t.compare.legend.delete}</del>
        <span className="d-fmt">{t.compare.legend.format}</span>
        <span className="cmp-keys">{t.compare.keysHint}</span>
      </div>
      {mode === 'side' && (
        <div className="cmp-cols cmp-colhead">
          <div>
            {t.compare.oldVersion}：{labels[0]}
          </div>
          <div>
            {t.compare.newVersion}：{labels[1]}
          </div>
        </div>
      )}
      {loading && !data && <p className="muted cmp-loading">{t.compare.loading}</p>}
      {data && data.changes + data.formatOnly === 0 && <p className="muted cmp-loading">{t.compare.noChanges}</p>}
      {data && list.onlyMarked && list.items.length === 0 && <p className="muted cmp-loading">{t.compare.noneMarked}</p>}
      {list.items.map((it) =>
        it.type === 'fold' ? (
          <button key={`f${it.start}`} className="cmp-fold" onClick={() => list.expand(it.start)}>
            ⋯ {t.compare.unchanged(it.count)} · {t.compare.expand}
          </button>
        ) : (
          <CompareRow
            key={it.index}
            row={rows[it.index]}
            index={it.index}
            mode={mode}
            current={list.current}
            hints={hintsByRow.get(it.index) ?? []}
            onSelect={list.setCurrent}
          />
        ),
      )}
    </div>
  );
}
