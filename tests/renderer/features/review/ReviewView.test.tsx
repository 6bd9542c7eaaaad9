import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { ReviewView } from '../../../../renderer/src/features/review/ReviewView'
import { PairView } from '../../../../renderer/src/features/compare/PairView'
import { renderWithStudy, sampleAnalysis } from '../../helpers'

afterEach(cleanup)

describe('ReviewView', () => {
  it('accepts and rejects flags, with counts', async () => {
    const { container } = renderWithStudy(<ReviewView />, undefined, 'review')
    await waitFor(() => expect(container.querySelector('[data-review-flag]')).not.toBeNull(), { timeout: 20_000 })
    const rows = container.querySelectorAll<HTMLElement>('[data-review-flag]')
    fireEvent.click(rows[0]!.querySelector('button.accept')!)
    fireEvent.click(rows[1]!.querySelector('button.reject')!)
    expect(rows[0]!.className).toMatch(/accepted/)
    expect(rows[1]!.className).toMatch(/rejected/)
    expect(screen.getByText(/1 accepted · 1 rejected/)).toBeTruthy()
  })

  it('links two passages; the engine returns a user link', async () => {
    renderWithStudy(<ReviewView />, undefined, 'review')
    const btn = await screen.findByRole('button', { name: 'Link these passages' }, { timeout: 20_000 })
    fireEvent.change(screen.getByLabelText('Base sentence'), { target: { value: '3' } })
    fireEvent.change(screen.getByLabelText('Other sentence'), { target: { value: '2' } })
    fireEvent.click(btn)
    expect(document.querySelectorAll('[data-correction="link"]')).toHaveLength(1)
    await screen.findByText(/1 link\(s\) made by you/, {}, { timeout: 20_000 })
  })
})

describe('PairView', () => {
  it('lists aligned pairs between the base and another article with inline diffs', async () => {
    const analysis = sampleAnalysis()
    const { container } = renderWithStudy(<PairView />, undefined, 'pair')
    await waitFor(() => expect(container.querySelector('.pair-item')).not.toBeNull(), { timeout: 20_000 })
    const pair = container.querySelector('[data-pair]')!.getAttribute('data-pair')!.split('|')
    const expected = analysis.alignment.links.filter(
      (l) => (l.a.article === pair[0] && l.b.article === pair[1]) || (l.a.article === pair[1] && l.b.article === pair[0])
    ).length
    expect(container.querySelectorAll('.pair-item')).toHaveLength(expected)
    expect(container.querySelector('.inline-diff')).not.toBeNull()
  })
})
