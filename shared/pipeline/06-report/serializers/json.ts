/**
 * JSON export ("everything"): the analysis flattened into documented, offset-addressed records
 * for researchers (`parallax compare --json`, `parallax export --format json`, the app's
 * Export… menu). Every column of every record is documented in docs/exports.md; the CSV files
 * (csv.ts) are projections of these same records, so the two can never disagree.
 *
 * Invariants (tested in tests/shared/pipeline/06-report/json.test.ts and tests/cli):
 *  - every span is `[start, end)` in UTF-16 code units into `articles[i].text` of the record's
 *    `article`; `flags[k].text === articleText.slice(start, end)`;
 *  - the same analysis (and options) always yields the same JSON text: arrays are sorted by
 *    article (study order) then offset, links by article pair (side a's article, then side
 *    b's) then offset, and no clock is read here (`generatedAt` is passed in).
 */
import type {
  AlignmentCorrection,
  Analysis,
  Annotation,
  Article,
  ArticleId,
  Change,
  Codebook,
  CutOffsets,
  DiffOp,
  EvidenceKind,
  FlagCategory,
  FlagReview,
  IngestWarning,
  LinkOrigin,
  NamingCell,
  OutletMetrics,
  PassageRef,
  Quote,
  Unmatched
} from '../../../model'
import type { StudySettings } from '../../../model'
import { MACHINE_CATEGORIES } from '../../../model/categories'

/** Marks the file so a study loader can tell an export from a study (see shared/study). */
export const EXPORT_FORMAT = 'parallax-analysis'
/** Bump when a record loses a field or a field changes meaning (adding fields is compatible). */
export const EXPORT_FORMAT_VERSION = 1

export interface JsonExportOptions {
  /** ISO timestamp of the export; omitted from the output when not given. */
  readonly generatedAt?: string
  /** Settings the analysis ran with (recorded under `methods.settings`; `linkThreshold`
   *  defaults to the one the analysis recorded). */
  readonly settings?: StudySettings & { readonly linkThreshold?: number }
  /** Study title, when the analysis came from a study. */
  readonly title?: string
  /**
   * The study's stored corrections (`Study.corrections`), when the analysis came from a study:
   * lets `methods.skippedCorrections` tell a correction that no longer applies from one whose
   * article pair this analysis did not align (see `skippedCorrections`).
   */
  readonly corrections?: readonly AlignmentCorrection[]
}

/** A stored correction that had no effect on this analysis (`methods.skippedCorrections`). */
export interface SkippedCorrection {
  /** Position of the correction in the study's `corrections[]` (0-based). */
  readonly index: number
  readonly kind: AlignmentCorrection['kind']
  /** Why it did not apply, in one plain sentence. */
  readonly reason: string
  /**
   * True when the correction joins two articles other than the base and the analysis aligned
   * each article with the base only (`alignScope` 'base'): the pair was not aligned, so the
   * correction is not stale, it just has nothing to act on in this analysis.
   */
  readonly pairNotAligned: boolean
}

/** One passage a correction names: a sentence range `[sentenceStart, sentenceEnd)` and its offsets. */
export interface CorrectionPassage {
  readonly article: ArticleId
  /** Character offsets; null only when the sentence range lies outside the article's segmentation. */
  readonly start: number | null
  readonly end: number | null
  readonly sentenceStart: number
  readonly sentenceEnd: number
}

/**
 * A stored correction that applied to this analysis (`methods.corrections`), so a methods
 * section can say what was corrected by hand: the link, unlink, merge and split corrections
 * otherwise show only through their effect on `links[]` (`origin: 'user'` for added ones).
 */
export interface ExportCorrection {
  /** Position of the correction in the study's `corrections[]` (0-based). */
  readonly index: number
  readonly kind: AlignmentCorrection['kind']
  /** When it was made (the study's `at`), or null when not recorded. */
  readonly at: string | null
  /**
   * The passages it concerns, side a then side b of each link it names: a link correction's two
   * refs exactly as stored; for unlink, merge and split the sides of each named link id, with
   * offsets from this analysis's segmentation (the study stores only sentence ranges there).
   */
  readonly passages: readonly CorrectionPassage[]
  /** The link ids it names, as stored (empty for 'link', which names passages instead). */
  readonly linkIds: readonly string[]
  /** Split only, as stored: first sentence of the second half on side a / b (null: side not cut). */
  readonly atA?: number | null
  readonly atB?: number | null
  /** Split only, as stored: `{end, start}` offsets of the cut boundary when it was made (null: not recorded). */
  readonly cutA?: CutOffsets | null
  readonly cutB?: CutOffsets | null
}

