// Autosave the working study shortly after each change (localStorage on the web, app data in
// Electron), so a crash or a closed tab loses at most a couple of seconds of work.
import { useEffect, useRef } from 'react'
import { getPlatform } from '../platform'
import { useApp } from '../state/AppState'
import { serializeStudy, unsavableReason } from '../state/studyIO'

const DELAY_MS = 1500

export function useAutosave(): void {
  const { history } = useApp()
  const first = useRef(history.revision)
  useEffect(() => {
    // Nothing changed since opening: the file on disk (or the sample) is already the truth.
    if (history.revision === first.current) return
    const study = history.present
    // An emptied study has nothing to restore (and no valid file form): drop the old autosave
    // rather than offer its articles back after the user removed them.
    const t = setTimeout(() => void (unsavableReason(study) ? getPlatform().clearAutosave() : getPlatform().autosave(serializeStudy(study))), DELAY_MS)
    return () => clearTimeout(t)
  }, [history.revision, history.present])
}
