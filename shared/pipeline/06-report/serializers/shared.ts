/**
 * Building blocks shared by the HTML serializers (report, worksheet) and reusable by the UI:
 * escaping, span segmentation (offsets → correctly nested markup), the visual language of
 * highlight categories, and the article labels used in blind-source mode.
 *
 * Pure TypeScript: strings in, strings out. No DOM, so it runs in Node, a worker and tests.
 */
import type { Analysis, Article, ArticleId, Flag, FlagCategory, FlagReview } from '../../../model'

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Escapes text for use in element content AND in double- or single-quoted attribute values.
 * Article text is untrusted (scraped pages), so every string that reaches the output passes
 * through here; markup is only ever produced by the serializers' own templates.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

// ---------------------------------------------------------------------------------------------
// Naming tables
// ---------------------------------------------------------------------------------------------

/**
 * Where a nested mention sits (`NamingCell.nested[].within`), as tables print it (plain text,
 * escape for HTML): "inside <label>" when `within` is an actor (its label given), or, for the
 * hyphenated compounds the language stage reads ("anti-israel": a word naming no actor, kept in
 * lower case), "in “anti-israel”".
 */
export function nestedPlace(within: string, label: string | undefined): string {
  if (label !== undefined) return `inside ${label}`
  return within.includes('-') ? `in “${within}”` : `inside ${within}`
}

// ---------------------------------------------------------------------------------------------
// Span segmentation
// ---------------------------------------------------------------------------------------------

/** A span to render: `[start, end)` UTF-16 offsets into the text, with a payload. */
export interface SpanInput<T> {
  readonly start: number
  readonly end: number
  readonly data: T
}

/** A maximal run of text covered by exactly the same set of spans. */
export interface Segment<T> {
  readonly start: number
  readonly end: number
  readonly text: string
  /** Payloads of the spans covering this segment, in the order the spans were given. */
  readonly spans: readonly T[]
  /** Indices (into the input array) of the covering spans, same order as `spans`. */
  readonly spanIndices: readonly number[]
}

/**
 * Splits `text[from, to)` into non-overlapping segments at every span boundary; each segment
 * carries the set of spans covering it. Spans may overlap and nest arbitrarily (flags overlap
 * each other, diff spans cut across flags), which nested markup cannot express directly; after
 * segmentation each segment is wrapped in its own stack of elements, so the output is always
 * well-nested.
 *
 * Example: text "abcdef", spans X=[1,4), Y=[3,6)
 *   → "a"{} "bc"{X} "d"{X,Y} "ef"{Y}
 *
 * Invariants (property-tested):
 *  - segments are contiguous and concatenating their `text` gives `text.slice(from, to)`;
 *  - for every span, the union of the segments tagged with it equals the span clipped to
 *    `[from, to)`.
 * Spans are clipped to `[from, to)`; empty (or inverted) spans after clipping cover nothing
 * and appear in no segment. Segments with no covering span are still emitted (plain text).
 */
export function segmentSpans<T>(
  text: string,
  spans: readonly SpanInput<T>[],
  from = 0,
  to: number = text.length
): Segment<T>[] {
  const lo = Math.max(0, Math.min(from, text.length))
  const hi = Math.max(lo, Math.min(to, text.length))
  // Collect boundaries: the range ends plus every clipped span end point.
  const cuts = new Set<number>([lo, hi])
  const clipped: { s: number; e: number; i: number }[] = []
  spans.forEach((sp, i) => {
    const s = Math.max(lo, Math.min(hi, Math.floor(sp.start)))
    const e = Math.max(lo, Math.min(hi, Math.floor(sp.end)))
    if (e <= s || !Number.isFinite(s) || !Number.isFinite(e)) return
    clipped.push({ s, e, i })
    cuts.add(s)
    cuts.add(e)
  })
  const points = [...cuts].sort((x, y) => x - y)
  // Sweep: spans sorted by start enter the active set; they leave when the sweep passes `e`.
  clipped.sort((x, y) => x.s - y.s || x.i - y.i)
  const out: Segment<T>[] = []
  let next = 0
  let active: { s: number; e: number; i: number }[] = []
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k]!
    const e = points[k + 1]!
    active = active.filter((a) => a.e > s)
    while (next < clipped.length && clipped[next]!.s <= s) {
      if (clipped[next]!.e > s) active.push(clipped[next]!)
      next++
    }
    const covering = [...active].sort((x, y) => x.i - y.i)
    out.push({
      start: s,
      end: e,
      text: text.slice(s, e),
      spans: covering.map((c) => spans[c.i]!.data),
      spanIndices: covering.map((c) => c.i)
    })
  }
  return out
}