/** Applied corrections by kind (`methods.correctionCounts`). */
export type CorrectionCounts = Readonly<Record<AlignmentCorrection['kind'], number>>

/** The kinds in the order exports count them. */
export const CORRECTION_KINDS = ['link', 'unlink', 'merge', 'split'] as const satisfies readonly AlignmentCorrection['kind'][]

export interface ExportArticle {
  readonly id: ArticleId
  readonly title: string
  readonly outlet: string
  readonly author: string
  readonly date: string
  readonly url: string
  readonly language: string
  readonly viewpoint: string
  readonly constructed: boolean
  readonly note: string
  readonly isBase: boolean
  readonly hash: string
  readonly source: { readonly format: string; readonly fileName: string; readonly encoding: string; readonly byteLength: number }
  readonly warnings: readonly IngestWarning[]
  readonly text: string
}

export interface ExportRef {
  readonly article: ArticleId
  readonly start: number
  readonly end: number
  readonly sentenceStart: number
  readonly sentenceEnd: number
  readonly text: string
}

export interface ExportLink {
  readonly id: string
  readonly a: ExportRef
  readonly b: ExportRef
  readonly score: number
  readonly origin: LinkOrigin
  readonly evidence: readonly {
    readonly kind: EvidenceKind
    readonly a: string
    readonly b: string
    readonly weight: number
    readonly referent: string | null
  }[]
  /** Tone and loaded-wording difference, side b minus side a (null in hand-made analyses without deltas). */
  readonly delta: {
    readonly sentimentA: number
    readonly sentimentB: number
    readonly sentiment: number
    readonly loadedA: number
    readonly loadedB: number
    readonly loaded: number
  } | null
}

export type ReviewStatus = 'accepted' | 'rejected' | null

export interface ExportFlag {
  readonly id: string
  readonly article: ArticleId
  readonly start: number
  readonly end: number
  readonly text: string
  readonly category: FlagCategory
  readonly rule: string
  readonly explanation: string
  readonly inQuote: boolean
  readonly confidence: number
  readonly referent: string | null
  readonly viewpoint: string | null
  readonly negated: boolean
  /** 'machine' for engine suggestions; 'user' for the user's own annotations. */
  readonly origin: 'machine' | 'user'
  readonly review: ReviewStatus
  readonly reviewNote: string
}

export interface ExportSentence {
  readonly article: ArticleId
  readonly index: number
  readonly paragraph: number
  readonly start: number
  readonly end: number
  readonly sentiment: number
  readonly comparative: number
}

export interface ExportChange {
  readonly kind: Change['kind']
  readonly rule: string
  readonly explanation: string
  readonly a: { readonly article: ArticleId; readonly start: number; readonly end: number; readonly text: string } | null
  readonly b: { readonly article: ArticleId; readonly start: number; readonly end: number; readonly text: string } | null
}

export interface ExportDiff {
  readonly linkId: string
  readonly timedOut: boolean
  readonly changes: readonly ExportChange[]
  readonly ops: readonly DiffOp[]
}

export interface JsonExport {
  readonly format: typeof EXPORT_FORMAT
  readonly formatVersion: number
  readonly generatedAt?: string
  readonly title: string
  readonly base: ArticleId
  readonly methods: {
    readonly engineVersion: string
    readonly lexiconVersion: string
    readonly codebook: Codebook | null
    readonly settings: Readonly<Record<string, unknown>>
    /** 'all' pairs of articles aligned, or 'base': each article with the base only (null: not recorded). */
    readonly alignScope: 'all' | 'base' | null
    /** 'all' links word-diffed, or 'base': only links involving the base (null: not recorded). */
    readonly diffScope: 'all' | 'base' | null
    readonly corrections: readonly ExportCorrection[]
    readonly correctionCounts: CorrectionCounts
    readonly skippedCorrections: readonly SkippedCorrection[]
    readonly articleHashes: readonly { readonly article: ArticleId; readonly sha256: string }[]
    readonly offsets: string
    readonly reviews: readonly FlagReview[]
  }
  readonly articles: readonly ExportArticle[]
  readonly links: readonly ExportLink[]
  readonly flags: readonly ExportFlag[]
  readonly sentences: readonly ExportSentence[]
  readonly unmatched: readonly (Unmatched & { readonly text: string })[]
  readonly diffs: readonly ExportDiff[]
  readonly quotes: readonly (Quote & { readonly text: string })[]
  readonly annotations: readonly Annotation[]
  readonly metrics: readonly (OutletMetrics & { readonly outlet: string })[]
  readonly naming: readonly (NamingCell & { readonly outlet: string })[]
}

