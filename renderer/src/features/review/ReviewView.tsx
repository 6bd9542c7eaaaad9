// Review the machine's work: accept/reject flags, see and remove annotations, correct the
// alignment (link two passages of one or more sentences each; unlink, merge and split are in the
// Pair view and the passage details). Everything lands in the study, undoable.
import { useMemo, useState, type ReactNode } from 'react'
import type { AlignmentCorrection, Analysis, ArticleId, FlagCategory, Link, PassageRef } from '@shared/model'
import { useApp } from '../../state/AppState'
import { displayName, type ArticleIndex } from '../../state/derive'
import { useWorkspace } from '../../state/useDerived'
import { CATEGORIES, CATEGORY } from '../../state/layers'
import { voiceLabel } from '../../components/text/explain'
import { NoAnalysis } from '../../components/NoAnalysis'

const PAGE = 60
/** At most this many sentences in one hand-made passage (keeps the "to" select short). */
const MAX_PASSAGE = 8

/** Sentences `first..last` (inclusive) of one article as a passage ref. */
function passageRef(idx: ArticleIndex, first: number, last: number): PassageRef {
  const s = idx.seg.sentences[first]!
  const e = idx.seg.sentences[Math.max(first, last)]!
  return { article: idx.id, start: s.start, end: e.end, sentenceStart: first, sentenceEnd: Math.max(first, last) + 1 }
}

/**
 * True when the two passages are linked already, by the engine or by an earlier correction:
 * a second "Link these passages" click used to add a duplicate correction without a word.
 */
export function alreadyLinked(links: readonly Link[], corrections: readonly AlignmentCorrection[], a: PassageRef, b: PassageRef): boolean {
  const same = (x: PassageRef, y: PassageRef): boolean => x.article === y.article && x.sentenceStart === y.sentenceStart && x.sentenceEnd === y.sentenceEnd
  const pair = (x: PassageRef, y: PassageRef): boolean => (same(x, a) && same(y, b)) || (same(x, b) && same(y, a))
  return links.some((l) => pair(l.a, l.b)) || corrections.some((c) => c.kind === 'link' && pair(c.a, c.b))
}

/** One side of a link id (`article:s0-s1`, sentence indices end exclusive), or null if malformed. */
function sideOf(linkId: string, k: 0 | 1): { readonly article: string; readonly from: number; readonly to: number } | null {
  const m = /^(.*):(\d+)-(\d+)$/.exec(linkId.split('~')[k] ?? '')
  return m ? { article: m[1]!, from: Number(m[2]), to: Number(m[3]) } : null
}

/** "sentence 3" or "sentences 3–5" (1-based, inclusive) for sentence indices [from, to). */
function sentenceRange(from: number, to: number): string {
  return to - from > 1 ? `sentences ${from + 1}–${to}` : `sentence ${from + 1}`
}

function sentences(r: PassageRef): string {
  return sentenceRange(r.sentenceStart, r.sentenceEnd)
}

/** A link id as a reader sees it: "Seed sentences 18–19 ↔ Jerusalem Ledger sentence 28"; the raw id as a tooltip. */
function LinkLabel(props: { readonly id: string; readonly name: (article: string) => string }): ReactNode {
  const a = sideOf(props.id, 0)
  const b = sideOf(props.id, 1)
  if (!a || !b) return <code>{props.id}</code>
  return (
    <span className="link-label" title={props.id} data-link-id={props.id}>
      {props.name(a.article)} {sentenceRange(a.from, a.to)} ↔ {props.name(b.article)} {sentenceRange(b.from, b.to)}
    </span>
  )
}

/** The two articles a correction is about, or null if its link id is malformed. */
function articlesOf(c: AlignmentCorrection): readonly [string, string] | null {
  if (c.kind === 'link') return [c.a.article, c.b.article]
  const id = c.kind === 'merge' ? c.linkIds[0] : c.linkId
  const a = id === undefined ? null : sideOf(id, 0)
  const b = id === undefined ? null : sideOf(id, 1)
  return a && b ? [a.article, b.article] : null
}

/**
 * True when the analysis did not align the correction's pair at all (large studies align each
 * article with the base only): the full run cannot apply it, but the Pair view's on-demand run does.
 */
