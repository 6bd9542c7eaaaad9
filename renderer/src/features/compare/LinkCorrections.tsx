// Hand corrections of one link in the Pair view: unlink, merge with the next link of the pair
// (when the two are adjacent on both sides) and split a multi-sentence link at a sentence
// boundary. Each is one study correction (undoable, replayed on every re-analysis); the
// engine's rules live in shared/pipeline/03-align/corrections.ts.
import { useState, type ReactNode } from 'react'
import type { AlignmentCorrection, CutOffsets, Link, PassageRef } from '@shared/model'
import { mergeLinks } from '@shared/pipeline/03-align/corrections'
import { useApp } from '../../state/AppState'
import type { ArticleIndex } from '../../state/derive'

/** True when merging `link` and `next` gives one contiguous passage in both articles (the engine's own rule). */
export function canMerge(link: Link, next: Link): boolean {
  return link.id !== next.id && typeof mergeLinks([link, next]) !== 'string'
}

/** Offsets around the boundary before sentence `k`: end of k-1, start of k. */
function cutAt(idx: ArticleIndex, k: number): CutOffsets | undefined {
  const before = idx.seg.sentences[k - 1]
  const after = idx.seg.sentences[k]
  return before && after ? { end: before.end, start: after.start } : undefined
}

function excerpt(idx: ArticleIndex, k: number): string {
  const s = idx.seg.sentences[k]
  if (!s) return ''
  const t = idx.article.text.slice(s.start, s.end)
  return t.length > 34 ? `${t.slice(0, 34)}…` : t
}

/** The split correction for cuts before sentence `ka` of side a and/or `kb` of side b. */
export function splitCorrection(link: Link, idxA: ArticleIndex, idxB: ArticleIndex, ka: number | null, kb: number | null, at: string): AlignmentCorrection | null {
  const cutA = ka === null ? undefined : cutAt(idxA, ka)
  const cutB = kb === null ? undefined : cutAt(idxB, kb)
  if (!cutA && !cutB) return null
  return {
    kind: 'split',
    linkId: link.id,
    ...(cutA ? { atA: ka!, cutA } : {}),
    ...(cutB ? { atB: kb!, cutB } : {}),
    at
  }
}

interface Props {
  readonly link: Link
  /** The next link of this pair in reading order, if any. */
  readonly next: Link | undefined
  /** 1-based position of the link in the pair's list (for labels). */
  readonly n: number
  /** Indexes of the link's side-a and side-b articles (link orientation, not display order). */
  readonly idxA: ArticleIndex
  readonly idxB: ArticleIndex
  readonly nameA: string
  readonly nameB: string
  /** True when side b is shown on the left (the split selects follow the columns). */
  readonly flip?: boolean
}

export function LinkCorrections({ link, next, n, idxA, idxB, nameA, nameB, flip = false }: Props): ReactNode {
  const { dispatch } = useApp()
  const [ka, setKa] = useState<number | null>(null)
  const [kb, setKb] = useState<number | null>(null)
  const correct = (correction: AlignmentCorrection): void => dispatch({ type: 'correct', correction })
  const now = (): string => new Date().toISOString()
  const multiA = link.a.sentenceEnd - link.a.sentenceStart > 1
  const multiB = link.b.sentenceEnd - link.b.sentenceStart > 1
  const split = splitCorrection(link, idxA, idxB, ka, kb, '')
  const cutSelect = (side: PassageRef, idx: ArticleIndex, name: string, value: number | null, set: (k: number | null) => void): ReactNode => (
    <select
      value={value ?? ''}
      onChange={(e) => set(e.target.value === '' ? null : Number(e.target.value))}
      aria-label={`Split point in ${name} for passage pair ${n}`}
      data-split-side={side.article}
    >
      <option value="">{name}: keep whole</option>
      {Array.from({ length: side.sentenceEnd - side.sentenceStart - 1 }, (_, i) => side.sentenceStart + 1 + i).map((k) => (
        <option key={k} value={k}>
          {name}: before sentence {k + 1} “{excerpt(idx, k)}”
        </option>
      ))}
    </select>
  )
  return (
    <span className="link-corrections" role="group" aria-label={`Correct passage pair ${n}`}>
      <button type="button" onClick={() => correct({ kind: 'unlink', linkId: link.id, at: now() })}>
        Unlink
      </button>
      {next && canMerge(link, next) && (
        <button
          type="button"
          onClick={() => correct({ kind: 'merge', linkIds: [link.id, next.id], at: now() })}
          aria-label={`Merge passage pair ${n} with pair ${n + 1}`}
          title="Make this pair and the next one a single link covering both passages"
        >
          Merge with next
        </button>
      )}
      {(multiA || multiB) && (
        <span className="split-control">
          <span className="muted" aria-hidden="true">
            Split:
          </span>
          {!flip && multiA && cutSelect(link.a, idxA, nameA, ka, setKa)}
          {multiB && cutSelect(link.b, idxB, nameB, kb, setKb)}
          {flip && multiA && cutSelect(link.a, idxA, nameA, ka, setKa)}
          <button
            type="button"
            disabled={!split}
            onClick={() => {
              const c = splitCorrection(link, idxA, idxB, ka, kb, now())
              if (c) correct(c)
            }}
            aria-label={`Split passage pair ${n}`}
            title={split ? 'Cut this link in two at the chosen sentence boundary' : 'Choose where to cut first'}
          >
            Split
          </button>
        </span>
      )}
    </span>
  )
}
