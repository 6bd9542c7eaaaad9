// On-demand pair alignment in the pair view: a 12-article study is aligned against the base
// only, so opening two non-base articles asks the runner for that pair, shows progress, then
// the links with inline diffs like an in-scope pair; results are cached per analysis, and an
// unlink made there is stored in the study and re-requests the pair from the new analysis.
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { alignPair } from '@shared/pipeline/analyze'
import type { AlignmentCorrection } from '@shared/model'
import { PairView } from '../../../../renderer/src/features/compare/PairView'
import { MethodsBox } from '../../../../renderer/src/components/MethodsBox'
import { AppStateProvider, useApp } from '../../../../renderer/src/state/AppState'
import { ExplainProvider } from '../../../../renderer/src/components/text/explain'
import { createInlineRunner, type AnalysisRunner, type PairCallbacks } from '../../../../renderer/src/workers/analysisClient'
import type { PairRequest } from '../../../../renderer/src/workers/protocol'
import { largeStudy } from '../../helpers'

afterEach(cleanup)

/** The real engine on the test thread; pair requests wait until the test releases them. */
function gatedRunner(): { runner: AnalysisRunner; calls: PairRequest[]; release(): void; analyses: number } {
  const inline = createInlineRunner()
  const waiting: [PairRequest, PairCallbacks][] = []
  const out = {
    calls: [] as PairRequest[],
    analyses: 0,
    release(): void {
      for (const [r, cb] of waiting.splice(0)) inline.pair(r, cb)
    },
    runner: {
      ...inline,
      run: (r, cb) => {
        inline.run(r, { ...cb, onResult: (a, ms) => { out.analyses++; cb.onResult(a, ms) } })
      },
      pair: (r: PairRequest, cb: PairCallbacks) => {
        out.calls.push(r)
        waiting.push([r, cb])
        return () => {}
      }
    } as AnalysisRunner
  }
  return out
}

let corrections: readonly AlignmentCorrection[] = []
function CorrectionsProbe(): ReactNode {
  corrections = useApp().study.corrections
  return null
}

function pickPair(container: HTMLElement, first: string, second: string): void {
  fireEvent.change(screen.getByLabelText('First'), { target: { value: first } })
  fireEvent.change(screen.getByLabelText('Second'), { target: { value: second } })
  expect(container.querySelector('[data-pair]')?.getAttribute('data-pair')).toBe(`${first}|${second}`)
}

