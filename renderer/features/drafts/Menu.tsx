import { useEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '../../i18n/zh-CN';

export interface MenuItem {
  key: string;
  label: ReactNode;
  hint?: string;
  run(): void;
  /** a thin rule above this item */
  separated?: boolean;
}

/** A button that drops down a list of actions; closes on choice, Escape or a click elsewhere. */
export function Menu({ label, items, className, title }: { label: ReactNode; items: MenuItem[]; className?: string; title?: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button className={className} aria-haspopup="menu" aria-expanded={open} title={title} onClick={() => setOpen(!open)}>
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul className="menu-list" role="menu">
          {items.length === 0 && (
            <li role="none" className="muted menu-empty">
              {t.drafts.menuLoading}
            </li>
          )}
          {items.map((it) => (
            <li key={it.key} role="none" className={it.separated ? 'separated' : undefined}>
              <button
                role="menuitem"
                title={it.hint}
                onClick={() => {
                  setOpen(false);
                  it.run();
                }}
              >
                {it.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
