import { useUi } from '../store/ui';

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className={`toast toast-${x.kind}`}>
          <span>{x.text}</span>
          {x.action && (
            <button
              onClick={() => {
                x.action?.run();
                useUi.getState().dismiss(x.id);
              }}
            >
              {x.action.label}
            </button>
          )}
          <button className="link" aria-label="关闭" onClick={() => useUi.getState().dismiss(x.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