describe('PairView on demand', { timeout: 60_000 }, () => {
  it('aligns a non-base pair of a 12-article study on request, caches it, and stores an unlink in the study', async () => {
    const study = largeStudy()
    const gate = gatedRunner()
    const { container } = render(
      <AppStateProvider initial={study} runner={gate.runner} initialView="pair">
        <ExplainProvider>
          <PairView />
          <MethodsBox />
          <CorrectionsProbe />
        </ExplainProvider>
      </AppStateProvider>
    )
    // The base pair shown first needs nothing on demand.
    await waitFor(() => expect(container.querySelectorAll('[data-passage-row]').length).toBeGreaterThan(0), { timeout: 30_000 })
    expect(gate.calls).toHaveLength(0)
    const ids = study.articles.map((a) => a.id)
    const [x, y] = [ids[1]!, ids[8]!]
    pickPair(container, x, y)

    // Requested once, with progress on screen and no "no aligned passages" claim meanwhile.
    await waitFor(() => expect(gate.calls).toHaveLength(1))
    expect(gate.calls[0]!.analysis.alignScope).toBe('base')
    expect(screen.getByRole('status').textContent).toMatch(/Aligning this pair…/)
    expect(screen.getByRole('status').textContent).toMatch(/12 articles/)
    expect(container.querySelectorAll('[data-passage-row]')).toHaveLength(0)
    expect(container.textContent).not.toMatch(/No aligned passages/)
    expect(container.querySelector('.pair-only')).toBeNull()

    act(() => gate.release())
    const expected = alignPair({ analysis: gate.calls[0]!.analysis, a: x, b: y })
    expect(expected.links.length).toBeGreaterThan(0)
    await waitFor(() => expect(container.querySelectorAll('[data-passage-row]')).toHaveLength(expected.links.length), { timeout: 20_000 })
    expect([...container.querySelectorAll('[data-passage-row]')].map((e) => e.getAttribute('data-passage-row')).sort()).toEqual(expected.links.map((l) => l.id).sort())
    expect(container.querySelectorAll('.pair-diff .inline-diff')).toHaveLength(expected.links.length)
    expect(container.querySelector('.badge.on-demand')?.textContent).toBe('aligned on demand')
    expect(container.querySelector('.on-demand-progress')).toBeNull()
    expect(container.querySelector('.pair-only')).not.toBeNull()
    expect(container.textContent).toMatch(/sentiment [+−±]\d/)
    // The methods box (overview) says which pairs were aligned on demand.
    expect(container.querySelector('[data-align-scope]')?.getAttribute('data-align-scope')).toBe('base')
    const outlet = (id: string): string => study.articles.find((a) => a.id === id)!.meta.outlet
    expect(container.querySelector('[data-on-demand-pairs]')?.textContent).toBe(`${outlet(x)} ~ ${outlet(y)}`)
    // The header legend follows the links' reading direction (struck = their side a), so it never contradicts the diffs.
    const struckIn = expected.links.every((l) => l.a.article === y) ? y : x
    expect(container.querySelector('.pair-head')!.textContent).toContain(`struck = only in ${outlet(struckIn)}`)

    // Cached: other pairs and back do not ask again for the first (picking First then Second
    // passes through the pair ids[2]~y, which is aligned too).
    const asked = (p: string, q: string): number => gate.calls.filter((c) => [c.a, c.b].sort().join() === [p, q].sort().join()).length
    pickPair(container, ids[2]!, ids[9]!)
    await waitFor(() => expect(asked(ids[2]!, ids[9]!)).toBe(1))
    act(() => gate.release())
    pickPair(container, y, x) // the same pair, read the other way round
    expect(asked(x, y)).toBe(1)
    expect(container.querySelectorAll('[data-passage-row]')).toHaveLength(expected.links.length)
    const callsBefore = gate.calls.length

    // Unlink: stored in the study; the re-run analysis asks for the pair again, without that link.
    const analysesBefore = gate.analyses
    const first = container.querySelector('[data-passage-row]')!
    const unlinked = first.getAttribute('data-passage-row')!
    fireEvent.click(first.querySelector('button')!)
    expect(corrections.at(-1)).toMatchObject({ kind: 'unlink', linkId: unlinked })
    await waitFor(() => expect(gate.analyses).toBe(analysesBefore + 1), { timeout: 30_000 })
    await waitFor(() => expect(gate.calls).toHaveLength(callsBefore + 1))
    expect(gate.calls.at(-1)!.corrections.at(-1)).toMatchObject({ kind: 'unlink', linkId: unlinked })
    expect(asked(x, y)).toBe(2)
    act(() => gate.release())
    await waitFor(() => expect(container.querySelectorAll('[data-passage-row]')).toHaveLength(expected.links.length - 1), { timeout: 20_000 })
    expect(container.querySelector(`[data-passage-row="${CSS.escape(unlinked)}"]`)).toBeNull()
  })

  it('a failed pair request says so and can be retried', async () => {
    const study = largeStudy()
    const inline = createInlineRunner()
    let fail = true
    const calls: PairRequest[] = []
    const runner: AnalysisRunner = {
      ...inline,
      pair: (r, cb) => {
        calls.push(r)
        if (fail) {
          queueMicrotask(() => cb.onError({ code: 'INTERNAL', message: 'Pair alignment failed: boom' }))
          return () => {}
        }
        return inline.pair(r, cb)
      }
    }
    const { container } = render(
      <AppStateProvider initial={study} runner={runner} initialView="pair">
        <ExplainProvider>
          <PairView />
        </ExplainProvider>
      </AppStateProvider>
    )
    await waitFor(() => expect(container.querySelectorAll('[data-passage-row]').length).toBeGreaterThan(0), { timeout: 30_000 })
    const ids = study.articles.map((a) => a.id)
    pickPair(container, ids[3]!, ids[10]!)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/boom/))
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(container.querySelector('.badge.on-demand')).not.toBeNull(), { timeout: 20_000 })
    // Two requests for the chosen pair: the failed one and the retry. (Choosing First keeps the
    // Second shown at that moment, so the pair passed through on the way may have its own request.)
    expect(calls.filter((c) => [c.a, c.b].sort().join() === [ids[3]!, ids[10]!].sort().join())).toHaveLength(2)
    expect(container.querySelectorAll('[data-passage-row]').length).toBeGreaterThan(0)
  })
})
