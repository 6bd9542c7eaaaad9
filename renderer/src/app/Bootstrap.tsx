// First screen logic: recover unsaved work if an autosave exists, else open the sample study.
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Study } from '@shared/model'
import { getPlatform } from '../platform'
import { AppStateProvider } from '../state/AppState'
import { parseStudyText } from '../state/studyIO'
import { emptyStudy } from '../state/studyStore'
import { createWorkerRunner, type AnalysisRunner } from '../workers/analysisClient'
import { loadSampleStudy } from './sample'
import { App } from './App'
import { ExplainProvider } from '../components/text/explain'

interface Boot {
  readonly study: Study
  readonly message: string | null
}

export async function chooseInitialStudy(): Promise<Boot> {
  const platform = getPlatform()
  const saved = await platform.recoverAutosave()
  if (saved) {
    const r = parseStudyText(saved.json, 'the autosave')
    if (r.ok && r.value.articles.length > 0)
      return { study: r.value, message: `Recovered unsaved work from ${new Date(saved.savedAt).toLocaleString()}.` }
  }
  const sample = await loadSampleStudy()
  if (sample.ok) return { study: sample.value, message: null }
  return { study: emptyStudy(), message: sample.error.message }
}

export function Bootstrap(props: { readonly runner?: AnalysisRunner }): ReactNode {
  const [boot, setBoot] = useState<Boot | null>(null)
  const runner = useMemo(() => props.runner ?? createWorkerRunner(), [props.runner])
  useEffect(() => {
    let live = true
    void chooseInitialStudy().then((b) => live && setBoot(b))
    return () => {
      live = false
    }
  }, [])
  if (!boot) return <div className="boot" aria-busy="true">Opening Parallax…</div>
  return (
    <AppStateProvider initial={boot.study} runner={runner}>
      <ExplainProvider>
        <App bootMessage={boot.message} />
      </ExplainProvider>
    </AppStateProvider>
  )
}
