/**
 * The HTML report: ONE self-contained file (inline CSS, inline hand-written SVG, no script, no
 * external resource) that a researcher can archive, mail or print, and that reads the same with
 * JavaScript off. Everything on it comes from the `Analysis`; highlights are built from offsets.
 *
 * Safety: article text and metadata are untrusted. Every string goes through `escapeHtml`;
 * markup comes only from the templates here. URLs are printed as plain text, never as links,
 * so a `javascript:` URL is inert.
 */
import type { AlignmentCorrection, Analysis, Article, ArticleId, FlagCategory, Link, PassageDiff, Span } from '../../../model'
import { builtinNaming } from '../../../resources/naming'
import { alignmentMapSvg, flagsChartSvg, sentimentArcsSvg } from './htmlCharts'
import { baseCss, pct, renderArticleBody, renderLegend, renderNotes } from './htmlParts'
import { appliedCorrections, correctionCounts, skippedCorrections } from './json'
import {
  CATEGORY_ORDER,
  CATEGORY_STYLES,
  articleNames,
  escapeHtml,
  fmt,
  nestedPlace,
  orderedArticles,
  redactString,
  redactionSpans as redactNames,
  renderSegments,
  segmentSpans,
  type SpanInput
} from './shared'

export interface HtmlReportOptions {
  /** Document title; defaults to "Parallax report: <base title>". */
  readonly title?: string
  /** Hide outlet and author names (letter labels instead), in metadata and article text. */
  readonly blindSources?: boolean
  /** Timestamp printed in the header (ISO string); defaults to the current time. */
  readonly generatedAt?: string
  /** Link threshold to print in Methods; defaults to the one the Analysis records. */
  readonly linkThreshold?: number
  /**
   * Which aligned passage pairs the "Aligned passages" table lists. 'changes' (default) keeps
   * pairs with at least one classified change (any kind but 'other') or user involvement (see
   * `selectReportLinks`);
   * 'all' lists every pair. The full table of a six-article study prints to ~80 pages.
   */
  readonly passages?: PassagesMode
  /** Also drop machine pairs scoring below this (pairs the user is involved in are kept). */
  readonly minScore?: number
  /**
   * The study's stored corrections (`Study.corrections`), for the Methods sentence on hand
   * corrections of the alignment. The analysis does not keep them, so without this option the
   * report says they are not recorded rather than claiming there were none; pass `[]` for an
   * analysis run without corrections.
   */
  readonly corrections?: readonly AlignmentCorrection[]
}

/** The `passages` choices, in the order the CLI and the dialog list them. */
export const PASSAGES_MODES = ['changes', 'all'] as const
export type PassagesMode = (typeof PASSAGES_MODES)[number]

/** Why a link is in the report table, or why it was left out. */
export interface LinkSelection {
  readonly kept: readonly Link[]
  /** Links left out because they have no classified change (only 'other' rewording, or none) and no user involvement. */
  readonly omittedUnchanged: number
  /** Links left out by `minScore` (counted only among links the mode would keep). */
  readonly omittedLowScore: number
  /** Ids of the kept links the user is involved in (made, or annotated/reviewed inside). */
  readonly userInvolved: ReadonlySet<string>
}

/**
 * Picks the links the aligned-passages table shows. A link is "user-involved" when the user
 * made it, or an annotation or a reviewed flag overlaps either of its passages: those are the
 * rows a researcher has touched, so they are never dropped, whatever the mode or `minScore`.
 * Order is preserved (the table sorts on its own).
 */
export function selectReportLinks(analysis: Analysis, options: Pick<HtmlReportOptions, 'passages' | 'minScore'> = {}): LinkSelection {
  const mode = options.passages ?? 'changes'
  // 'other' is the diff's catch-all for rewording no rule explains (rule wording:substitution):
  // it is not a classified change, and counting it would keep ~all pairs of a real study.
  const changed = new Set(analysis.diffs.filter((d) => d.changes.some((c) => c.kind !== 'other')).map((d) => d.linkId))
  const reviewed = new Set(analysis.reviews.map((r) => r.flagId))
  // Touched ranges per article: annotations and reviewed flags (offsets, never text search).
  const touched = new Map<ArticleId, Span[]>()
  const touch = (article: ArticleId, s: Span): void => void touched.set(article, [...(touched.get(article) ?? []), { start: s.start, end: s.end }])
  for (const n of analysis.annotations) touch(n.article, n)
  for (const l of analysis.language) for (const f of l.flags) if (reviewed.has(f.id)) touch(f.article, f)
  // Overlap is half-open; an empty range touches a passage when it sits inside it.
  const hits = (r: Span & { article: ArticleId }): boolean =>
    (touched.get(r.article) ?? []).some((t) => (t.start === t.end ? t.start >= r.start && t.start < r.end : t.start < r.end && t.end > r.start))
  const userInvolved = (l: Link): boolean => l.origin === 'user' || hits(l.a) || hits(l.b)
  const kept: Link[] = []
  const involved = new Set<string>()
  let omittedUnchanged = 0
  let omittedLowScore = 0
  for (const l of analysis.alignment.links) {
    const user = userInvolved(l)
    if (!user && mode === 'changes' && !changed.has(l.id)) omittedUnchanged++
    else if (!user && options.minScore !== undefined && l.score < options.minScore) omittedLowScore++
    else {
      kept.push(l)
      if (user) involved.add(l.id)
    }
  }
  return { kept, omittedUnchanged, omittedLowScore, userInvolved: involved }
}