/**
 * Renders segments to HTML: each segment's escaped text wrapped in the elements its spans ask
 * for (outermost first). `wrap` returns an `[open, close]` pair for a span, or null for spans
 * that add no element; `replace` may substitute a segment's text (already-escaped HTML), used
 * for blind-mode redaction. `after` is appended after the last segment a span covers (e.g. a
 * footnote marker), so markers never split a highlight; `before` likewise before its first.
 */
export function renderSegments<T>(
  segments: readonly Segment<T>[],
  wrap: (span: T) => readonly [string, string] | null,
  options: {
    readonly replace?: (seg: Segment<T>) => string | null
    readonly after?: (span: T) => string
    readonly before?: (span: T) => string
  } = {}
): string {
  // Last segment index of each span (by input index), to place `after` markers.
  const lastSeg = new Map<number, number>()
  const firstSeg = new Map<number, number>()
  segments.forEach((seg, k) =>
    seg.spanIndices.forEach((i) => {
      lastSeg.set(i, k)
      if (!firstSeg.has(i)) firstSeg.set(i, k)
    })
  )
  let html = ''
  segments.forEach((seg, k) => {
    if (options.before) {
      seg.spanIndices.forEach((i, j) => {
        if (firstSeg.get(i) === k) html += options.before!(seg.spans[j]!)
      })
    }
    let inner = options.replace?.(seg) ?? escapeHtml(seg.text)
    // Wrap innermost-last: the first span in the list becomes the outermost element.
    for (let j = seg.spans.length - 1; j >= 0; j--) {
      const w = wrap(seg.spans[j]!)
      if (w) inner = w[0] + inner + w[1]
    }
    html += inner
    if (options.after) {
      seg.spanIndices.forEach((i, j) => {
        if (lastSeg.get(i) === k) html += options.after!(seg.spans[j]!)
      })
    }
  })
  return html
}

// ---------------------------------------------------------------------------------------------
// Highlight categories: the visual language (colour never the only cue)
// ---------------------------------------------------------------------------------------------

export interface CategoryStyle {
  /** Short human label shown in the legend and in explanations. */
  readonly label: string
  /** One-line description for the legend. */
  readonly description: string
  /** A text symbol printed with every marker, so the category survives greyscale printing. */
  readonly icon: string
  /** Two/three-letter code printed beside footnote numbers. */
  readonly code: string
  /** Background tint of the highlight (text on it is `TEXT_COLOUR`; contrast ≥ 4.5:1). */
  readonly background: string
  /** Underline colour (≥ 3:1 against white, WCAG 1.4.11 non-text contrast). */
  readonly line: string
  /** CSS text-decoration-style: the second, colour-independent cue. */
  readonly lineStyle: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy'
}

/** Text colour used on every highlight background. */
export const TEXT_COLOUR = '#111111'

/**
 * One entry per category. Backgrounds are light tints so black text keeps ≥ 4.5:1; underline
 * colours are dark enough for ≥ 3:1 on white; no two categories share both underline style and
 * icon, so the legend works in greyscale. Tested in html.test.ts.
 */
