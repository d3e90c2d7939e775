import { useEffect } from 'react';
import { AUTHOR_KEYS, useSettings } from '../../store/settings';
import { t } from '../../i18n/zh-CN';

/**
 * “将 12 条批注和 3 份意见稿署名为 张三？” — offered once a name is set, for work done before it.
 * One action signs them all. Shows nothing when there is no name or nothing unsigned.
 */
export function SignOffer({ onDone, className = '' }: { onDone?: () => void; className?: string }) {
  const name = useSettings((s) => s.values[AUTHOR_KEYS.name]?.trim() ?? '');
  const unsigned = useSettings((s) => s.unsigned);
  useEffect(() => {
    if (name) void useSettings.getState().countUnsigned();
  }, [name]);
  if (!name || !unsigned || unsigned.annotations + unsigned.drafts === 0) return null;
  const what = t.authorship.counted(unsigned.annotations, unsigned.drafts);
  return (
    <div className={`sign-offer ${className}`} role="group" aria-label={t.authorship.sign}>
      <p className="sign-question">{t.authorship.signQuestion(what, name)}</p>
      <p className="muted small">{t.authorship.signHint}</p>
      <div className="sign-actions">
        <button
          className="primary"
          onClick={() =>
            void useSettings
              .getState()
              .signUnsigned()
              .then(() => onDone?.())
          }
        >
          {t.authorship.sign}
        </button>
        {onDone && <button onClick={onDone}>{t.authorship.signLater}</button>}
      </div>
    </div>
  );
}