/** Renders the full report. Deterministic for a fixed `generatedAt`. */
export function renderHtmlReport(analysis: Analysis, options: HtmlReportOptions = {}): string {
  const blind = options.blindSources === true
  const arts = orderedArticles(analysis)
  const names = articleNames(analysis, blind)
  const baseArt = arts[0]
  const meta = (s: string): string => (blind ? redactString(s, analysis, names) : s)
  const title = options.title ?? `Parallax report: ${baseArt ? meta(baseArt.meta.title) || baseArt.id : 'no articles'}`
  const generatedAt = options.generatedAt ?? new Date().toISOString()

  // Summary first: the findings, charts and tables a reader needs to see the differences come
  // before the evidence they rest on (the highlighted articles, the aligned passages and the
  // sentences only one article has), which is most of the pages when printed.
  const sections = [
    header(analysis, arts, names, title, generatedAt, blind, meta),
    section('findings', 'Key findings', keyFindings(analysis, arts, names, blind ? meta : (s) => s)),
    section('overview', 'Overview', overview(analysis, names)),
    section('metrics', 'Per-outlet metrics', metricsTable(analysis, arts, names), true),
    section('naming', 'Naming: which words each outlet uses for each actor', namingTable(analysis, arts, names)),
    section('sourcing', 'Sourcing: whose voices are quoted', sourcingTable(analysis, arts, names, blind ? meta : (s) => s)),
    section('legend', 'How to read the highlights', `<p class="sub">Each highlight has a tinted background, an underline style and a symbol, and a numbered note under its article with the category, the explanation, the rule that produced it, its confidence, whether it sits in a quotation, and its review status.</p>${renderLegend()}`, true),
    articlesSection(analysis, arts, names, blind),
    section('aligned', 'Aligned passages and their differences', alignedSection(analysis, names, blind, options), true),
    section('only-here', 'Only in this article', onlyHereSection(analysis, arts, names, blind, options)),
    section('methods', 'Methods', methods(analysis, arts, names, options), true)
  ]
  return document(title, sections.join('\n'), reportCss())
}

/** Styles of the report's summary and its collapsible detail (pair groups, gaps, evidence). */
function reportCss(): string {
  return `
ul.findings{margin:.2rem 0 1rem;padding-left:1.2rem}
ul.findings>li{margin:0 0 .5rem}
ul.findings ul{margin:.2rem 0;padding-left:1.2rem}
details.pair-group{margin:0 0 .5rem}
details>summary{cursor:pointer}
details.pair-group>summary h3{display:inline;margin:0}
details.pair-group[open]>summary{margin:1rem 0 .4rem}
.collapsed-hint{display:none}
details:not([open])>summary .collapsed-hint{display:inline}
details.partial-gaps{margin:.2rem 0 .8rem}
details.evidence>summary{color:#333}
@media print{
  /* More than two articles: two narrow columns per row leave the shorter article's column
     half empty beside the longer one; one article after another at full width, with its
     notes in two columns, prints the same text on fewer pages. */
  #articles .cols.many{display:block!important}
  #articles .cols.many .col{margin:0 0 1rem}
  #articles .cols.many ol.notes{columns:2;column-gap:1.2rem}
  details.evidence:not([open]){display:none}
  details.pair-group>summary{break-inside:avoid;break-after:avoid}
}
`
}

