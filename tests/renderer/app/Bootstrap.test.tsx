// Start-up recovery: an autosave is offered (restore / discard), never restored silently; a
// broken autosave is reported and dropped; discarding opens the recent study or the sample.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok } from '@shared/util/result'
import type { Platform } from '../../../renderer/src/platform'
import { setPlatform } from '../../../renderer/src/platform'
import { createWebPlatform } from '../../../renderer/src/platform/web'
import { Bootstrap } from '../../../renderer/src/app/Bootstrap'
import { createInlineRunner } from '../../../renderer/src/workers/analysisClient'
import { serializeStudy } from '../../../renderer/src/state/studyIO'
import { sampleStudy } from '../helpers'

afterEach(() => {
  cleanup()
  setPlatform(null)
})

function fake(over: Partial<Platform>, calls: string[]): void {
  setPlatform({
    ...createWebPlatform(),
    clearAutosave: async () => void calls.push('clearAutosave'),
    recentStudies: async () => [],
    ...over
  })
}

const autosaved = (): string => serializeStudy({ ...sampleStudy(), title: 'My unsaved class study' }, '2026-03-01T10:00:00.000Z')

describe('Bootstrap recovery', { timeout: 40_000 }, () => {
  it('offers to restore an autosave; Restore opens it with a notice', async () => {
    const calls: string[] = []
    fake({ recoverAutosave: async () => ({ json: autosaved(), savedAt: '2026-03-01T10:00:00.000Z' }) }, calls)
    render(<Bootstrap runner={createInlineRunner()} />)
    const dialog = await screen.findByRole('dialog', { name: 'Unsaved work found' })
    expect(dialog.textContent).toContain('My unsaved class study')
    expect(screen.getByRole('button', { name: /Discard and open the sample study/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: /^Restore unsaved work from / }))
    await waitFor(() => expect(screen.getByText(/Restored unsaved work from/)).toBeTruthy())
    expect(calls).toEqual([])
  })

  it('Discard clears the autosave and opens the most recent study (desktop)', async () => {
    const calls: string[] = []
    const recent = serializeStudy({ ...sampleStudy(), title: 'Last week’s study' })
    fake(
      {
        recoverAutosave: async () => ({ json: autosaved(), savedAt: '2026-03-01T10:00:00.000Z' }),
        recentStudies: async () => [{ name: 'last.parallax.json', path: '/studies/last.parallax.json' }],
        openRecent: async (path) => {
          calls.push(`openRecent ${path}`)
          return ok({ name: 'last.parallax.json', text: recent, path })
        }
      },
      calls
    )
    render(<Bootstrap runner={createInlineRunner()} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Discard and open last.parallax.json' }))
    await waitFor(() => expect(screen.getByRole('tablist', { name: 'Views' })).toBeTruthy())
    expect(calls).toEqual(['clearAutosave', 'openRecent /studies/last.parallax.json'])
  })

  it('a corrupt autosave is reported, dropped, and the sample opens', async () => {
    const calls: string[] = []
    fake({ recoverAutosave: async () => ({ json: '{"format":"parallax-study","schemaVer', savedAt: '2026-03-01T10:00:00.000Z' }) }, calls)
    render(<Bootstrap runner={createInlineRunner()} />)
    await waitFor(() => expect(screen.getByText(/The autosave could not be restored: the autosave: the study file is truncated/)).toBeTruthy())
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(calls).toEqual(['clearAutosave'])
  })
})
