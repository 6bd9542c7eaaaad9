// Runs the composer for one request; shared by the worker and the in-thread runner used in tests.
import { alignPair, analyze, preparePairs } from '@shared/pipeline/analyze'
import type { PairAlignment, PairStageName, PreparedAlignment, StageName } from '@shared/pipeline/analyze'
import type { Analysis } from '@shared/model'
import type { AnalysisRequest, PairRequest } from './protocol'

/**
 * `onPrepared` receives the align stage's preparation of the articles (see analyze()): pass it
 * to `runPair` for pairs of the returned analysis, so they are neither prepared again nor
 * realign the pairs the analysis already aligned.
 */
export function runAnalysis(
  request: AnalysisRequest,
  onProgress: (stage: StageName, done: number, total: number) => void,
  onPrepared?: (prepared: PreparedAlignment) => void
): Analysis {
  return analyze({
    articles: request.articles,
    base: request.base,
    corrections: request.corrections,
    codebook: request.codebook,
    ...(request.linkThreshold !== undefined ? { linkThreshold: request.linkThreshold } : {}),
    onProgress,
    ...(onPrepared ? { onPrepared } : {})
  })
}

/**
 * The analysis' articles prepared for pair alignment (features and rarity over all of them):
 * the costly part of a pair, the same for every pair of one analysis, so runners keep it.
 * For an analysis this runner produced, use runAnalysis' `onPrepared` instead (no second
 * preparation, and its pair cache already holds the analysis' pairs); this is for analyses
 * from elsewhere (opened, or made before the worker was respawned).
 */
export function prepareForPairs(analysis: Analysis): PreparedAlignment {
  return preparePairs(analysis)
}

/**
 * One pair of an existing analysis, aligned on demand (same naming as runAnalysis: built-in).
 * `prepared` must come from `prepareForPairs` of this very analysis object or from
 * runAnalysis' `onPrepared` of the run that returned it; without it the articles are prepared
 * for this call only.
 */
export function runPair(
  request: PairRequest,
  onProgress: (stage: PairStageName, done: number, total: number) => void,
  prepared?: PreparedAlignment
): PairAlignment {
  return alignPair({ analysis: request.analysis, a: request.a, b: request.b, corrections: request.corrections, onProgress, ...(prepared ? { prepared } : {}) })
}
