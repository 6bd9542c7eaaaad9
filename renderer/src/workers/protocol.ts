// Messages between the UI thread and the analysis worker (structured-clone data only).
import type { Analysis, AlignmentCorrection, Article, ArticleId, Codebook } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { PairAlignment, PairStageName, StageName } from '@shared/pipeline/analyze'

/**
 * Whether the analysis left some pairs to be aligned (alignScope 'base') or diffed (diffScope
 * 'base') on demand; `needsOnDemand` (state/onDemandPairs.ts) names which pairs. Here, not
 * there, so the worker can ask without importing UI code.
 */
export function pairsOnDemand(analysis: Pick<Analysis, 'alignScope' | 'diffScope'>): boolean {
  return analysis.alignScope === 'base' || analysis.diffScope === 'base'
}

/** What the worker needs to run `analyze()`: reviews/annotations are overlaid by the UI. */
export interface AnalysisRequest {
  readonly articles: readonly Article[]
  readonly base: ArticleId
  readonly corrections: readonly AlignmentCorrection[]
  readonly codebook: Codebook | null
  readonly linkThreshold?: number
}

/** One pair of an analysis to align on demand (`alignPair`), with the corrections it ran with. */
export interface PairRequest {
  readonly analysis: Analysis
  readonly corrections: readonly AlignmentCorrection[]
  readonly a: ArticleId
  readonly b: ArticleId
}

export type ToWorker =
  | { readonly type: 'analyze'; readonly id: number; readonly request: AnalysisRequest }
  /**
   * `run` names the analysis: the worker keeps the last analysis it produced (and its
   * corrections) under its run id, so a pair of that analysis is requested without sending it
   * back; `context` carries the analysis when the worker does not hold it.
   */
  | {
      readonly type: 'pair'
      readonly id: number
      readonly run: number
      readonly a: ArticleId
      readonly b: ArticleId
      readonly context?: { readonly analysis: Analysis; readonly corrections: readonly AlignmentCorrection[] }
    }

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly stage: StageName; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly id: number; readonly analysis: Analysis; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly error: AppError }
  | { readonly type: 'pair-progress'; readonly id: number; readonly stage: PairStageName; readonly done: number; readonly total: number }
  | { readonly type: 'pair-result'; readonly id: number; readonly pair: PairAlignment; readonly ms: number }
