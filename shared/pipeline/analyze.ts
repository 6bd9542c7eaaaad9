/**
 * The composer: the only module that imports every stage, and runs them in order
 * (segment → align → diff → language → report). Ingestion (01) is async and runs before this,
 * per file, so that one bad file never stops the others.
 *
 * Input and output are plain readonly data, so the same call runs in the renderer's worker,
 * in the CLI and in tests.
 */
import type {
  Analysis, Article, ArticleId, AlignmentCorrection, Annotation, Codebook, FlagReview, LanguageResult, Link, LinkDelta, NamingCell,
  PassageDiff, Segmentation
} from '../model'
import { builtinNaming, type NamingResource } from '../resources/naming'
import { segment } from './02-segment/segment'
import { align, alignPairs, DEFAULT_LINK_THRESHOLD, prepareAlignment, preparedFrom, type PreparedAlignment } from './03-align/align'
import { diffLinks } from './04-diff/diffLinks'
import { analyzeLanguage, LEXICON_VERSION } from './05-language/analyzeLanguage'
import { buildReport } from './06-report/buildReport'
import { ENGINE_VERSION } from '../version'
import { ALL_PAIRS_MAX_ARTICLES, DIFF_ALL_LINKS_MAX } from './limits'

// The scope limits live in a module of their own so the UI can name them without importing
// the engine; re-exported here for the composer's callers.
export { ALL_PAIRS_MAX_ARTICLES, DIFF_ALL_LINKS_MAX } from './limits'

export type StageName = 'segment' | 'align' | 'diff' | 'language' | 'report'

export interface AnalyzeInput {
  readonly articles: readonly Article[]
  /** Defaults to the first article. */
  readonly base?: ArticleId
  readonly corrections?: readonly AlignmentCorrection[]
  readonly reviews?: readonly FlagReview[]
  readonly annotations?: readonly Annotation[]
  readonly codebook?: Codebook | null
  readonly naming?: NamingResource
  readonly linkThreshold?: number
  /** Called between stages; `done` counts finished stages out of 5. */
  readonly onProgress?: (stage: StageName, done: number, total: number) => void
  /** Checked between stages; when it returns true the run stops with a CancelledError. */
  readonly isCancelled?: () => boolean
  /**
   * Receives, right after the align stage, the preparation the align stage made of the
   * articles (features, rarity, candidate index, and the direct links of every pair it
   * aligned). It fits the returned analysis (its `articles` and `segmentations` objects, and
   * `naming`), so passing it as alignPair's `prepared` aligns on-demand pairs without preparing
   * again and without realigning the pairs analyze() already aligned. Not called when the run
   * fails or is cancelled before the align stage ends. Without this callback the preparation is
   * dropped after the align stage (it is a large share of the stage's memory).
   */
  readonly onPrepared?: (prepared: PreparedAlignment) => void
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled')
    this.name = 'CancelledError'
  }
}

/** Wall-clock milliseconds per stage of the last run (for `npm run bench`). */
export type StageTimings = Record<StageName, number>

