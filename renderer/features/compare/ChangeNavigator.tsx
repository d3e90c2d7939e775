import { t } from '../../i18n/zh-CN';
import { step } from './diffParts';

interface Props {
  /** the change numbers on screen, in order */
  nav: readonly number[];
  /** the change stood on (-1 = none yet) */
  current: number;
  onGo: (delta: 1 | -1) => void;
}

/** 上一处 · position/total · 下一处 (N and P do the same from the keyboard). */
export function ChangeNavigator({ nav, current, onGo }: Props) {
  const position = current >= 0 ? nav.indexOf(current) + 1 : 0;
  return (
    <span className="cmp-nav">
      <button onClick={() => onGo(-1)} disabled={step(nav, current, -1) === null} title={t.compare.keysHint}>
        {t.compare.prev}
      </button>
      <span className="muted cmp-pos">{nav.length ? `${position || '–'}/${nav.length}` : ''}</span>
      <button onClick={() => onGo(1)} disabled={step(nav, current, 1) === null} title={t.compare.keysHint}>
        {t.compare.next}
      </button>
    </span>
  );
}
