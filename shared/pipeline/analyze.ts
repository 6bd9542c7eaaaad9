/**
 * The composer: the only module that imports every stage, and runs them in order
 * (segment → align → diff → language → report). Ingestion (01) is async and runs before this,
 * per file, so that one bad file never stops the others.
 *
 * Input and output are plain readonly data, so the same call runs in the renderer's worker,
 * in the CLI and in tests.
 */
import type { Analysis, Article, ArticleId, AlignmentCorrection, Annotation, Codebook, FlagReview, Segmentation } from '../model'
import { builtinNaming, type NamingResource } from '../resources/naming'
import { segment } from './02-segment/segment'
import { align, DEFAULT_LINK_THRESHOLD } from './03-align/align'
import { diffLinks } from './04-diff/diffLinks'
import { analyzeLanguage, LEXICON_VERSION } from './05-language/analyzeLanguage'
import { buildReport } from './06-report/buildReport'
import { ENGINE_VERSION } from '../version'

/**
 * Above this many links, only links involving the base are word-diffed. 3,000 links diff in
 * well under a second; a 20-article study of 5,000 words each has ~23,000 links, which took
 * ~1 s of diffing versus ~0.13 s for the base's links alone (tests/bench/align.bench.ts).
 */
export const DIFF_ALL_LINKS_MAX = 3000

/**
 * Studies with up to this many articles align every pair of articles (the workspace shows the
 * base and up to 8 others); larger batch studies align each article with the base only, since
 * all-pairs links grow with the square of the article count (40 articles: ~250k links).
 */
export const ALL_PAIRS_MAX_ARTICLES = 10

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
  const alignment = align({
    articles,
    segmentations,
    base,
    naming,
    corrections: input.corrections ?? [],
    threshold: linkThreshold,
    pairs: alignScope
  })
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
    linkDeltas: report.linkDeltas,
    reviews: input.reviews ?? [],
    annotations: input.annotations ?? []
  }
}
