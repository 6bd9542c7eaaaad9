// The application frame on a small screen: each view opens at its top (the views share one
// scroller), Undo/Redo keep their names when their labels hide, and the legend starts closed on
// a short window, remembering the user's choice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { App } from '../../../renderer/src/app/App'
import { initialLegend } from '../../../renderer/src/features/layers/LayerBar'
import { subTitle } from '../../../renderer/src/features/compare/SideBySideView'
import { renderWithStudy, sampleStudy } from '../helpers'
import { setPlatform } from '../../../renderer/src/platform'
import { createWebPlatform } from '../../../renderer/src/platform/web'

const height = window.innerHeight
beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  setPlatform(null)
  Object.defineProperty(window, 'innerHeight', { value: height, configurable: true })
})

function setHeight(h: number): void {
  Object.defineProperty(window, 'innerHeight', { value: h, configurable: true })
}

describe('App frame', { timeout: 40_000 }, () => {
  it('switching views resets the shared scroller to the top', async () => {
    const { container } = renderWithStudy(<App bootMessage={null} />, sampleStudy(), 'review')
    const main = container.querySelector('main.view') as HTMLElement
    main.scrollTop = 900
    expect(main.scrollTop).toBe(900)
    fireEvent.click(screen.getByRole('tab', { name: 'Codebook' }))
    await waitFor(() => expect(main.scrollTop).toBe(0))
  })

  it('Undo and Redo are named by their text, not their arrows', () => {
    renderWithStudy(<App bootMessage={null} />, sampleStudy(), 'library')
    const toolbar = screen.getByRole('toolbar', { name: 'Commands' })
    const names = [...toolbar.querySelectorAll('button')].map((b) => b.textContent?.trim())
    expect(names).toContain('↶ Undo')
    // The accessible name leaves out the aria-hidden glyph.
    expect(screen.getAllByRole('button', { name: 'Undo' }).length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Redo' })).toBeTruthy()
  })

  it.each([
    [700, null, false],
    [900, null, true],
    [700, 'shown', true],
    [900, 'hidden', false]
  ])('legend at window height %i with stored choice %s: open=%s', (h, stored, open) => {
    setHeight(h)
    if (stored) localStorage.setItem('parallax.legend.v1', stored)
    expect(initialLegend()).toBe(open)
  })

  it('the legend toggle is remembered', () => {
    setHeight(700)
    renderWithStudy(<App bootMessage={null} />, sampleStudy(), 'compare')
    expect(screen.queryByRole('list', { name: 'Legend' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Legend' }))
    expect(screen.getByRole('list', { name: 'Legend' })).toBeTruthy()
    expect(localStorage.getItem('parallax.legend.v1')).toBe('shown')
    expect(initialLegend()).toBe(true)
  })

  it.each([
    [{ outlet: 'Wire', title: 'Headline', viewpoint: 'State agency' }, 'State agency'],
    [{ outlet: 'Wire', title: 'Headline', viewpoint: '' }, 'Headline'],
    // No outlet: the headline already heads the column; no second copy below it.
    [{ outlet: '', title: 'Headline', viewpoint: '' }, '']
  ])('column subtitle of %j is %j', (m, sub) => {
    expect(subTitle({ ...sampleStudy().articles[0]!.meta, ...m })).toBe(sub)
  })

  it('Ctrl+S while typing the study title saves the typed title', async () => {
    const web = createWebPlatform()
    const save = vi.spyOn(web, 'saveStudy').mockResolvedValue({ ok: true, value: 'x.parallax.json' })
    setPlatform(web)
    renderWithStudy(<App bootMessage={null} />, sampleStudy(), 'library')
    const title = screen.getByLabelText('Study title') as HTMLInputElement
    title.focus()
    fireEvent.change(title, { target: { value: 'Year 10: embassy coverage' } })
    fireEvent.keyDown(title, { key: 's', ctrlKey: true })
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
    expect(JSON.parse(save.mock.calls[0]![0]).title).toBe('Year 10: embassy coverage')
  })
})
