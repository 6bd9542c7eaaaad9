/**
 * Stage 06-report: per-outlet aggregates and the actor × outlet naming table.
 *
 * Pure arithmetic over the outputs of stages 02–05; nothing here reads the text again except
 * to copy the surface form of a naming mention (by its offsets). Every number the UI charts and
 * every exported metric comes from this function, so their definitions live here (and are
 * restated for users in docs/exports.md):
 *
 *  - words          = tokens of kind 'word' (numbers and punctuation excluded);
 *  - flagsPer100    = own-voice flags (not `inQuote`) per 100 words, by category;
 *  - ownVoiceFlags / quotedFlags = flag counts outside / inside quotations;
 *  - meanSentiment  = mean of the per-sentence sentiment `score` over all sentences (0 when
 *                     the article has none);
 *  - uniqueShare    = share of sentences no link touches, i.e. with no counterpart in any other
 *                     article; 0 when the article was analysed alone (there is nothing to be
 *                     unique against, and 1.0 would read as "all omitted elsewhere");
 *  - sourcesBySide  = number of quotations per speaker side ('' = side unknown);
 *  - linkDeltas     = per link, side b minus side a: summed sentence sentiment of each passage
 *                     and own-voice framing flags (FRAMING_CATEGORIES) starting inside it;
 *  - naming cells    = per actor × article, the naming-resource terms used (coreference
 *                     mentions such as "he" are not naming choices and are left out of
 *                     `terms`, but their sentences count for the cell's meanSentiment);
 *                     actors named inside another actor's name (`nestedMentions`:
 *                     "Azerbaijan's" in "Azerbaijan's State Security Service") go to
 *                     `nested`, not `terms` (the outlet chose the institution's name, not a
 *                     word for the country), and their sentences count for meanSentiment too.
 *                     A cell exists when the actor has a term or a nested mention; how often
 *                     the article names the actor is `namedCount(cell)` = terms + nested.
 *                     meanSentiment averages each sentence once per actor, however often the
 *                     actor is named in it.
 *
 * Machine flags only: reviews and user annotations are applied by the consumers (exports show
 * review status per flag), so the aggregates stay reproducible from the texts alone.
 */
import type {
  Alignment,
  Article,
  ArticleId,
  FlagCategory,
  LanguageResult,
  LinkDelta,
  NamingCell,
  OutletMetrics,
  Segmentation
} from '../../model'
import type { NamingResource } from '../../resources/naming'

export interface BuildReportInput {
  readonly articles: readonly Article[]
  /** Same order as `articles`. */
  readonly segmentations: readonly Segmentation[]
  readonly alignment: Alignment
  /** Same order as `articles`. */
  readonly language: readonly LanguageResult[]
  readonly naming: NamingResource
}

export interface Report {
  readonly metrics: OutletMetrics[]
  readonly naming: NamingCell[]
  readonly linkDeltas: LinkDelta[]
}

/**
 * Flag categories that frame (tell the reader how to judge) rather than mark epistemic stance
 * or sourcing; the loaded-wording delta of a link counts these.
 */
export const FRAMING_CATEGORIES: ReadonlySet<FlagCategory> = new Set<FlagCategory>([
  'loaded', 'labeling', 'exaggeration', 'doubt', 'fear', 'contested-naming', 'reporting-verb'
])

/** Rounded to 4 decimals so exports are stable across platforms and readable in CSV. */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000
}

function byArticle<T extends { readonly article: ArticleId }>(items: readonly T[]): Map<ArticleId, T> {
  const m = new Map<ArticleId, T>()
  for (const it of items) m.set(it.article, it)
  return m
}

/**
 * For each article, the set of sentence indices some link covers. Links carry sentence ranges
 * `[sentenceStart, sentenceEnd)` on both sides, so coverage needs no offset arithmetic.
 */
function linkedSentences(alignment: Alignment): Map<ArticleId, Set<number>> {
  const covered = new Map<ArticleId, Set<number>>()
  const mark = (article: ArticleId, from: number, to: number): void => {
    let s = covered.get(article)
    if (!s) covered.set(article, (s = new Set()))
    for (let i = from; i < to; i++) s.add(i)
  }
  for (const l of alignment.links) {
    mark(l.a.article, l.a.sentenceStart, l.a.sentenceEnd)
    mark(l.b.article, l.b.sentenceStart, l.b.sentenceEnd)
  }
  return covered
}

