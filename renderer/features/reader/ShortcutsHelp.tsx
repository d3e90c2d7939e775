import { useEffect, useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { COLORS } from '../../store/annotations';
import { useColorLabels } from '../../store/settings';
import { useUi } from '../../store/ui';
import { t } from '../../i18n/zh-CN';

const s = t.reader.shortcuts;

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="shortcut-list">
      {rows.map(([keys, what]) => (
        <div key={keys}>
          <dt>
            <kbd>{keys}</kbd>
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The list of every shortcut, opened with ? (or the ? button in the header); Escape closes it. */
export function ShortcutsHelp() {
  const open = useUi((x) => x.shortcutsOpen);
  return open ? <ShortcutsDialog /> : null;
}

function ShortcutsDialog() {
  const labels = useColorLabels();
  // The focus goes back where it was when the list closes.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus?.({ preventScroll: true }), [opener]);
  const close = () => useUi.getState().setShortcutsOpen(false);
  const colorRows = COLORS.map((c, i): [string, string] => [String(i + 1), s.color(labels[c] ?? c)]);
  return (
    <ModalDialog
      title={s.title}
      onClose={close}
      wide
      testId="shortcuts"
      actions={
        <button className="primary" onClick={close}>
          {s.close}
        </button>
      }
    >
      <p className="muted">{s.intro}</p>
      <div className="shortcut-groups">
        <section>
          <h4>{s.groups.reading}</h4>
          <Rows rows={s.reading} />
          <h4>{s.groups.editing}</h4>
          <Rows rows={s.editing} />
        </section>
        <section>
          <h4>{s.groups.selecting}</h4>
          <Rows rows={[...s.selecting, ...colorRows, ...s.afterColors]} />
        </section>
      </div>
    </ModalDialog>
  );
}
