// Merge and split in the Pair view: "Merge with next" stores a merge correction naming the two
// links, the re-run engine returns one link over both passages; "Split" on that link with the
// cut at the old boundary stores a split and gives back the two original passages; undo
// removes each step. Runs the real engine over the sample study.
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import type { AlignmentCorrection, Link } from '@shared/model'
import { PairView } from '../../../../renderer/src/features/compare/PairView'
import { canMerge } from '../../../../renderer/src/features/compare/LinkCorrections'
import { useApp } from '../../../../renderer/src/state/AppState'
import { renderWithStudy, sampleAnalysis, sampleStudy } from '../../helpers'

afterEach(cleanup)

let corrections: readonly AlignmentCorrection[] = []
let undo: () => void = () => {}
function Probe(): ReactNode {
  const app = useApp()
  corrections = app.study.corrections
  undo = () => app.dispatch({ type: 'undo' })
  return null
}

const rowIds = (c: HTMLElement): string[] => [...c.querySelectorAll('[data-passage-row]')].map((r) => r.getAttribute('data-passage-row')!)

describe('Pair view: merge and split links', { timeout: 60_000 }, () => {
  it('merges a link with the next adjacent one, splits it back at the old boundary, and undoes both', async () => {
    const study = sampleStudy()
    const analysis = sampleAnalysis()
    const { container } = renderWithStudy(
      <>
        <Probe />
        <PairView />
      </>,
      study,
      'pair'
    )
    await waitFor(() => expect(container.querySelector('.pair-item')).not.toBeNull(), { timeout: 20_000 })
    // The first other article whose pair has a mergeable neighbour in the list.
    let button: HTMLElement | null = null
    for (const other of study.articles.map((a) => a.id).filter((id) => id !== study.base)) {
      fireEvent.change(screen.getByLabelText('Second'), { target: { value: other } })
      button = container.querySelector<HTMLElement>('button[aria-label^="Merge passage pair"]')
      if (button) break
    }
    expect(button).not.toBeNull()
    const row = button!.closest('[data-passage-row]')!
    const ids = rowIds(container)
    const before = ids.length
    const first = analysis.alignment.links.find((l) => l.id === row.getAttribute('data-passage-row'))!
    const second = analysis.alignment.links.find((l) => l.id === ids[ids.indexOf(first.id) + 1])!
    expect(canMerge(first, second)).toBe(true)
    expect(button!.getAttribute('aria-label')).toBe(`Merge passage pair ${ids.indexOf(first.id) + 1} with pair ${ids.indexOf(first.id) + 2}`)

    fireEvent.click(button!)
    expect(corrections.at(-1)).toMatchObject({ kind: 'merge', linkIds: [first.id, second.id] })
    const mergedId = merged(first, second)
    await waitFor(() => expect(rowIds(container)).toContain(mergedId), { timeout: 20_000 })
    expect(rowIds(container)).toHaveLength(before - 1)
    expect(rowIds(container)).not.toContain(first.id)
    expect(rowIds(container)).not.toContain(second.id)
    const mergedRow = container.querySelector(`[data-passage-row="${CSS.escape(mergedId)}"]`)!
    expect(mergedRow.textContent).toMatch(/linked by you/)

    // Split the merged link where the two passages met (each side that now spans them).
    const selects = [...mergedRow.querySelectorAll<HTMLSelectElement>('select[aria-label^="Split point"]')]
    expect(selects.length).toBeGreaterThan(0)
    const splitBtn = mergedRow.querySelector<HTMLButtonElement>('button[aria-label^="Split passage pair"]')!
    expect(splitBtn.disabled).toBe(true)
    for (const sel of selects) {
      const article = sel.getAttribute('data-split-side')!
      const side = second.a.article === article ? second.a : second.b
      const firstSide = first.a.article === article ? first.a : first.b
      // Cut where the second passage starts, if that is a boundary inside the merged side.
      if (side.sentenceStart > firstSide.sentenceStart) fireEvent.change(sel, { target: { value: String(side.sentenceStart) } })
    }
    expect(splitBtn.disabled).toBe(false)
    fireEvent.click(splitBtn)
    const split = corrections.at(-1)!
    expect(split).toMatchObject({ kind: 'split', linkId: mergedId })
    // Stored cut offsets are the real sentence boundaries of the text.
    if (split.kind === 'split' && split.cutA) expect(split.cutA.end).toBeLessThanOrEqual(split.cutA.start)
    // When the two links met exactly on both sides, the split gives them back (as user links).
    const exact = first.a.sentenceEnd === second.a.sentenceStart && first.b.sentenceEnd === second.b.sentenceStart
    await waitFor(() => expect(rowIds(container)).not.toContain(mergedId), { timeout: 20_000 })
    expect(rowIds(container)).toHaveLength(before)
    if (exact) expect(rowIds(container)).toEqual(expect.arrayContaining([first.id, second.id]))

    // Undo the split, then the merge.
    act(() => undo())
    await waitFor(() => expect(rowIds(container)).toContain(mergedId), { timeout: 20_000 })
    act(() => undo())
    expect(corrections).toEqual([])
    await waitFor(() => expect(rowIds(container)).toEqual(ids), { timeout: 20_000 })
  })

  it('offers no merge for links that are not adjacent on both sides', () => {
    const ref = (article: string, s: number, e: number): Link['a'] => ({ article, start: s * 10, end: e * 10 - 2, sentenceStart: s, sentenceEnd: e })
    const link = (a: Link['a'], b: Link['b']): Link => ({ id: `${a.article}:${a.sentenceStart}-${a.sentenceEnd}~${b.article}:${b.sentenceStart}-${b.sentenceEnd}`, a, b, score: 0.5, evidence: [], origin: 'machine' })
    const cases: [Link, Link, boolean][] = [
      [link(ref('s', 2, 3), ref('w', 9, 10)), link(ref('s', 3, 4), ref('w', 10, 11)), true],
      [link(ref('s', 2, 3), ref('w', 9, 10)), link(ref('w', 10, 11), ref('s', 3, 4)), true],
      [link(ref('s', 3, 4), ref('w', 5, 6)), link(ref('s', 3, 4), ref('w', 6, 8)), true],
      [link(ref('s', 2, 3), ref('w', 9, 10)), link(ref('s', 3, 4), ref('w', 2, 3)), false],
      [link(ref('s', 2, 3), ref('w', 9, 10)), link(ref('s', 5, 6), ref('w', 10, 11)), false],
      [link(ref('s', 2, 3), ref('w', 9, 10)), link(ref('s', 3, 4), ref('x', 10, 11)), false]
    ]
    for (const [x, y, want] of cases) expect(canMerge(x, y)).toBe(want)
  })
})

/** The id the engine gives the merge of two links (union of each side's sentences). */
function merged(x: Link, y: Link): string {
  const side = (article: string): string => {
    const p = x.a.article === article ? x.a : x.b
    const q = y.a.article === article ? y.a : y.b
    return `${article}:${Math.min(p.sentenceStart, q.sentenceStart)}-${Math.max(p.sentenceEnd, q.sentenceEnd)}`
  }
  return `${side(x.a.article)}~${side(x.b.article)}`
}
