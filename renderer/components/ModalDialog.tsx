import { useEffect, useRef } from 'react';

/**
 * A modal dialog: dims the window, takes focus, Escape closes it (unless it must be answered,
 * like the recovery prompt). Content and buttons come from the caller.
 */
export function ModalDialog(props: { title: string; onClose?: () => void; children: React.ReactNode; actions: React.ReactNode; wide?: boolean; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    box.current?.focus();
    if (!onClose) return;
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);
  return (
    <div className="modal-backdrop">
      <div ref={box} tabIndex={-1} role="dialog" aria-modal="true" aria-label={props.title} className={`modal${props.wide ? ' modal-wide' : ''}`} data-testid={props.testId}>
        <h3 className="modal-title">{props.title}</h3>
        <div className="modal-body">{props.children}</div>
        <div className="modal-actions">{props.actions}</div>
      </div>
    </div>
  );
}
