// Derived, render-ready indexes over one Analysis: per-article lookups and the rows of the
// side-by-side table. Pure functions of engine output (nothing here invents a result).
import type {
  Analysis,
  Annotation,
  Article,
  ArticleId,
  Flag,
  LanguageResult,
  Link,
  PassageDiff,
  Quote,
  Segmentation,
  SentenceSentiment,
  StudyArticle
} from '@shared/model'
import { firstAtOrAfter } from '@shared/util/search'

export interface ArticleIndex {
  readonly id: ArticleId
  readonly article: Article
  readonly seg: Segmentation
  readonly lang: LanguageResult | null
  /** Flags sorted by start offset. */
  readonly flags: readonly Flag[]
  readonly sentiment: ReadonlyMap<number, SentenceSentiment>
  readonly quotes: readonly Quote[]
  readonly words: number
}

/** A passage cell: some sentences of one article placed in one row. */
export interface Cell {
  readonly article: ArticleId
  /** Sorted sentence indices. */
  readonly sentences: readonly number[]
  /** Links (base ↔ this article) that put these sentences here. */
  readonly linkIds: readonly string[]
  /** No counterpart in the base (or, for base cells, in any other article). */
  readonly only: boolean
  /** Placed out of this article's own order (it reports this earlier/later than the base). */
  readonly moved: boolean
}

export interface Row {
  readonly key: string
  readonly index: number
  /** The base passage, or null for a row of content absent from the base. */
  readonly base: Cell | null
  readonly cells: ReadonlyMap<ArticleId, Cell>
}

export interface Derived {
  readonly base: ArticleId
  /** Display order (study order, base first) restricted to analysed articles. */
  readonly order: readonly ArticleId[]
  readonly byId: ReadonlyMap<ArticleId, ArticleIndex>
  readonly rows: readonly Row[]
  readonly links: ReadonlyMap<string, Link>
  readonly diffs: ReadonlyMap<string, PassageDiff>
  /** Flag ids in reading order of the table (row by row, column by column), with their rows. */
  readonly flagOrder: readonly { readonly flagId: string; readonly row: number; readonly article: ArticleId }[]
  readonly flagById: ReadonlyMap<string, Flag>
  /** Per article: sentence index → the row it is shown in (every sentence is in one row). */
  readonly rowOf: ReadonlyMap<ArticleId, Int32Array>
}

export function indexArticle(article: Article, seg: Segmentation, lang: LanguageResult | null): ArticleIndex {
  const flags = [...(lang?.flags ?? [])].sort((a, b) => a.start - b.start || b.end - a.end)
  const sentiment = new Map<number, SentenceSentiment>()
  for (const s of lang?.sentences ?? []) sentiment.set(s.sentence, s)
  const quotes = [...(lang?.quotes ?? [])].sort((a, b) => a.start - b.start)
  const words = seg.tokens.reduce((n, t) => n + (t.kind === 'word' ? 1 : 0), 0)
  return { id: article.id, article, seg, lang, flags, sentiment, quotes, words }
}

/** Links normalised so that `base` is the base side. */
function baseLinks(links: readonly Link[], base: ArticleId): { link: Link; bs: Link['a']; os: Link['b'] }[] {
  const out: { link: Link; bs: Link['a']; os: Link['b'] }[] = []
  for (const l of links) {
    if (l.a.article === base && l.b.article !== base) out.push({ link: l, bs: l.a, os: l.b })
    else if (l.b.article === base && l.a.article !== base) out.push({ link: l, bs: l.b, os: l.a })
  }
  return out
}

function range(a: number, b: number): number[] {
  const r: number[] = []
  for (let i = a; i < b; i++) r.push(i)
  return r
}

/**
 * Rows of the side-by-side table. Base sentences covered by overlapping links merge into one
 * row; each other article's linked sentences sit in the first row they link to; its unlinked
 * sentences get "only" rows right after the row of the sentence that precedes them in that
 * article (a leading run: just before its first linked sentence, but never above the base's
 * first passage), so every sentence of every article appears exactly once and row 1 is always
 * the base's first passage.
 */
