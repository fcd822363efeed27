import './error-boundary.css';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * The last line of defence of every extension page (issue #11 item 4): a render error anywhere
 * below (a record no check foresaw, such as an import with `time: 9007199254740991`) shows a
 * message with a way out instead of a blank page for good. The log itself is untouched.
 */
export class ErrorBoundary extends Component<
  { page: string; children: ReactNode; onReset?: () => void },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  /** Switches to the message on the next render. */
  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept on this computer: the console of the extension page, never sent anywhere.
    console.error(`Reply Guard ${this.props.page}: a part of the page failed`, error, info.componentStack);
  }

  private readonly retry = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="rg-error-boundary" role="alert">
        <h1>Something on the {this.props.page} could not be shown</h1>
        <p>
          Reply Guard hit an error while drawing this page. Nothing was deleted: the log and the settings are as they
          were. If this started after importing a file, remove that workstation's records on the dashboard, or ask IT.
        </p>
        <p className="rg-error-detail">
          <code>{error.message.slice(0, 300)}</code>
        </p>
        <p>
          <button type="button" onClick={this.retry}>
            Try again
          </button>{' '}
          <button type="button" onClick={() => location.reload()}>
            Reload the page
          </button>
        </p>
      </div>
    );
  }
}