function onDemandOnly(analysis: Analysis, c: AlignmentCorrection): boolean {
  const p = articlesOf(c)
  return analysis.alignScope === 'base' && !!p && p[0] !== p[1] && p[0] !== analysis.base && p[1] !== analysis.base
}

function excerpt(idx: ArticleIndex, k: number): string {
  const s = idx.seg.sentences[k]!
  const t = idx.article.text.slice(s.start, s.end)
  return `${k + 1}. ${t.length > 90 ? `${t.slice(0, 90)}…` : t}`
}

function LinkEditor(): ReactNode {
  const { dispatch, study, analysis, notify } = useApp()
  const { derived, meta } = useWorkspace()
  const others = derived?.order.filter((id) => id !== derived.base) ?? []
  const [other, setOther] = useState<ArticleId>(others[0] ?? '')
  const [bs, setBs] = useState(0)
  const [os, setOs] = useState(0)
  // Last sentence of each passage (inclusive); never before its first sentence.
  const [bTo, setBTo] = useState(0)
  const [oTo, setOTo] = useState(0)
  if (!derived || !analysis) return null
  const baseIdx = derived.byId.get(derived.base)!
  const oIdx = derived.byId.get(other) ?? derived.byId.get(others[0] ?? '')
  const userLinks = analysis.alignment.links.filter((l) => l.origin === 'user')
  const nameOf = (article: string): string => displayName(meta.get(article), article)
  // Corrections of pairs the analysis left to the Pair view are reported as skipped by the full
  // run; they are not stale, so they are marked apart and not counted as "no longer apply".
  const reported = analysis.alignment.skippedCorrections ?? []
  const onDemandAt = new Set(reported.filter((k) => study.corrections[k.index] && onDemandOnly(analysis, study.corrections[k.index]!)).map((k) => k.index))
  const skipped = reported.filter((k) => !onDemandAt.has(k.index))
  const skippedAt = new Map(skipped.map((k) => [k.index, k.reason]))
  const bEnd = Math.min(Math.max(bs, bTo), bs + MAX_PASSAGE - 1)
  const oEnd = Math.min(Math.max(os, oTo), os + MAX_PASSAGE - 1)
  const toSelect = (idx: ArticleIndex, from: number, value: number, set: (k: number) => void, label: string): ReactNode => (
    <label className="field">
      to
      <select value={value} onChange={(e) => set(Number(e.target.value))} aria-label={label}>
        {idx.seg.sentences.slice(from, from + MAX_PASSAGE).map((s) => (
          <option key={s.index} value={s.index}>
            {s.index === from ? `${s.index + 1}. (this sentence only)` : excerpt(idx, s.index)}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <section className="rv-section" aria-labelledby="rv-links">
      <h2 id="rv-links">Correct the alignment</h2>
      {oIdx ? (
        <form
          className="link-form"
          onSubmit={(e) => {
            e.preventDefault()
            const a = passageRef(baseIdx, bs, bEnd)
            const b = passageRef(oIdx, os, oEnd)
            if (alreadyLinked(analysis.alignment.links, study.corrections, a, b)) return notify('info', 'These passages are already linked; nothing changed.')
            dispatch({ type: 'correct', correction: { kind: 'link', a, b, at: new Date().toISOString() } })
            notify('info', `Linked ${nameOf(a.article)} ${sentences(a)} ↔ ${nameOf(b.article)} ${sentences(b)}. Undo or Revert takes it back.`)
          }}
        >
          <label className="field">
            Base passage ({displayName(meta.get(derived.base), derived.base)})
            <select value={bs} onChange={(e) => setBs(Number(e.target.value))} aria-label="Base sentence">
              {baseIdx.seg.sentences.map((s) => (
                <option key={s.index} value={s.index}>
                  {excerpt(baseIdx, s.index)}
                </option>
              ))}
            </select>
          </label>
          {toSelect(baseIdx, bs, bEnd, setBTo, 'Base passage ends with')}
          <label className="field lf-wide">
            Other article
            <select value={oIdx.id} onChange={(e) => { setOther(e.target.value); setOs(0); setOTo(0) }} aria-label="Other article">
              {others.map((id) => (
                <option key={id} value={id}>
                  {displayName(meta.get(id), id)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Its passage
            <select value={os} onChange={(e) => setOs(Number(e.target.value))} aria-label="Other sentence">
              {oIdx.seg.sentences.map((s) => (
                <option key={s.index} value={s.index}>
                  {excerpt(oIdx, s.index)}
                </option>
              ))}
            </select>
          </label>
          {toSelect(oIdx, os, oEnd, setOTo, 'Other passage ends with')}
          <button type="submit" className="primary lf-submit">
            Link these passages
          </button>
        </form>
      ) : (
        <p className="muted">Add a second article to link passages.</p>
      )}
      <h3>Your corrections ({study.corrections.length})</h3>
      {skipped.length > 0 && (
        <p className="notice warning" role="status" data-skipped-corrections={skipped.length}>
          {skipped.length === 1 ? '1 correction no longer applies' : `${skipped.length} corrections no longer apply`}: the links they name are no
          longer produced (the texts or the analysis changed). They are kept; revert them to tidy up.
        </p>
      )}
      {study.corrections.length === 0 ? (
        <p className="muted">
          None yet. Unlink a wrong pair from a passage’s details (click a passage in Side by side), merge or split links in the Pair view, or link two
          passages above.
        </p>
      ) : (
        <ul className="corrections">
          {study.corrections.map((c, i) => (
            <li key={i} data-correction={c.kind} {...(skippedAt.has(i) ? { 'data-skipped': '' } : {})}>
              {c.kind === 'link' ? (
                <>
                  <strong>Linked</strong> {displayName(meta.get(c.a.article), c.a.article)} {sentences(c.a)} ↔ {displayName(meta.get(c.b.article), c.b.article)} {sentences(c.b)}
                </>
              ) : c.kind === 'unlink' ? (
                <>
                  <strong>Unlinked</strong> <LinkLabel id={c.linkId} name={nameOf} />
                </>
              ) : c.kind === 'merge' ? (
                <>
                  <strong>Merged</strong> {c.linkIds.map((id, j) => (
                    <span key={id}>
                      {j > 0 && ' + '}
                      <LinkLabel id={id} name={nameOf} />
                    </span>
                  ))}
                </>
              ) : (
                <>
                  <strong>Split</strong> <LinkLabel id={c.linkId} name={nameOf} />
                  {c.atA !== undefined && ` before ${nameOf(sideOf(c.linkId, 0)?.article ?? '')} sentence ${c.atA + 1}`}
                  {c.atA !== undefined && c.atB !== undefined && ' and'}
                  {c.atB !== undefined && ` before ${nameOf(sideOf(c.linkId, 1)?.article ?? '')} sentence ${c.atB + 1}`}
                </>
              )}
              {skippedAt.has(i) && <span className="muted small"> — no longer applies: {skippedAt.get(i)}</span>}
              {onDemandAt.has(i) && (
                <span className="muted small" data-on-demand-correction="">
                  {' '}
                  — applies in the Pair view, where this pair is aligned on demand
                </span>
              )}{' '}
              <button type="button" onClick={() => dispatch({ type: 'remove-correction', index: i })}>
                Revert
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{userLinks.length} link(s) made by you are in the current alignment.</p>
    </section>
  )
}

export function ReviewView(): ReactNode {
  const { dispatch, study } = useApp()
  const { derived, reviews, meta } = useWorkspace()
  const [article, setArticle] = useState<ArticleId | 'all'>('all')
  const [category, setCategory] = useState<FlagCategory | 'all'>('all')
  const [state, setState] = useState<'all' | 'open' | 'accepted' | 'rejected'>('all')
  const [page, setPage] = useState(0)
  const flags = useMemo(() => {
    if (!derived) return []
    return derived.order.flatMap((id) => derived.byId.get(id)!.flags)
  }, [derived])
  if (!derived) return <NoAnalysis what="review" />
  const shown = flags.filter(
    (f) =>
      (article === 'all' || f.article === article) &&
      (category === 'all' || f.category === category) &&
      (state === 'all' || (state === 'open' ? !reviews.has(f.id) : reviews.get(f.id)?.status === state))
  )
  const pageFlags = shown.slice(page * PAGE, page * PAGE + PAGE)
  const counts = { accepted: study.reviews.filter((r) => r.status === 'accepted').length, rejected: study.reviews.filter((r) => r.status === 'rejected').length }
  return (
    <div className="review">
      <section className="rv-section" aria-labelledby="rv-flags">
        <h2 id="rv-flags">
          Machine flags <span className="muted small">({flags.length} total · {counts.accepted} accepted · {counts.rejected} rejected)</span>
        </h2>
        <div className="filters">
          <label className="field inline">
            Article{' '}
            <select value={article} onChange={(e) => { setArticle(e.target.value); setPage(0) }}>
              <option value="all">All</option>
              {derived.order.map((id) => (
                <option key={id} value={id}>
                  {displayName(meta.get(id), id)}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            Category{' '}
            <select value={category} onChange={(e) => { setCategory(e.target.value as FlagCategory | 'all'); setPage(0) }}>
              <option value="all">All</option>
              {CATEGORIES.filter((c) => c !== 'annotation').map((c) => (
                <option key={c} value={c}>
                  {CATEGORY[c].label}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            Status{' '}
            <select value={state} onChange={(e) => { setState(e.target.value as typeof state); setPage(0) }}>
              <option value="all">All</option>
              <option value="open">Not reviewed</option>
              <option value="accepted">Accepted</option>
              <option value="rejected">Rejected</option>
            </select>
          </label>
        </div>
        <table className="table flags">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Words</th>
              <th scope="col">Category</th>
              <th scope="col">Why</th>
              <th scope="col">Voice</th>
              <th scope="col">Conf.</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {pageFlags.map((f) => {
              const r = reviews.get(f.id)
              return (
                <tr key={f.id} data-review-flag={f.id} className={r ? r.status : undefined}>
                  <td>{displayName(meta.get(f.article), f.article)}</td>
                  <td>
                    <q>{f.text}</q>
                  </td>
                  <td>
                    <span className={`cat-chip cat-${f.category}`}>
                      <span aria-hidden="true">{CATEGORY[f.category].glyph}</span> {CATEGORY[f.category].label}
                    </span>
                  </td>
                  <td>
                    {f.explanation} <code className="small">{f.rule}</code>
                  </td>
                  <td>{voiceLabel(f)}</td>
                  <td>{Math.round(f.confidence * 100)}%</td>
                  <td className="nowrap rv-actions">
                    <button type="button" className="accept" aria-pressed={r?.status === 'accepted'} onClick={() => dispatch({ type: 'review', flagId: f.id, status: r?.status === 'accepted' ? null : 'accepted' })} aria-label={`Accept “${f.text}”`}>
                      ✓ Accept
                    </button>{' '}
                    <button type="button" className="reject" aria-pressed={r?.status === 'rejected'} onClick={() => dispatch({ type: 'review', flagId: f.id, status: r?.status === 'rejected' ? null : 'rejected' })} aria-label={`Reject “${f.text}”`}>
                      ✗ Reject
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {shown.length > PAGE && (
          <div className="pager">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              ← Previous
            </button>{' '}
            {page * PAGE + 1}–{Math.min(shown.length, page * PAGE + PAGE)} of {shown.length}{' '}
            <button type="button" disabled={(page + 1) * PAGE >= shown.length} onClick={() => setPage(page + 1)}>
              Next →
            </button>
          </div>
        )}
      </section>
      <section className="rv-section" aria-labelledby="rv-ann">
        <h2 id="rv-ann">Your annotations ({study.annotations.length})</h2>
        {study.annotations.length === 0 ? (
          <p className="muted">Select words in Side by side and choose “Annotate selection”.</p>
        ) : (
          <ul className="annotations">
            {study.annotations.map((a) => {
              const text = study.articles.find((x) => x.id === a.article)?.text ?? ''
              return (
                <li key={a.id} data-annotation-id={a.id}>
                  <span className={`cat-chip cat-${a.category}`}>{CATEGORY[a.category].label}</span> {displayName(meta.get(a.article), a.article)}: <q>{text.slice(a.start, a.end)}</q>
                  {a.note && <> — {a.note}</>}{' '}
                  <button type="button" onClick={() => dispatch({ type: 'remove-annotation', id: a.id })}>
                    Remove
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <LinkEditor />
    </div>
  )
}