export function buildRows(base: ArticleId, order: readonly ArticleId[], byId: ReadonlyMap<ArticleId, ArticleIndex>, links: readonly Link[]): Row[] {
  const baseIdx = byId.get(base)
  if (!baseIdx) return []
  const nBase = baseIdx.seg.sentences.length
  const bl = baseLinks(links, base).filter((x) => byId.has(x.os.article))

  // 1. Base groups: merge base sentence ranges that overlap through links.
  const groupOf = new Int32Array(nBase).fill(-1)
  const spans = bl.map((x) => [x.bs.sentenceStart, Math.max(x.bs.sentenceStart + 1, x.bs.sentenceEnd)] as const).sort((a, b) => a[0] - b[0])
  const groups: [number, number][] = []
  for (const [s, e] of spans) {
    const last = groups[groups.length - 1]
    if (last && s < last[1]) last[1] = Math.max(last[1], e)
    else groups.push([s, e])
  }
  // Unlinked base sentences: one row per run inside a paragraph.
  const all: [number, number, boolean][] = []
  let gi = 0
  for (let s = 0; s < nBase; ) {
    const g = groups[gi]
    if (g && g[0] === s) {
      all.push([g[0], Math.min(g[1], nBase), true])
      s = g[1]
      gi++
      continue
    }
    let e = s + 1
    const para = baseIdx.seg.sentences[s]!.paragraph
    while (e < nBase && (!g || e < g[0]) && baseIdx.seg.sentences[e]!.paragraph === para) e++
    all.push([s, e, false])
    s = e
  }
  all.forEach(([s, e], i) => {
    for (let k = s; k < e; k++) groupOf[k] = i
  })

  // 2. Other articles: place each sentence in the first base row it links to.
  type Placement = { sentences: number[]; linkIds: Set<string>; moved: boolean }
  const placed = new Map<ArticleId, Map<number, Placement>>()
  const extras = new Map<number, Map<ArticleId, number[]>>() // anchor base row → only-runs
  for (const id of order) {
    if (id === base) continue
    const idx = byId.get(id)
    if (!idx) continue
    const n = idx.seg.sentences.length
    const rowOf = new Int32Array(n).fill(-1)
    const linkOf: Set<string>[] = Array.from({ length: n }, () => new Set())
    for (const x of bl) {
      if (x.os.article !== id) continue
      const row = groupOf[Math.min(x.bs.sentenceStart, nBase - 1)] ?? -1
      for (let k = x.os.sentenceStart; k < Math.max(x.os.sentenceStart + 1, x.os.sentenceEnd) && k < n; k++) {
        if (rowOf[k] === -1 || row < rowOf[k]!) rowOf[k] = row
        linkOf[k]!.add(x.link.id)
      }
    }
    const perRow = new Map<number, Placement>()
    // A leading run with no previous sentence sits just before the row of this article's first
    // linked sentence, but never above the base's first passage (row 1 is always the base's).
    let firstLinked = -1
    for (let k = 0; k < n && firstLinked === -1; k++) if (rowOf[k]! >= 0) firstLinked = rowOf[k]!
    let prevRow = Math.max(0, firstLinked - 1)
    let maxRow = -1
    for (let k = 0; k < n; k++) {
      const r = rowOf[k]!
      if (r >= 0) {
        let p = perRow.get(r)
        if (!p) perRow.set(r, (p = { sentences: [], linkIds: new Set(), moved: false }))
        p.sentences.push(k)
        for (const l of linkOf[k]!) p.linkIds.add(l)
        if (r < maxRow) p.moved = true
        maxRow = Math.max(maxRow, r)
        prevRow = r
      } else {
        let m = extras.get(prevRow)
        if (!m) extras.set(prevRow, (m = new Map()))
        const list = m.get(id) ?? []
        list.push(k)
        m.set(id, list)
      }
    }
    placed.set(id, perRow)
  }

  // 3. Emit rows in base order with only-rows after their anchors.
  const linkedBase = new Set<number>()
  for (const x of bl) for (let k = x.bs.sentenceStart; k < Math.max(x.bs.sentenceStart + 1, x.bs.sentenceEnd); k++) linkedBase.add(k)
  const rows: Row[] = []
  const pushExtras = (anchor: number): void => {
    const m = extras.get(anchor)
    if (!m) return
    const cells = new Map<ArticleId, Cell>()
    for (const [id, sentences] of m) cells.set(id, { article: id, sentences, linkIds: [], only: true, moved: false })
    rows.push({ key: `only-after-${anchor}`, index: rows.length, base: null, cells })
  }
  all.forEach(([s, e], i) => {
    const cells = new Map<ArticleId, Cell>()
    const sentences = range(s, e)
    const baseLinkIds = new Set<string>()
    for (const id of order) {
      const p = placed.get(id)?.get(i)
      if (!p) continue
      for (const l of p.linkIds) baseLinkIds.add(l)
      cells.set(id, { article: id, sentences: p.sentences, linkIds: [...p.linkIds], only: false, moved: p.moved })
    }
    const only = !sentences.some((k) => linkedBase.has(k))
    rows.push({
      key: `b${s}-${e}`,
      index: rows.length,
      base: { article: base, sentences, linkIds: [...baseLinkIds], only, moved: false },
      cells
    })
    pushExtras(i)
  })
  return rows
}

