// "Explain on demand" for a passage: its counterparts in every outlet, each as a word diff
// against the base with the classified changes and the sentiment delta. Also where a flag is
// accepted/rejected and where a wrong link is removed.
import { useState, type ReactNode } from 'react'
import type { Flag } from '@shared/model'
import { useApp } from '../../state/AppState'
import { displayName, sentimentOf, type Row } from '../../state/derive'
import { useWorkspace } from '../../state/useDerived'
import { FlagDetails } from '../../components/text/explain'
import { InlineDiff } from '../../components/text/InlineDiff'
import { HighlightedText } from '../../components/text/HighlightedText'

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0'
}

export function FlagReviewBox(props: { readonly flag: Flag }): ReactNode {
  const { dispatch } = useApp()
  const { reviews } = useWorkspace()
  const f = props.flag
  const review = reviews.get(f.id)
  const [note, setNote] = useState(review?.note ?? '')
  if (f.rule === 'user') {
    const id = f.id.replace(/^annotation:/, '')
    return (
      <div className="review-box">
        <FlagDetails flag={f} review={undefined} />
        <button type="button" onClick={() => dispatch({ type: 'remove-annotation', id })}>
          Remove annotation
        </button>
      </div>
    )
  }
  return (
    <div className="review-box">
      <FlagDetails flag={f} review={review} />
      <label className="field">
        Note <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="why (optional)" />
      </label>
      <div className="btn-row" role="group" aria-label="Review this flag">
        <button type="button" aria-pressed={review?.status === 'accepted'} className="accept" onClick={() => dispatch({ type: 'review', flagId: f.id, status: 'accepted', note })}>
          ✓ Accept
        </button>
        <button type="button" aria-pressed={review?.status === 'rejected'} className="reject" onClick={() => dispatch({ type: 'review', flagId: f.id, status: 'rejected', note })}>
          ✗ Reject
        </button>
        {review && (
          <button type="button" onClick={() => dispatch({ type: 'review', flagId: f.id, status: null })}>
            Clear
          </button>
        )}
      </div>
    </div>
  )
}

export function PassagePanel(props: { readonly row: Row; readonly flags: readonly Flag[] | null; readonly onClose: () => void }): ReactNode {
  const { dispatch, layers } = useApp()
  const { derived, reviews, annotations, meta } = useWorkspace()
  if (!derived) return null
  const { row } = props
  const baseIdx = derived.byId.get(derived.base)!
  const baseSent = row.base ? sentimentOf(baseIdx, row.base.sentences) : 0
  return (
    <aside className="drawer" aria-label="Passage details">
      <div className="drawer-head">
        <h2>Passage {row.index + 1}</h2>
        <button type="button" className="icon" onClick={props.onClose} aria-label="Close passage details">
          ✕
        </button>
      </div>
      {props.flags && props.flags.map((f) => <FlagReviewBox key={f.id} flag={f} />)}
      {row.base ? (
        <section className="cp">
          <h3>
            {displayName(meta.get(derived.base), derived.base)} <span className="badge base">base</span>{' '}
            <span className="senti">sentiment {signed(baseSent)}</span>
          </h3>
          <p className="cp-text">
            <HighlightedText idx={baseIdx} sentences={row.base.sentences} layers={layers} reviews={reviews} annotations={annotations.get(derived.base) ?? []} />
          </p>
        </section>
      ) : (
        <p className="muted">This passage has no counterpart in the base article.</p>
      )}
      {derived.order
        .filter((id) => id !== derived.base)
        .map((id) => {
          const idx = derived.byId.get(id)!
          const cell = row.cells.get(id)
          const name = displayName(meta.get(id), id)
          if (!cell)
            return (
              <section key={id} className="cp missing">
                <h3>{name}</h3>
                <p className="muted">— Not reported in this article (no aligned passage). —</p>
              </section>
            )
          const delta = sentimentOf(idx, cell.sentences) - baseSent
          return (
            <section key={id} className="cp">
              <h3>
                {name} {cell.only && <span className="badge only">only here</span>}{' '}
                {row.base && <span className="senti">sentiment Δ {signed(delta)} vs base</span>}
              </h3>
              {cell.linkIds.length === 0 && (
                <p className="cp-text">
                  <HighlightedText idx={idx} sentences={cell.sentences} layers={layers} reviews={reviews} annotations={annotations.get(id) ?? []} />
                </p>
              )}
              {cell.linkIds.map((lid) => {
                const link = derived.links.get(lid)
                const diff = derived.diffs.get(lid)
                if (!link) return null
                const baseIsA = link.a.article === derived.base
                const bSide = baseIsA ? link.b : link.a
                return (
                  <div key={lid} className="cp-link">
                    {diff && baseIsA ? (
                      <p className="cp-text">
                        <InlineDiff diff={diff} textA={baseIdx.article.text} textB={idx.article.text} bStart={bSide.start} />
                      </p>
                    ) : (
                      <p className="cp-text">{idx.article.text.slice(bSide.start, bSide.end)}</p>
                    )}
                    {diff && diff.changes.length > 0 && (
                      <ul className="changes">
                        {diff.changes.map((c, i) => (
                          <li key={i}>
                            <span className={`chg chg-${c.kind}`}>{c.kind.replace(/-/g, ' ')}</span>{' '}
                            {c.a && <del>{(baseIsA ? baseIdx : idx).article.text.slice(c.a.start, c.a.end)}</del>} {c.a && c.b && '→'}{' '}
                            {c.b && <ins>{(baseIsA ? idx : baseIdx).article.text.slice(c.b.start, c.b.end)}</ins>} — {c.explanation} <code>{c.rule}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                    <div className="cp-foot">
                      <span className="muted">
                        link score {link.score.toFixed(2)} · {link.origin === 'user' ? 'linked by you' : `evidence: ${link.evidence.slice(0, 4).map((e) => (e.a === e.b ? e.a : `${e.a}≈${e.b}`)).join(', ')}`}
                      </span>
                      <button type="button" onClick={() => dispatch({ type: 'correct', correction: { kind: 'unlink', linkId: lid, at: new Date().toISOString() } })}>
                        Unlink
                      </button>
                    </div>
                  </div>
                )
              })}
            </section>
          )
        })}
    </aside>
  )
}
