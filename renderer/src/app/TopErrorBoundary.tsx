import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  readonly error: Error | null
}

/** Last line of defence: a render bug shows a readable message instead of a blank window. */
export class TopErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Parallax render error', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div role="alert" className="fatal">
        <h1>Parallax hit a problem</h1>
        <p>{this.state.error.message}</p>
        <p>Your work is autosaved. Reload to continue from the last autosave.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    )
  }
}
