// Runs the composer for one request; shared by the worker and the in-thread runner used in tests.
import { alignPair, analyze, preparePairs } from '@shared/pipeline/analyze'
import type { PairAlignment, PairStageName, PreparedAlignment, StageName } from '@shared/pipeline/analyze'
import type { Analysis } from '@shared/model'
import { pairsOnDemand, type AnalysisRequest, type PairRequest } from './protocol'

/**
 * `keepPrepared` receives the align stage's preparation of the articles (see analyze()'s
 * onPrepared) with the returned analysis, but only when that analysis leaves pairs to be
 * aligned on demand (pairsOnDemand): pass it to `runPair` for pairs of that analysis, so they
 * are neither prepared again nor realign the pairs the analysis already aligned. Otherwise
 * nobody asks for pairs, and the preparation (features, rarity and index over every article,
 * ~180 ms on 20 articles of 5,000 words) is not handed out to be held.
 */
export function runAnalysis(
  request: AnalysisRequest,
  onProgress: (stage: StageName, done: number, total: number) => void,
  keepPrepared?: (prepared: PreparedAlignment, analysis: Analysis) => void
): Analysis {
  let made: PreparedAlignment | undefined
  const analysis = analyze({
    articles: request.articles,
    base: request.base,
    corrections: request.corrections,
    codebook: request.codebook,
    ...(request.linkThreshold !== undefined ? { linkThreshold: request.linkThreshold } : {}),
    onProgress,
    ...(keepPrepared ? { onPrepared: (p: PreparedAlignment) => (made = p) } : {})
  })
  if (keepPrepared && made && pairsOnDemand(analysis)) keepPrepared(made, analysis)
  return analysis
}

/**
 * The analysis' articles prepared for pair alignment (features and rarity over all of them):
 * the costly part of a pair, the same for every pair of one analysis, so runners keep it.
 * For an analysis this runner produced, use runAnalysis' `keepPrepared` instead (no second
 * preparation, and its pair cache already holds the analysis' pairs); this is for analyses
 * from elsewhere (opened, or made before the worker was respawned).
 */
export function prepareForPairs(analysis: Analysis): PreparedAlignment {
  return preparePairs(analysis)
}

/**
 * One pair of an existing analysis, aligned on demand (same naming as runAnalysis: built-in).
 * `prepared` must come from `prepareForPairs` of this very analysis object or from
 * runAnalysis' `keepPrepared` of the run that returned it; without it the articles are prepared
 * for this call only.
 */
export function runPair(
  request: PairRequest,
  onProgress: (stage: PairStageName, done: number, total: number) => void,
  prepared?: PreparedAlignment
): PairAlignment {
  return alignPair({ analysis: request.analysis, a: request.a, b: request.b, corrections: request.corrections, onProgress, ...(prepared ? { prepared } : {}) })
}
