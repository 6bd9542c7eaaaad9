// The Pair view's chosen articles outlive a visit to another view (they live in app state), two
// equal sides say so instead of "these articles report different things", and a machine link
// says why it was made.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { PairView } from '../../../../renderer/src/features/compare/PairView'
import { useApp } from '../../../../renderer/src/state/AppState'
import { renderWithStudy, sampleAnalysis, sampleStudy } from '../../helpers'

afterEach(cleanup)

/** Pair view or a stand-in for another view, switched the way the tab bar does. */
function Views(): ReactNode {
  const { view, setView } = useApp()
  return (
    <>
      <button type="button" onClick={() => setView(view === 'pair' ? 'review' : 'pair')}>
        switch
      </button>
      {view === 'pair' ? <PairView /> : <p>another view</p>}
    </>
  )
}

describe('PairView choice', { timeout: 40_000 }, () => {
  it('keeps the chosen pair across a visit to another view', async () => {
    const study = sampleStudy()
    const [, x, y] = study.articles.map((a) => a.id) as [string, string, string]
    const { container } = renderWithStudy(<Views />, study, 'pair')
    await waitFor(() => expect(screen.getByLabelText('First')).toBeTruthy(), { timeout: 20_000 })
    fireEvent.change(screen.getByLabelText('First'), { target: { value: x } })
    fireEvent.change(screen.getByLabelText('Second'), { target: { value: y } })
    expect(container.querySelector('[data-pair]')?.getAttribute('data-pair')).toBe(`${x}|${y}`)
    fireEvent.click(screen.getByRole('button', { name: 'switch' }))
    expect(container.querySelector('[data-pair]')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'switch' }))
    expect(container.querySelector('[data-pair]')?.getAttribute('data-pair')).toBe(`${x}|${y}`)
    // Swap keeps working on the kept choice.
    fireEvent.click(screen.getByRole('button', { name: 'Swap articles' }))
    expect(container.querySelector('[data-pair]')?.getAttribute('data-pair')).toBe(`${y}|${x}`)
  })

  it('choosing First keeps the Second on screen (no jump to another default)', async () => {
    const study = sampleStudy()
    const [base, x, y] = study.articles.map((a) => a.id) as [string, string, string]
    const { container } = renderWithStudy(<PairView />, study, 'pair')
    await waitFor(() => expect(container.querySelector('[data-passage-row]')).not.toBeNull(), { timeout: 20_000 })
    expect(container.querySelector('[data-pair]')?.getAttribute('data-pair')).toBe(`${base}|${x}`)
    fireEvent.change(screen.getByLabelText('First'), { target: { value: y } })
    expect(container.querySelector('[data-pair]')?.getAttribute('data-pair')).toBe(`${y}|${x}`)
  })

  it('the same article on both sides: asks for two articles, no "reports different things"', async () => {
    const study = sampleStudy()
    const x = study.articles[1]!.id
    const { container } = renderWithStudy(<PairView />, study, 'pair')
    await waitFor(() => expect(container.querySelector('[data-passage-row]')).not.toBeNull(), { timeout: 20_000 })
    fireEvent.change(screen.getByLabelText('First'), { target: { value: x } })
    fireEvent.change(screen.getByLabelText('Second'), { target: { value: x } })
    expect(container.querySelector('[data-same-article]')?.textContent).toMatch(/Choose two different articles/)
    expect(container.textContent).not.toMatch(/simply reports different things/)
    expect(container.querySelector('.pair-only')).toBeNull()
  })

  it('each machine link shows its evidence', async () => {
    const study = sampleStudy()
    const { container } = renderWithStudy(<PairView />, study, 'pair')
    await waitFor(() => expect(container.querySelector('[data-passage-row]')).not.toBeNull(), { timeout: 20_000 })
    const rows = [...container.querySelectorAll('[data-passage-row]')]
    const links = new Map(sampleAnalysis().alignment.links.map((l) => [l.id, l]))
    for (const row of rows) {
      const link = links.get(row.getAttribute('data-passage-row')!)!
      const ev = row.querySelector('[data-link-evidence]')
      expect(ev, link.id).not.toBeNull()
      // The first evidence item, as the engine wrote it.
      const e = link.evidence[0]!
      expect(ev!.textContent).toContain(e.a === e.b ? e.a : `${e.a} ≈ ${e.b}`)
    }
  })
})
