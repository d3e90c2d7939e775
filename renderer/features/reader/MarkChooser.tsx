import { useEffect, useRef } from 'react';
import { useAnnotations } from '../../store/annotations';
import { useUi } from '../../store/ui';
import { useColorLabels } from '../../store/settings';
import { t } from '../../i18n/zh-CN';
import { readerScroller, useDismiss, usePlacement } from './popover';

interface Props {
  ids: string[];
  /** where the click was */
  x: number;
  y: number;
  onClose(): void;
  /** puts the focus back in the paragraph that was clicked */
  focusText(): void;
}

/**
 * Overlapping highlights: a click on the shared text lets the reader pick which one. It opens
 * beside the click inside the window (above it near the bottom edge), takes the focus (↑/↓ move),
 * and closes on Escape, a click elsewhere or scrolling.
 */
export function MarkChooser({ ids, x, y, onClose, focusText }: Props) {
  const list = useAnnotations((s) => s.list);
  const labels = useColorLabels();
  const box = useRef<HTMLDivElement>(null);
  const { style, placed } = usePlacement(box, { top: y, bottom: y, left: x, right: x }, { prefer: 'below', align: 'start' });
  const escape = () => {
    onClose();
    focusText();
  };
  useDismiss(box, onClose, escape, readerScroller);

  useEffect(() => {
    if (placed) box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [placed]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };

  return (
    <div ref={box} className="popover mark-chooser" style={style} role="menu" aria-label={t.annotations.chooser} onKeyDown={onKeyDown}>
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
      <button className="link" onClick={escape}>
        {t.close}
      </button>
    </div>
  );
}