/** Wraps body HTML into a complete document with the shared stylesheet. */
export function document(title: string, body: string, extraCss = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Parallax">
<title>${escapeHtml(title)}</title>
<style>${baseCss()}${extraCss}</style>
</head>
<body>
${body}
</body>
</html>
`
}

function section(id: string, heading: string, body: string, pageBreak = false): string {
  return `<section id="${id}"${pageBreak ? ' class="page"' : ''}><h2>${escapeHtml(heading)}</h2>${body}</section>`
}

function header(
  analysis: Analysis,
  arts: readonly Article[],
  names: ReadonlyMap<ArticleId, string>,
  title: string,
  generatedAt: string,
  blind: boolean,
  meta: (s: string) => string
): string {
  const rows = arts.map((a) => {
    const m = a.meta
    const words = analysis.metrics.find((x) => x.article === a.id)?.words
    return (
      `<tr data-article="${escapeHtml(a.id)}"><td><strong>${escapeHtml(names.get(a.id) ?? a.id)}</strong>${a.id === analysis.base ? ' <span class="badge base">base</span>' : ''}</td>` +
      `<td>${escapeHtml(meta(m.title) || '—')}</td>` +
      (blind ? '' : `<td>${escapeHtml(m.outlet || '—')}</td><td>${escapeHtml(m.author || '—')}</td>`) +
      `<td>${escapeHtml(m.date || '—')}</td>` +
      (blind ? '' : `<td>${escapeHtml(m.viewpoint || '—')}</td>`) +
      `<td>${m.constructed ? '<span class="badge">constructed sample</span>' : 'real'}</td>` +
      `<td class="num">${words ?? '—'}</td>` +
      `<td class="hash">${escapeHtml(a.hash)}</td></tr>`
    )
  })
  const head =
    '<tr><th>Article</th><th>Title</th>' +
    (blind ? '' : '<th>Outlet</th><th>Author</th>') +
    '<th>Date</th>' +
    (blind ? '' : '<th>Viewpoint</th>') +
    '<th>Kind</th><th class="num">Words</th><th>SHA-256 of analysed text</th></tr>'
  const constructed = arts.some((a) => a.meta.constructed)
    ? '<p class="small"><strong>Note:</strong> articles marked “constructed sample” were written for teaching; their outlets are fictional.</p>'
    : ''
  return (
    `<header><h1>${escapeHtml(title)}</h1>` +
    `<p class="sub ui">Generated by Parallax ${escapeHtml(analysis.engineVersion)} on ${escapeHtml(generatedAt)}${blind ? ' · <strong>blind mode</strong>: sources hidden' : ''}</p>` +
    `<table class="articles"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${constructed}</header>`
  )
}

function overview(analysis: Analysis, names: ReadonlyMap<ArticleId, string>): string {
  return (
    `<figure><figcaption>Own-voice flags per 100 words, by category (quotations excluded).</figcaption>${flagsChartSvg(analysis, names)}</figure>` +
    `<figure><figcaption>Sentiment along each article (average word score per sentence, smoothed over 3 sentences; same scale in every panel).</figcaption><div class="arcs">${sentimentArcsSvg(analysis, names)}</div></figure>` +
    `<figure><figcaption>Alignment map: where each article’s passages match the base article’s.</figcaption>${alignmentMapSvg(analysis, names)}</figure>`
  )
}

function articlesSection(analysis: Analysis, arts: readonly Article[], names: ReadonlyMap<ArticleId, string>, blind: boolean): string {
  const cols = arts.map((a, i) => {
    const anchor = `a${i}`
    const r = renderArticleBody(analysis, a, { highlights: true, onlyHere: true, blind, names, anchor })
    const m = a.meta
    const metaLine = [
      blind ? '' : m.author ? `by ${m.author}` : '',
      m.date,
      blind ? '' : m.viewpoint ? `viewpoint: ${m.viewpoint}` : '',
      m.constructed ? 'constructed sample' : ''
    ]
      .filter(Boolean)
      .map(escapeHtml)
      .join(' · ')
    const t = blind ? redactString(m.title, analysis, names) : m.title
    const redactText = (s: string): string => (blind ? redactString(s, analysis, names) : s)
    return (
      `<article class="col" data-article="${escapeHtml(a.id)}" aria-labelledby="${anchor}-h">` +
      `<h3 id="${anchor}-h">${escapeHtml(names.get(a.id) ?? a.id)}${a.id === analysis.base ? ' <span class="badge base">base</span>' : ''}</h3>` +
      `<p class="meta"><strong>${escapeHtml(t)}</strong>${metaLine ? `<br>${metaLine}` : ''}</p>` +
      `<div class="text">${r.body}</div>` +
      `<h4 class="ui small">Notes</h4>${renderNotes(r, anchor, redactText)}` +
      `</article>`
    )
  })
  const n = arts.length
  return (
    `<section id="articles"><h2>The articles side by side</h2>` +
    `<div class="cols${n > 2 ? ' many' : ''}" style="grid-template-columns:repeat(${n},minmax(${n > 3 ? '17rem' : '0'},1fr));${n > 3 ? 'overflow-x:auto' : ''}">${cols.join('')}</div></section>`
  )
}

/** One side of a link, with deleted (side a) or inserted (side b) words and change numbers. */
function passageHtml(
  analysis: Analysis,
  span: Span & { article: ArticleId },
  diff: PassageDiff | undefined,
  side: 'a' | 'b',
  blind: boolean,
  names: ReadonlyMap<ArticleId, string>
): string {
  const text = analysis.articles.find((x) => x.id === span.article)?.text ?? ''
  type D = { kind: 'op' } | { kind: 'chg'; n: number } | { kind: 'redact'; label: string; start: number }
  const spans: SpanInput<D>[] = []
  // Deleted (side a) or inserted (side b) word spans, with runs separated only by spaces or
  // punctuation merged, so "[−The Zionist regime]" reads as one change, not three.
  const runs: Span[] = []
  for (const op of diff?.ops ?? []) {
    const s = side === 'a' && op.op === 'delete' ? op.a : side === 'b' && op.op === 'insert' ? op.b : null
    if (!s) continue
    const last = runs[runs.length - 1]
    if (last && s.start >= last.end && /^[\s\p{P}]*$/u.test(text.slice(last.end, s.start))) runs[runs.length - 1] = { start: last.start, end: Math.max(last.end, s.end) }
    else runs.push({ start: s.start, end: s.end })
  }
  for (const s of runs) spans.push({ start: s.start, end: s.end, data: { kind: 'op' } })
  ;(diff?.changes ?? []).forEach((c, i) => {
    const s = side === 'a' ? c.a : c.b
    if (s) spans.push({ start: s.start, end: s.end, data: { kind: 'chg', n: i + 1 } })
  })
  if (blind) {
    for (const r of redactionSpansIn(analysis, text, span)) spans.push({ ...r, data: { kind: 'redact', label: names.get(r.owner) ?? 'source', start: r.start } })
  }
  const segs = segmentSpans(text, spans, span.start, span.end)
  return renderSegments(
    segs,
    (d) => (d.kind === 'op' ? (side === 'a' ? ['<del>', '</del>'] : ['<ins>', '</ins>']) : null),
    {
      replace: (sg) => {
        const red = sg.spans.find((d): d is Extract<D, { kind: 'redact' }> => d.kind === 'redact')
        if (!red) return null
        return sg.start === Math.max(red.start, span.start) ? `[${escapeHtml(red.label)}]` : ''
      },
      after: (d) => (d.kind === 'chg' ? `<sup class="chg-ref">${d.n}</sup>` : '')
    }
  )
}

function redactionSpansIn(analysis: Analysis, text: string, range: Span): { start: number; end: number; owner: ArticleId }[] {
  // Search only the passage: cheaper than the whole text and the spans are absolute anyway.
  const slice = text.slice(range.start, range.end)
  return redactNames(slice, analysis).map((r) => ({ ...r, start: r.start + range.start, end: r.end + range.start }))
}

const CHANGE_LABELS: Readonly<Record<string, string>> = {
  'naming-swap': 'Naming swap',
  intensity: 'Intensity',
  'hedge-added': 'Hedge added',
  'hedge-dropped': 'Hedge dropped',
  'reporting-verb': 'Reporting verb',
  'evaluative-added': 'Evaluative word added',
  'evaluative-removed': 'Evaluative word removed',
  'quote-changed': 'Quotation changed',
  'number-changed': 'Number changed',
  other: 'Other change'
}

/** The sentence saying what the table leaves out and how to get it back; '' when nothing is. */
function omissionNote(sel: LinkSelection, total: number, options: HtmlReportOptions): string {
  const parts: string[] = []
  const pairs = (n: number): string => `${n} aligned pair${n === 1 ? '' : 's'}`
  if (sel.omittedUnchanged > 0) parts.push(`${pairs(sel.omittedUnchanged)} with no classified change (at most unclassified rewording) and no link, annotation or review of yours ${sel.omittedUnchanged === 1 ? 'is' : 'are'} not listed`)
  if (sel.omittedLowScore > 0) parts.push(`${pairs(sel.omittedLowScore)} scoring below ${fmt(options.minScore ?? 0, 2)} ${sel.omittedLowScore === 1 ? 'is' : 'are'} not listed`)
  if (parts.length === 0) return ''
  const how =
    sel.omittedUnchanged > 0
      ? 'To include every pair, export with “Aligned passages: all” in the export dialog, or <code>--passages all</code> on the command line.'
      : 'To include them, export without a minimum score.'
  return `<p class="omitted" data-omitted="${sel.omittedUnchanged + sel.omittedLowScore}"><strong>Showing ${sel.kept.length} of ${total} aligned pairs.</strong> ${parts.join('; ')}. ${how} The alignment map above and the CSV/JSON exports cover every pair.</p>`
}

function alignedSection(analysis: Analysis, names: ReadonlyMap<ArticleId, string>, blind: boolean, options: HtmlReportOptions): string {
  const total = analysis.alignment.links.length
  if (total === 0) return '<p class="empty">No aligned passages.</p>'
  const sel = selectReportLinks(analysis, options)
  const note = omissionNote(sel, total, options)
  const links = sel.kept
  if (links.length === 0) return note
  const diffs = new Map(analysis.diffs.map((d) => [d.linkId, d]))
  const order = orderedArticles(analysis).map((a) => a.id)
  const pos = (id: ArticleId): number => order.indexOf(id)
  // Group by article pair (base pairs first), then by position in side a.
  const sorted = [...links].sort(
    (x, y) => pos(x.a.article) - pos(y.a.article) || pos(x.b.article) - pos(y.b.article) || x.a.start - y.a.start || x.b.start - y.b.start
  )
  const groups = new Map<string, Link[]>()
  for (const l of sorted) {
    const k = `${l.a.article}\u0000${l.b.article}`
    groups.set(k, [...(groups.get(k) ?? []), l])
  }
  const text = (id: ArticleId, s: Span): string => (analysis.articles.find((a) => a.id === id)?.text ?? '').slice(s.start, s.end)
  const red = (s: string): string => (blind ? redactString(s, analysis, names) : s)
  const all = (options.passages ?? 'changes') === 'all'
  const out: string[] = [
    note,
    '<p class="sub">Each row pairs two passages that report the same thing. Words only in the left passage are shown <del>struck</del>, words only in the right passage <ins>underlined</ins>; numbered changes are classified and explained in the third column. ' +
      (all
        ? 'Every pair of articles is open.'
        : 'Pairs with the base article are open; pairs of two other articles are collapsed to one line with their counts (open them here; they print collapsed) unless they hold a link, annotation or review of yours.') +
      ' The evidence behind each link is collapsed under its score.</p>'
  ]
  for (const group of groups.values()) {
    const first = group[0]!
    const an = names.get(first.a.article) ?? first.a.article
    const bn = names.get(first.b.article) ?? first.b.article
    const rows = group.map((l) => {
      const d = diffs.get(l.id)
      const changes = (d?.changes ?? []).map((c, i) => {
        const av = c.a ? `“${escapeHtml(red(text(l.a.article, c.a)))}”` : '—'
        const bv = c.b ? `“${escapeHtml(red(text(l.b.article, c.b)))}”` : '—'
        return `<li data-change-kind="${escapeHtml(c.kind)}"><strong>${i + 1}. ${escapeHtml(CHANGE_LABELS[c.kind] ?? c.kind)}</strong>: ${av} → ${bv}. ${escapeHtml(red(c.explanation))} <span class="facts">(rule <code>${escapeHtml(c.rule)}</code>)</span></li>`
      })
      const evidence = l.evidence
        .slice(0, 8)
        .map((e) => `<li>${escapeHtml(e.kind)}: ${escapeHtml(red(e.a))}${e.a !== e.b ? ` ≈ ${escapeHtml(red(e.b))}` : ''}${e.referent ? ` (${escapeHtml(e.referent)})` : ''} · ${fmt(e.weight, 2)}</li>`)
        .join('')
      return (
        `<tr data-link-id="${escapeHtml(l.id)}">` +
        `<td class="passage">${passageHtml(analysis, l.a, d, 'a', blind, names)}</td>` +
        `<td class="passage">${passageHtml(analysis, l.b, d, 'b', blind, names)}</td>` +
        `<td>${changes.length ? `<ul class="changes">${changes.join('')}</ul>` : '<span class="small">No classified changes.</span>'}${d?.timedOut ? '<p class="small">Diff hit its time limit; differences are coarser.</p>' : ''}${d ? '' : '<p class="small">No word diff for this link.</p>'}</td>` +
        // The evidence (shared features and their weights) explains the score, not the
        // difference: useful to check a link, noise when reading, so it is collapsed.
        `<td class="small">score ${fmt(l.score, 2)}${l.origin === 'user' ? ' (linked by user)' : ''}${evidence ? `<details class="evidence"><summary>evidence</summary><ul class="evidence">${evidence}</ul></details>` : ''}</td></tr>`
      )
    })
    const withBase = first.a.article === analysis.base || first.b.article === analysis.base
    const open = all || withBase || group.some((l) => sel.userInvolved.has(l.id))
    out.push(
      `<details class="pair-group" data-pair="${escapeHtml(`${first.a.article}|${first.b.article}`)}"${open ? ' open' : ''}>` +
        `<summary><h3>${escapeHtml(an)} ↔ ${escapeHtml(bn)}</h3> <span class="facts">${pairCounts(group, diffs)}</span>` +
        `<span class="collapsed-hint facts"> — collapsed: open it in the HTML report, or export with “Aligned passages: all” (<code>--passages all</code>) to print it.</span></summary>` +
        `<table class="aligned"><colgroup><col style="width:27%"><col style="width:27%"><col style="width:36%"><col style="width:10%"></colgroup>` +
        `<thead><tr><th>${escapeHtml(an)}</th><th>${escapeHtml(bn)}</th><th>Classified changes</th><th>Score</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
    )
  }
  return out.join('')
}

