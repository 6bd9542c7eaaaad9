// What produced the flags on screen: lexicon version, codebook, link threshold and diff scope,
// read from the Analysis itself (never from the study's wishes, which may still be re-running).
import type { ReactNode } from 'react'
import { ALL_PAIRS_MAX_ARTICLES, DIFF_ALL_LINKS_MAX } from '@shared/pipeline/limits'
import { useApp } from '../state/AppState'
import { displayName } from '../state/derive'

export function MethodsBox(): ReactNode {
  const { analysis, study, status, onDemand } = useApp()
  if (!analysis) return null
  const cb = analysis.codebook
  const stale = status.running || JSON.stringify(study.codebook) !== JSON.stringify(cb)
  const links = analysis.alignment.links.length
  const name = (id: string): string => displayName(study.articles.find((a) => a.id === id)?.meta, id)
  const onDemandNames = [...onDemand.values()].flatMap((p) => (p.state === 'done' ? [`${name(p.pair.a)} ~ ${name(p.pair.b)}`] : []))
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
        <dt>Aligned pairs</dt>
        <dd data-align-scope={analysis.alignScope ?? 'all'}>
          {analysis.alignScope === 'base'
            ? `each article with the base only (${analysis.articles.length} articles: more than the ${ALL_PAIRS_MAX_ARTICLES} that are aligned pair by pair); other pairs are aligned on demand when opened in the Pair view`
            : 'every pair of articles'}
          {onDemandNames.length > 0 && (
            <>
              {' '}— aligned on demand so far: <span data-on-demand-pairs="">{onDemandNames.join('; ')}</span>
            </>
          )}
        </dd>
        <dt>Word diffs</dt>
        <dd>
          {analysis.diffScope === 'base'
            ? `links with the base only (${links} links: more than the ${DIFF_ALL_LINKS_MAX.toLocaleString()} that are diffed in full)`
            : analysis.alignScope === 'base'
              ? `all ${links} links`
              : `all ${links} links between every pair of articles`}
          {analysis.diffScope === 'base' || analysis.alignScope === 'base' ? ' (pairs opened in the Pair view are diffed on demand)' : ''}
        </dd>
      </dl>
      {stale && <p className="muted">Re-analysing with the study’s current codebook…</p>}
    </section>
  )
}
