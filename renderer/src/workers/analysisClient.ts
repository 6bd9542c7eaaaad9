// The UI side of analysis: one run at a time, newest wins, cancel = terminate the worker. Pairs
// of a finished analysis are aligned on demand on the same worker (see `pair`).
import type { Analysis } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { PairAlignment, PairStageName, PreparedAlignment, StageName } from '@shared/pipeline/analyze'
import type { AnalysisRequest, FromWorker, PairRequest, ToWorker } from './protocol'

export interface RunCallbacks {
  onProgress(stage: StageName, done: number, total: number): void
  onResult(analysis: Analysis, ms: number): void
  onError(error: AppError): void
}

export interface PairCallbacks {
  onProgress(stage: PairStageName, done: number, total: number): void
  onResult(pair: PairAlignment, ms: number): void
  onError(error: AppError): void
}

export interface AnalysisRunner {
  /** Starts a run, superseding any run in flight (and any pair in flight, which then reports CANCELLED). */
  run(request: AnalysisRequest, cb: RunCallbacks): void
  /** Aligns one pair of an analysis on demand; returns a function that drops the request. */
  pair(request: PairRequest, cb: PairCallbacks): () => void
  cancel(): void
  dispose(): void
}

const CANCELLED: AppError = { code: 'CANCELLED', message: 'Analysis cancelled.' }

export function createWorkerRunner(): AnalysisRunner {
  let worker: Worker | null = null
  let seq = 0
  let active: { id: number; cb: RunCallbacks } | null = null
  const pending = new Map<number, PairCallbacks>()
  // Which run produced each analysis, and which run's analysis the live worker holds.
  const runOf = new WeakMap<Analysis, number>()
  let heldRun = -1

  const spawn = (): Worker => {
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'parallax-analysis' })
    w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data
      const p = pending.get(m.id)
      if (p) {
        if (m.type === 'pair-progress') p.onProgress(m.stage, m.done, m.total)
        else if (m.type === 'pair-result' || m.type === 'error') {
          pending.delete(m.id)
          if (m.type === 'pair-result') p.onResult(m.pair, m.ms)
          else p.onError(m.error)
        }
        return
      }
      if (!active || m.id !== active.id) return
      const cb = active.cb
      if (m.type === 'progress') cb.onProgress(m.stage, m.done, m.total)
      else if (m.type === 'result' || m.type === 'error') {
        active = null
        if (m.type === 'result') {
          runOf.set(m.analysis, m.id)
          if (worker === w) heldRun = m.id
          cb.onResult(m.analysis, m.ms)
        } else cb.onError(m.error)
      }
    })
    w.addEventListener('error', (e) => {
      const cb = active?.cb
      active = null
      const error: AppError = { code: 'INTERNAL', message: `The analysis worker crashed: ${e.message || 'unknown error'}` }
      cb?.onError(error)
      failPending(error)
      w.terminate()
      if (worker === w) {
        worker = null
        heldRun = -1
      }
    })
    return w
  }
  const failPending = (error: AppError): void => {
    const cbs = [...pending.values()]
    pending.clear()
    for (const cb of cbs) cb.onError(error)
  }
  const kill = (): void => {
    worker?.terminate()
    worker = null
    heldRun = -1
    failPending(CANCELLED)
  }
  // Start loading the worker's bundle (the whole engine) right away, in parallel with the study.
  if (typeof Worker !== 'undefined') worker = spawn()
  return {
    run(request, cb) {
      // A run or pair in flight is abandoned: the worker is busy in synchronous code, so replace it.
      if (active || pending.size > 0) kill()
      worker ??= spawn()
      active = { id: ++seq, cb }
      const msg: ToWorker = { type: 'analyze', id: active.id, request }
      worker.postMessage(msg)
    },
    pair(request, cb) {
      worker ??= spawn()
      const id = ++seq
      pending.set(id, cb)
      const run = runOf.get(request.analysis) ?? -1
      // The worker holds only the last analysis it finished; a run in flight will replace it.
      const holds = run >= 0 && run === heldRun && !active
      const msg: ToWorker = {
        type: 'pair',
        id,
        run,
        a: request.a,
        b: request.b,
        ...(holds ? {} : { context: { analysis: request.analysis, corrections: request.corrections } })
      }
      worker.postMessage(msg)
      return () => {
        pending.delete(id)
      }
    },
    cancel() {
      if (!active) return
      const cb = active.cb
      active = null
      kill()
      cb.onError(CANCELLED)
    },
    dispose() {
      active = null
      pending.clear()
      kill()
    }
  }
}

/** Same contract on the calling thread, for tests and environments without Worker. */
export function createInlineRunner(): AnalysisRunner {
  let seq = 0
  let cancelled = 0
  // Prepared articles per analysis object (as the worker keeps them for its last analysis).
  const prepared = new WeakMap<Analysis, PreparedAlignment>()
  return {
    run(request, cb) {
      const id = ++seq
      // Loaded on demand so the engine stays out of the UI bundle (the worker has its own copy).
      void import('./runAnalysis').then(({ runAnalysis }) => {
        if (id !== seq || cancelled === id) return
        const t0 = performance.now()
        try {
          // As the worker: keep the align stage's preparation when pairs are left to the Pair view.
          const a = runAnalysis(request, (s, d, t) => cb.onProgress(s, d, t), (p, analysis) => prepared.set(analysis, p))
          if (id === seq && cancelled !== id) cb.onResult(a, performance.now() - t0)
        } catch (e) {
          cb.onError({ code: 'INTERNAL', message: `Analysis failed: ${e instanceof Error ? e.message : String(e)}` })
        }
      })
    },
    pair(request, cb) {
      let dropped = false
      void import('./runAnalysis').then(({ prepareForPairs, runPair }) => {
        if (dropped) return
        const t0 = performance.now()
        try {
          let prep = prepared.get(request.analysis)
          if (!prep) prepared.set(request.analysis, (prep = prepareForPairs(request.analysis)))
          const p = runPair(request, (s, d, t) => {
            if (!dropped) cb.onProgress(s, d, t)
          }, prep)
          if (!dropped) cb.onResult(p, performance.now() - t0)
        } catch (e) {
          if (!dropped) cb.onError({ code: 'INTERNAL', message: `Pair alignment failed: ${e instanceof Error ? e.message : String(e)}` })
        }
      })
      return () => {
        dropped = true
      }
    },
    cancel() {
      cancelled = seq
    },
    dispose() {
      cancelled = seq
    }
  }
}