/** "5 × Naming swap, 3 × Reporting verb": the classified changes ('other' is not one) of `links` by kind, most frequent first; '' when none. */
function changeKinds(links: readonly Link[], diffs: ReadonlyMap<string, PassageDiff>): string {
  const kinds = new Map<string, number>()
  for (const l of links) for (const c of diffs.get(l.id)?.changes ?? []) if (c.kind !== 'other') kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1)
  return [...kinds]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([k, n]) => `${n} × ${escapeHtml(CHANGE_LABELS[k] ?? k)}`)
    .join(', ')
}

/** "12 passage pairs · 5 × Naming swap, …": a pair group's size and its classified changes. */
function pairCounts(links: readonly Link[], diffs: ReadonlyMap<string, PassageDiff>): string {
  const kinds = changeKinds(links, diffs)
  return `${links.length} passage pair${links.length === 1 ? '' : 's'} · ${kinds || 'no classified change'}`
}

/**
 * The summary the report opens with: each compared article against the base (how many of its
 * sentences the base also reports, and the classified differences in those passages), the
 * naming choices that signal a viewpoint, the articles with the most and the least own-voice
 * loaded wording and the most negative and positive tone, and who is quoted. Every figure is
 * one a section below shows in detail (alignment, naming table, metrics, sourcing).
 */
