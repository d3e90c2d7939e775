import { useState } from 'react';
import { t } from '../../i18n/zh-CN';

/**
 * A name shown as text with a small 重命名 button; the button turns it into a field (Enter or
 * 保存 saves, Escape or 取消 leaves it as it was). An empty name is not saved.
 */
export function Rename(props: {
  value: string;
  field: string;
  buttonLabel: string;
  onSave: (value: string) => Promise<void> | void;
  children: React.ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.value);
  const save = async () => {
    const v = draft.trim();
    if (v && v !== props.value) await props.onSave(v);
    setEditing(false);
  };
  if (!editing)
    return (
      <span className="vf-rename">
        {props.children}
        <button
          className="link vf-rename-button"
          onClick={() => {
            setDraft(props.value);
            setEditing(true);
          }}
        >
          {props.buttonLabel}
        </button>
      </span>
    );
  return (
    <span className="vf-rename editing">
      <input
        autoFocus
        aria-label={props.field}
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          else if (e.key === 'Escape') setEditing(false);
        }}
      />
      <button className="primary" onClick={() => void save()} disabled={!draft.trim()}>
        {t.versionFlow.save}
      </button>
      <button onClick={() => setEditing(false)}>{t.cancel}</button>
    </span>
  );
}
