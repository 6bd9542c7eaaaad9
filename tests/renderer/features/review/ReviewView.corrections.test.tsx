// Review's link editor makes multi-sentence links ("… ends with" selects), the corrections list
// names merge and split entries, and corrections the engine reports as no longer applying are
// counted and marked.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import type { AlignmentCorrection, Analysis, PassageRef, Study } from '@shared/model'
import { alreadyLinked, ReviewView } from '../../../../renderer/src/features/review/ReviewView'
import { AppStateProvider, useApp } from '../../../../renderer/src/state/AppState'
import { ExplainProvider } from '../../../../renderer/src/components/text/explain'
import { segment } from '@shared/pipeline/02-segment/segment'
import { createInlineRunner, type AnalysisRunner } from '../../../../renderer/src/workers/analysisClient'
import { renderWithStudy, sampleAnalysis, sampleStudy } from '../../helpers'

afterEach(cleanup)

let corrections: readonly AlignmentCorrection[] = []
function Probe(): ReactNode {
  corrections = useApp().study.corrections
  return null
}

/** Review over a fixed analysis (as the engine would report it), once its skip notice shows. */
async function renderReview(study: Study, reported: Analysis): Promise<void> {
  const runner: AnalysisRunner = { ...createInlineRunner(), run: (_r, cb) => queueMicrotask(() => cb.onResult(reported, 0)) }
  render(
    <AppStateProvider initial={study} runner={runner} initialView="review">
      <ExplainProvider>
        <ReviewView />
      </ExplainProvider>
    </AppStateProvider>
  )
  await waitFor(() => expect(document.querySelector('[data-skipped-corrections]')).not.toBeNull(), { timeout: 20_000 })
}

describe('alreadyLinked', () => {
  const analysis = sampleAnalysis()
  const link = analysis.alignment.links[0]!
  const c = (a: PassageRef, b: PassageRef): AlignmentCorrection => ({ kind: 'link', a, b, at: '' })
  const other: PassageRef = { ...link.b, sentenceEnd: link.b.sentenceEnd + 1 }
  it.each([
    ['a machine link, either way round', [link], [], link.a, link.b, true],
    ['a machine link read b → a', [link], [], link.b, link.a, true],
    ['an earlier link correction', [], [c(link.a, other)], other, link.a, true],
    ['a different passage on one side', [link], [], link.a, other, false],
    ['nothing linked', [], [], link.a, link.b, false]
  ] as const)('%s → %s', (_, links, corrections, a, b, expected) => {
    expect(alreadyLinked(links, corrections, a, b)).toBe(expected)
  })
})