function keyFindings(analysis: Analysis, arts: readonly Article[], names: ReadonlyMap<ArticleId, string>, red: (s: string) => string): string {
  const base = arts[0]
  if (!base) return '<p class="empty">No articles.</p>'
  const name = (id: ArticleId): string => `<strong>${escapeHtml(names.get(id) ?? id)}</strong>`
  const items: string[] = []
  const diffs = new Map(analysis.diffs.map((d) => [d.linkId, d]))

  if (arts.length > 1) {
    const lines = arts.slice(1).map((a) => {
      const total = analysis.segmentations.find((s) => s.article === a.id)?.sentences.length ?? 0
      const missing = analysis.alignment.unmatched.filter((u) => u.article === a.id && u.missingIn.includes(base.id)).length
      const links = analysis.alignment.links.filter((l) => (l.a.article === base.id && l.b.article === a.id) || (l.a.article === a.id && l.b.article === base.id))
      const kinds = changeKinds(links, diffs)
      return `<li data-finding-article="${escapeHtml(a.id)}">${name(a.id)}: ${total - missing} of its ${total} sentences report something the base also reports; ${kinds ? `in those passages: ${kinds}` : 'no classified difference in those passages'}.</li>`
    })
    items.push(`<li data-finding="vs-base">Compared with the base article, ${name(base.id)} (<a href="#aligned">aligned passages</a>):<ul>${lines.join('')}</ul></li>`)
  }

  // Naming choices that signal a viewpoint (terms only: a name inside another name is not a choice).
  const marked = new Map<string, Map<string, { surface: string; viewpoint: string; uses: Map<ArticleId, number>; total: number }>>()
  for (const c of analysis.naming) {
    for (const t of c.terms) {
      if (t.viewpoint.startsWith('neutral')) continue
      const byTerm = marked.get(c.actor) ?? new Map()
      marked.set(c.actor, byTerm)
      const e = byTerm.get(t.term) ?? { surface: t.surface, viewpoint: t.viewpoint, uses: new Map<ArticleId, number>(), total: 0 }
      byTerm.set(t.term, e)
      e.uses.set(c.article, (e.uses.get(c.article) ?? 0) + t.count)
      e.total += t.count
    }
  }
  const order = new Map(arts.map((a, i) => [a.id, i]))
  const actors = [...marked]
    .map(([actor, terms]) => ({ actor, terms: [...terms.values()].sort((x, y) => y.total - x.total), total: [...terms.values()].reduce((p, t) => p + t.total, 0) }))
    .sort((x, y) => y.total - x.total || (x.actor < y.actor ? -1 : 1))
  if (actors.length > 0) {
    const lines = actors.slice(0, 3).map(({ actor, terms }) => {
      const uses = terms.map((t) => {
        const where = [...t.uses].sort((x, y) => (order.get(x[0]) ?? 0) - (order.get(y[0]) ?? 0)).map(([id, n]) => `${name(id)} ×${n}`).join(', ')
        return `“${escapeHtml(red(t.surface))}” (${escapeHtml(t.viewpoint)}) in ${where}`
      })
      return `<li data-finding-actor="${escapeHtml(actor)}"><strong>${escapeHtml(analysisActorLabel(analysis, actor))}</strong>: ${uses.join('; ')}</li>`
    })
    const more = actors.length > 3 ? ` (${actors.length - 3} more actor${actors.length - 3 === 1 ? '' : 's'} in the table)` : ''
    items.push(`<li data-finding="naming">Names that signal a viewpoint (<a href="#naming">naming table</a>)${more}:<ul>${lines.join('')}</ul></li>`)
  } else {
    items.push('<li data-finding="naming">No article uses a name for an actor that signals a viewpoint (<a href="#naming">naming table</a>).</li>')
  }

  const metrics = arts.map((a) => analysis.metrics.find((m) => m.article === a.id)).filter((m): m is NonNullable<typeof m> => m !== undefined)
  if (metrics.length > 1) {
    const rate = (m: (typeof metrics)[number]): number => (m.words > 0 ? (m.ownVoiceFlags / m.words) * 100 : 0)
    const byRate = [...metrics].sort((x, y) => rate(y) - rate(x))
    const hi = byRate[0]!
    const lo = byRate[byRate.length - 1]!
    items.push(
      `<li data-finding="loaded">Flags in the outlet’s own voice (quotations excluded; <a href="#metrics">metrics</a>): most in ${name(hi.article)} (${fmt(rate(hi), 1)} per 100 words), fewest in ${name(lo.article)} (${fmt(rate(lo), 1)}).</li>`
    )
    const byTone = [...metrics].sort((x, y) => x.meanSentiment - y.meanSentiment)
    const neg = byTone[0]!
    const pos = byTone[byTone.length - 1]!
    items.push(`<li data-finding="tone">Tone (mean sentence sentiment): most negative ${name(neg.article)} (${fmt(neg.meanSentiment, 2)}), most positive ${name(pos.article)} (${fmt(pos.meanSentiment, 2)}).</li>`)
  }

  if (metrics.length > 0) {
    const lines = metrics.map((m) => {
      // Most quoted first; on ties named sides before the unknown one ("").
      const sides = Object.entries(m.sourcesBySide).sort((x, y) => y[1] - x[1] || (x[0] === '' ? 1 : y[0] === '' ? -1 : x[0] < y[0] ? -1 : 1))
      return `<li>${name(m.article)}: ${sides.length ? sides.map(([side, n]) => `${escapeHtml(red(side) || 'unknown side')} ×${n}`).join(', ') : 'no quotations'}</li>`
    })
    items.push(`<li data-finding="voices">Who is quoted, by side (<a href="#sourcing">sourcing</a>):<ul>${lines.join('')}</ul></li>`)
  }
  return `<ul class="findings">${items.join('')}</ul>`
}

