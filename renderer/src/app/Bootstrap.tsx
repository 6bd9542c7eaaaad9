// First screen logic. An autosave from an earlier session is never restored silently: the user
// chooses between restoring it and discarding it (then the last study in Electron, or the
// sample). Without an autosave the sample study (or, in Electron, nothing newer) opens.
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Study } from '@shared/model'
import { getPlatform } from '../platform'
import { AppStateProvider } from '../state/AppState'
import { parseStudyText } from '../state/studyIO'
import { emptyStudy } from '../state/studyStore'
import { createWorkerRunner, type AnalysisRunner } from '../workers/analysisClient'
import { loadSampleStudy } from './sample'
import { App } from './App'
import { usePrefs } from './prefs'
import { ExplainProvider } from '../components/text/explain'

interface Boot {
  readonly study: Study
  readonly message: string | null
  readonly path?: string
}

/** An autosave found at start, waiting for the user's decision. */
export interface Recovery {
  readonly study: Study
  readonly savedAt: string
  /** What "Discard" opens instead: the most recent study (Electron) or the sample. */
  readonly fallback: { readonly label: string; readonly path?: string }
}

export type Start = { readonly kind: 'open'; readonly boot: Boot } | { readonly kind: 'ask'; readonly recovery: Recovery }

async function openSample(message: string | null = null): Promise<Boot> {
  const sample = await loadSampleStudy()
  if (sample.ok) return { study: sample.value, message }
  return { study: emptyStudy(), message: [message, sample.error.message].filter(Boolean).join(' ') }
}

/** Opens the study "Discard" names: the recent study, falling back to the sample if it is gone. */
export async function openFallback(f: Recovery['fallback']): Promise<Boot> {
  if (!f.path) return openSample()
  const r = await getPlatform().openRecent(f.path)
  if (!r.ok) return openSample(r.error.message)
  const s = parseStudyText(r.value.text, r.value.name)
  return s.ok ? { study: s.value, message: null, path: r.value.path } : openSample(s.error.message)
}

export async function chooseStart(): Promise<Start> {
  const platform = getPlatform()
  const saved = await platform.recoverAutosave()
  if (saved) {
    const r = parseStudyText(saved.json, 'the autosave')
    if (r.ok && r.value.articles.length > 0) {
      const recent = (await platform.recentStudies())[0]
      const fallback = recent ? { label: recent.name, path: recent.path } : { label: 'the sample study' }
      return { kind: 'ask', recovery: { study: r.value, savedAt: saved.savedAt, fallback } }
    }
    if (!r.ok) {
      // Unreadable autosave: say so once and drop it (there is nothing in it to restore).
      await platform.clearAutosave()
      return { kind: 'open', boot: await openSample(`The autosave could not be restored: ${r.error.message}`) }
    }
  }
  return { kind: 'open', boot: await openSample() }
}

export function RecoveryPrompt(props: { readonly recovery: Recovery; readonly onChoose: (b: Promise<Boot>) => void }): ReactNode {
  const { study, savedAt, fallback } = props.recovery
  usePrefs() // the user's theme and text size already on this first screen
  const when = new Date(savedAt).toLocaleString()
  return (
    <div className="recovery" role="dialog" aria-modal="true" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Unsaved work found</h1>
      <p>
        Parallax kept an autosave of <strong>{study.title}</strong> ({study.articles.length} article{study.articles.length === 1 ? '' : 's'},{' '}
        {study.reviews.length} reviews, {study.annotations.length} annotations) from <time dateTime={savedAt}>{when}</time>. It may hold changes
        that were never saved, e.g. after a crash or a closed tab.
      </p>
      <div className="btn-row">
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => props.onChoose(Promise.resolve({ study, message: `Restored unsaved work from ${when}. Save it to keep it.` }))}
        >
          Restore unsaved work from {when}
        </button>
        <button
          type="button"
          onClick={() =>
            props.onChoose(
              (async () => {
                await getPlatform().clearAutosave()
                return openFallback(fallback)
              })()
            )
          }
        >
          Discard and open {fallback.label}
        </button>
      </div>
    </div>
  )
}

export function Bootstrap(props: { readonly runner?: AnalysisRunner }): ReactNode {
  const [start, setStart] = useState<Start | null>(null)
  const runner = useMemo(() => props.runner ?? createWorkerRunner(), [props.runner])
  useEffect(() => {
    let live = true
    void chooseStart().then((s) => live && setStart(s))
    return () => {
      live = false
    }
  }, [])
  if (!start) return <div className="boot" aria-busy="true">Opening Parallax…</div>
  if (start.kind === 'ask')
    return <RecoveryPrompt recovery={start.recovery} onChoose={(p) => void p.then((boot) => setStart({ kind: 'open', boot }))} />
  return (
    <AppStateProvider initial={start.boot.study} runner={runner} {...(start.boot.path ? { initialPath: start.boot.path } : {})}>
      <ExplainProvider>
        <App bootMessage={start.boot.message} />
      </ExplainProvider>
    </AppStateProvider>
  )
}
