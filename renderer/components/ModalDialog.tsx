import { useEffect, useRef } from 'react';

/**
 * A modal dialog: dims the window, takes focus once when it opens, Escape closes it (unless it
 * must be answered, like the recovery prompt). Content and buttons come from the caller.
 */
export function ModalDialog(props: {
  title: string;
  onClose?: () => void;
  children: React.ReactNode;
  actions: React.ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // The latest onClose, read when Escape is pressed: callers often pass an inline function, and
  // re-running the effect on each render would pull the focus out of the field being typed in.
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });
  const closable = props.onClose !== undefined;
  useEffect(() => {
    box.current?.focus();
  }, []);
  useEffect(() => {
    if (!closable) return;
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose.current?.();
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [closable]);
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        className={`modal${props.wide ? ' modal-wide' : ''}`}
        data-testid={props.testId}
      >
        <h3 className="modal-title">{props.title}</h3>
        <div className="modal-body">{props.children}</div>
        <div className="modal-actions">{props.actions}</div>
      </div>
    </div>
  );
}
