/**
 * One view's failure stays in that view: a record the renderer cannot draw (say, a version
 * whose meta came damaged in a bundle) shows a message where the view was, not a white window.
 * Reset by `resetKey` (the view or the open version changing) or by the 重试 button.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/zh-CN';

interface Props {
  /** what the user calls this part, e.g. 报告库 */
  part: string;
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  failed: boolean;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // for whoever opens the developer tools; the user sees the Chinese message below
    console.warn(`[审议台] ${this.props.part}`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="view-failed" role="alert">
        <strong>{t.boundary.title(this.props.part)}</strong>
        <p>{t.boundary.body}</p>
        <button onClick={() => this.setState({ failed: false })}>{t.boundary.retry}</button>
      </div>
    );
  }
}
