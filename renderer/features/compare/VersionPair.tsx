import type { VersionInfo } from '../../../electron/api/contract';
import { t } from '../../i18n/zh-CN';
import { VersionSelect } from '../../components/VersionSelect';
import type { Pair } from './useCompare';

/** 旧版本 ⇄ 新版本: the two versions compared, and the button that swaps them. */
export function VersionPair({ versions, pair, onChange }: { versions: VersionInfo[]; pair: Pair; onChange: (pair: Pair) => void }) {
  const select = (which: 0 | 1) => (
    <label className="cmp-version">
      <span className="muted">{which === 0 ? t.compare.oldVersion : t.compare.newVersion}</span>
      <VersionSelect
        versions={versions}
        value={pair[which]}
        onChange={(id) => {
          const next: Pair = which === 0 ? [id, pair[1]] : [pair[0], id];
          // A version is never compared with itself: picking the other side's version swaps them.
          if (next[0] === next[1]) next[which === 0 ? 1 : 0] = pair[which];
          onChange(next);
        }}
      />
    </label>
  );
  return (
    <>
      {select(0)}
      <button className="cmp-swap" title={t.compare.swapTitle} aria-label={t.compare.swapTitle} onClick={() => onChange([pair[1], pair[0]])}>
        {t.compare.swap}
      </button>
      {select(1)}
    </>
  );
}
