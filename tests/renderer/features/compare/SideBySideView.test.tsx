import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { MAX_COLUMNS, SideBySideView } from '../../../../renderer/src/features/compare/SideBySideView'
import { LayerBar } from '../../../../renderer/src/features/layers/LayerBar'
import { largeStudy, renderWithStudy, sampleStudy, waitForAnalysis } from '../../helpers'

afterEach(cleanup)

describe('SideBySideView', { timeout: 40_000 }, () => {
  it('renders one column per article with aligned passage rows and highlight hooks', async () => {
    const study = sampleStudy()
    const { container } = renderWithStudy(<SideBySideView />, study)
    await waitForAnalysis(container)
    const heads = [...container.querySelectorAll('[role="columnheader"][data-article-id]')].map((e) => e.getAttribute('data-article-id'))
    expect(heads[0]).toBe(study.base)
    expect(new Set(heads)).toEqual(new Set(study.articles.map((a) => a.id)))
    expect(container.querySelectorAll('[data-passage-row]').length).toBeGreaterThan(0)
    const mark = container.querySelector('[data-flag-category]')!
    expect(mark.getAttribute('data-flag-rule')).toBeTruthy()
    expect(mark.getAttribute('tabindex')).toBe('0')
  })

  it('a reordered cell says where it sits and jumps to its neighbours', async () => {
    const study = sampleStudy()
    const { container } = renderWithStudy(<SideBySideView />, study)
    await waitForAnalysis(container)
    const navs = [...container.querySelectorAll<HTMLElement>('[data-moved-position]')]
    expect(navs.length).toBeGreaterThan(0)
    for (const n of navs) expect(n.textContent).toMatch(/¶\d+ · sentences? [\d–, ]+ of \d+/)
    // happy-dom has no layout, so the virtualiser cannot scroll to a row it has not rendered:
    // take a jump whose target row is on screen (scrolling to far rows is a browser concern).
    const rowOfButton = (b: HTMLButtonElement): number => Number(/row (\d+)/.exec(b.getAttribute('aria-label')!)![1]) - 1
    const btn = navs.flatMap((n) => [...n.querySelectorAll<HTMLButtonElement>('button')]).find((b) => container.querySelector(`[data-passage-row="${rowOfButton(b)}"]`))
    expect(btn).toBeDefined()
    const article = btn!.closest<HTMLElement>('[data-article-id]')!.getAttribute('data-article-id')!
    const target = rowOfButton(btn!)
    fireEvent.click(btn!)
    await waitFor(() => {
      const flashed = container.querySelector(`[data-passage-row="${target}"] .cell.flash[data-article-id="${article}"]`)
      expect(flashed).not.toBeNull()
    })
  })

  it('every highlight is a slice of its article text by the engine offsets', async () => {
    const study = sampleStudy()
    const { container } = renderWithStudy(<SideBySideView />, study)
    await waitForAnalysis(container)
    for (const m of container.querySelectorAll('mark[data-flag-id]')) {
      const id = m.getAttribute('data-flag-id')!
      const [article, range] = id.split(':') as [string, string]
      const [start, end] = range.split('-').map(Number) as [number, number]
      const text = study.articles.find((a) => a.id === article)!.text
      const shown = [...m.querySelectorAll('[data-o]')].map((e) => e.textContent).join('')
      expect(text.slice(start, end).startsWith(shown) || shown.startsWith(text.slice(start, end))).toBe(true)
    }
  })

  it('focusing a highlight shows a tooltip with category, rule, confidence and voice', async () => {
    const { container } = renderWithStudy(<SideBySideView />)
    await waitForAnalysis(container)
    const mark = container.querySelector<HTMLElement>('mark[data-flag-category]')!
    fireEvent.focus(mark)
    const tip = await screen.findByRole('tooltip')
    expect(mark.getAttribute('aria-describedby')).toBe(tip.id)
    expect(tip.textContent).toContain(mark.getAttribute('data-flag-rule')!)
    expect(tip.textContent).toMatch(/Confidence/)
    expect(tip.textContent).toMatch(/own voice|Quoted/)
    fireEvent.blur(mark)
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())
  })

  it('layer toggles remove a category from the page', async () => {
    const { container } = renderWithStudy(
      <>
        <LayerBar />
        <SideBySideView />
      </>
    )
    await waitForAnalysis(container)
    expect(container.querySelector('[data-flag-category="contested-naming"]')).not.toBeNull()
    fireEvent.click(screen.getByRole('switch', { name: /Contested naming/ }))
    expect(container.querySelector('[data-flag-category="contested-naming"]')).toBeNull()
    expect(screen.getByRole('switch', { name: /Contested naming/ }).getAttribute('aria-checked')).toBe('false')
  })

  it('clicking a passage opens its counterparts; a flag can be accepted there', async () => {
    const { container } = renderWithStudy(<SideBySideView />)
    await waitForAnalysis(container)
    const mark = container.querySelector<HTMLElement>('mark[data-flag-category]')!
    const flagId = mark.getAttribute('data-flag-id')!
    fireEvent.click(mark)
    const drawer = await screen.findByRole('complementary', { name: 'Passage details' })
    fireEvent.click(drawer.querySelector('button.accept')!)
    await waitFor(() => expect(container.querySelector(`mark[data-flag-id="${CSS.escape(flagId)}"]`)!.className).toMatch(/accepted/))
  })

  it('A on a focused highlight: its open explanation shows the new review at once', async () => {
    const { container } = renderWithStudy(<SideBySideView />)
    await waitForAnalysis(container)
    const mark = container.querySelector<HTMLElement>('mark[data-flag-category]')!
    const flagId = mark.getAttribute('data-flag-id')!
    fireEvent.focus(mark)
    const tip = await screen.findByRole('tooltip')
    expect(tip.textContent).not.toMatch(/accepted/)
    fireEvent.keyDown(mark, { key: 'a' })
    await waitFor(() => expect(container.querySelector(`mark[data-flag-id="${CSS.escape(flagId)}"]`)!.className).toMatch(/accepted/))
    expect(screen.getByRole('tooltip').textContent).toMatch(/Review✓ accepted/)
  })

  it('more articles than columns: the note names the hidden ones and can be dismissed', async () => {
    const study = largeStudy()
    const { container } = renderWithStudy(<SideBySideView />, study)
    await waitForAnalysis(container)
    const note = container.querySelector<HTMLElement>('[data-hidden-columns]')!
    expect(note.getAttribute('data-hidden-columns')).toBe(String(study.articles.length - MAX_COLUMNS))
    for (const a of study.articles.slice(MAX_COLUMNS)) expect(note.textContent).toContain(a.meta.outlet || a.meta.title)
    expect(container.querySelectorAll('[role="columnheader"][data-article-id]')).toHaveLength(MAX_COLUMNS)
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: some articles are not shown' }))
    expect(container.querySelector('[data-hidden-columns]')).toBeNull()
  }, 60_000)

  it('collapsing a column hides its text but keeps the column', async () => {
    const study = sampleStudy()
    const { container } = renderWithStudy(<SideBySideView />, study)
    await waitForAnalysis(container)
    const other = study.articles.find((a) => a.id !== study.base)!
    const btn = container.querySelector<HTMLElement>(`[role="columnheader"][data-article-id="${other.id}"] button.collapse`)!
    fireEvent.click(btn)
    expect(btn.getAttribute('aria-expanded')).toBe('false')
    expect(container.querySelector(`.cell[data-article-id="${other.id}"] [data-flag-category]`)).toBeNull()
  })
})
