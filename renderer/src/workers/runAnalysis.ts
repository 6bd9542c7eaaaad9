// Runs the composer for one request; shared by the worker and the in-thread runner used in tests.
import { alignPair, analyze, preparePairs } from '@shared/pipeline/analyze'
import type { PairAlignment, PairStageName, PreparedAlignment, StageName } from '@shared/pipeline/analyze'
import type { Analysis } from '@shared/model'
import type { AnalysisRequest, PairRequest } from './protocol'

export function runAnalysis(
  request: AnalysisRequest,
  onProgress: (stage: StageName, done: number, total: number) => void
): Analysis {
  return analyze({
    articles: request.articles,
    base: request.base,
    corrections: request.corrections,
    codebook: request.codebook,
    ...(request.linkThreshold !== undefined ? { linkThreshold: request.linkThreshold } : {}),
    onProgress
  })
}

/**
 * The analysis' articles prepared for pair alignment (features and rarity over all of them):
 * the costly part of a pair, the same for every pair of one analysis, so runners keep it.
 */
export function prepareForPairs(analysis: Analysis): PreparedAlignment {
  return preparePairs(analysis)
}

/**
 * One pair of an existing analysis, aligned on demand (same naming as runAnalysis: built-in).
 * `prepared` must come from `prepareForPairs` of this very analysis object; without it the
 * articles are prepared for this call only.
 */
export function runPair(
  request: PairRequest,
  onProgress: (stage: PairStageName, done: number, total: number) => void,
  prepared?: PreparedAlignment
): PairAlignment {
  return alignPair({ analysis: request.analysis, a: request.a, b: request.b, corrections: request.corrections, onProgress, ...(prepared ? { prepared } : {}) })
}