export function analyze(input: AnalyzeInput, timings?: Partial<StageTimings>): Analysis {
  const { articles } = input
  if (articles.length === 0) throw new RangeError('analyze() needs at least one article')
  const base = input.base ?? articles[0]!.id
  const naming = input.naming ?? builtinNaming()
  const codebook = input.codebook ?? null
  const linkThreshold = input.linkThreshold ?? DEFAULT_LINK_THRESHOLD
  const alignScope = articles.length <= ALL_PAIRS_MAX_ARTICLES ? 'all' : 'base'
  const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())
  let t = now()
  const step = (stage: StageName, done: number): void => {
    const t2 = now()
    if (timings) timings[stage] = t2 - t
    t = t2
    input.onProgress?.(stage, done, 5)
    if (input.isCancelled?.()) throw new CancelledError()
  }

  const segmentations: Segmentation[] = articles.map((a) => segment(a))
  step('segment', 1)
  // Prepared here (not inside align) only when the caller keeps it for on-demand pairs;
  // otherwise align() prepares for itself and the preparation is garbage once it returns, so
  // it does not add to the memory held through the later stages (CLI batch runs).
  const prepared = input.onPrepared ? prepareAlignment(articles, segmentations, naming) : undefined
  const alignment = align({
    articles,
    segmentations,
    base,
    naming,
    corrections: input.corrections ?? [],
    threshold: linkThreshold,
    pairs: alignScope,
    ...(prepared ? { prepared } : {})
  })
  if (prepared) input.onPrepared?.(prepared)
  step('align', 2)
  // Links grow with the square of the article count (every pair is aligned), and diffing is
  // the costliest stage per link. Small studies get every link diffed; large ones only the
  // links that touch the base, which is what the workspace shows first (see DIFF_ALL_LINKS_MAX).
  const diffScope = alignment.links.length <= DIFF_ALL_LINKS_MAX ? 'all' : 'base'
  const diffs = diffLinks({
    articles,
    segmentations,
    links: alignment.links,
    naming,
    ...(diffScope === 'base' ? { involving: base } : {})
  })
  step('diff', 3)
  const language = articles.map((article, i) =>
    analyzeLanguage({ article, segmentation: segmentations[i]!, naming, codebook })
  )
  step('language', 4)
  const report = buildReport({ articles, segmentations, alignment, language, naming })
  step('report', 5)

  return {
    engineVersion: ENGINE_VERSION,
    lexiconVersion: LEXICON_VERSION,
    codebook,
    linkThreshold,
    diffScope,
    alignScope,
    base,
    articles,
    segmentations,
    alignment,
    diffs,
    language,
    metrics: report.metrics,
    naming: report.naming,
    actorLabels: actorLabels(report.naming, naming),
    linkDeltas: report.linkDeltas,
    reviews: input.reviews ?? [],
    annotations: input.annotations ?? []
  }
}

/** Labels of the actors the naming table shows, including those other names contain. */
function actorLabels(cells: readonly NamingCell[], naming: NamingResource): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (id: string): void => {
    const label = naming.actorById.get(id)?.label
    if (label) out[id] = label
  }
  for (const c of cells) {
    add(c.actor)
    for (const n of c.nested ?? []) add(n.within)
  }
  return out
}

/** Stages of `alignPair`, reported through its `onProgress` (done counts out of 3). */
export type PairStageName = Extract<StageName, 'align' | 'diff' | 'report'>

export interface AlignPairInput {
  /**
   * The analysis the pair belongs to: its articles (in their input order), segmentations,
   * language results, base and link threshold are reused as they are.
   */
  readonly analysis: Pick<Analysis, 'articles' | 'segmentations' | 'language' | 'base' | 'linkThreshold'>
  readonly a: ArticleId
  readonly b: ArticleId
  /** The study's corrections (all of them; those of other pairs do not affect this pair). */
  readonly corrections?: readonly AlignmentCorrection[]
  /** The naming resource the analysis ran with (the built-in one by default, as in analyze()). */
  readonly naming?: NamingResource
  /**
   * The analysis' articles prepared for alignment, to reuse across pairs: the one analyze()
   * made (its `onPrepared`, whose pair cache already holds every pair analyze() aligned), or
   * `preparePairs(analysis)`. With it a pair costs only the pairs not aligned over it before,
   * then its diffs and deltas; without it every call prepares the whole compared set again.
   * Must come from the same analysis objects (articles, segmentations) and naming.
   */
  readonly prepared?: PreparedAlignment
  readonly onProgress?: (stage: PairStageName, done: number, total: number) => void
}

export type { PreparedAlignment } from './03-align/align'

/**
 * Prepares an analysis' articles once for any number of `alignPair` calls (features, rarity
 * over all the articles, the candidate index): the costly part of aligning one pair. Holds
 * references to the analysis' articles and segmentations; keep it only as long as the analysis.
 * For an analysis you run yourself, prefer analyze()'s `onPrepared`: the same preparation
 * without making it twice, with the pairs analyze() aligned already cached.
 */
export function preparePairs(analysis: Pick<Analysis, 'articles' | 'segmentations'>, naming?: NamingResource): PreparedAlignment {
  return prepareAlignment(analysis.articles, analysis.segmentations, naming ?? builtinNaming())
}

