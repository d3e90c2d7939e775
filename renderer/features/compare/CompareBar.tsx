import type { CompareResult, VersionInfo } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';
import { ChangeNavigator } from './ChangeNavigator';
import type { CompareMode } from './CompareRow';
import type { ChangeNav } from './useChangeNav';
import type { Pair } from './useCompare';
import { VersionPair } from './VersionPair';

interface Props {
  versions: VersionInfo[];
  pair: Pair;
  onPair: (pair: Pair) => void;
  mode: CompareMode;
  onMode: (mode: CompareMode) => void;
  data: CompareResult | null;
  list: ChangeNav;
}

/** The compare's header: the versions, 并排/合并, how many changes, the navigator and the filters. */
export function CompareBar({ versions, pair, onPair, mode, onMode, data, list }: Props) {
  return (
    <header className="compare-bar">
      <h2>{t.compare.title}</h2>
      <VersionPair versions={versions} pair={pair} onChange={onPair} />
      <div className="segmented" role="radiogroup" aria-label={t.compare.mode}>
        {(['side', 'inline'] as const).map((m) => (
          <button key={m} role="radio" aria-checked={mode === m} className={mode === m ? 'on' : undefined} onClick={() => onMode(m)}>
            {m === 'side' ? t.compare.sideBySide : t.compare.inline}
          </button>
        ))}
      </div>
      <span className="cmp-count">
        <strong>{data ? t.compare.total(data.changes) : ''}</strong>
        {data && data.formatOnly > 0 && <span className="muted"> · {t.compare.formatOnly(data.formatOnly)}</span>}
      </span>
      <ChangeNavigator nav={list.nav} current={list.current} onGo={list.go} />
      <label className="cmp-check">
        <input type="checkbox" checked={list.onlyMarked} onChange={(e) => list.setOnlyMarked(e.target.checked)} />
        {t.compare.onlyMarked}
      </label>
      <label className="cmp-check">
        <input type="checkbox" checked={list.showFormat} onChange={(e) => list.setShowFormat(e.target.checked)} />
        {t.compare.showFormat}
      </label>
    </header>
  );
}