export const CATEGORY_STYLES: Readonly<Record<FlagCategory, CategoryStyle>> = {
  loaded: {
    label: 'Loaded wording',
    description: 'Words that carry a judgement beyond the facts.',
    icon: '◆',
    code: 'LW',
    background: '#ffe0e0',
    line: '#b3261e',
    lineStyle: 'solid'
  },
  labeling: {
    label: 'Labelling',
    description: 'Labels that put a group or person in a category (e.g. "thugs", "terrorists").',
    icon: '▲',
    code: 'LB',
    background: '#ffe8cc',
    line: '#a14a00',
    lineStyle: 'double'
  },
  exaggeration: {
    label: 'Exaggeration',
    description: 'Intensifiers and absolutes that inflate a claim.',
    icon: '✱',
    code: 'EX',
    background: '#fff3b0',
    line: '#7a5d00',
    lineStyle: 'wavy'
  },
  doubt: {
    label: 'Casting doubt',
    description: 'Words that undermine a claim ("so-called", "unfounded").',
    icon: '?',
    code: 'DB',
    background: '#f3e0ff',
    line: '#7b1fa2',
    lineStyle: 'dashed'
  },
  fear: {
    label: 'Fear appeal',
    description: 'Words that evoke threat or danger.',
    icon: '!',
    code: 'FR',
    background: '#ffd9ec',
    line: '#a0134f',
    lineStyle: 'dotted'
  },
  hedge: {
    label: 'Hedge',
    description: 'Softening or uncertainty ("reportedly", "may").',
    icon: '~',
    code: 'HG',
    background: '#e0f2f1',
    line: '#00695c',
    lineStyle: 'dashed'
  },
  factive: {
    label: 'Presented as fact',
    description: 'Verbs that present a claim as established ("revealed", "proved").',
    icon: '✓',
    code: 'FA',
    background: '#e3f2d9',
    line: '#2e6b0f',
    lineStyle: 'solid'
  },
  'reporting-verb': {
    label: 'Reporting verb',
    description: 'How a statement is introduced ("said" vs "claimed", "admitted").',
    icon: '❝',
    code: 'RV',
    background: '#dceaff',
    line: '#1a4fa0',
    lineStyle: 'double'
  },
  'vague-source': {
    label: 'Vague source',
    description: 'Unnamed or unverifiable sources ("experts say").',
    icon: '◌',
    code: 'VS',
    background: '#ececec',
    line: '#4d4d4d',
    lineStyle: 'dotted'
  },
  'contested-naming': {
    label: 'Contested naming',
    description: 'A name for an actor that signals a viewpoint ("Zionist regime" for Israel).',
    icon: '⚑',
    code: 'CN',
    background: '#d8f0ff',
    line: '#00567a',
    lineStyle: 'wavy'
  },
  annotation: {
    label: 'User annotation',
    description: 'A highlight added by a reader, with their note.',
    icon: '✎',
    code: 'AN',
    background: '#fff0c2',
    line: '#6b4e00',
    lineStyle: 'solid'
  }
}