/** The latest review per flag id (reviews are appended; a later one overrides). */
function latestReviews(reviews: readonly FlagReview[]): Map<string, FlagReview> {
  const m = new Map<string, FlagReview>()
  for (const r of reviews) {
    const prev = m.get(r.flagId)
    if (!prev || prev.at <= r.at) m.set(r.flagId, r)
  }
  return m
}

/** The two article ids a link id names (`a:0-1~b:2-3`), or null when it is not one. */
function linkArticles(id: string): readonly [string, string] | null {
  const sides = linkSides(id)
  return sides ? [sides[0].article, sides[1].article] : null
}

/** The two sides (article and sentence range) a link id names, or null when it is not one. */
function linkSides(id: string): readonly [LinkSide, LinkSide] | null {
  const m = /^(.*):(\d+)-(\d+)~(.*):(\d+)-(\d+)$/s.exec(id)
  return m
    ? [
        { article: m[1]!, sentenceStart: Number(m[2]), sentenceEnd: Number(m[3]) },
        { article: m[4]!, sentenceStart: Number(m[5]), sentenceEnd: Number(m[6]) }
      ]
    : null
}
type LinkSide = Pick<CorrectionPassage, 'article' | 'sentenceStart' | 'sentenceEnd'>

/** The article pair a stored correction acts on, or null when it names none. */
function correctionArticles(c: AlignmentCorrection): readonly [string, string] | null {
  switch (c.kind) {
    case 'link':
      return [c.a.article, c.b.article]
    case 'merge':
      return c.linkIds[0] === undefined ? null : linkArticles(c.linkIds[0])
    default:
      return linkArticles(c.linkId)
  }
}

/**
 * The corrections that had no effect on this analysis, in stored order. With `corrections`
 * (the study's), a correction between two non-base articles of an analysis that aligned each
 * article with the base only is marked `pairNotAligned` (the app's Pair view aligns such a pair
 * on demand and applies it there; a batch export cannot).
 */
export function skippedCorrections(analysis: Analysis, corrections?: readonly AlignmentCorrection[]): SkippedCorrection[] {
  return (analysis.alignment.skippedCorrections ?? []).map((k) => {
    const c = corrections?.[k.index]
    const pair = c && c.kind === k.kind ? correctionArticles(c) : null
    const pairNotAligned =
      analysis.alignScope === 'base' && pair !== null && pair[0] !== pair[1] && pair[0] !== analysis.base && pair[1] !== analysis.base
    return { index: k.index, kind: k.kind, reason: k.reason, pairNotAligned }
  })
}

/**
 * The stored corrections that applied to this analysis (every one not in its
 * `skippedCorrections`), in study order, with the passages they concern. Empty without
 * `corrections`: the analysis itself does not keep the corrections it replayed.
 */
