import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Block } from '../../../electron/api/contract';
import { useDrafts } from '../../store/drafts';
import { t } from '../../i18n/zh-CN';
import { draftStartItems } from './draftStartItems';

/** Blocks a deputy would cite in an amendment or opinion (not the title or date lines). */
const DRAFTABLE = new Set(['paragraph', 'item', 'section', 'part', 'closing', 'salutation', 'note']);

/** The “⋯” in a paragraph's right margin: draft on the whole paragraph without selecting it. */
export function ParagraphMenu({ block }: { block: Block }) {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const kinds = useDrafts((s) => s.kinds);
  const linking = useDrafts((s) => s.linking !== null);
  useEffect(() => {
    if (!at) return;
    const close = (e: Event) => {
      if (e.type === 'keydown' && (e as KeyboardEvent).key !== 'Escape') return;
      if (e.type === 'mousedown' && (e.target as Element).closest?.('.paragraph-menu')) return;
      setAt(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    window.addEventListener('scroll', close, true);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
      window.removeEventListener('scroll', close, true);
    };
  }, [at]);
  if (!DRAFTABLE.has(block.kind)) return null;

  const whole = [{ blockId: block.id, start: 0, end: block.text.length, exact: block.text }];
  const items = draftStartItems(whole, kinds, () => setAt(null));
  return (
    <>
      <button
        ref={button}
        className={`para-menu-btn${at ? ' on' : ''}`}
        title={t.drafts.paragraphMenu}
        aria-label={t.drafts.paragraphMenu}
        aria-haspopup="menu"
        aria-expanded={!!at}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          const r = button.current!.getBoundingClientRect();
          setAt(at ? null : { top: r.bottom + 4, left: Math.max(8, r.right - 220) });
        }}
      >
        ⋯
      </button>
      {/* In a portal: reader rows are transformed, which would make `position: fixed` relative to the row. */}
      {at &&
        createPortal(
          <div className="popover paragraph-menu" role="menu" style={at} onMouseDown={(e) => e.preventDefault()}>
            {linking ? (
              <button
                role="menuitem"
                onClick={() =>
                  void useDrafts
                    .getState()
                    .linkPassage(whole)
                    .then((ok) => ok && setAt(null))
                }
              >
                {t.drafts.passages.attach}
              </button>
            ) : (
              items.map((it) => (
                <button key={it.key} role="menuitem" title={it.hint} className={it.separated ? 'separated' : undefined} onClick={it.run}>
                  {it.label}
                </button>
              ))
            )}
          </div>,
          // inside .app, whose theme class defines the colours
          document.querySelector('.app') ?? document.body,
        )}
    </>
  );
}
