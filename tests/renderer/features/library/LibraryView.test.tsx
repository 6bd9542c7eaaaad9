import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { LibraryView } from '../../../../renderer/src/features/library/LibraryView'
import { renderWithStudy, sampleStudy } from '../../helpers'

afterEach(cleanup)

describe('LibraryView', () => {
  it('lists the articles with metadata; base first', () => {
    const study = sampleStudy()
    renderWithStudy(<LibraryView />, study, 'library')
    const items = screen.getAllByRole('listitem')
    expect(items).toHaveLength(study.articles.length)
    expect(within(items[0]!).getByText('BASE')).toBeTruthy()
    expect(items[1]!.textContent).toContain(study.articles[1]!.meta.outlet)
  })

  it('edits metadata, reorders, changes base, removes and undoes', () => {
    const study = sampleStudy()
    renderWithStudy(<LibraryView />, study, 'library')
    const card = (): HTMLElement => screen.getAllByRole('listitem')[1]!
    fireEvent.click(within(card()).getByRole('button', { name: 'Edit metadata' }))
    fireEvent.change(within(card()).getByLabelText('Outlet'), { target: { value: 'Edited Outlet' } })
    fireEvent.click(within(card()).getByRole('button', { name: 'Save metadata' }))
    expect(card().textContent).toContain('Edited Outlet')
    fireEvent.click(within(card()).getByRole('button', { name: 'Move up' }))
    expect(screen.getAllByRole('listitem')[0]!.textContent).toContain('Edited Outlet')
    fireEvent.click(within(screen.getAllByRole('listitem')[0]!).getByRole('button', { name: 'Make base' }))
    expect(within(screen.getAllByRole('listitem')[0]!).getByText('BASE')).toBeTruthy()
    fireEvent.click(within(screen.getAllByRole('listitem')[2]!).getByRole('button', { name: 'Remove' }))
    expect(screen.getAllByRole('listitem')).toHaveLength(study.articles.length - 1)
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(screen.getAllByRole('listitem')).toHaveLength(study.articles.length)
  })

  it('adds pasted text as an article through ingestion', async () => {
    const study = sampleStudy()
    renderWithStudy(<LibraryView />, study, 'library')
    fireEvent.click(screen.getByRole('button', { name: 'Paste text' }))
    fireEvent.change(screen.getByLabelText('Name (optional)'), { target: { value: 'Pasted report' } })
    fireEvent.change(screen.getByLabelText('Article text'), { target: { value: 'Azerbaijan opened an embassy in Tel Aviv.\n\nIran criticised the move.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add pasted article' }))
    expect((await screen.findAllByText(/Pasted report/)).length).toBeGreaterThan(0)
    expect(screen.getAllByRole('listitem')).toHaveLength(study.articles.length + 1)
  })

  it('an empty paste is refused with a notice-worthy error, nothing added', async () => {
    const study = sampleStudy()
    renderWithStudy(<LibraryView />, study, 'library')
    fireEvent.click(screen.getByRole('button', { name: 'Paste text' }))
    fireEvent.change(screen.getByLabelText('Article text'), { target: { value: '   \n  ' } })
    expect((screen.getByRole('button', { name: 'Add pasted article' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