export function appliedCorrections(analysis: Analysis, corrections?: readonly AlignmentCorrection[]): ExportCorrection[] {
  const skipped = new Set((analysis.alignment.skippedCorrections ?? []).map((k) => k.index))
  const sentencesOf = new Map(analysis.segmentations.map((s) => [s.article, s.sentences]))
  // A side of a link id resolved to offsets through the segmentation the analysis used: the
  // same sentences the corrected link covered (the texts are hash-checked, segmentation is
  // deterministic).
  const resolve = (side: LinkSide): CorrectionPassage => {
    const sents = sentencesOf.get(side.article)
    const first = side.sentenceEnd > side.sentenceStart ? sents?.[side.sentenceStart] : undefined
    const last = first ? sents?.[side.sentenceEnd - 1] : undefined
    return { article: side.article, start: last ? first!.start : null, end: last ? last.end : null, sentenceStart: side.sentenceStart, sentenceEnd: side.sentenceEnd }
  }
  const ofLinks = (ids: readonly string[]): CorrectionPassage[] => ids.flatMap((id) => linkSides(id)?.map(resolve) ?? [])
  const ref = (r: PassageRef): CorrectionPassage => ({ article: r.article, start: r.start, end: r.end, sentenceStart: r.sentenceStart, sentenceEnd: r.sentenceEnd })
  const out: ExportCorrection[] = []
  ;(corrections ?? []).forEach((c, index) => {
    if (skipped.has(index)) return
    const head = { index, kind: c.kind, at: c.at === '' ? null : c.at }
    switch (c.kind) {
      case 'link':
        out.push({ ...head, passages: [ref(c.a), ref(c.b)], linkIds: [] })
        return
      case 'unlink':
        out.push({ ...head, passages: ofLinks([c.linkId]), linkIds: [c.linkId] })
        return
      case 'merge':
        out.push({ ...head, passages: ofLinks(c.linkIds), linkIds: [...c.linkIds] })
        return
      case 'split':
        out.push({
          ...head,
          passages: ofLinks([c.linkId]),
          linkIds: [c.linkId],
          atA: c.atA ?? null,
          atB: c.atB ?? null,
          cutA: c.cutA ?? null,
          cutB: c.cutB ?? null
        })
        return
    }
  })
  return out
}

/** How many corrections of each kind applied (every kind present, 0 when none). */
export function correctionCounts(applied: readonly Pick<ExportCorrection, 'kind'>[]): CorrectionCounts {
  const counts = { link: 0, unlink: 0, merge: 0, split: 0 }
  for (const c of applied) counts[c.kind]++
  return counts
}

/**
 * Own-voice flags per 100 words with every machine category present (0 when none), in the
 * order of metrics.csv's columns, so JSON and CSV readers see the same ten categories.
 */
function allCategoriesPer100(per100: OutletMetrics['flagsPer100']): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of MACHINE_CATEGORIES) out[c] = per100[c] ?? 0
  // A category outside the machine list (none today) is kept rather than silently dropped.
  for (const [c, v] of Object.entries(per100)) if (!(c in out) && v !== undefined) out[c] = v
  return out
}

/** The export record of one article (also what `parallax ingest --json` prints, without isBase). */
export function exportArticle(a: Article, isBase: boolean): ExportArticle {
  return {
    id: a.id,
    title: a.meta.title,
    outlet: a.meta.outlet,
    author: a.meta.author,
    date: a.meta.date,
    url: a.meta.url,
    language: a.meta.language,
    viewpoint: a.meta.viewpoint,
    constructed: a.meta.constructed,
    note: a.meta.note,
    isBase,
    hash: a.hash,
    source: a.source,
    warnings: a.warnings,
    text: a.text
  }
}

