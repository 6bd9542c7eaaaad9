// Info notices close themselves so confirmations do not pile up above the articles on a small
// screen; warnings, errors and sticky notices stay until dismissed.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { useEffect, type ReactNode } from 'react'
import { Notices } from '../../../renderer/src/components/Notices'
import { AppStateProvider, INFO_NOTICE_MS, useApp } from '../../../renderer/src/state/AppState'
import { createInlineRunner } from '../../../renderer/src/workers/analysisClient'
import { sampleStudy } from '../helpers'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function Emit(): ReactNode {
  const { notify } = useApp()
  useEffect(() => {
    notify('info', 'Added 2 articles.')
    notify('warning', 'note.txt: 3 invalid bytes replaced')
    notify('error', 'empty.txt is empty.')
    notify('info', 'Restored unsaved work.', { sticky: true })
  }, [notify])
  return <Notices />
}

describe('Notices', () => {
  it('info closes after INFO_NOTICE_MS; warning, error and sticky info stay', () => {
    vi.useFakeTimers()
    render(
      <AppStateProvider initial={{ ...sampleStudy(), articles: [], base: '' }} runner={createInlineRunner()}>
        <Emit />
      </AppStateProvider>
    )
    expect(screen.getByText('Added 2 articles.')).toBeTruthy()
    act(() => {
      vi.advanceTimersByTime(INFO_NOTICE_MS - 1)
    })
    expect(screen.getByText('Added 2 articles.')).toBeTruthy()
    act(() => {
      vi.advanceTimersByTime(1)
    })
    expect(screen.queryByText('Added 2 articles.')).toBeNull()
    for (const m of ['note.txt: 3 invalid bytes replaced', 'empty.txt is empty.', 'Restored unsaved work.']) expect(screen.getByText(m)).toBeTruthy()
  })
})
