// Renders sentences of one article with the active highlight layers. Every piece of text is a
// slice of Article.text by engine offsets (data-o = its start offset, used to map selections
// back to offsets); nothing is located by searching the text.
import { memo, useMemo, type KeyboardEvent, type ReactNode } from 'react'
import type { Flag, FlagReview, Quote, Span } from '@shared/model'
import type { ArticleIndex } from '../../state/derive'
import { flagsIn } from '../../state/derive'
import { CATEGORY, layerOf, type LayerId } from '../../state/layers'
import { TOOLTIP_ID, useExplain } from './explain'

export interface HighlightProps {
  readonly idx: ArticleIndex
  readonly sentences: readonly number[]
  readonly layers: ReadonlySet<LayerId>
  readonly reviews: ReadonlyMap<string, FlagReview>
  /** User annotations of this article as flags (rule "user"), sorted by start. */
  readonly annotations: readonly Flag[]
  /** Spans of this article to mark as differing from the base passage (sorted). */
  readonly diffSpans?: readonly Span[]
  readonly onFlagClick?: (flags: readonly Flag[], el: HTMLElement) => void
  readonly onReview?: (flag: Flag, status: FlagReview['status']) => void
}

interface Cluster {
  start: number
  end: number
  flags: Flag[]
}

function clusters(items: readonly Flag[], sStart: number, sEnd: number): Cluster[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Cluster[] = []
  for (const f of sorted) {
    const start = Math.max(f.start, sStart)
    const end = Math.min(f.end, sEnd)
    if (end <= start) continue
    const last = out[out.length - 1]
    if (last && start < last.end) {
      last.end = Math.max(last.end, end)
      last.flags.push(f)
    } else out.push({ start, end, flags: [f] })
  }
  return out
}

/**
 * Quotes whose speaker label is shown: a quote nested inside another quote of the same speaker
 * (a quoted word inside an attributed sentence) is one quotation, labelled once at the end of
 * the outer span.
 */
export function labelledQuotes(quotes: readonly Quote[]): Set<Quote> {
  const out = new Set<Quote>()
  for (const q of quotes) {
    if (!q.speaker && !q.side && !q.anonymous) continue
    const same = (o: Quote): boolean => o.speaker === q.speaker && o.side === q.side && o.anonymous === q.anonymous
    const inner = quotes.some((o, j) => {
      if (o === q || !same(o) || o.start > q.start || o.end < q.end) return false
      // Strictly larger container, or the same span listed earlier (one label per span).
      return o.end - o.start > q.end - q.start || j < quotes.indexOf(q)
    })
    if (!inner) out.add(q)
  }
  return out
}

function sentimentClass(score: number): string {
  if (score === 0) return ''
  const b = Math.min(3, Math.ceil(Math.abs(score) / 2))
  return score < 0 ? ` sent-neg${b}` : ` sent-pos${b}`
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0'
}

