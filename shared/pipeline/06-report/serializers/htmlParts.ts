/**
 * Pieces shared by the HTML report and the worksheet: the article body rendered from offsets
 * (highlights, footnote markers, "only in this article" marks, blind-mode redaction), the
 * numbered explanations, the legend, and the base stylesheet.
 */
import type { Analysis, Article, ArticleId } from '../../../model'
import {
  CATEGORY_ORDER,
  CATEGORY_STYLES,
  categoryCss,
  escapeHtml,
  fmt,
  highlightsOf,
  redactionSpans,
  renderSegments,
  reviewIndex,
  segmentSpans,
  type Highlight,
  type ReviewStatus,
  type SpanInput
} from './shared'

/** What one span of an article body stands for. */
type BodySpan =
  | { readonly kind: 'flag'; readonly h: Highlight; readonly n: number; readonly status: ReviewStatus; readonly first: boolean }
  | { readonly kind: 'only'; readonly missing: readonly ArticleId[] }
  | { readonly kind: 'redact'; readonly label: string; readonly start: number }

export interface BodyOptions {
  /** Draw flag/annotation highlights and footnote markers. */
  readonly highlights: boolean
  /** Mark sentences that have no counterpart in some other article. */
  readonly onlyHere: boolean
  /** Replace outlet/author names in the text by letter labels. */
  readonly blind: boolean
  /** Display names (letter labels in blind mode). */
  readonly names: ReadonlyMap<ArticleId, string>
  /** Prefix for footnote anchors, unique per article in the document (e.g. "a0"). */
  readonly anchor: string
}

export interface RenderedArticle {
  /** `<p>` paragraphs of the article text with markup. */
  readonly body: string
  /**
   * One note per distinct explanation, in footnote order (number = index + 1). Highlights that
   * would print the same note (same words, category, rule, explanation, voice, confidence and
   * review; see `noteKey`) share it: `h` is the first, `also` the others (their ids), so the
   * notes list says once what the text marks several times.
   */
  readonly notes: readonly { readonly h: Highlight; readonly status: ReviewStatus; readonly n: number; readonly also: readonly string[] }[]
}

/**
 * What a note prints, apart from its number: highlights with equal keys get one shared note.
 * Annotations carry their own id, so each keeps a note of its own (the user wrote each one).
 */
function noteKey(h: Highlight, status: ReviewStatus): string {
  if (h.origin === 'user') return `user\u0000${h.id}`
  return [h.category, h.rule, h.text.toLowerCase(), h.explanation, h.confidence, h.inQuote, h.negated === true, h.viewpoint ?? '', status].join('\u0000')
}

/**
 * Renders an article's text paragraph by paragraph from offsets. Paragraph breaks come from
 * the segmentation (text between paragraphs is whitespace and is dropped); every character of
 * every paragraph is emitted exactly once, escaped.
 *
 * Rejected flags are kept, drawn struck through and grey, so a reader can see what the machine
 * suggested and that a reviewer overruled it (an export must not silently differ from the
 * study). Their footnote says "rejected by reviewer" with the reviewer's note.
 */
