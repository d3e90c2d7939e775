import { useAnnotations } from '../../store/annotations';
import { useUi } from '../../store/ui';
import { useColorLabels } from '../../store/settings';
import { t } from '../../i18n/zh-CN';

/** Overlapping highlights: a click on the shared text lets the reader pick which one. */
export function MarkChooser({ ids, x, y, onClose }: { ids: string[]; x: number; y: number; onClose(): void }) {
  const list = useAnnotations((s) => s.list);
  const labels = useColorLabels();
  return (
    <div className="popover" style={{ top: y + 12, left: Math.min(x, window.innerWidth - 320) }} role="menu">
      <div className="popover-title">{t.annotations.chooser}</div>
      {ids.map((id) => {
        const a = list.find((x) => x.id === id);
        if (!a) return null;
        return (
          <button
            key={id}
            role="menuitem"
            className="chooser-item"
            onClick={() => {
              useAnnotations.getState().select(id);
              useUi.getState().setSideTab('annotations');
              onClose();
            }}
          >
            <span className={`dot dot-${a.color}`} /> {labels[a.color]}：{(a.note || a.targets[0]?.exact || '').slice(0, 30)}
          </button>
        );
      })}
      <button className="link" onClick={onClose}>
        {t.close}
      </button>
    </div>
  );
}