/** Categories in legend order. */
export const CATEGORY_ORDER: readonly FlagCategory[] = Object.keys(CATEGORY_STYLES) as FlagCategory[]

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`)
  const ch = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** CSS for `.cat-<category>` highlight classes and legend swatches, shared by both documents. */
export function categoryCss(): string {
  return CATEGORY_ORDER.map((c) => {
    const s = CATEGORY_STYLES[c]
    return (
      `.cat-${c}{background:${s.background};color:${TEXT_COLOUR};text-decoration:underline ${s.lineStyle} ${s.line};` +
      `text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none}` +
      `.swatch-${c}{background:${s.background};border-bottom:3px ${s.lineStyle === 'wavy' ? 'dashed' : s.lineStyle} ${s.line}}`
    )
  }).join('\n')
}

// ---------------------------------------------------------------------------------------------
// Articles, labels, reviews
// ---------------------------------------------------------------------------------------------

/** Articles in display order: the base first, the others in their study order. */
export function orderedArticles(analysis: Analysis): Article[] {
  const base = analysis.articles.find((a) => a.id === analysis.base)
  const rest = analysis.articles.filter((a) => a.id !== analysis.base)
  return base ? [base, ...rest] : [...rest]
}

/** "Article A", "Article B", … "Article Z", "Article AA", … by display position. */
export function letterLabel(index: number): string {
  let n = index
  let s = ''
  do {
    s = String.fromCharCode(65 + (n % 26)) + s
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return `Article ${s}`
}

/**
 * How each article is named in the output. In blind mode the letter label replaces the
 * outlet everywhere; otherwise the outlet (or title, or id when the outlet is unknown).
 */
export function articleNames(analysis: Analysis, blind: boolean): Map<ArticleId, string> {
  const names = new Map<ArticleId, string>()
  orderedArticles(analysis).forEach((a, i) => {
    names.set(a.id, blind ? letterLabel(i) : a.meta.outlet || a.meta.title || a.id)
  })
  return names
}

/**
 * Text spans to hide in blind mode: case-insensitive occurrences of any article's outlet and
 * author names (each at least 3 characters, whole-word bounded) inside `text`. This is the
 * one place the text is searched, because a name is not an analysis result; the spans are
 * rendered through `segmentSpans` so every other highlight keeps its offsets.
 */
export function redactionSpans(text: string, analysis: Analysis): { start: number; end: number; owner: ArticleId }[] {
  // name → the article whose outlet or author it is (first one wins on duplicates).
  const names = new Map<string, ArticleId>()
  for (const a of analysis.articles) {
    const outlet = a.meta.outlet.trim()
    const author = a.meta.author.trim()
    if (outlet.length >= 3 && !names.has(outlet)) names.set(outlet, a.id)
    if (author.length >= 3 && !names.has(author)) names.set(author, a.id)
    // The surname alone too ("Shahar said…"); short surnames are skipped to avoid false hits.
    const last = author.split(/\s+/).pop() ?? ''
    if (last.length >= 4 && !names.has(last)) names.set(last, a.id)
  }
  const out: { start: number; end: number; owner: ArticleId }[] = []
  const lower = text.toLowerCase()
  for (const [name, owner] of names) {
    const needle = name.toLowerCase()
    let at = lower.indexOf(needle)
    while (at >= 0) {
      const before = at === 0 ? '' : lower[at - 1]!
      const after = lower[at + needle.length] ?? ''
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        out.push({ start: at, end: at + needle.length, owner })
      }
      at = lower.indexOf(needle, at + 1)
    }
  }
  // Merge overlapping matches (full name and surname) so one name yields one replacement.
  out.sort((x, y) => x.start - y.start || y.end - x.end)
  const merged: { start: number; end: number; owner: ArticleId }[] = []
  for (const r of out) {
    const last = merged[merged.length - 1]
    if (last && r.start < last.end) {
      if (r.end > last.end) merged[merged.length - 1] = { ...last, end: r.end }
    } else merged.push(r)
  }
  return merged
}

/**
 * Replaces outlet/author names in a short metadata string (a title) for blind mode, each by
 * the letter label of the article it belongs to, e.g. "Ledger exclusive" → "[Article B] exclusive".
 */
export function redactString(text: string, analysis: Analysis, labels: ReadonlyMap<ArticleId, string>): string {
  const spans = redactionSpans(text, analysis)
  let out = ''
  let at = 0
  for (const r of spans) {
    out += text.slice(at, r.start) + `[${labels.get(r.owner) ?? 'source'}]`
    at = r.end
  }
  return out + text.slice(at)
}

export type ReviewStatus = 'accepted' | 'rejected' | 'unreviewed'

/** The latest review of each flag (reviews are appended; the last one wins). */
export function reviewIndex(reviews: readonly FlagReview[]): Map<string, FlagReview> {
  const m = new Map<string, FlagReview>()
  for (const r of reviews) {
    const prev = m.get(r.flagId)
    if (!prev || prev.at <= r.at) m.set(r.flagId, r)
  }
  return m
}

/** A flag as rendered: a machine flag, or a user annotation shown as category 'annotation'. */
export type Highlight = Flag & {
  readonly origin: 'machine' | 'user'
  /** For user annotations: the category the user chose for it (annotations may label any). */
  readonly userCategory?: FlagCategory
}

/** Every machine flag plus user annotations (as category 'annotation'), per article, by offset. */
export function highlightsOf(analysis: Analysis, article: ArticleId): Highlight[] {
  const lang = analysis.language.find((l) => l.article === article)
  const text = analysis.articles.find((a) => a.id === article)?.text ?? ''
  const machine: Highlight[] = (lang?.flags ?? []).map((f) => ({ ...f, origin: 'machine' as const }))
  const user: Highlight[] = analysis.annotations
    .filter((an) => an.article === article)
    .map((an) => ({
      id: an.id,
      article,
      start: an.start,
      end: an.end,
      text: text.slice(an.start, an.end),
      category: 'annotation' as const,
      rule: 'user',
      explanation: an.note,
      confidence: 1,
      inQuote: false,
      origin: 'user' as const,
      userCategory: an.category
    }))
  return [...machine, ...user].sort((x, y) => x.start - y.start || y.end - x.end || x.id.localeCompare(y.id))
}

/** Formats a number for tables: fixed decimals, minus sign, no "-0". */
export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '–'
  const s = n.toFixed(digits)
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s.replace('-', '−')
}
