import { useRef, useState } from 'react';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';
import { CompareBar } from './CompareBar';
import { ComparePane } from './ComparePane';
import type { CompareMode } from './CompareRow';
import { CompareSide } from './CompareSide';
import { useChangeNav } from './useChangeNav';
import { useCompare } from './useCompare';

/** 版本对照: two versions of the open report, paragraph by paragraph. */
export function CompareView() {
  const cmp = useCompare();
  const scroller = useRef<HTMLDivElement>(null);
  const list = useChangeNav(cmp.rows, cmp.hintsByRow, cmp.pair, scroller);
  const [mode, setMode] = useState<CompareMode>('side');
  const { doc, versions, pair } = cmp;

  if (!doc) return <div className="compare compare-empty">{t.compare.noReport}</div>;
  if (versions.length < 2 || !pair)
    return (
      <div className="compare compare-empty">
        <p>{t.compare.oneVersion}</p>
        <button className="primary" onClick={() => useUi.getState().setView('library')}>
          {t.compare.toLibrary}
        </button>
      </div>
    );

  const label = (id: string) => versions.find((v) => v.id === id)?.label ?? '';
  return (
    <div className="compare">
      <CompareBar versions={versions} pair={pair} onPair={cmp.setPair} mode={mode} onMode={setMode} data={cmp.data} list={list} />
      <div className="compare-body">
        <ComparePane
          mode={mode}
          labels={[label(pair[0]), label(pair[1])]}
          data={cmp.data}
          loading={cmp.loading}
          rows={cmp.rows}
          hintsByRow={cmp.hintsByRow}
          list={list}
          scroller={scroller}
        />
        <CompareSide
          oldVersionId={pair[0]}
          marks={cmp.marks}
          orphans={cmp.orphans}
          hints={cmp.hints}
          onCarry={() => void cmp.carryHere()}
          onRelocate={(o) => void cmp.relocate(o)}
          onShowHint={(h) => list.revealRow(cmp.rowOfHint.get(h.draftId))}
        />
      </div>
    </div>
  );
}
