// What produced the flags on screen: lexicon version, codebook, link threshold and diff scope,
// read from the Analysis itself (never from the study's wishes, which may still be re-running).
import type { ReactNode } from 'react'
import { useApp } from '../state/AppState'

export function MethodsBox(): ReactNode {
  const { analysis, study, status } = useApp()
  if (!analysis) return null
  const cb = analysis.codebook
  const stale = status.running || JSON.stringify(study.codebook) !== JSON.stringify(cb)
  const links = analysis.alignment.links.length
  return (
    <section className="methods" aria-label="Methods" data-methods="">
      <h2>Methods</h2>
      <dl className="methods-list">
        <dt>Engine</dt>
        <dd>{analysis.engineVersion}</dd>
        <dt>Lexicons</dt>
        <dd data-lexicon-version={analysis.lexiconVersion}>{analysis.lexiconVersion}</dd>
        <dt>Codebook</dt>
        <dd data-codebook-name={cb?.name ?? ''}>
          {cb ? `${cb.name} (${cb.entries.length} ${cb.entries.length === 1 ? 'entry' : 'entries'}; overrides overlapping lexicon hits; rule codebook:<term>)` : 'none (built-in lexicons only)'}
        </dd>
        {analysis.linkThreshold !== undefined && (
          <>
            <dt>Link threshold</dt>
            <dd>{analysis.linkThreshold}</dd>
          </>
        )}
        <dt>Word diffs</dt>
        <dd>
          {analysis.diffScope === 'base'
            ? `links with the base only (${links} links is over the 3,000 diffed in full)`
            : `all ${links} links between every pair of articles`}
        </dd>
      </dl>
      {stale && <p className="muted">Re-analysing with the study’s current codebook…</p>}
    </section>
  )
}
