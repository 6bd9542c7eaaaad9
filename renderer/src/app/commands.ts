// User commands shared by the toolbar, keyboard shortcuts and the Electron menu.
import { useCallback } from 'react'
import type { Result } from '@shared/util/result'
import { getPlatform, type OpenedStudyText } from '../platform'
import { useApp } from '../state/AppState'
import { parseStudyText, serializeStudy, unsavableReason } from '../state/studyIO'
import { duplicateWarnings, ingestDropped, ingestPasted, ingestPicked, type IngestOutcome } from './ingest'

export interface Commands {
  openArticles(): Promise<void>
  addDropped(files: readonly File[]): Promise<void>
  addPasted(text: string, title: string): Promise<boolean>
  openStudy(): Promise<void>
  openRecent(path: string): Promise<void>
  saveStudy(saveAs?: boolean): Promise<void>
}

export function slugFile(title: string): string {
  return (title || 'study').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'study'
}

export function useCommands(): Commands {
  const { dispatch, notify, study, analysis, studyPath, setStudyPath, setView } = useApp()

  const absorb = useCallback(
    (r: IngestOutcome): boolean => {
      for (const e of r.errors) notify('error', e.message)
      for (const w of r.warnings) notify('warning', w)
      for (const w of duplicateWarnings(study.articles, r.articles)) notify('warning', w)
      if (r.articles.length > 0) {
        dispatch({ type: 'add-articles', articles: r.articles })
        notify('info', `Added ${r.articles.length} article${r.articles.length === 1 ? '' : 's'}.`)
      }
      return r.articles.length > 0
    },
    [dispatch, notify, study.articles]
  )

  const openArticles = useCallback(async () => {
    const r = await getPlatform().openArticleFiles()
    if (!r.ok) return notify('error', r.error.message)
    if (!r.value) return
    absorb(await ingestPicked(r.value, new Set(study.articles.map((a) => a.id))))
  }, [absorb, notify, study.articles])

  const addDropped = useCallback(async (files: readonly File[]) => {
    absorb(await ingestDropped(files, new Set(study.articles.map((a) => a.id))))
  }, [absorb, study.articles])

  const addPasted = useCallback(
    async (text: string, title: string) => absorb(await ingestPasted(text, title, new Set(study.articles.map((a) => a.id)))),
    [absorb, study.articles]
  )

  const loadStudy = useCallback(
    (r: Result<OpenedStudyText | null>) => {
    if (!r.ok) return notify('error', r.error.message)
    if (!r.value) return
    const warnings: string[] = []
    const s = parseStudyText(r.value.text, r.value.name, (m) => warnings.push(m))
    if (!s.ok) return notify('error', s.error.message)
    dispatch({ type: 'replace', study: s.value })
    setStudyPath(r.value.path)
    for (const w of warnings) notify('warning', w)
    notify('info', `Opened ${r.value.name}.`)
    setView('compare')
    },
    [dispatch, notify, setStudyPath, setView]
  )
  const openStudy = useCallback(async () => loadStudy(await getPlatform().openStudy()), [loadStudy])
  const openRecent = useCallback(async (path: string) => loadStudy(await getPlatform().openRecent(path)), [loadStudy])

  const saveStudy = useCallback(
    async (saveAs = false) => {
      const why = unsavableReason(study)
      if (why) return notify('warning', why)
      const r = await getPlatform().saveStudy(serializeStudy(study, undefined, analysis?.lexiconVersion), `${slugFile(study.title)}.parallax.json`, studyPath, saveAs)
      if (!r.ok) return notify('error', r.error.message)
      if (!r.value) return
      setStudyPath(getPlatform().kind === 'electron' ? r.value : undefined)
      notify('info', `Saved ${r.value}.`)
    },
    [study, analysis, studyPath, notify, setStudyPath]
  )

  return { openArticles, addDropped, addPasted, openStudy, openRecent, saveStudy }
}
