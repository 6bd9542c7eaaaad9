// Messages between the UI thread and the analysis worker (structured-clone data only).
import type { Analysis, AlignmentCorrection, Article, ArticleId, Codebook } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { StageName } from '@shared/pipeline/analyze'

/** What the worker needs to run `analyze()`: reviews/annotations are overlaid by the UI. */
export interface AnalysisRequest {
  readonly articles: readonly Article[]
  readonly base: ArticleId
  readonly corrections: readonly AlignmentCorrection[]
  readonly codebook: Codebook | null
  readonly linkThreshold?: number
}

export type ToWorker = { readonly type: 'analyze'; readonly id: number; readonly request: AnalysisRequest }

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly stage: StageName; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly id: number; readonly analysis: Analysis; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly error: AppError }
