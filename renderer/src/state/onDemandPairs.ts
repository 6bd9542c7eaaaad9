// Pairs of articles aligned on demand. Large studies align only base pairs (alignScope 'base')
// or diff only base links (diffScope 'base'); the pair view asks for the rest here. Results are
// kept per analysis: a new analysis (articles, corrections, codebook or threshold changed, or a
// re-run) starts an empty cache, so nothing computed from old inputs is ever shown.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Analysis, AlignmentCorrection, ArticleId } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { PairAlignment, PairStageName } from '@shared/pipeline/analyze'
import type { AnalysisRunner } from '../workers/analysisClient'
import { pairsOnDemand } from '../workers/protocol'

export type OnDemandPair =
  | { readonly state: 'running'; readonly stage: PairStageName | null; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly pair: PairAlignment; readonly ms: number }
  | { readonly state: 'error'; readonly error: AppError }

const EMPTY: ReadonlyMap<string, OnDemandPair> = new Map()

/** Order-free key of a pair. */
export function pairKey(a: ArticleId, b: ArticleId): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
}

/** Whether the analysis left this pair's links (alignScope) or diffs (diffScope) to be computed on demand. */
export function needsOnDemand(analysis: Analysis, a: ArticleId, b: ArticleId): boolean {
  if (a === b || a === analysis.base || b === analysis.base) return false
  return pairsOnDemand(analysis)
}

export interface OnDemandPairs {
  /** Pairs requested for the current analysis, by `pairKey`. */
  readonly pairs: ReadonlyMap<string, OnDemandPair>
  /** Starts aligning a pair of the current analysis unless it is running or done (an error is retried). */
  readonly requestPair: (a: ArticleId, b: ArticleId) => void
}

export function useOnDemandPairs(runner: AnalysisRunner, analysis: Analysis | null, correctionsOf: (a: Analysis) => readonly AlignmentCorrection[]): OnDemandPairs {
  const [cache, setCache] = useState<{ readonly analysis: Analysis | null; readonly pairs: ReadonlyMap<string, OnDemandPair> }>({ analysis: null, pairs: EMPTY })
  const latest = useRef(analysis)
  latest.current = analysis
  const drops = useRef<(() => void)[]>([])
  // A new analysis: drop requests in flight for the old one (their results would be stale).
  useEffect(
    () => () => {
      for (const d of drops.current) d()
      drops.current = []
    },
    [analysis]
  )
  const current = cache.analysis === analysis ? cache.pairs : EMPTY
  const currentRef = useRef(current)
  currentRef.current = current

  const requestPair = useCallback(
    (a: ArticleId, b: ArticleId) => {
      if (!analysis || a === b) return
      const key = pairKey(a, b)
      const known = currentRef.current?.get(key)
      if (known && known.state !== 'error') return
      const put = (v: OnDemandPair): void => {
        setCache((c) => {
          // Only the current analysis is cached; its first entry starts a fresh map.
          if (latest.current !== analysis) return c
          const pairs = new Map(c.analysis === analysis ? c.pairs : EMPTY)
          pairs.set(key, v)
          return { analysis, pairs }
        })
      }
      put({ state: 'running', stage: null, done: 0, total: 3 })
      // Mark it running in the ref at once, so a second call in the same render does not start another run.
      const marked = new Map(currentRef.current)
      marked.set(key, { state: 'running', stage: null, done: 0, total: 3 })
      currentRef.current = marked
      const drop = runner.pair(
        { analysis, corrections: correctionsOf(analysis), a, b },
        {
          onProgress: (stage, done, total) => put({ state: 'running', stage, done, total }),
          onResult: (pair, ms) => put({ state: 'done', pair, ms }),
          onError: (error) => put({ state: 'error', error })
        }
      )
      drops.current.push(drop)
    },
    [analysis, runner, correctionsOf]
  )
  return { pairs: current, requestPair }
}

