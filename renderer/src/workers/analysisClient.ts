// The UI side of analysis: one run at a time, newest wins, cancel = terminate the worker.
import type { Analysis } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { StageName } from '@shared/pipeline/analyze'
import type { AnalysisRequest, FromWorker } from './protocol'

export interface RunCallbacks {
  onProgress(stage: StageName, done: number, total: number): void
  onResult(analysis: Analysis, ms: number): void
  onError(error: AppError): void
}

export interface AnalysisRunner {
  /** Starts a run, superseding any run in flight. */
  run(request: AnalysisRequest, cb: RunCallbacks): void
  cancel(): void
  dispose(): void
}

export function createWorkerRunner(): AnalysisRunner {
  let worker: Worker | null = null
  let seq = 0
  let active: { id: number; cb: RunCallbacks } | null = null

  const spawn = (): Worker => {
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'parallax-analysis' })
    w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const m = e.data
      if (!active || m.id !== active.id) return
      const cb = active.cb
      if (m.type === 'progress') cb.onProgress(m.stage, m.done, m.total)
      else {
        active = null
        if (m.type === 'result') cb.onResult(m.analysis, m.ms)
        else cb.onError(m.error)
      }
    })
    w.addEventListener('error', (e) => {
      const cb = active?.cb
      active = null
      cb?.onError({ code: 'INTERNAL', message: `The analysis worker crashed: ${e.message || 'unknown error'}` })
      w.terminate()
      if (worker === w) worker = null
    })
    return w
  }
  const kill = (): void => {
    worker?.terminate()
    worker = null
  }
  // Start loading the worker's bundle (the whole engine) right away, in parallel with the study.
  if (typeof Worker !== 'undefined') worker = spawn()
  return {
    run(request, cb) {
      // A run in flight is abandoned: its worker is busy in synchronous code, so replace it.
      if (active) kill()
      worker ??= spawn()
      active = { id: ++seq, cb }
      worker.postMessage({ type: 'analyze', id: active.id, request })
    },
    cancel() {
      if (!active) return
      const cb = active.cb
      active = null
      kill()
      cb.onError({ code: 'CANCELLED', message: 'Analysis cancelled.' })
    },
    dispose() {
      active = null
      kill()
    }
  }
}

/** Same contract on the calling thread, for tests and environments without Worker. */
export function createInlineRunner(): AnalysisRunner {
  let seq = 0
  let cancelled = 0
  return {
    run(request, cb) {
      const id = ++seq
      // Loaded on demand so the engine stays out of the UI bundle (the worker has its own copy).
      void import('./runAnalysis').then(({ runAnalysis }) => {
        if (id !== seq || cancelled === id) return
        const t0 = performance.now()
        try {
          const a = runAnalysis(request, (s, d, t) => cb.onProgress(s, d, t))
          if (id === seq && cancelled !== id) cb.onResult(a, performance.now() - t0)
        } catch (e) {
          cb.onError({ code: 'INTERNAL', message: `Analysis failed: ${e instanceof Error ? e.message : String(e)}` })
        }
      })
    },
    cancel() {
      cancelled = seq
    },
    dispose() {
      cancelled = seq
    }
  }
}
