// Runs the composer for one request; shared by the worker and the in-thread runner used in tests.
import { alignPair, analyze } from '@shared/pipeline/analyze'
import type { PairAlignment, PairStageName, StageName } from '@shared/pipeline/analyze'
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

/** One pair of an existing analysis, aligned on demand (same naming as runAnalysis: built-in). */
export function runPair(request: PairRequest, onProgress: (stage: PairStageName, done: number, total: number) => void): PairAlignment {
  return alignPair({ analysis: request.analysis, a: request.a, b: request.b, corrections: request.corrections, onProgress })
}
