// Runs the composer for one request; shared by the worker and the in-thread runner used in tests.
import { analyze } from '@shared/pipeline/analyze'
import type { StageName } from '@shared/pipeline/analyze'
import type { Analysis } from '@shared/model'
import type { AnalysisRequest } from './protocol'

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