export function derive(analysis: Analysis, studyOrder: readonly StudyArticle[]): Derived {
  const byId = new Map<ArticleId, ArticleIndex>()
  analysis.articles.forEach((a, i) => {
    const seg = analysis.segmentations.find((s) => s.article === a.id) ?? analysis.segmentations[i]
    if (!seg) return
    byId.set(a.id, indexArticle(a, seg, analysis.language.find((l) => l.article === a.id) ?? null))
  })
  const base = analysis.base
  const order = [base, ...studyOrder.map((a) => a.id).filter((id) => id !== base && byId.has(id))]
  for (const a of analysis.articles) if (!order.includes(a.id)) order.push(a.id)
  const rows = buildRows(base, order, byId, analysis.alignment.links)
  const rowOf = rowsOfSentences(rows, base, byId)
  const links = new Map(analysis.alignment.links.map((l) => [l.id, l]))
  const diffs = new Map(analysis.diffs.map((d) => [d.linkId, d]))
  const flagById = new Map<string, Flag>()
  for (const idx of byId.values()) for (const f of idx.flags) flagById.set(f.id, f)
  const flagOrder: { flagId: string; row: number; article: ArticleId }[] = []
  for (const row of rows) {
    for (const id of order) {
      const cell = id === base ? row.base : row.cells.get(id)
      const idx = byId.get(id)
      if (!cell || !idx) continue
      for (const k of cell.sentences) {
        const s = idx.seg.sentences[k]
        if (!s) continue
        for (const f of flagsIn(idx.flags, s.start, s.end)) flagOrder.push({ flagId: f.id, row: row.index, article: id })
      }
    }
  }
  return { base, order, byId, rows, links, diffs, flagOrder, flagById, rowOf }
}

/** Sentence → row lookup per article (-1 for a sentence no row holds, which buildRows avoids). */
export function rowsOfSentences(rows: readonly Row[], base: ArticleId, byId: ReadonlyMap<ArticleId, ArticleIndex>): Map<ArticleId, Int32Array> {
  const out = new Map<ArticleId, Int32Array>()
  for (const [id, idx] of byId) out.set(id, new Int32Array(idx.seg.sentences.length).fill(-1))
  for (const row of rows) {
    if (row.base) for (const k of row.base.sentences) out.get(base)![k] = row.index
    for (const [id, c] of row.cells) {
      const m = out.get(id)
      if (m) for (const k of c.sentences) m[k] = row.index
    }
  }
  return out
}

/**
 * Where a passage sits in its own article: paragraph of its first sentence (1-based), first and
 * last sentence (1-based), the sentences as 1-based ranges ("3–5, 9": a cell may hold
 * non-adjacent sentences), and the article's sentence count.
 */
export function positionIn(idx: ArticleIndex, sentences: readonly number[]): { paragraph: number; sentence: number; last: number; ranges: string; count: number; of: number } {
  const first = sentences[0] ?? 0
  const last = sentences[sentences.length - 1] ?? first
  const parts: string[] = []
  for (let i = 0; i < sentences.length; ) {
    let j = i
    while (j + 1 < sentences.length && sentences[j + 1] === sentences[j]! + 1) j++
    parts.push(j > i ? `${sentences[i]! + 1}–${sentences[j]! + 1}` : `${sentences[i]! + 1}`)
    i = j + 1
  }
  return { paragraph: (idx.seg.sentences[first]?.paragraph ?? 0) + 1, sentence: first + 1, last: last + 1, ranges: parts.join(', '), count: sentences.length, of: idx.seg.sentences.length }
}

/** Flags starting inside [start, end) (binary search over the sorted list). */
export function flagsIn(flags: readonly Flag[], start: number, end: number): Flag[] {
  const out: Flag[] = []
  for (let i = firstAtOrAfter(flags, start); i < flags.length && flags[i]!.start < end; i++) out.push(flags[i]!)
  return out
}

/** A user annotation shown like a flag (same tooltip and hooks, rule "user"). */
export function annotationFlag(a: Annotation, text: string): Flag {
  return {
    id: `annotation:${a.id}`,
    article: a.article,
    start: a.start,
    end: a.end,
    text: text.slice(a.start, a.end),
    category: a.category,
    rule: 'user',
    explanation: a.note || 'Your annotation.',
    confidence: 1,
    inQuote: false
  }
}

/** Sum of sentence sentiment over some sentences. */
export function sentimentOf(idx: ArticleIndex, sentences: readonly number[]): number {
  let s = 0
  for (const k of sentences) s += idx.sentiment.get(k)?.score ?? 0
  return s
}

export function displayName(meta: StudyArticle['meta'] | undefined, id: string): string {
  return meta?.outlet || meta?.title || id
}
