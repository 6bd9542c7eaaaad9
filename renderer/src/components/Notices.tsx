import type { ReactNode } from 'react'
import { useApp } from '../state/AppState'

/** Dismissible notices (ingestion errors, saves, recoveries); work continues around them. */
export function Notices(): ReactNode {
  const { notices, dismiss } = useApp()
  if (notices.length === 0) return null
  const shown = notices.slice(-4)
  return (
    <div className="notices" aria-live="polite">
      {notices.length > shown.length && (
        <div className="notice info">
          {notices.length - shown.length} older notice(s).{' '}
          <button type="button" className="link" onClick={() => notices.slice(0, -4).forEach((n) => dismiss(n.id))}>
            Dismiss older
          </button>
        </div>
      )}
      {shown.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="sr-only">{n.kind === 'error' ? 'Error: ' : n.kind === 'warning' ? 'Warning: ' : ''}</span>
          <span className="notice-icon" aria-hidden="true">
            {n.kind === 'error' ? '✖' : n.kind === 'warning' ? '⚠' : 'ℹ'}
          </span>
          <span className="notice-text">{n.message}</span>
          <button type="button" className="icon" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.message}`}>
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}