export function buildReport(input: BuildReportInput): Report {
  const { articles, alignment, naming } = input
  const segs = byArticle(input.segmentations)
  const langs = byArticle(input.language)
  const covered = linkedSentences(alignment)
  const alone = articles.length < 2

  const metrics: OutletMetrics[] = []
  const cells: NamingCell[] = []

  for (const article of articles) {
    const seg = segs.get(article.id)
    const lang = langs.get(article.id)
    const words = seg ? seg.tokens.reduce((n, t) => n + (t.kind === 'word' ? 1 : 0), 0) : 0
    const sentenceCount = seg ? seg.sentences.length : 0
    const flags = lang?.flags ?? []

    const ownByCategory = new Map<FlagCategory, number>()
    let own = 0
    let quoted = 0
    for (const f of flags) {
      if (f.inQuote) {
        quoted++
      } else {
        own++
        ownByCategory.set(f.category, (ownByCategory.get(f.category) ?? 0) + 1)
      }
    }
    const flagsPer100: Partial<Record<FlagCategory, number>> = {}
    // Sorted keys keep the serialised metrics byte-stable regardless of flag order.
    for (const cat of [...ownByCategory.keys()].sort()) {
      flagsPer100[cat] = words > 0 ? round4((ownByCategory.get(cat)! * 100) / words) : 0
    }

    // Sentiment per sentence index (the language stage may omit sentences; those count as 0
    // only through the mean's denominator being the scored sentences).
    const sentScore = new Map<number, number>()
    for (const s of lang?.sentences ?? []) sentScore.set(s.sentence, s.score)
    const scores = [...sentScore.values()]
    const meanSentiment = scores.length > 0 ? round4(scores.reduce((a, b) => a + b, 0) / scores.length) : 0

    const cov = covered.get(article.id)
    const linked = cov ? [...cov].filter((i) => i < sentenceCount).length : 0
    const uniqueShare = alone || sentenceCount === 0 ? 0 : round4((sentenceCount - linked) / sentenceCount)

    const sides: Record<string, number> = {}
    for (const q of lang?.quotes ?? []) sides[q.side] = (sides[q.side] ?? 0) + 1
    const sourcesBySide: Record<string, number> = {}
    for (const k of Object.keys(sides).sort()) sourcesBySide[k] = sides[k]!

    metrics.push({
      article: article.id,
      words,
      sentences: sentenceCount,
      flagsPer100,
      ownVoiceFlags: own,
      quotedFlags: quoted,
      meanSentiment,
      uniqueShare,
      sourcesBySide
    })

    cells.push(...namingCells(article, lang, sentScore, naming))
  }

  // Actor-major order (then article order as given) so the table reads row by row.
  const actorOrder = new Map(naming.actors.map((a, i) => [a.id, i]))
  const articleOrder = new Map(articles.map((a, i) => [a.id, i]))
  cells.sort(
    (x, y) =>
      (actorOrder.get(x.actor) ?? Number.MAX_SAFE_INTEGER) - (actorOrder.get(y.actor) ?? Number.MAX_SAFE_INTEGER) ||
      x.actor.localeCompare(y.actor) ||
      (articleOrder.get(x.article) ?? 0) - (articleOrder.get(y.article) ?? 0)
  )
  return { metrics, naming: cells, linkDeltas: linkDeltas(alignment, langs) }
}

/** Sentiment and loaded-wording differences for every link (see the header for definitions). */
function linkDeltas(alignment: Alignment, langs: ReadonlyMap<ArticleId, LanguageResult>): LinkDelta[] {
  // Per article: sentence score by index, and own-voice framing flag starts sorted for counting.
  const sentiment = new Map<ArticleId, Map<number, number>>()
  const framingStarts = new Map<ArticleId, number[]>()
  for (const [id, lang] of langs) {
    sentiment.set(id, new Map(lang.sentences.map((s) => [s.sentence, s.score])))
    framingStarts.set(id, lang.flags.filter((f) => !f.inQuote && FRAMING_CATEGORIES.has(f.category)).map((f) => f.start).sort((x, y) => x - y))
  }
  const sumSentiment = (article: ArticleId, from: number, to: number): number => {
    const m = sentiment.get(article)
    let sum = 0
    for (let i = from; i < to; i++) sum += m?.get(i) ?? 0
    return round4(sum)
  }
  const countIn = (article: ArticleId, start: number, end: number): number => {
    const xs = framingStarts.get(article) ?? []
    return lowerBound(xs, end) - lowerBound(xs, start)
  }
  return alignment.links.map((l) => {
    const sentimentA = sumSentiment(l.a.article, l.a.sentenceStart, l.a.sentenceEnd)
    const sentimentB = sumSentiment(l.b.article, l.b.sentenceStart, l.b.sentenceEnd)
    const loadedA = countIn(l.a.article, l.a.start, l.a.end)
    const loadedB = countIn(l.b.article, l.b.start, l.b.end)
    return {
      linkId: l.id,
      sentimentA,
      sentimentB,
      sentimentDelta: round4(sentimentB - sentimentA),
      loadedA,
      loadedB,
      loadedDelta: loadedB - loadedA
    }
  })
}