/** Build the export object (see `JsonExport`; documented in docs/exports.md). */
export function toJsonExport(analysis: Analysis, options: JsonExportOptions = {}): JsonExport {
  const texts = new Map(analysis.articles.map((a) => [a.id, a.text]))
  const order = new Map(analysis.articles.map((a, i) => [a.id, i]))
  const outletOf = new Map(analysis.articles.map((a) => [a.id, a.meta.outlet]))
  const slice = (article: ArticleId, start: number, end: number): string => (texts.get(article) ?? '').slice(start, end)
  const byPlace = <T extends { readonly article: ArticleId; readonly start: number; readonly end: number }>(x: T, y: T): number =>
    (order.get(x.article) ?? 0) - (order.get(y.article) ?? 0) || x.start - y.start || x.end - y.end

  const articles: ExportArticle[] = analysis.articles.map((a) => exportArticle(a, a.id === analysis.base))

  const ref = (r: Analysis['alignment']['links'][number]['a']): ExportRef => ({
    article: r.article,
    start: r.start,
    end: r.end,
    sentenceStart: r.sentenceStart,
    sentenceEnd: r.sentenceEnd,
    text: slice(r.article, r.start, r.end)
  })
  const linkById = new Map(analysis.alignment.links.map((l) => [l.id, l]))
  const deltas = new Map((analysis.linkDeltas ?? []).map((d) => [d.linkId, d]))
  const deltaOf = (id: string): ExportLink['delta'] => {
    const d = deltas.get(id)
    return d
      ? { sentimentA: d.sentimentA, sentimentB: d.sentimentB, sentiment: d.sentimentDelta, loadedA: d.loadedA, loadedB: d.loadedB, loaded: d.loadedDelta }
      : null
  }
  // Grouped by article pair in study order (side a's article, then side b's), then by offset
  // in a and in b: each pair's links are together and read down the base (or side a) article.
  const articleIndex = (id: ArticleId): number => order.get(id) ?? 0
  const links: ExportLink[] = [...analysis.alignment.links]
    .sort(
      (x, y) =>
        articleIndex(x.a.article) - articleIndex(y.a.article) ||
        articleIndex(x.b.article) - articleIndex(y.b.article) ||
        x.a.start - y.a.start ||
        x.a.end - y.a.end ||
        x.b.start - y.b.start ||
        x.b.end - y.b.end ||
        x.id.localeCompare(y.id)
    )
    .map((l) => ({
      id: l.id,
      a: ref(l.a),
      b: ref(l.b),
      score: l.score,
      origin: l.origin,
      evidence: l.evidence.map((e) => ({ kind: e.kind, a: e.a, b: e.b, weight: e.weight, referent: e.referent ?? null })),
      delta: deltaOf(l.id)
    }))

  // Quotes per article, to mark annotations that sit inside someone else's words.
  const quotesOf = new Map<ArticleId, Quote[]>()
  for (const l of analysis.language) quotesOf.set(l.article, [...l.quotes])
  const inQuote = (article: ArticleId, start: number, end: number): boolean =>
    (quotesOf.get(article) ?? []).some((q) => q.start <= start && end <= q.end)

  const reviews = latestReviews(analysis.reviews)
  const machine: ExportFlag[] = analysis.language.flatMap((l) =>
    l.flags.map((f): ExportFlag => {
      const rv = reviews.get(f.id)
      return {
        id: f.id,
        article: f.article,
        start: f.start,
        end: f.end,
        text: slice(f.article, f.start, f.end),
        category: f.category,
        rule: f.rule,
        explanation: f.explanation,
        inQuote: f.inQuote,
        confidence: f.confidence,
        referent: f.referent ?? null,
        viewpoint: f.viewpoint ?? null,
        negated: f.negated ?? false,
        origin: 'machine',
        review: rv?.status ?? null,
        reviewNote: rv?.note ?? ''
      }
    })
  )
  // User annotations are flags too (rule 'user'): their note is the explanation, and the user
  // picked the category. They are not reviewed (the user wrote them).
  const user: ExportFlag[] = analysis.annotations
    .filter((a) => texts.has(a.article))
    .map((a) => ({
      id: a.id,
      article: a.article,
      start: a.start,
      end: a.end,
      text: slice(a.article, a.start, a.end),
      category: a.category,
      rule: 'user',
      explanation: a.note,
      inQuote: inQuote(a.article, a.start, a.end),
      confidence: 1,
      referent: null,
      viewpoint: null,
      negated: false,
      origin: 'user',
      review: null,
      reviewNote: ''
    }))
  const flags = [...machine, ...user].sort((x, y) => byPlace(x, y) || x.id.localeCompare(y.id))

  const sentences: ExportSentence[] = []
  for (const seg of analysis.segmentations) {
    const lang = analysis.language.find((l) => l.article === seg.article)
    const scores = new Map((lang?.sentences ?? []).map((s) => [s.sentence, s]))
    for (const s of seg.sentences) {
      const sc = scores.get(s.index)
      sentences.push({
        article: seg.article,
        index: s.index,
        paragraph: s.paragraph,
        start: s.start,
        end: s.end,
        sentiment: sc?.score ?? 0,
        comparative: sc?.comparative ?? 0
      })
    }
  }
  sentences.sort(byPlace)

  const side = (article: ArticleId, span: { start: number; end: number } | undefined): ExportChange['a'] =>
    span ? { article, start: span.start, end: span.end, text: slice(article, span.start, span.end) } : null
  const diffs: ExportDiff[] = analysis.diffs.map((d) => {
    const link = linkById.get(d.linkId)
    const aArt = link?.a.article ?? ''
    const bArt = link?.b.article ?? ''
    return {
      linkId: d.linkId,
      timedOut: d.timedOut,
      changes: d.changes.map((c) => ({ kind: c.kind, rule: c.rule, explanation: c.explanation, a: side(aArt, c.a), b: side(bArt, c.b) })),
      ops: d.ops
    }
  })

  const applied = appliedCorrections(analysis, options.corrections)

  // The threshold the analysis recorded, unless the caller states the settings explicitly.
  const given = { ...(analysis.linkThreshold !== undefined ? { linkThreshold: analysis.linkThreshold } : {}), ...options.settings }
  const settings: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(given).sort(([x], [y]) => x.localeCompare(y))) {
    if (v !== undefined) settings[k] = v
  }

  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    title: options.title ?? analysis.articles.find((a) => a.id === analysis.base)?.meta.title ?? '',
    base: analysis.base,
    methods: {
      engineVersion: analysis.engineVersion,
      lexiconVersion: analysis.lexiconVersion,
      codebook: analysis.codebook,
      settings,
      alignScope: analysis.alignScope ?? null,
      diffScope: analysis.diffScope ?? null,
      corrections: applied,
      correctionCounts: correctionCounts(applied),
      skippedCorrections: skippedCorrections(analysis, options.corrections),
      articleHashes: analysis.articles.map((a) => ({ article: a.id, sha256: a.hash })),
      offsets: 'UTF-16 code units into articles[].text, end exclusive',
      reviews: analysis.reviews
    },
    articles,
    links,
    flags,
    sentences,
    unmatched: [...analysis.alignment.unmatched].sort(byPlace).map((u) => ({ ...u, text: slice(u.article, u.start, u.end) })),
    diffs,
    quotes: analysis.language
      .flatMap((l) => l.quotes)
      .sort(byPlace)
      .map((q) => ({ ...q, text: slice(q.article, q.start, q.end) })),
    annotations: analysis.annotations,
    metrics: analysis.metrics.map((m) => ({ ...m, flagsPer100: allCategoriesPer100(m.flagsPer100), outlet: outletOf.get(m.article) ?? '' })),
    naming: analysis.naming.map((n) => ({ ...n, outlet: outletOf.get(n.article) ?? '' }))
  }
}

