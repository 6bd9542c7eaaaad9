// Starting over: "New study" empties the study in one undoable step, and an emptied study is never
// handed to the study serializer (its schema refuses a study without articles, which used to
// throw from Save, the Export dialog and the autosave timer).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { LibraryView } from '../../../../renderer/src/features/library/LibraryView'
import { ExportDialog } from '../../../../renderer/src/features/export/ExportMenu'
import { Notices } from '../../../../renderer/src/components/Notices'
import { useAutosave } from '../../../../renderer/src/app/useAutosave'
import { useCommands } from '../../../../renderer/src/app/commands'
import { setPlatform } from '../../../../renderer/src/platform'
import { createWebPlatform } from '../../../../renderer/src/platform/web'
import { renderWithStudy, sampleStudy } from '../../helpers'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  setPlatform(null)
})

function Harness(): ReactNode {
  useAutosave()
  const cmd = useCommands()
  return (
    <>
      <Notices />
      <button type="button" onClick={() => void cmd.saveStudy(false)}>
        save-now
      </button>
      <LibraryView />
    </>
  )
}

describe('LibraryView: new study', () => {
  it('empties the study in one step, says how to undo, and Undo brings it back', () => {
    const study = sampleStudy()
    renderWithStudy(<Harness />, study, 'library')
    fireEvent.click(screen.getByRole('button', { name: 'New study' }))
    expect(screen.queryAllByRole('listitem')).toHaveLength(0)
    expect(document.querySelector('[data-library-empty]')).not.toBeNull()
    expect(screen.getByRole('button', { name: 'New study' })).toHaveProperty('disabled', true)
    expect(screen.getByText(/Undo brings the previous one back/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(screen.getAllByRole('listitem')).toHaveLength(study.articles.length)
  })

  it('an emptied study: Save warns instead of throwing, the autosave is cleared, not written', async () => {
    const web = createWebPlatform()
    const autosave = vi.spyOn(web, 'autosave')
    const clear = vi.spyOn(web, 'clearAutosave')
    const saveStudy = vi.spyOn(web, 'saveStudy')
    setPlatform(web)
    vi.useFakeTimers()
    renderWithStudy(<Harness />, sampleStudy(), 'library')
    fireEvent.click(screen.getByRole('button', { name: 'New study' }))
    await act(async () => {
      vi.advanceTimersByTime(2000)
    })
    expect(autosave).not.toHaveBeenCalled()
    expect(clear).toHaveBeenCalled()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'save-now' }))
    })
    expect(saveStudy).not.toHaveBeenCalled()
    expect(screen.getByText(/Nothing to save yet/)).toBeTruthy()
  })

  it('the Export dialog of an empty study says to add articles; the study file button is off', () => {
    const study = { ...sampleStudy(), articles: [], base: '' }
    renderWithStudy(<ExportDialog onClose={() => {}} />, study, 'library')
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).getByText(/no articles yet/)).toBeTruthy()
    expect(dialog.querySelector<HTMLButtonElement>('[data-export="study"]')!.disabled).toBe(true)
  })
})
