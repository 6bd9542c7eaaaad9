// Pair view for any two articles: links exist between every pair, so two non-base articles show
// aligned passages with word diffs; when the engine diffed only base links (diffScope 'base',
// studies over 3,000 links) the pair's diffs are computed on demand (PairView.onDemand.test.tsx
// covers the flow in a study above ALL_PAIRS_MAX_ARTICLES).
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Analysis } from '@shared/model'
import { PairView } from '../../../../renderer/src/features/compare/PairView'
import { AppStateProvider } from '../../../../renderer/src/state/AppState'
import { ExplainProvider } from '../../../../renderer/src/components/text/explain'
import { createInlineRunner, type AnalysisRunner } from '../../../../renderer/src/workers/analysisClient'
import { renderWithStudy, sampleAnalysis, sampleStudy } from '../../helpers'

afterEach(cleanup)

function pickPair(container: HTMLElement, first: string, second: string): void {
  fireEvent.change(screen.getByLabelText('First'), { target: { value: first } })
  fireEvent.change(screen.getByLabelText('Second'), { target: { value: second } })
  expect(container.querySelector('[data-pair]')?.getAttribute('data-pair')).toBe(`${first}|${second}`)
}

/** Hands the view one fixed engine result (the runner contract, no worker); pairs run on the real engine. */
function fixedRunner(a: Analysis): AnalysisRunner {
  return { ...createInlineRunner(), run: (_r, cb) => queueMicrotask(() => cb.onResult(a, 0)) }
}

describe('PairView', { timeout: 40_000 }, () => {
  it('two non-base articles: aligned passages with word diffs and classified changes', async () => {
    const study = sampleStudy()
    const [, x, y] = study.articles.map((a) => a.id) as [string, string, string]
    const { container } = renderWithStudy(<PairView />, study, 'pair')
    await waitFor(() => expect(screen.getByLabelText('First')).toBeTruthy(), { timeout: 20_000 })
    pickPair(container, x, y)
    const links = sampleAnalysis().alignment.links.filter((l) => [l.a.article, l.b.article].sort().join() === [x, y].sort().join())
    expect(links.length).toBeGreaterThan(0)
    await waitFor(() => expect(container.querySelectorAll('[data-passage-row]')).toHaveLength(links.length))
    expect(container.querySelectorAll('.pair-diff .inline-diff').length).toBe(links.length)
    expect(container.textContent).not.toMatch(/computed between the base/)
    expect(container.querySelector('[data-no-diff]')).toBeNull()
    // Swapping keeps the same links, read the other way round.
    fireEvent.click(screen.getByRole('button', { name: 'Swap articles' }))
    expect(container.querySelectorAll('.pair-diff .inline-diff').length).toBe(links.length)
  })

  it("diffScope 'base': a non-base pair's word diffs are computed on demand, like an in-scope pair", async () => {
    const study = sampleStudy()
    const full = sampleAnalysis()
    // What analyze() returns over 3,000 links: diffs only for links touching the base.
    const baseOnly: Analysis = {
      ...full,
      diffScope: 'base',
      diffs: full.diffs.filter((d) => {
        const l = full.alignment.links.find((k) => k.id === d.linkId)!
        return l.a.article === full.base || l.b.article === full.base
      })
    }
    const { container } = render(
      <AppStateProvider initial={study} runner={fixedRunner(baseOnly)} initialView="pair">
        <ExplainProvider>
          <PairView />
        </ExplainProvider>
      </AppStateProvider>
    )
    await waitFor(() => expect(screen.getByLabelText('First')).toBeTruthy())
    const [, x, y] = study.articles.map((a) => a.id) as [string, string, string]
    pickPair(container, x, y)
    const links = full.alignment.links.filter((l) => [l.a.article, l.b.article].sort().join() === [x, y].sort().join())
    await waitFor(() => expect(container.querySelector('.badge.on-demand')).not.toBeNull(), { timeout: 20_000 })
    expect(container.querySelectorAll('[data-passage-row]')).toHaveLength(links.length)
    // The same diffs a full run gives, and no "not computed" notice.
    expect(container.querySelectorAll('.pair-diff .inline-diff')).toHaveLength(links.length)
    expect(container.querySelector('[data-no-diff]')).toBeNull()
    expect(container.querySelector('[data-diff-scope]')).toBeNull()
    expect(container.querySelectorAll('.changes li').length).toBe(links.reduce((n, l) => n + full.diffs.find((d) => d.linkId === l.id)!.changes.length, 0))
    // With the base as one side nothing is computed on demand.
    pickPair(container, study.base, x)
    expect(container.querySelectorAll('.pair-diff').length).toBeGreaterThan(0)
    expect(container.querySelector('.badge.on-demand')).toBeNull()
  })
})
