// React wiring of the study store, the analysis runner and view preferences. Features read
// these through the hooks below; nothing else holds app state.
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react'
import type { Analysis, AlignmentCorrection, Article, Study } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { StageName } from '@shared/pipeline/analyze'
import { initHistory, studyReducer, type StudyAction, type StudyHistory } from './studyStore'
import type { AnalysisRunner } from '../workers/analysisClient'
import type { AnalysisRequest } from '../workers/protocol'
import { DEFAULT_LAYERS, type LayerId } from './layers'
import { useOnDemandPairs, type OnDemandPair } from './onDemandPairs'

export interface Notice {
  readonly id: number
  readonly kind: 'error' | 'warning' | 'info'
  readonly message: string
}

export interface AnalysisStatus {
  readonly running: boolean
  readonly stage: StageName | null
  readonly done: number
  readonly total: number
  readonly startedAt: number
  readonly ms: number | null
  readonly error: AppError | null
}

export type ViewId = 'library' | 'compare' | 'pair' | 'overview' | 'review' | 'codebook'

interface AppStateValue {
  readonly history: StudyHistory
  readonly study: Study
  readonly dispatch: (a: StudyAction) => void
  readonly analysis: Analysis | null
  readonly status: AnalysisStatus
  readonly cancelAnalysis: () => void
  readonly rerun: () => void
  readonly notices: readonly Notice[]
  /**
   * Shows a notice. Info notices ("Added 3 articles.") close themselves after INFO_NOTICE_MS
   * unless `sticky`; warnings and errors stay until dismissed.
   */
  readonly notify: (kind: Notice['kind'], message: string, options?: { readonly sticky?: boolean }) => void
  readonly dismiss: (id: number) => void
  readonly view: ViewId
  readonly setView: (v: ViewId) => void
  readonly layers: ReadonlySet<LayerId>
  readonly toggleLayer: (id: LayerId) => void
  /** Where the current study lives (Electron path / web file name), for Save. */
  readonly studyPath: string | undefined
  readonly setStudyPath: (p: string | undefined) => void
  /** Pairs of the current analysis aligned on demand (see onDemandPairs.ts), by pairKey. */
  readonly onDemand: ReadonlyMap<string, OnDemandPair>
  readonly requestPair: (a: string, b: string) => void
  /** The Pair view's chosen articles (null = its default), kept while the user visits other views. */
  readonly pairChoice: PairChoice
  readonly setPairChoice: (c: PairChoice) => void
}

export interface PairChoice {
  readonly a: string | null
  readonly b: string | null
}

const Ctx = createContext<AppStateValue | null>(null)

export function useApp(): AppStateValue {
  const v = useContext(Ctx)
  if (!v) throw new Error('useApp() outside <AppStateProvider>')
  return v
}

/** The articles as the engine wants them (study articles carry no ingest warnings). */
export function studyArticles(study: Study): Article[] {
  return study.articles.map((a) => ({ ...a, warnings: a.warnings ?? [] }))
}

/** Only these fields change the engine's output; metadata edits and reviews do not re-run it. */
function analysisKey(study: Study): string {
  return JSON.stringify([
    study.articles.map((a) => [a.id, a.hash]).sort(),
    study.base,
    study.corrections,
    study.codebook,
    study.settings.linkThreshold ?? null
  ])
}

/** How long an info notice stays: long enough to read twice, short enough not to pile up above the articles. */
export const INFO_NOTICE_MS = 10_000

const IDLE: AnalysisStatus = { running: false, stage: null, done: 0, total: 5, startedAt: 0, ms: null, error: null }

export function AppStateProvider(props: {
  readonly initial: Study
  readonly runner: AnalysisRunner
  readonly initialView?: ViewId
  /** Where the initial study lives (Electron path), when it was opened from a file. */
  readonly initialPath?: string
  readonly children: ReactNode
}): ReactNode {
  const [history, dispatch] = useReducer(studyReducer, props.initial, initHistory)
  const study = history.present
  const [analysis, setAnalysis] = useState<Analysis | null>(null)
  const [status, setStatus] = useState<AnalysisStatus>(IDLE)
  const [notices, setNotices] = useState<readonly Notice[]>([])
  const [view, setView] = useState<ViewId>(props.initialView ?? 'compare')
  const [studyPath, setStudyPath] = useState<string | undefined>(props.initialPath)
  const [rerunTick, setRerunTick] = useState(0)
  const [pairChoice, setPairChoice] = useState<PairChoice>({ a: null, b: null })
  const noticeSeq = useRef(0)
  const runner = props.runner
  // The corrections each analysis ran with (the study's may have moved on while it re-runs).
  const correctionsOf = useRef(new WeakMap<Analysis, readonly AlignmentCorrection[]>())
  const correctionsFor = useCallback((a: Analysis) => correctionsOf.current.get(a) ?? [], [])
  const { pairs: onDemand, requestPair } = useOnDemandPairs(runner, analysis, correctionsFor)

  const notify = useCallback((kind: Notice['kind'], message: string, options?: { readonly sticky?: boolean }) => {
    const id = ++noticeSeq.current
    setNotices((n) => [...n, { id, kind, message }])
    if (kind === 'info' && !options?.sticky) setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), INFO_NOTICE_MS)
  }, [])
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), [])

  const key = analysisKey(study)
  const studyRef = useRef(study)
  studyRef.current = study
  useEffect(() => {
    const s = studyRef.current
    if (s.articles.length === 0 || !s.base) {
      setAnalysis(null)
      setStatus(IDLE)
      return
    }
    const request: AnalysisRequest = {
      articles: studyArticles(s),
      base: s.base,
      corrections: s.corrections,
      codebook: s.codebook,
      ...(s.settings.linkThreshold !== undefined ? { linkThreshold: s.settings.linkThreshold } : {})
    }
    const startedAt = performance.now()
    setStatus({ ...IDLE, running: true, startedAt })
    runner.run(request, {
      onProgress: (stage, done, total) => setStatus((st) => ({ ...st, stage, done, total })),
      onResult: (a, ms) => {
        correctionsOf.current.set(a, request.corrections)
        setAnalysis(a)
        setStatus({ ...IDLE, ms })
      },
      onError: (error) => {
        setStatus({ ...IDLE, error })
        if (error.code !== 'CANCELLED') notify('error', error.message)
      }
    })
  }, [key, rerunTick, runner, notify])
  useEffect(() => () => runner.dispose(), [runner])

  const layersArr = study.settings.layers
  const layers = useMemo(() => new Set((layersArr ?? DEFAULT_LAYERS) as LayerId[]), [layersArr])
  const toggleLayer = useCallback(
    (id: LayerId) => {
      const next = new Set(layers)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      dispatch({ type: 'set-layers', layers: [...next] })
    },
    [layers]
  )

  const value = useMemo<AppStateValue>(
    () => ({
      history,
      study,
      dispatch,
      analysis,
      status,
      cancelAnalysis: () => runner.cancel(),
      rerun: () => setRerunTick((t) => t + 1),
      notices,
      notify,
      dismiss,
      view,
      setView,
      layers,
      toggleLayer,
      studyPath,
      setStudyPath,
      onDemand,
      requestPair,
      pairChoice,
      setPairChoice
    }),
    [history, study, analysis, status, runner, notices, notify, dismiss, view, layers, toggleLayer, studyPath, onDemand, requestPair, pairChoice]
  )
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>
}
