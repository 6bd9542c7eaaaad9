// What a view shows while it has no analysis to draw: the run in progress, a study without
// articles, or a failed run with its message and a retry. Views used to say "Analysing…" for
// ever (or "Add articles") after a failed run or in an empty study.
import type { ReactNode } from 'react'
import { useApp } from '../state/AppState'

export function NoAnalysis(props: { readonly what?: string }): ReactNode {
  const { study, status, rerun, setView } = useApp()
  if (study.articles.length === 0)
    return (
      <div className="empty-state" data-no-analysis="empty">
        This study has no articles yet{props.what ? `, so there is nothing to ${props.what}` : ''}.
        <button type="button" onClick={() => setView('library')}>
          Open Library
        </button>
      </div>
    )
  if (!status.running && status.error && status.error.code !== 'CANCELLED')
    return (
      <div className="empty-state" role="alert" data-no-analysis="failed">
        The analysis failed: {status.error.message}
        <button type="button" onClick={rerun}>
          Try again
        </button>
      </div>
    )
  return (
    <div className="empty-state" aria-busy="true" data-no-analysis="running">
      Analysing the articles…
    </div>
  )
}