describe('Review: corrections', { timeout: 40_000 }, () => {
  it('links a two-sentence base passage to a two-sentence passage of another article', async () => {
    const study = sampleStudy()
    renderWithStudy(
      <>
        <Probe />
        <ReviewView />
      </>,
      study,
      'review'
    )
    const btn = await screen.findByRole('button', { name: 'Link these passages' }, { timeout: 20_000 })
    fireEvent.change(screen.getByLabelText('Base sentence'), { target: { value: '3' } })
    const to = screen.getByLabelText<HTMLSelectElement>('Base passage ends with')
    // The "to" select starts at the chosen sentence.
    expect(to.value).toBe('3')
    expect(to.options[0]!.value).toBe('3')
    fireEvent.change(to, { target: { value: '4' } })
    fireEvent.change(screen.getByLabelText('Other sentence'), { target: { value: '2' } })
    fireEvent.change(screen.getByLabelText('Other passage ends with'), { target: { value: '3' } })
    fireEvent.click(btn)
    const other = (screen.getByLabelText<HTMLSelectElement>('Other article')).value
    const segBase = segment(study.articles.find((a) => a.id === study.base)!)
    const segOther = segment(study.articles.find((a) => a.id === other)!)
    expect(corrections).toEqual([
      {
        kind: 'link',
        a: { article: study.base, start: segBase.sentences[3]!.start, end: segBase.sentences[4]!.end, sentenceStart: 3, sentenceEnd: 5 },
        b: { article: other, start: segOther.sentences[2]!.start, end: segOther.sentences[3]!.end, sentenceStart: 2, sentenceEnd: 4 },
        at: expect.any(String)
      }
    ])
    expect(document.querySelector('[data-correction="link"]')!.textContent).toMatch(/sentences 4–5 ↔ .* sentences 3–4/)
    await screen.findByText(/1 link\(s\) made by you/, {}, { timeout: 20_000 })
    // The same passages again: no second correction.
    fireEvent.click(btn)
    expect(corrections).toHaveLength(1)
    // Moving the first sentence past the end keeps the passage non-empty.
    fireEvent.change(screen.getByLabelText('Base sentence'), { target: { value: '6' } })
    expect(screen.getByLabelText<HTMLSelectElement>('Base passage ends with').value).toBe('6')
  })

  it('lists merge and split corrections and marks those the engine says no longer apply', async () => {
    const study = {
      ...sampleStudy(),
      corrections: [
        { kind: 'merge', linkIds: ['x:0-1~y:0-1', 'x:1-2~y:1-2'], at: '2026-01-01T00:00:00Z' },
        { kind: 'split', linkId: 'x:0-2~y:0-1', atA: 1, at: '2026-01-01T00:00:00Z' }
      ] satisfies AlignmentCorrection[]
    }
    const full = sampleAnalysis()
    const reported: Analysis = {
      ...full,
      alignment: { ...full.alignment, skippedCorrections: [{ index: 1, kind: 'split', reason: 'link x:0-2~y:0-1 is no longer produced' }] }
    }
    await renderReview(study, reported)
    expect(document.querySelector('[data-skipped-corrections]')!.textContent).toMatch(/^1 correction no longer applies/)
    const items = [...document.querySelectorAll('[data-correction]')]
    expect(items.map((li) => li.getAttribute('data-correction'))).toEqual(['merge', 'split'])
    // Link ids read as article names and 1-based sentence ranges; the raw id stays as a tooltip.
    expect(items[0]!.textContent).toMatch(/Merged x sentence 1 ↔ y sentence 1 \+ x sentence 2 ↔ y sentence 2/)
    expect([...items[0]!.querySelectorAll('[data-link-id]')].map((e) => e.getAttribute('title'))).toEqual(['x:0-1~y:0-1', 'x:1-2~y:1-2'])
    expect(items[0]!.hasAttribute('data-skipped')).toBe(false)
    expect(items[1]!.textContent).toMatch(/Split x sentences 1–2 ↔ y sentence 1 before x sentence 2 — no longer applies: link x:0-2~y:0-1 is no longer produced/)
    expect(items[1]!.hasAttribute('data-skipped')).toBe(true)
  })

  it('does not count corrections of a pair aligned only on demand as no longer applying', async () => {
    const full = sampleAnalysis()
    const study = {
      ...sampleStudy(),
      corrections: [
        { kind: 'unlink', linkId: 'x:0-1~y:0-1', at: '2026-01-01T00:00:00Z' },
        { kind: 'unlink', linkId: `${full.base}:0-1~y:0-1`, at: '2026-01-01T00:00:00Z' }
      ] satisfies AlignmentCorrection[]
    }
    // A large study aligns each article with the base only: the full run cannot apply the x~y
    // correction (the Pair view's on-demand run does), while the base one is really stale.
    const reported: Analysis = {
      ...full,
      alignScope: 'base',
      alignment: {
        ...full.alignment,
        skippedCorrections: [
          { index: 0, kind: 'unlink', reason: 'link x:0-1~y:0-1 is no longer produced' },
          { index: 1, kind: 'unlink', reason: `link ${full.base}:0-1~y:0-1 is no longer produced` }
        ]
      }
    }
    await renderReview(study, reported)
    expect(document.querySelector('[data-skipped-corrections]')!.textContent).toMatch(/^1 correction no longer applies/)
    const items = [...document.querySelectorAll('[data-correction]')]
    expect(items[0]!.hasAttribute('data-skipped')).toBe(false)
    expect(items[0]!.querySelector('[data-on-demand-correction]')!.textContent).toMatch(/applies in the Pair view/)
    expect(items[1]!.hasAttribute('data-skipped')).toBe(true)
    expect(items[1]!.querySelector('[data-on-demand-correction]')).toBeNull()
  })
})