export function renderArticleBody(analysis: Analysis, article: Article, opts: BodyOptions): RenderedArticle {
  const reviews = reviewIndex(analysis.reviews)
  const spans: SpanInput<BodySpan>[] = []
  const notes: { h: Highlight; status: ReviewStatus; n: number; also: string[] }[] = []
  if (opts.highlights) {
    const byKey = new Map<string, (typeof notes)[number]>()
    for (const h of highlightsOf(analysis, article.id)) {
      const status: ReviewStatus = reviews.get(h.id)?.status ?? 'unreviewed'
      const key = noteKey(h, status)
      let note = byKey.get(key)
      if (note) note.also.push(h.id)
      else {
        note = { h, status, n: notes.length + 1, also: [] }
        notes.push(note)
        byKey.set(key, note)
      }
      // The first mark of a note carries the anchor its back link returns to.
      spans.push({ start: h.start, end: h.end, data: { kind: 'flag', h, n: note.n, status, first: note.h === h } })
    }
  }
  if (opts.onlyHere) {
    // In the columns, mark only sentences with no counterpart in ANY other article: with many
    // articles nearly every sentence is missing from one of them, and shading all of them
    // would mark nothing. Partial gaps are listed in the report's "Only in this article".
    const others = analysis.articles.filter((a) => a.id !== article.id).map((a) => a.id)
    for (const u of analysis.alignment.unmatched) {
      if (u.article === article.id && others.length > 0 && others.every((o) => u.missingIn.includes(o))) {
        spans.push({ start: u.start, end: u.end, data: { kind: 'only', missing: u.missingIn } })
      }
    }
  }
  if (opts.blind) {
    for (const r of redactionSpans(article.text, analysis)) {
      spans.push({ start: r.start, end: r.end, data: { kind: 'redact', label: opts.names.get(r.owner) ?? 'source', start: r.start } })
    }
  }
  const seg = analysis.segmentations.find((s) => s.article === article.id)
  const paras = seg && seg.paragraphs.length > 0 ? seg.paragraphs : [{ start: 0, end: article.text.length, index: 0 }]
  const wrap = (d: BodySpan): readonly [string, string] | null => {
    if (d.kind === 'flag') {
      const h = d.h
      const s = CATEGORY_STYLES[h.category]
      const tip = `${s.label}: ${h.explanation} (rule ${h.rule}${d.status === 'rejected' ? '; rejected by reviewer' : ''})`
      return [
        `<mark class="flag cat-${h.category}${d.status === 'rejected' ? ' rejected' : ''}" data-flag-id="${escapeHtml(h.id)}" data-flag-category="${h.category}" data-flag-rule="${escapeHtml(h.rule)}" data-review="${d.status}" title="${escapeHtml(tip)}">`,
        '</mark>'
      ]
    }
    if (d.kind === 'only') {
      const where = d.missing.map((m) => opts.names.get(m) ?? m).join(', ')
      return [`<span class="only-here" data-only-here title="${escapeHtml(`No counterpart in: ${where}`)}">`, '</span>']
    }
    return null
  }
  const body = paras
    .map((p) => {
      const segs = segmentSpans(article.text, spans, p.start, p.end)
      const html = renderSegments(segs, wrap, {
        replace: (sg) => {
          const red = sg.spans.find((d): d is Extract<BodySpan, { kind: 'redact' }> => d.kind === 'redact')
          if (!red) return null
          // One label per redacted name, even when a highlight splits the name in segments.
          return sg.start === Math.max(red.start, p.start) ? `<span class="redacted">[${escapeHtml(red.label)}]</span>` : ''
        },
        before: (d) => (d.kind === 'only' ? '<span class="only-badge" aria-hidden="true">⊘ only here</span> ' : ''),
        after: (d) =>
          d.kind === 'flag'
            ? `<sup class="fn-ref"><a href="#${opts.anchor}-fn-${d.n}"${d.first ? ` id="${opts.anchor}-ref-${d.n}"` : ''} aria-label="${escapeHtml(`note ${d.n}: ${CATEGORY_STYLES[d.h.category].label}`)}">${CATEGORY_STYLES[d.h.category].icon}${d.n}</a></sup>`
            : ''
      })
      return `<p>${html}</p>`
    })
    .join('\n')
  return { body, notes }
}