/** Links of one pair of articles with everything the workspace shows for them. */
export interface PairAlignment {
  /**
   * Side a of every link: the base when the pair includes it, otherwise the article earlier in
   * the analysis' input order (the same sides analyze() gives when it aligns all pairs).
   */
  readonly a: ArticleId
  readonly b: ArticleId
  /** Machine links of this pair after the corrections, in align()'s order. */
  readonly links: readonly Link[]
  /** One per link, same order (diffLinks). */
  readonly diffs: readonly PassageDiff[]
  /** One per link, same order (buildReport's sentiment / loaded-wording deltas). */
  readonly linkDeltas: readonly LinkDelta[]
}

/**
 * Aligns ONE pair of articles of an existing analysis on demand: for studies above
 * ALL_PAIRS_MAX_ARTICLES (alignScope 'base') the pair view of two non-base articles calls this,
 * and for pairs whose diffs were left out (diffScope 'base').
 *
 * The result equals what analyze() gives for that pair when it aligns all pairs of the same
 * articles (tests/shared/pipeline/analyze.alignPair.test.ts), because:
 *  - the preparation covers ALL the analysis' articles, so feature rarity (idf) is computed over
 *    the same compared set as a full run (aligning just the two articles would weigh words by
 *    their rarity in those two alone and give different scores and links);
 *  - alignPairs generates the pair's candidates as a full run does (per source sentence and
 *    target article), and replays the corrections that concern the pair (see alignPairs):
 *    corrections of other pairs touch only other pairs' links.
 *  - a non-base pair's transitive links rest on its supporting pairs (each of its two articles
 *    with every other article), which alignPairs aligns too (see there).
 * Cost: the preparation (skipped when `prepared` is given), then the direct links of this pair
 * and of its 2(k-2) supporting pairs (k articles), each aligned once per preparation and cached
 * in it (analyze()'s preparation holds the base pairs already, so a first pair aligns 2(k-3)+1
 * pairs, and a later one only those no earlier pair needed), then this pair's transitive links,
 * evidence, diffs and deltas only. On 20 articles of 5,000 words a supporting pair costs a few
 * milliseconds (its candidates, then link selection and growth).
 */
export function alignPair(input: AlignPairInput): PairAlignment {
  const { analysis } = input
  const { articles, segmentations } = analysis
  const ia = articles.findIndex((x) => x.id === input.a)
  const ib = articles.findIndex((x) => x.id === input.b)
  if (ia < 0 || ib < 0) throw new RangeError(`alignPair(): unknown article ${ia < 0 ? input.a : input.b}`)
  if (ia === ib) throw new RangeError('alignPair(): needs two different articles')
  // Pair order as in align(): the base first, then input order; the earlier one is side a.
  const rank = (i: number): number => (articles[i]!.id === analysis.base ? -1 : i)
  const [sa, sb] = rank(ia) < rank(ib) ? [ia, ib] : [ib, ia]
  const aId = articles[sa]!.id
  const bId = articles[sb]!.id
  const naming = input.naming ?? builtinNaming()
  const total = 3

  const given = input.prepared
  // A preparation of other articles (or another naming) would silently give other links.
  if (given && !preparedFrom(given, articles, segmentations, naming)) {
    throw new RangeError('alignPair(): `prepared` was made for another analysis or naming resource')
  }
  const prepared = given ?? prepareAlignment(articles, segmentations, naming)
  const { links } = alignPairs(prepared, {
    base: analysis.base,
    pairs: [[aId, bId]],
    corrections: input.corrections ?? [],
    threshold: analysis.linkThreshold ?? DEFAULT_LINK_THRESHOLD
  })
  input.onProgress?.('align', 1, total)
  const diffs = diffLinks({ articles, segmentations, links, naming })
  input.onProgress?.('diff', 2, total)
  const langA = analysis.language.find((l) => l.article === aId)
  const langB = analysis.language.find((l) => l.article === bId)
  const segA = segmentations[sa]!
  const segB = segmentations[sb]!
  // buildReport's per-link deltas depend only on each link and the two articles' language
  // results, so a report over the two articles gives the deltas a full run gives.
  const report = buildReport({
    articles: [articles[sa]!, articles[sb]!],
    segmentations: [segA, segB],
    alignment: { base: aId, links, unmatched: [] },
    language: [langA, langB].filter((l): l is LanguageResult => l !== undefined),
    naming
  })
  input.onProgress?.('report', 3, total)
  return { a: aId, b: bId, links, diffs, linkDeltas: report.linkDeltas }
}