function HighlightedTextImpl(props: HighlightProps): ReactNode {
  const { idx, layers, reviews } = props
  const explain = useExplain()
  const text = idx.article.text
  const showQuotes = layers.has('quotes')
  const showDiff = layers.has('diff') && !!props.diffSpans?.length
  const labelled = useMemo(() => labelledQuotes(idx.quotes), [idx.quotes])

  const pieces = (from: number, to: number, quotes: readonly Quote[], out: ReactNode[]): void => {
    if (to <= from) return
    const cuts = new Set<number>([from, to])
    for (const q of quotes) {
      if (q.start > from && q.start < to) cuts.add(q.start)
      if (q.end > from && q.end < to) cuts.add(q.end)
      const src = q.parts?.source
      if (src && src.start > from && src.start < to) cuts.add(src.start)
      if (src && src.end > from && src.end < to) cuts.add(src.end)
    }
    if (showDiff) {
      for (const d of props.diffSpans!) {
        if (d.start > from && d.start < to) cuts.add(d.start)
        if (d.end > from && d.end < to) cuts.add(d.end)
      }
    }
    const pts = [...cuts].sort((a, b) => a - b)
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i]!
      const b = pts[i + 1]!
      // Only words in quotation marks are styled as someone else's words. Reported speech
      // without marks ("Aliyev said Azerbaijan would…") is the outlet's own wording (its flags
      // count as own voice): only its source is marked, and the label says "reported".
      const inQ = quotes.some((q) => q.direct !== false && q.start <= a && q.end >= b)
      const inSrc = !inQ && quotes.some((q) => q.direct === false && !!q.parts?.source && q.parts.source.start <= a && q.parts.source.end >= b)
      const inD = showDiff && props.diffSpans!.some((d) => d.start <= a && d.end >= b)
      const cls = (inQ ? 'q ' : '') + (inSrc ? 'qsrc ' : '') + (inD ? 'd' : '')
      out.push(
        <span key={`p${a}`} data-o={a} className={cls || undefined}>
          {text.slice(a, b)}
        </span>
      )
      const ending = quotes.find((q) => q.end === b && labelled.has(q))
      if (ending) {
        // An attribution holding the same speaker's quotation in marks is labelled as quoted.
        const reported = ending.direct === false && !quotes.some((o) => o.direct !== false && o.speaker === ending.speaker && o.start >= ending.start && o.end <= ending.end)
        out.push(
          <span key={`qs${b}`} className="speaker" data-nosel="" aria-label={`${reported ? 'reported by' : 'quoted'}: ${ending.speaker || 'unnamed source'}`}>
            {reported ? '— reported: ' : '— '}
            {ending.anonymous ? 'anonymous' : ending.speaker}
            {ending.side ? ` · ${ending.side}` : ''}
          </span>
        )
      }
    }
  }

  const onKey = (e: KeyboardEvent<HTMLElement>, c: Cluster): void => {
    const f = c.flags[0]!
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      props.onFlagClick?.(c.flags, e.currentTarget)
    } else if ((e.key === 'a' || e.key === 'r') && f.rule !== 'user' && props.onReview) {
      e.preventDefault()
      e.stopPropagation()
      props.onReview(f, e.key === 'a' ? 'accepted' : 'rejected')
    } else if (e.key === 'Escape') explain.hide()
  }

  const out: ReactNode[] = []
  let prevPara = -1
  for (const k of props.sentences) {
    const s = idx.seg.sentences[k]
    if (!s) continue
    if (prevPara !== -1 && s.paragraph !== prevPara) out.push(<span key={`br${k}`} className="para-break" aria-hidden="true" />)
    else if (prevPara !== -1) out.push(' ')
    prevPara = s.paragraph
    const visible = flagsIn(idx.flags, s.start, s.end).filter((f) => layers.has(layerOf(f.category)))
    if (layers.has('annotations')) for (const a of props.annotations) if (a.start < s.end && a.end > s.start) visible.push(a)
    const quotes = showQuotes ? idx.quotes.filter((q) => q.start < s.end && q.end > s.start) : []
    const children: ReactNode[] = []
    let cursor = s.start
    for (const c of clusters(visible, s.start, s.end)) {
      pieces(cursor, c.start, quotes, children)
      const inner: ReactNode[] = []
      pieces(c.start, c.end, quotes, inner)
      const f = c.flags[0]!
      const user = f.rule === 'user'
      const review = reviews.get(f.id)
      const cat = CATEGORY[f.category]
      children.push(
        <mark
          key={`m${c.start}`}
          className={`hl cat-${f.category}${user ? ' user' : ''}${review ? ` ${review.status}` : ''}${f.inQuote ? ' quoted' : ''}`}
          data-flag-category={f.category}
          data-flag-rule={f.rule}
          data-flag-id={f.id}
          data-flag-count={c.flags.length > 1 ? c.flags.length : undefined}
          tabIndex={0}
          aria-describedby={TOOLTIP_ID}
          title={undefined}
          onMouseEnter={(e) => explain.show(c.flags, e.currentTarget)}
          onMouseLeave={() => explain.hide()}
          onFocus={(e) => explain.show(c.flags, e.currentTarget)}
          onBlur={() => explain.hide()}
          onClick={(e) => {
            e.stopPropagation()
            props.onFlagClick?.(c.flags, e.currentTarget)
          }}
          onKeyDown={(e) => onKey(e, c)}
        >
          {inner}
          <span className="hl-glyph" data-nosel="" aria-hidden="true">
            {review?.status === 'rejected' ? '✗' : review?.status === 'accepted' ? '✓' : cat.glyph}
          </span>
        </mark>
      )
      cursor = c.end
    }
    pieces(cursor, s.end, quotes, children)
    const senti = layers.has('sentiment') ? idx.sentiment.get(k) : undefined
    out.push(
      <span key={`s${k}`} className={`sent${senti ? sentimentClass(senti.score) : ''}`} data-sentence={k}>
        {children}
        {senti && senti.score !== 0 && (
          <span className="senti-badge" data-nosel="" aria-label={`sentence sentiment ${senti.score}`}>
            {signed(senti.score)}
          </span>
        )}
      </span>
    )
  }
  return <>{out}</>
}

export const HighlightedText = memo(HighlightedTextImpl)

/** Maps a DOM selection inside rendered text back to article offsets (via data-o). */
export function selectionOffsets(sel: Selection | null): { start: number; end: number; root: Element } | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const r = sel.getRangeAt(0)
  const pos = (node: Node, offset: number, atEnd: boolean): number | null => {
    if (node.nodeType === Node.TEXT_NODE) {
      const el = node.parentElement?.closest('[data-o]')
      if (!el || el.closest('[data-nosel]')) return null
      return Number(el.getAttribute('data-o')) + offset
    }
    const el = node as Element
    const kids = Array.from(el.childNodes)
    const probe = atEnd ? kids.slice(0, offset).reverse() : kids.slice(offset)
    for (const k of probe) {
      const leafs = k.nodeType === Node.ELEMENT_NODE ? Array.from((k as Element).querySelectorAll('[data-o]')) : []
      if (k.nodeType === Node.ELEMENT_NODE && (k as Element).hasAttribute('data-o')) leafs.unshift(k as Element)
      const leaf = atEnd ? leafs[leafs.length - 1] : leafs[0]
      if (leaf) return Number(leaf.getAttribute('data-o')) + (atEnd ? (leaf.textContent ?? '').length : 0)
    }
    return null
  }
  const start = pos(r.startContainer, r.startOffset, false)
  const end = pos(r.endContainer, r.endOffset, true)
  const root = (r.commonAncestorContainer.nodeType === Node.ELEMENT_NODE
    ? (r.commonAncestorContainer as Element)
    : r.commonAncestorContainer.parentElement
  )?.closest('[data-article-id]')
  if (start === null || end === null || end <= start || !root) return null
  return { start, end, root }
}