/** Numbered explanations of an article's highlights (the footnotes under its column). */
export function renderNotes(rendered: RenderedArticle, anchor: string, blindText?: (s: string) => string): string {
  if (rendered.notes.length === 0) return '<p class="empty">No flags in this article.</p>'
  const reviewsNote = (status: ReviewStatus): string =>
    status === 'accepted' ? 'accepted by reviewer' : status === 'rejected' ? 'rejected by reviewer' : 'machine suggestion, not reviewed'
  const t = blindText ?? ((s: string): string => s)
  const items = rendered.notes.map(({ h, status, n, also }) => {
    const s = CATEGORY_STYLES[h.category]
    const facts: string[] = []
    if (h.origin === 'user') {
      facts.push(`user annotation${h.userCategory && h.userCategory !== 'annotation' ? ` (${CATEGORY_STYLES[h.userCategory].label})` : ''}`)
    } else {
      facts.push(`rule <code>${escapeHtml(h.rule)}</code>`)
      facts.push(`confidence ${Math.round(h.confidence * 100)}%`)
      facts.push(h.inQuote ? 'inside a quotation (someone else’s words)' : 'in the outlet’s own voice')
      if (h.negated) facts.push('negated in context')
      if (h.viewpoint) facts.push(`viewpoint: ${escapeHtml(h.viewpoint)}`)
      facts.push(reviewsNote(status))
    }
    // Most explanations open by quoting the flagged words ('"hostile" judges…'): quote them
    // once, not twice. A rejected flag keeps its struck quotation (what the reviewer overruled).
    const quoted = status !== 'rejected' && h.explanation.toLowerCase().startsWith(`"${h.text.toLowerCase()}"`)
    const times = also.length > 0 ? ` <span class="times">×${also.length + 1}</span>` : ''
    return (
      `<li id="${anchor}-fn-${n}" class="note${status === 'rejected' ? ' rejected' : ''}" data-note-for="${escapeHtml(h.id)}"${also.length ? ` data-note-also="${escapeHtml(also.join(' '))}"` : ''} value="${n}">` +
      `<span class="note-cat swatch-${h.category}">${s.icon} ${escapeHtml(s.label)}</span>${times} ` +
      (quoted ? '' : `<q>${escapeHtml(t(h.text))}</q> — `) +
      `${escapeHtml(t(h.explanation))} ` +
      `<span class="facts">(${facts.join('; ')})</span>` +
      ` <a class="back" href="#${anchor}-ref-${n}" aria-label="back to text">↩</a></li>`
    )
  })
  return `<ol class="notes">${items.join('')}</ol>`
}

/** Legend of highlight categories: swatch with underline style, icon, label, description. */
export function renderLegend(categories: readonly (typeof CATEGORY_ORDER)[number][] = CATEGORY_ORDER): string {
  const rows = categories.map((c) => {
    const s = CATEGORY_STYLES[c]
    return (
      `<li data-legend="${c}"><mark class="cat-${c}">${s.icon} sample</mark> ` +
      `<strong>${s.icon} ${escapeHtml(s.label)}</strong> <span class="code">[${s.code}]</span>, ${s.lineStyle} underline — ${escapeHtml(s.description)}</li>`
    )
  })
  return (
    `<ul class="legend">${rows.join('')}` +
    `<li><mark class="cat-loaded rejected">struck</mark> <strong>Rejected</strong>: a reviewer rejected this machine flag; it is kept visible, struck through.</li>` +
    `<li><span class="only-badge">⊘ only here</span> <span class="only-here">shaded text</span> <strong>Only in this article</strong>: no counterpart was found in any other article.</li>` +
    `</ul>`
  )
}