function onlyHereSection(analysis: Analysis, arts: readonly Article[], names: ReadonlyMap<ArticleId, string>, blind: boolean, options: HtmlReportOptions): string {
  const red = (s: string): string => (blind ? redactString(s, analysis, names) : s)
  const all = (options.passages ?? 'changes') === 'all'
  const others = arts.length - 1
  // With several articles nearly every sentence is missing from one of them; the sentences no
  // other article reports are the finding, the partial gaps are detail (collapsed, like the
  // pairs of two compared articles, unless the full report was asked for).
  const intro = `<p class="sub">Sentences no other article reports${others > 1 ? ', then, collapsed, sentences that only some of the other articles leave out' : ''}.</p>`
  return (
    intro +
    arts
      .map((a) => {
        const item = (u: (typeof analysis.alignment.unmatched)[number]): string => {
          const missing = u.missingIn.map((m) => names.get(m) ?? m).join(', ')
          return `<li data-unmatched="${u.sentence}"><q>${escapeHtml(red(a.text.slice(u.start, u.end)))}</q> <span class="facts">(no counterpart in: ${escapeHtml(missing)})</span></li>`
        }
        const mine = analysis.alignment.unmatched.filter((u) => u.article === a.id).sort((x, y) => x.start - y.start)
        const unique = mine.filter((u) => u.missingIn.length >= others)
        const partial = mine.filter((u) => u.missingIn.length < others)
        const h = `<h3>${escapeHtml(names.get(a.id) ?? a.id)}</h3>`
        if (mine.length === 0) return `${h}<p class="empty">Every sentence has a counterpart in all other articles.</p>`
        const uniqueHtml = unique.length ? `<ul>${unique.map(item).join('')}</ul>` : '<p class="empty">No sentence is missing from all other articles.</p>'
        const partialHtml = partial.length
          ? `<details class="partial-gaps"${all ? ' open' : ''}><summary class="facts">${partial.length} sentence${partial.length === 1 ? '' : 's'} missing from some of the other articles<span class="collapsed-hint"> — collapsed: open it in the HTML report, or export with “Aligned passages: all” to print it</span></summary><ul>${partial.map(item).join('')}</ul></details>`
          : ''
        return h + uniqueHtml + partialHtml
      })
      .join('')
  )
}

function metricsTable(analysis: Analysis, arts: readonly Article[], names: ReadonlyMap<ArticleId, string>): string {
  const metric = new Map(analysis.metrics.map((m) => [m.article, m]))
  const cats: FlagCategory[] = CATEGORY_ORDER.filter((c) => arts.some((a) => (metric.get(a.id)?.flagsPer100[c] ?? 0) > 0))
  const head =
    '<tr><th>Article</th><th class="num">Words</th><th class="num">Sentences</th>' +
    cats.map((c) => `<th class="num" title="${escapeHtml(CATEGORY_STYLES[c].label)}">${CATEGORY_STYLES[c].icon} ${CATEGORY_STYLES[c].code}</th>`).join('') +
    '<th class="num">Own-voice flags</th><th class="num">Quoted flags</th><th class="num">Mean sentiment</th><th class="num">Only here</th><th>Quotes by side</th></tr>'
  const rows = arts.map((a) => {
    const m = metric.get(a.id)
    if (!m) return `<tr><td>${escapeHtml(names.get(a.id) ?? a.id)}</td><td colspan="${cats.length + 7}">no metrics</td></tr>`
    const sides = Object.entries(m.sourcesBySide)
      .sort((x, y) => y[1] - x[1])
      .map(([s, n]) => `${escapeHtml(s || 'unknown side')}: ${n}`)
      .join('<br>')
    return (
      `<tr data-article="${escapeHtml(a.id)}"><td>${escapeHtml(names.get(a.id) ?? a.id)}</td><td class="num">${m.words}</td><td class="num">${m.sentences}</td>` +
      cats.map((c) => `<td class="num">${fmt(m.flagsPer100[c] ?? 0, 2)}</td>`).join('') +
      `<td class="num">${m.ownVoiceFlags}</td><td class="num">${m.quotedFlags}</td><td class="num">${fmt(m.meanSentiment, 3)}</td><td class="num">${pct(m.uniqueShare)}</td><td>${sides || '—'}</td></tr>`
    )
  })
  const key = cats.map((c) => `${CATEGORY_STYLES[c].code} = ${CATEGORY_STYLES[c].label}`).join('; ')
  return (
    `<p class="sub">Flag columns are own-voice flags per 100 words (quotations excluded). Mean sentiment is the average word score per sentence (negative = more negative wording). “Only here” is the share of sentences with no counterpart in any other article.</p>` +
    `<table class="metrics"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${key ? `<p class="small">${escapeHtml(key)}</p>` : ''}`
  )
}

