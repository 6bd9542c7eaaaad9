// Analysis off the UI thread. Cancelling terminates this worker (analyze() is synchronous, so a
// cancel message could not be read mid-run); the client starts a fresh one for the next run.
import type { FromWorker, ToWorker } from './protocol'
import { runAnalysis } from './runAnalysis'

const post = (m: FromWorker): void => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m)

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const msg = e.data
  if (msg.type !== 'analyze') return
  const t0 = performance.now()
  try {
    const analysis = runAnalysis(msg.request, (stage, done, total) => post({ type: 'progress', id: msg.id, stage, done, total }))
    post({ type: 'result', id: msg.id, analysis, ms: performance.now() - t0 })
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    post({ type: 'error', id: msg.id, error: { code: 'INTERNAL', message: `Analysis failed: ${message}` } })
  }
})
