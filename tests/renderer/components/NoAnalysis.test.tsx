// Views without an analysis say why: running, no articles, or a failed run with a retry that
// runs the analysis again (they used to say "Analysing…" for ever, or "Add articles").
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { AppStateProvider, type ViewId } from '../../../renderer/src/state/AppState'
import { ExplainProvider } from '../../../renderer/src/components/text/explain'
import { createInlineRunner, type AnalysisRunner } from '../../../renderer/src/workers/analysisClient'
import { SideBySideView } from '../../../renderer/src/features/compare/SideBySideView'
import { PairView } from '../../../renderer/src/features/compare/PairView'
import { OverviewView } from '../../../renderer/src/features/overview/OverviewView'
import { ReviewView } from '../../../renderer/src/features/review/ReviewView'
import { sampleStudy } from '../helpers'

afterEach(cleanup)

const VIEWS: readonly [string, ViewId, () => ReactNode][] = [
  ['Side by side', 'compare', () => <SideBySideView />],
  ['Pair', 'pair', () => <PairView />],
  ['Overview', 'overview', () => <OverviewView />],
  ['Review', 'review', () => <ReviewView />]
]

/** The real inline runner, except that the first `failures` runs fail as a broken lexicon would. */
function failingRunner(failures: number): { runner: AnalysisRunner; runs: () => number } {
  const inline = createInlineRunner()
  let n = 0
  return {
    runs: () => n,
    runner: {
      ...inline,
      run: (r, cb) => {
        n++
        if (n <= failures) queueMicrotask(() => cb.onError({ code: 'INTERNAL', message: 'Analysis failed: loaded.json: entry 3 is a duplicate' }))
        else inline.run(r, cb)
      }
    }
  }
}

describe('NoAnalysis', { timeout: 40_000 }, () => {
  it.each(VIEWS)('%s: a failed run shows its message, and Try again runs it again', async (_, view, ui) => {
    const { runner, runs } = failingRunner(1)
    const { container } = render(
      <AppStateProvider initial={sampleStudy()} runner={runner} initialView={view}>
        <ExplainProvider>{ui()}</ExplainProvider>
      </AppStateProvider>
    )
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/The analysis failed: .*duplicate/)
    expect(container.textContent).not.toMatch(/Add articles|Add at least/)
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(container.querySelector('[data-no-analysis]')).toBeNull(), { timeout: 30_000 })
    expect(runs()).toBe(2)
  })

  it.each(VIEWS)('%s: a study without articles says so, not "Analysing…"', (_, view, ui) => {
    const { container } = render(
      <AppStateProvider initial={{ ...sampleStudy(), articles: [], base: '' }} runner={createInlineRunner()} initialView={view}>
        <ExplainProvider>{ui()}</ExplainProvider>
      </AppStateProvider>
    )
    expect(container.querySelector('[data-no-analysis="empty"]')?.textContent).toMatch(/no articles yet/)
    expect(screen.getByRole('button', { name: 'Open Library' })).toBeTruthy()
  })
})
