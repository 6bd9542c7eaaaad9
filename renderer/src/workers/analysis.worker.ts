// Analysis off the UI thread. Cancelling terminates this worker (analyze() is synchronous, so a
// cancel message could not be read mid-run); the client starts a fresh one for the next run.
// The last analysis produced here is kept, so pairs of it can be aligned on demand without
// sending the whole analysis back; so is the preparation of its articles for pair alignment,
// the one analyze()'s align stage made (runAnalysis' keepPrepared), when the analysis leaves
// pairs to be aligned on demand (see the 'analyze' branch): not even the first pair pays for
// a preparation, and the pairs the analysis aligned are in its pair cache already.
import type { Analysis, AlignmentCorrection } from '@shared/model'
import type { PreparedAlignment } from '@shared/pipeline/analyze'
import type { FromWorker, ToWorker } from './protocol'
import { prepareForPairs, runAnalysis, runPair } from './runAnalysis'

const post = (m: FromWorker): void => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m)

let held: { run: number; analysis: Analysis; corrections: readonly AlignmentCorrection[] } | null = null
/**
 * The prepared articles of run `run`'s analysis, and the analysis object they were prepared
 * from (alignPair checks identity). A run id names one analysis for the client's lifetime
 * (analysisClient's runOf), so a later request of that run, held or sent along as a fresh
 * copy, is answered from `analysis` here. Unknown analyses (run -1) are not cached.
 */
let prepared: { run: number; analysis: Analysis; prepared: PreparedAlignment } | null = null

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const msg = e.data
  const t0 = performance.now()
  if (msg.type === 'analyze') {
    // Pairs of the new analysis are the likely next requests: free the old preparation first,
    // so two are never held at once (if this run fails, a pair of the old analysis prepares
    // again).
    prepared = null
    try {
      // The align stage's preparation (features, rarity and index over every article, and the
      // direct links of the base pairs, which every on-demand pair needs as supporting pairs)
      // comes only when pairs are left to the Pair view, so small studies hold none.
      const analysis = runAnalysis(
        msg.request,
        (stage, done, total) => post({ type: 'progress', id: msg.id, stage, done, total }),
        (p, a) => {
          prepared = { run: msg.id, analysis: a, prepared: p }
        }
      )
      held = { run: msg.id, analysis, corrections: msg.request.corrections }
      post({ type: 'result', id: msg.id, analysis, ms: performance.now() - t0 })
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      post({ type: 'error', id: msg.id, error: { code: 'INTERNAL', message: `Analysis failed: ${message}` } })
    }
    return
  }
  if (msg.type === 'pair') {
    const ctx = msg.context ?? (held?.run === msg.run ? held : null)
    if (!ctx) {
      post({ type: 'error', id: msg.id, error: { code: 'INTERNAL', message: 'Pair alignment failed: the analysis is no longer loaded; try again.' } })
      return
    }
    try {
      let analysis = ctx.analysis
      let prep: PreparedAlignment | undefined
      if (msg.run >= 0) {
        if (prepared?.run !== msg.run) prepared = { run: msg.run, analysis, prepared: prepareForPairs(analysis) }
        analysis = prepared.analysis
        prep = prepared.prepared
      }
      const pair = runPair({ analysis, corrections: ctx.corrections, a: msg.a, b: msg.b }, (stage, done, total) =>
        post({ type: 'pair-progress', id: msg.id, stage, done, total }),
        prep
      )
      post({ type: 'pair-result', id: msg.id, pair, ms: performance.now() - t0 })
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      post({ type: 'error', id: msg.id, error: { code: 'INTERNAL', message: `Pair alignment failed: ${message}` } })
    }
  }
})
