// Two articles: every aligned passage pair as an inline word diff with its classified changes,
// then what each article says that the other does not. Pairs the analysis left out (large
// studies align and diff only base pairs) are aligned on demand in the worker and then shown
// exactly like the others.
import { useEffect, useMemo, type ReactNode } from 'react'
import type { Analysis, ArticleId, Link, LinkDelta, PassageDiff } from '@shared/model'
import { DIFF_ALL_LINKS_MAX } from '@shared/pipeline/limits'
import { useApp } from '../../state/AppState'
import { needsOnDemand, pairKey } from '../../state/onDemandPairs'
import { displayName } from '../../state/derive'
import { useWorkspace } from '../../state/useDerived'
import { InlineDiff } from '../../components/text/InlineDiff'
import { HighlightedText } from '../../components/text/HighlightedText'
import { LinkCorrections } from './LinkCorrections'
import { NoAnalysis } from '../../components/NoAnalysis'

export function PairView(): ReactNode {
  const { analysis, layers, onDemand, requestPair, pairChoice, setPairChoice } = useApp()
  const { derived, meta, reviews, annotations } = useWorkspace()
  // The choice lives in app state so a visit to Review or Overview does not reset it; an
  // article removed since falls back to the default instead of leaving the view "Analysing…".
  const known = (id: ArticleId | null): ArticleId | null => (id && derived?.byId.has(id) ? id : null)
  const a = known(pairChoice.a) ?? derived?.base ?? null
  const b = known(pairChoice.b) ?? derived?.order.find((id) => id !== a) ?? null
  const setA = (id: ArticleId): void => setPairChoice({ a: id, b })
  const setB = (id: ArticleId): void => setPairChoice({ a, b: id })

  const wanted = !!analysis && !!a && !!b && a !== b && needsOnDemand(analysis, a, b)
  const od = wanted && a && b ? onDemand.get(pairKey(a, b)) : undefined
  useEffect(() => {
    if (wanted && a && b) requestPair(a, b)
  }, [wanted, a, b, requestPair])
  const ready = od?.state === 'done' ? od : null

  const pairs = useMemo(() => {
    if (!analysis || !a || !b) return []
    const out: { link: Link; flip: boolean }[] = []
    for (const l of ready ? ready.pair.links : wanted ? [] : analysis.alignment.links) {
      if (l.a.article === a && l.b.article === b) out.push({ link: l, flip: false })
      else if (l.a.article === b && l.b.article === a) out.push({ link: l, flip: true })
    }
    return out.sort((x, y) => (x.flip ? x.link.b.start : x.link.a.start) - (y.flip ? y.link.b.start : y.link.a.start))
  }, [analysis, a, b, ready, wanted])
  const diffs: ReadonlyMap<string, PassageDiff> = useMemo(
    () => (ready ? new Map(ready.pair.diffs.map((d) => [d.linkId, d])) : (derived?.diffs ?? new Map())),
    [ready, derived]
  )
  const deltas: ReadonlyMap<string, LinkDelta> = useMemo(
    () => new Map((ready ? ready.pair.linkDeltas : (analysis?.linkDeltas ?? [])).map((d) => [d.linkId, d])),
    [ready, analysis]
  )

  if (!derived) return <NoAnalysis what="compare" />
  if (!a || !b) return <div className="empty-state">Add a second article to compare a pair.</div>
  const ia = derived.byId.get(a)
  const ib = derived.byId.get(b)
  if (!ia || !ib) return <div className="empty-state">Analysing…</div>
  const covered = (id: ArticleId, n: number): boolean[] => {
    const c = new Array<boolean>(n).fill(false)
    for (const { link } of pairs) {
      const side = link.a.article === id ? link.a : link.b
      for (let k = side.sentenceStart; k < Math.max(side.sentenceStart + 1, side.sentenceEnd); k++) c[k] = true
    }
    return c
  }
  const missing = pairs.filter(({ link }) => !diffs.has(link.id)).length
  const pending = wanted && !ready
  const ca = covered(a, ia.seg.sentences.length)
  const cb = covered(b, ib.seg.sentences.length)
  const onlyA = ia.seg.sentences.filter((s) => !ca[s.index]).map((s) => s.index)
  const onlyB = ib.seg.sentences.filter((s) => !cb[s.index]).map((s) => s.index)
  const nameA = displayName(meta.get(a), a)
  const nameB = displayName(meta.get(b), b)
  // Diffs read in the link's own direction; when every link runs second → first (e.g. a pair
  // aligned on demand), the header legend says so once instead of contradicting each link.
  const allFlipped = pairs.length > 0 && pairs.every((p) => p.flip)
  const picker = (value: ArticleId, set: (v: ArticleId) => void, label: string): ReactNode => (
    <label className="field inline">
      {label}{' '}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {derived.order.map((id) => (
          <option key={id} value={id}>
            {displayName(meta.get(id), id)}
            {id === derived.base ? ' (base)' : ''}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div className="pair" data-pair={`${a}|${b}`}>
      <div className="pair-head">
        {picker(a, setA, 'First')}
        <button type="button" onClick={() => setPairChoice({ a: b, b: a })} aria-label="Swap articles">
          ⇄
        </button>
        {picker(b, setB, 'Second')}
        <span className="muted">
          {pending ? 'Aligning…' : `${pairs.length} aligned passage pairs`} ·{' '}
          {allFlipped ? (
            <>
              <del>struck</del> = only in {nameB} · <ins>underlined</ins> = only in {nameA}
            </>
          ) : (
            <>
              <del>struck</del> = only in {nameA} · <ins>underlined</ins> = only in {nameB}
            </>
          )}
        </span>
      </div>
      {ready && analysis && (
        <p className="muted small on-demand-note">
          <span className="badge on-demand">aligned on demand</span> {whyOnDemand(analysis)} This pair was aligned when you opened it (
          {Math.round(ready.ms).toLocaleString()} ms), weighing words by their rarity across all {analysis.articles.length} articles, as a full run does.
        </p>
      )}
      {od?.state === 'running' && (
        <div className="notice info on-demand-progress" role="status" aria-live="polite">
          <span>
            Aligning this pair… {od.stage ? `(${STAGE_LABEL[od.stage]}, step ${od.done} of ${od.total})` : ''}
          </span>
          <progress max={od.total} value={od.done} aria-label="Pair alignment progress" />
          <span className="muted small">{analysis ? whyOnDemand(analysis) : ''}</span>
        </div>
      )}
      {od?.state === 'error' && (
        <p className="notice error" role="alert">
          {od.error.code === 'CANCELLED' ? 'Aligning this pair was interrupted.' : od.error.message}{' '}
          <button type="button" onClick={() => requestPair(a, b)}>
            Try again
          </button>
        </p>
      )}
      {a === b && (
        <p className="notice warning" role="status" data-same-article="">
          Both sides show {nameA}. Choose two different articles to compare.
        </p>
      )}
      {!pending && pairs.length === 0 && a !== b && (
        <p className="muted" role="status">
          No aligned passages between these two articles: none of their passages reached the link threshold
          {analysis?.linkThreshold !== undefined ? ` (${analysis.linkThreshold})` : ''}. Links are computed between every pair of articles,
          so this pair simply reports different things — see “Only in …” below.
        </p>
      )}
      {!ready && pairs.length > 0 && missing > 0 && (
        <p className="notice warning" role="status" data-diff-scope={analysis?.diffScope ?? 'all'}>
          <span aria-hidden="true">⚠ </span>
          Word diffs not computed for {missing === pairs.length ? 'these links' : `${missing} of these ${pairs.length} links`}: this study has{' '}
          {analysis?.alignment.links.length.toLocaleString()} links, more than the {DIFF_ALL_LINKS_MAX.toLocaleString()} that are diffed in full, so only links with the base
          article are word-diffed. The aligned passages are shown side by side; pick the base as one side for word diffs.
        </p>
      )}
      <ol className="pair-list">
        {pairs.map(({ link, flip }, i) => {
          const diff = diffs.get(link.id)
          const delta = deltas.get(link.id)
          const sa = flip ? link.b : link.a
          const sb = flip ? link.a : link.b
          return (
            <li key={link.id} className="pair-item" data-passage-row={link.id}>
              <div className="pair-num">{i + 1}</div>
              <div className="pair-body">
                <div className="pair-cols">
                  <div data-article-id={a}>
                    <HighlightedText idx={ia} sentences={range(sa.sentenceStart, sa.sentenceEnd)} layers={layers} reviews={reviews} annotations={annotations.get(a) ?? []} />
                  </div>
                  <div data-article-id={b}>
                    <HighlightedText idx={ib} sentences={range(sb.sentenceStart, sb.sentenceEnd)} layers={layers} reviews={reviews} annotations={annotations.get(b) ?? []} />
                  </div>
                </div>
                {diff && (
                  <div className="pair-diff">
                    <span className="pd-label">Word diff</span>{' '}
                    {flip && !allFlipped && (
                      <span className="muted small">
                        (read from {displayName(meta.get(b), b)}: <del>struck</del> = only in {displayName(meta.get(b), b)}, <ins>underlined</ins> = only in{' '}
                        {displayName(meta.get(a), a)})
                      </span>
                    )}{' '}
                    <InlineDiff diff={diff} textA={flip ? ib.article.text : ia.article.text} textB={flip ? ia.article.text : ib.article.text} bStart={link.b.start} />
                  </div>
                )}
                {!diff && (
                  <p className="muted small" data-no-diff="">
                    {analysis?.diffScope === 'base'
                      ? 'Word diff not computed for this link (studies over 3,000 links diff only the links with the base).'
                      : 'No word diff for this link.'}
                  </p>
                )}
                {diff && diff.changes.length > 0 && (
                  <ul className="changes">
                    {diff.changes.map((c, j) => {
                      const tA = flip ? ib : ia
                      const tB = flip ? ia : ib
                      return (
                        <li key={j}>
                          <span className={`chg chg-${c.kind}`}>{c.kind.replace(/-/g, ' ')}</span>{' '}
                          {c.a && <del>{tA.article.text.slice(c.a.start, c.a.end)}</del>} {c.a && c.b && '→'}{' '}
                          {c.b && <ins>{tB.article.text.slice(c.b.start, c.b.end)}</ins>} — {c.explanation}
                        </li>
                      )
                    })}
                  </ul>
                )}
                <div className="cp-foot">
                  <span className="muted">
                    score {link.score.toFixed(2)}
                    {link.origin === 'user' ? ' · linked by you' : <LinkEvidence link={link} />}
                    {delta && <DeltaNote delta={delta} flip={flip} first={nameA} second={nameB} />}
                  </span>
                  <LinkCorrections
                    link={link}
                    next={pairs[i + 1]?.link}
                    n={i + 1}
                    idxA={flip ? ib : ia}
                    idxB={flip ? ia : ib}
                    nameA={displayName(meta.get(link.a.article), link.a.article)}
                    nameB={displayName(meta.get(link.b.article), link.b.article)}
                    flip={flip}
                  />
                </div>
              </div>
            </li>
          )
        })}
      </ol>
      {!pending && a !== b && (
      <div className="pair-only">
        <section data-article-id={a}>
          <h3>Only in {displayName(meta.get(a), a)} ({onlyA.length} sentences)</h3>
          <p>
            <HighlightedText idx={ia} sentences={onlyA} layers={layers} reviews={reviews} annotations={annotations.get(a) ?? []} />
          </p>
        </section>
        <section data-article-id={b}>
          <h3>Only in {displayName(meta.get(b), b)} ({onlyB.length} sentences)</h3>
          <p>
            <HighlightedText idx={ib} sentences={onlyB} layers={layers} reviews={reviews} annotations={annotations.get(b) ?? []} />
          </p>
        </section>
      </div>
      )}
    </div>
  )
}

/**
 * Why the engine linked the two passages (shared words, names of one referent, or a passage of a
 * third article both are linked to), so a reader can judge a low-scoring link before unlinking it.
 */
export function LinkEvidence(props: { readonly link: Link }): ReactNode {
  const items = props.link.evidence.slice(0, 4)
  if (items.length === 0) return null
  return (
    <span data-link-evidence="">
      {' · why linked: '}
      {items.map((e) => (e.a === e.b ? e.a : `${e.a} ≈ ${e.b}`)).join('; ')}
      {props.link.evidence.length > items.length ? ` (+${props.link.evidence.length - items.length} more)` : ''}
    </span>
  )
}

/** Why a pair without the base is computed now rather than by the analysis. */
function whyOnDemand(analysis: Analysis): string {
  return analysis.alignScope === 'base'
    ? `This study has ${analysis.articles.length} articles, so the analysis aligned each article with the base only.`
    : `This study has ${analysis.alignment.links.length.toLocaleString()} links, so the analysis word-diffed only links with the base.`
}
const STAGE_LABEL: Record<string, string> = { align: 'links', diff: 'word diffs', report: 'tone' }

/** Tone and loaded-wording differences of a link, read from the first article to the second. */
function DeltaNote(props: { readonly delta: LinkDelta; readonly flip: boolean; readonly first: string; readonly second: string }): ReactNode {
  const sign = props.flip ? -1 : 1
  const s = sign * props.delta.sentimentDelta
  const l = sign * props.delta.loadedDelta
  const fmt = (x: number, digits: number): string => (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(digits)
  return (
    <span title={`${props.second} minus ${props.first}: summed sentence sentiment, and own-voice loaded wording flags`}>
      {' · '}
      {props.second} vs {props.first}: sentiment {fmt(s, 1)} · loaded words {fmt(l, 0)}
    </span>
  )
}

function range(a: number, b: number): number[] {
  const r: number[] = []
  for (let i = a; i < Math.max(a + 1, b); i++) r.push(i)
  return r
}