/** Base stylesheet for both documents; light backgrounds only, so it prints without ink floods. */
export function baseCss(): string {
  return `
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0 auto;max-width:1400px;padding:1.5rem;font-family:Georgia,"DejaVu Serif","Times New Roman",serif;color:#111;background:#fff;line-height:1.5}
h1,h2,h3,h4,th,.ui,figcaption,.legend,.facts,.code,.badge,table{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif}
h1{font-size:1.7rem;margin:0 0 .3rem}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:2px solid #333;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1rem 0 .4rem}
.sub{color:#444;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0 1rem}
th,td{border:1px solid #999;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#f0f0f0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:.85em;word-break:break-all}
.hash{font-family:"DejaVu Sans Mono",monospace;font-size:.72rem;word-break:break-all}
.cols{display:grid;gap:1.2rem;align-items:start}
.col{min-width:0;border:1px solid #bbb;border-radius:4px;padding:.8rem 1rem;background:#fff}
.col h3{margin-top:0}
.col .meta{font-family:"DejaVu Sans",Arial,sans-serif;font-size:.8rem;color:#333;margin:0 0 .6rem}
.col p{margin:0 0 .7rem}
.badge{display:inline-block;border:1px solid #555;border-radius:3px;padding:0 .3rem;font-size:.72rem;color:#111;background:#fff}
.badge.base{border-width:2px;font-weight:700}
mark{color:#111;padding:0 .05em}
mark.rejected{background:none!important;color:#555;text-decoration:line-through 2px #555!important}
.fn-ref{font-family:"DejaVu Sans",Arial,sans-serif;font-size:.68rem;line-height:0}
.fn-ref a{color:#1a1a7a;text-decoration:none}
.only-here{background:#eceff3}
.only-badge{font-family:"DejaVu Sans",Arial,sans-serif;font-size:.68rem;border:1px dashed #555;border-radius:3px;padding:0 .2rem;color:#222;background:#fff;white-space:nowrap}
.redacted{font-family:"DejaVu Sans",Arial,sans-serif;font-size:.85em;border:1px solid #777;padding:0 .2em;background:#f4f4f4}
ol.notes{font-size:.8rem;padding-left:1.6rem;margin:.6rem 0 0;border-top:1px solid #bbb;padding-top:.5rem}
ol.notes li{margin:0 0 .35rem}
ol.notes li.rejected>q{text-decoration:line-through}
.note-cat{font-family:"DejaVu Sans",Arial,sans-serif;font-weight:600;padding:0 .25rem;border-bottom-width:2px}
.facts{color:#333;font-size:.92em}
a.back{text-decoration:none;color:#1a1a7a}
ul.legend{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.35rem 1.2rem;font-size:.82rem}
.code{color:#333}
figure{margin:1rem 0;break-inside:avoid}
figcaption{font-size:.85rem;color:#333;margin-bottom:.3rem}
.arcs{display:flex;flex-wrap:wrap;gap:.6rem}
.empty{color:#444;font-style:italic}
.reported{color:#444;font-size:.85em}
.omitted{border-left:3px solid #777;background:#f4f4f4;padding:.4rem .7rem;margin:0 0 1rem}
.methods-facts th{width:14rem}
svg.chart text{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif}
del{background:#ffe0e0;text-decoration:line-through 1.5px #8a1c1c;color:#111}
ins{background:#dcf5dc;text-decoration:underline 1.5px #1d5e1d;color:#111}
.chg-ref{font-family:"DejaVu Sans",Arial,sans-serif;font-size:.66rem;font-weight:700;color:#1a1a7a}
.passage{font-size:.88rem}
ul.changes{margin:.2rem 0;padding-left:1.1rem;font-size:.82rem}
ul.evidence{margin:0;padding-left:1rem;font-size:.75rem;color:#333}
table.aligned ul.evidence{padding:0;list-style:none}
table.aligned ul.evidence li{display:inline}
table.aligned ul.evidence li+li::before{content:"; "}
.small{font-size:.8rem}
${categoryCss()}
@media (max-width:800px){.cols{grid-template-columns:1fr!important}}
@media print{
  html{font-size:10.5pt}
  body{max-width:none;padding:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  h2{break-after:avoid}
  h3{break-after:avoid}
  tr,li,figure,.col p{break-inside:avoid}
  .page{break-before:page}
  .cols.many{grid-template-columns:1fr 1fr!important;overflow:visible!important}
  .cols .col{break-inside:auto}
  .col{border-color:#999}
  a{color:inherit}
}
`
}

/** Formats share 0..1 as a percentage. */
export function pct(x: number): string {
  return `${fmt(x * 100, 0)}%`
}