/** First index of a sorted array whose value is >= x. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** One cell per actor mentioned in `article`: the terms used, where, and the tone around them. */
function namingCells(
  article: Article,
  lang: LanguageResult | undefined,
  sentScore: ReadonlyMap<number, number>,
  naming: NamingResource
): NamingCell[] {
  interface TermAcc {
    term: string
    surface: string
    /** Written forms (possessive dropped) → uses; `surface` is the most used, ties by first seen. */
    forms: Map<string, number>
    count: number
    viewpoint: string
    offsets: number[]
  }
  interface NestedAcc extends TermAcc {
    within: string
  }
  const byActor = new Map<string, { terms: Map<string, TermAcc>; nested: Map<string, NestedAcc>; sentences: Set<number> }>()
  const actorAcc = (actor: string): { terms: Map<string, TermAcc>; nested: Map<string, NestedAcc>; sentences: Set<number> } => {
    let acc = byActor.get(actor)
    if (!acc) byActor.set(actor, (acc = { terms: new Map(), nested: new Map(), sentences: new Set() }))
    return acc
  }
  const mentions = [...(lang?.mentions ?? [])].sort((a, b) => a.start - b.start || a.end - b.end)
  for (const m of mentions) {
    const acc = actorAcc(m.actor)
    acc.sentences.add(m.sentence)
    // Coreference mentions ("he", "the spokesman": term ids outside the naming resource) say
    // where the actor is talked about, so they count for the sentiment around it, but they are
    // not naming choices and stay out of the terms list.
    const termInfo = naming.termById.get(m.term)
    if (!termInfo) continue
    let t = acc.terms.get(m.term)
    if (!t) {
      t = { term: m.term, surface: '', forms: new Map(), count: 0, viewpoint: termInfo.viewpoint, offsets: [] }
      acc.terms.set(m.term, t)
    }
    addUse(t, article.text.slice(m.start, m.end), m.start)
  }
  // Nested mentions: grouped by containing actor and inner term. Their sentences join the
  // actor's set (a Set: a sentence naming the actor twice, or by name and inside a name, counts
  // once for meanSentiment).
  const nested = [...(lang?.nestedMentions ?? [])].sort((a, b) => a.start - b.start || a.end - b.end)
  for (const m of nested) {
    const termInfo = naming.termById.get(m.term)
    if (!termInfo) continue
    const acc = actorAcc(m.actor)
    acc.sentences.add(m.sentence)
    const within = m.within ?? ''
    const key = `${within}\u0000${m.term}`
    let t = acc.nested.get(key)
    if (!t) {
      t = { within, term: m.term, surface: '', forms: new Map(), count: 0, viewpoint: termInfo.viewpoint, offsets: [] }
      acc.nested.set(key, t)
    }
    addUse(t, article.text.slice(m.start, m.end), m.start)
  }
  // Most used first; ties by first appearance.
  const order = (a: TermAcc, b: TermAcc): number => b.count - a.count || a.offsets[0]! - b.offsets[0]!
  const out: NamingCell[] = []
  for (const [actor, acc] of byActor) {
    // Only-coreference actors have no cell (nothing names them; "he" alone is not a mention
    // the table can show).
    if (acc.terms.size === 0 && acc.nested.size === 0) continue
    const scored = [...acc.sentences].filter((s) => sentScore.has(s)).map((s) => sentScore.get(s)!)
    const cell: NamingCell = {
      actor,
      article: article.id,
      terms: [...acc.terms.values()]
        .sort(order)
        .map((t) => ({ term: t.term, surface: t.surface, count: t.count, viewpoint: t.viewpoint, offsets: t.offsets })),
      meanSentiment: scored.length > 0 ? round4(scored.reduce((a, b) => a + b, 0) / scored.length) : null
    }
    // `nested` only when there are some, so cells (and exports) without them are unchanged.
    out.push(
      acc.nested.size === 0
        ? cell
        : {
            ...cell,
            nested: [...acc.nested.values()]
              .sort(order)
              .map((t) => ({ within: t.within, term: t.term, surface: t.surface, count: t.count, viewpoint: t.viewpoint, offsets: t.offsets }))
          }
    )
  }
  return out
}

/**
 * Counts one use of a term and keeps `surface` = the form the article writes most (ties: the
 * first written), so a table shows "Azerbaijan ×14" for an article that mostly writes
 * "Azerbaijan" even when its first use is "Azerbaijan's". A possessive ending is not a naming
 * choice and is dropped from the shown form; the invariant the offsets keep is that
 * `text.slice(offset, offset + surface.length)` equals `surface` up to case.
 */
function addUse(t: { surface: string; forms: Map<string, number>; count: number; offsets: number[] }, written: string, start: number): void {
  const form = written.replace(/(?:['’]s|(?<=s)['’])$/u, '')
  const n = (t.forms.get(form) ?? 0) + 1
  t.forms.set(form, n)
  // Map order is first-seen order, so a strict "more than" keeps the earlier form on ties.
  if (t.surface === '' || n > (t.forms.get(t.surface) ?? 0)) t.surface = form
  t.count++
  t.offsets.push(start)
}

/**
 * How often the article names the cell's actor: uses of its terms plus mentions inside other
 * actors' names (`nested`). Coreference ("he", "the spokesman") is not counted: it is not a name.
 */
export function namedCount(cell: NamingCell): number {
  let n = 0
  for (const t of cell.terms) n += t.count
  for (const t of cell.nested ?? []) n += t.count
  return n
}