/** An actor's label from the analysis or the built-in naming classes; undefined for other ids. */
export function knownActorLabel(analysis: Pick<Analysis, 'actorLabels'>, id: string): string | undefined {
  return analysis.actorLabels?.[id] ?? builtinNaming().actorById.get(id)?.label
}

/** An actor's label as the analysis names it (the naming classes it ran with), else actorLabel(id). */
export function analysisActorLabel(analysis: Pick<Analysis, 'actorLabels'>, id: string): string {
  return analysis.actorLabels?.[id] ?? actorLabel(id)
}

/** Actor label from the built-in naming resource, else the id made readable. */
export function actorLabel(id: string): string {
  const a = builtinNaming().actorById.get(id)
  if (a) return a.label
  return id.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase())
}

function namingTable(analysis: Analysis, arts: readonly Article[], names: ReadonlyMap<ArticleId, string>): string {
  const actors = [...new Set(analysis.naming.map((c) => c.actor))]
  if (actors.length === 0) return '<p class="empty">No actor mentions were found.</p>'
  const head = `<tr><th>Actor</th>${arts.map((a) => `<th>${escapeHtml(names.get(a.id) ?? a.id)}</th>`).join('')}</tr>`
  const rows = actors.map((actor) => {
    const cells = arts.map((a) => {
      const cell = analysis.naming.find((c) => c.actor === actor && c.article === a.id)
      if (!cell || (cell.terms.length === 0 && !cell.nested?.length)) return '<td class="empty">—</td>'
      const terms = [...cell.terms]
        .sort((x, y) => y.count - x.count)
        .map((t) => {
          const marked = t.viewpoint !== 'neutral' && !t.viewpoint.startsWith('neutral')
          return `<li${marked ? ' class="vp"' : ''}>${marked ? '⚑ ' : ''}“${escapeHtml(t.surface)}” ×${t.count} <span class="facts">${escapeHtml(t.viewpoint)}</span></li>`
        })
      // Named inside another actor's name ("Azerbaijan's State Security Service"): counted as a
      // mention, listed apart because it is not a naming choice.
      for (const n of cell.nested ?? []) terms.push(`<li class="facts">${escapeHtml(nestedPlace(n.within, knownActorLabel(analysis, n.within)))}: “${escapeHtml(n.surface)}” ×${n.count}</li>`)
      return `<td data-naming="${escapeHtml(`${actor}|${a.id}`)}"><ul class="evidence">${terms.join('')}</ul>${cell.meanSentiment !== null ? `<span class="small">sentiment near mentions ${fmt(cell.meanSentiment, 2)}</span>` : ''}</td>`
    })
    return `<tr><th>${escapeHtml(analysisActorLabel(analysis, actor))}</th>${cells.join('')}</tr>`
  })
  return `<p class="sub">⚑ marks a term that signals a viewpoint; “×n” is how many times the article uses it.</p><table class="naming"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`
}

