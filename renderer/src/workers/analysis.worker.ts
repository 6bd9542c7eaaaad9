// Analysis off the UI thread. Cancelling terminates this worker (analyze() is synchronous, so a
// cancel message could not be read mid-run); the client starts a fresh one for the next run.
// The last analysis produced here is kept, so pairs of it can be aligned on demand without
// sending the whole analysis back; so is the preparation of its articles for pair alignment,
// made right after the result is posted when the analysis leaves pairs to be aligned on demand
// (see the 'analyze' branch), so that not even the first pair pays for it.
import type { Analysis, AlignmentCorrection } from '@shared/model'
import type { PreparedAlignment } from '@shared/pipeline/analyze'
import { pairsOnDemand, type FromWorker, type ToWorker } from './protocol'
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
    try {
      const analysis = runAnalysis(msg.request, (stage, done, total) => post({ type: 'progress', id: msg.id, stage, done, total }))
      held = { run: msg.id, analysis, corrections: msg.request.corrections }
      // Pairs of the new analysis are the likely next requests: free the old preparation.
      prepared = null
      post({ type: 'result', id: msg.id, analysis, ms: performance.now() - t0 })
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      post({ type: 'error', id: msg.id, error: { code: 'INTERNAL', message: `Analysis failed: ${message}` } })
      return
    }
    // Prepare the articles for pair alignment now, while the UI paints the result and the user
    // picks a pair: the preparation (features, rarity and index over every article; ~180 ms
    // on 20 articles of 5,000 words) is most of a first pair's cost otherwise. analyze()'s
    // align stage makes the same preparation but align() does not hand it out, so it is made
    // again here, off the critical path. Only when pairs are left to the Pair view, so small
    // studies hold no preparation nobody asks for. A failure here is left to the first pair
    // request, which prepares again and reports the error for that pair. A message arriving
    // meanwhile (a pair, or a new run after an edit) waits for the preparation to finish.
    if (held && pairsOnDemand(held.analysis)) {
      try {
        prepared = { run: held.run, analysis: held.analysis, prepared: prepareForPairs(held.analysis) }
      } catch {
        prepared = null
      }
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