/** The export as file text: 2-space JSON with a trailing newline. */
export function toJsonExportText(analysis: Analysis, options: JsonExportOptions = {}): string {
  return JSON.stringify(toJsonExport(analysis, options), null, 2) + '\n'
}

/**
 * The same text as `toJsonExportText`, handed to `write` in pieces (one record at a time), for
 * writing a large export without building it as one string: a 20-article study's export is
 * ~33 MB, whose single string (and its UTF-8 copy) cost ~0.3 s and ~100 MB of memory.
 * Invariant: the pieces joined are byte-identical to `toJsonExportText` (tested). Each top-level
 * property is stringified on its own (long arrays in slices), so the layout is JSON.stringify's.
 */
export function writeJsonExportText(analysis: Analysis, options: JsonExportOptions, write: (chunk: string) => void): void {
  const x = toJsonExport(analysis, options) as unknown as Record<string, unknown>
  // JSON.stringify leaves out undefined (and function/symbol) properties.
  const keys = Object.keys(x).filter((k) => x[k] !== undefined && typeof x[k] !== 'function' && typeof x[k] !== 'symbol')
  write('{\n')
  keys.forEach((k, i) => {
    const v = x[k]
    if (Array.isArray(v) && v.length > BATCH) {
      // A long array in slices: each slice stringified as `{"x": slice}` puts its records at
      // the array's depth with JSON.stringify's own layout; only the wrapper is cut off.
      write(`  ${JSON.stringify(k)}: [\n`)
      for (let j = 0; j < v.length; j += BATCH) {
        const text = JSON.stringify({ x: v.slice(j, j + BATCH) }, null, 2)
        write(text.slice(SLICE_HEAD.length, text.length - SLICE_TAIL.length))
        write(j + BATCH < v.length ? ',\n' : '\n')
      }
      write('  ]')
    } else {
      // `{"k": v}` is '{\n  "k": …\n}': the property exactly as it sits in the whole object.
      const text = JSON.stringify({ [k]: v }, null, 2)
      write(text.slice(2, text.length - 2))
    }
    write(i < keys.length - 1 ? ',\n' : '\n')
  })
  write('}\n')
}

/** Records per slice of a long array (a few hundred KB of text). */
const BATCH = 256
const SLICE_HEAD = '{\n  "x": [\n'
const SLICE_TAIL = '\n  ]\n}'