function sourcingTable(analysis: Analysis, arts: readonly Article[], names: ReadonlyMap<ArticleId, string>, red: (s: string) => string): string {
  const blocks = arts.map((a) => {
    const quotes = [...(analysis.language.find((l) => l.article === a.id)?.quotes ?? [])].sort((x, y) => x.start - y.start)
    if (quotes.length === 0) return `<h3>${escapeHtml(names.get(a.id) ?? a.id)}</h3><p class="empty">No quotations or reported speech found.</p>`
    const rows = quotes.map((q) => {
      const t = a.text.slice(q.start, q.end)
      const short = t.length > 160 ? t.slice(0, 157) + '…' : t
      // Reported speech without quotation marks is the outlet's paraphrase, not the speaker's words.
      const kind = q.direct === false ? '<span class="reported">reported speech:</span> ' : ''
      return `<tr><td>${escapeHtml(red(q.anonymous ? 'anonymous source' : q.speaker || 'unidentified'))}</td><td>${escapeHtml(q.side || 'unknown')}</td><td>${escapeHtml(q.verb || '—')}</td><td>${kind}${quoteHtml(red(short))}</td></tr>`
    })
    return `<h3>${escapeHtml(names.get(a.id) ?? a.id)}</h3><table class="sourcing"><thead><tr><th>Speaker</th><th>Side</th><th>Reporting verb</th><th>Quotation or reported speech</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  })
  return blocks.join('')
}

function methods(analysis: Analysis, arts: readonly Article[], names: ReadonlyMap<ArticleId, string>, options: HtmlReportOptions): string {
  const cb = analysis.codebook
  const threshold = options.linkThreshold ?? analysis.linkThreshold
  const codebook = cb
    ? `<p>Codebook “${escapeHtml(cb.name)}” with ${cb.entries.length} entr${cb.entries.length === 1 ? 'y' : 'ies'} (added to the built-in lexicons):</p><table><thead><tr><th>Term</th><th>Category</th><th>Note</th></tr></thead><tbody>${cb.entries.map((e) => `<tr><td>${escapeHtml(e.term)}</td><td>${escapeHtml(CATEGORY_STYLES[e.category].label)}</td><td>${escapeHtml(e.note)}</td></tr>`).join('')}</tbody></table>`
    : '<p>No user codebook: built-in lexicons only.</p>'
  const warnings = arts.flatMap((a) => a.warnings.map((w) => `<li>${escapeHtml(names.get(a.id) ?? a.id)}: ${escapeHtml(w.code)} — ${escapeHtml(w.message)}</li>`))
  const hashes = arts.map((a) => `<tr><td>${escapeHtml(names.get(a.id) ?? a.id)}</td><td class="hash">${escapeHtml(a.hash)}</td><td>${escapeHtml(a.source.format)}, ${escapeHtml(a.source.encoding)}, ${a.source.byteLength} bytes</td></tr>`)
  const reviews = analysis.reviews.length
  const annotations = analysis.annotations.length
  return (
    `<table class="methods-facts"><tbody>` +
    `<tr><th>Engine version</th><td>${escapeHtml(analysis.engineVersion)}</td></tr>` +
    `<tr><th>Lexicon version</th><td>${escapeHtml(analysis.lexiconVersion)}</td></tr>` +
    `<tr><th>Base article</th><td>${escapeHtml(names.get(analysis.base) ?? analysis.base)}</td></tr>` +
    `<tr><th>Link threshold</th><td>${threshold !== undefined ? fmt(threshold, 2) : 'engine default (not recorded in this analysis)'}</td></tr>` +
    `<tr><th>Aligned pairs</th><td>${analysis.alignScope === 'base' ? 'each article with the base article only (this study has too many articles to align every pair)' : 'every pair of articles'}</td></tr>` +
    `<tr><th>Word diffs</th><td>${analysis.diffScope === 'base' ? 'only for passages linked to the base article (this study has too many links to diff every pair)' : 'for every aligned pair of passages'}</td></tr>` +
    `<tr><th>Aligned passages listed</th><td>${(options.passages ?? 'changes') === 'all' ? 'every aligned pair, all open' : 'pairs with a classified change, or with your link, annotation or review; pairs of two articles other than the base collapsed to their counts unless they hold something of yours'}${options.minScore !== undefined ? `, scoring at least ${fmt(options.minScore, 2)} (yours always kept)` : ''}</td></tr>` +
    `<tr><th>Reviews, annotations</th><td>${reviews} flag review(s), ${annotations} user annotation(s)</td></tr>` +
    `<tr><th>Hand corrections</th><td data-corrections>${escapeHtml(correctionsSentence(analysis, options.corrections))}</td></tr>` +
    `</tbody></table>` +
    `<h3>Codebook</h3>${codebook}` +
    `<h3>Analysed texts</h3><p class="small">The SHA-256 hash of each article’s cleaned text proves which text was analysed: recompute it over the UTF-8 text to check.</p><table><thead><tr><th>Article</th><th>SHA-256</th><th>Source</th></tr></thead><tbody>${hashes.join('')}</tbody></table>` +
    (warnings.length ? `<h3>Ingestion warnings</h3><ul class="small">${warnings.join('')}</ul>` : '') +
    `<h3>How the results are produced</h3><ul class="small">` +
    `<li><strong>Alignment.</strong> Each article is split into paragraphs, sentences and words. Passages (runs of sentences) are linked to the base article when they share enough distinctive terms, names, numbers, dates or quotations; different names for the same actor (e.g. “Zionist regime” and “Israel”) count as the same. The score and evidence of each link are listed with it.</li>` +
    `<li><strong>Differences.</strong> Linked passages are compared word by word (diff-match-patch in word mode); substitutions are classified (naming swap, intensity, hedges, reporting verbs, evaluative words, quotations, numbers) by rules, each with its rule id and explanation.</li>` +
    `<li><strong>Flags.</strong> Words and phrases are matched against the project’s own lexicons (loaded wording, labelling, exaggeration, doubt, fear, hedges, factives, reporting verbs, vague sources) and naming classes (contested names), with negation and quotation detection. Each flag records the rule that produced it, a plain explanation and a confidence. Flags are suggestions for a human reader, not verdicts; reviewers can accept or reject each one.</li>` +
    `<li><strong>Sentiment.</strong> Word scores from the AFINN-165 word list (Finn Årup Nielsen, licensed under the Open Database License, ODbL v1.0, via the <code>sentiment</code> package) with the project’s own negation handling; per-sentence score divided by word count.</li>` +
    `<li><strong>Quotations and sources.</strong> Quoted passages, their speakers and reporting verbs are detected by pattern rules; the speaker’s side comes from the naming classes when the speaker resolves to a known actor.</li>` +
    `</ul>` +
    (arts.some((a) => a.meta.constructed)
      ? '<p class="small"><strong>Constructed teaching samples.</strong> Articles marked as constructed were written by the Parallax project for teaching: the outlets are fictional and the wording is invented, while the facts follow public reporting of the events.</p>'
      : '')
  )
}

/** "1 merge" / "0 merges". */
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/**
 * The Methods sentence on hand corrections of the alignment: applied ones by kind, then those
 * that did not apply (the JSON export lists both, under `methods.corrections` and
 * `methods.skippedCorrections`). A paper's methods section must say what was changed by hand:
 * in the links table only added links show (origin 'user'); removals show nowhere.
 */
export function correctionsSentence(analysis: Analysis, corrections: readonly AlignmentCorrection[] | undefined): string {
  if (corrections === undefined) return 'Alignment corrections by hand: not recorded in this report.'
  const skipped = skippedCorrections(analysis, corrections)
  const applied = appliedCorrections(analysis, corrections)
  if (applied.length === 0 && skipped.length === 0) return 'Alignment corrected by hand: none (every link is the machine’s).'
  const c = correctionCounts(applied)
  const parts = [
    `Alignment corrected by hand: ${count(c.link, 'link', 'links')} added, ${c.unlink} removed, ${count(c.merge, 'merge', 'merges')}, ${count(c.split, 'split', 'splits')}`
  ]
  const stale = skipped.filter((k) => !k.pairNotAligned).length
  const unaligned = skipped.length - stale
  if (stale > 0) parts.push(`${count(stale, 'correction', 'corrections')} no longer applied (the analysis no longer produces ${stale === 1 ? 'its link' : 'their links'}; see the JSON export)`)
  if (unaligned > 0) parts.push(`${count(unaligned, 'correction', 'corrections')} not applied: ${unaligned === 1 ? 'it joins' : 'they join'} two articles other than the base, a pair this study does not align (see the JSON export)`)
  return parts.join('; ') + '.'
}

/** A quotation in `<q>`, unless the text already carries its own quotation marks. */
export function quoteHtml(text: string): string {
  return /^["“‘'«„]/.test(text.trim()) ? escapeHtml(text) : `<q>${escapeHtml(text)}</q>`
}
