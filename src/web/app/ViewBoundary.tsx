import { Component, type ReactNode } from 'react';

/** A view that fails to load or render says so, with a way out, instead of blanking the app. */
export class ViewBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-state" role="alert">
        <h1>This view could not be shown</h1>
        <p>{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
