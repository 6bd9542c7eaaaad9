// The application frame: title bar with views and commands, highlight layers, notices, the
// current view, analysis progress, and dialogs (About, shortcuts).
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { getPlatform } from '../platform'
import { useApp, type ViewId } from '../state/AppState'
import { LAYERS } from '../state/layers'
import { useCommands } from './commands'
import { usePrefs } from './prefs'
import { LibraryView } from '../features/library/LibraryView'
import { SideBySideView } from '../features/compare/SideBySideView'
import { PairView } from '../features/compare/PairView'
import { ReviewView } from '../features/review/ReviewView'
import { CodebookView } from '../features/codebook/CodebookView'
import { LayerBar } from '../features/layers/LayerBar'
import { ExportMenu } from '../features/export/ExportMenu'
import { AboutDialog } from './AboutDialog'
import { ShortcutsDialog } from './ShortcutsDialog'
import { Notices } from '../components/Notices'
import { ProgressToast } from '../components/ProgressToast'
import { useAutosave } from './useAutosave'

// Charts (recharts) load on first use of the Overview, keeping the first paint light.
const OverviewView = lazy(async () => ({ default: (await import('../features/overview/OverviewView')).OverviewView }))

const VIEWS: readonly { readonly id: ViewId; readonly label: string }[] = [
  { id: 'library', label: 'Library' },
  { id: 'compare', label: 'Side by side' },
  { id: 'pair', label: 'Pair' },
  { id: 'overview', label: 'Overview' },
  { id: 'review', label: 'Review' },
  { id: 'codebook', label: 'Codebook' }
]

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

export function App(props: { readonly bootMessage: string | null }): ReactNode {
  const app = useApp()
  const { history, dispatch, view, setView, toggleLayer, notify } = app
  const cmd = useCommands()
  const prefs = usePrefs()
  const [about, setAbout] = useState(false)
  const [help, setHelp] = useState(false)
  const [exportOpen, setExportOpen] = useState(false)
  const booted = useRef(false)
  const mainRef = useRef<HTMLElement>(null)
  const saveRef = useRef(cmd.saveStudy)
  saveRef.current = cmd.saveStudy
  useAutosave()
  // Each view opens at its top: the views share one scroller, and a long Review scrolled to its
  // end used to open the Codebook or the Overview part-way down.
  useEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = 0
  }, [view])

  useEffect(() => {
    if (booted.current) return
    booted.current = true
    // Kept until dismissed: it may say the autosave could not be restored, or to save restored work.
    if (props.bootMessage) notify('info', props.bootMessage, { sticky: true })
  }, [props.bootMessage, notify])

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      if (mod && e.key.toLowerCase() === 'z') {
        if (isTyping(e.target)) return
        e.preventDefault()
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' })
        return
      }
      if (mod && e.key.toLowerCase() === 'y') {
        if (isTyping(e.target)) return
        e.preventDefault()
        dispatch({ type: 'redo' })
        return
      }
      if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault()
        // A field being edited (e.g. the study title) commits on blur: commit it first and save
        // after that render, so Ctrl+S does not write the file without the words just typed.
        const shift = e.shiftKey
        if (isTyping(e.target)) {
          ;(e.target as HTMLElement).blur()
          setTimeout(() => void saveRef.current(shift), 0)
        } else void cmd.saveStudy(shift)
        return
      }
      if (mod && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        void cmd.openArticles()
        return
      }
      if (mod && (e.key === '=' || e.key === '+')) {
        e.preventDefault()
        prefs.zoom(1)
        return
      }
      if (mod && e.key === '-') {
        e.preventDefault()
        prefs.zoom(-1)
        return
      }
      if (mod && e.key === '0') {
        e.preventDefault()
        prefs.zoom(0)
        return
      }
      if (mod || e.altKey || isTyping(e.target)) return
      const layer = LAYERS.find((l) => l.key === e.key)
      if (layer) {
        toggleLayer(layer.id)
        return
      }
      if (e.key === '?') setHelp(true)
    },
    [dispatch, cmd, prefs, toggleLayer]
  )
  useEffect(() => {
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onKey])

  useEffect(
    () =>
      getPlatform().onMenuCommand((c) => {
        switch (c.type) {
          case 'open-articles':
            return void cmd.openArticles()
          case 'open-study':
            return void cmd.openStudy()
          case 'save-study':
            return void cmd.saveStudy(false)
          case 'save-study-as':
            return void cmd.saveStudy(true)
          case 'export':
            return setExportOpen(true)
          case 'about':
            return setAbout(true)
          case 'toggle-theme':
            return prefs.toggleTheme()
          case 'zoom-in':
            return prefs.zoom(1)
          case 'zoom-out':
            return prefs.zoom(-1)
          case 'zoom-reset':
            return prefs.zoom(0)
          case 'open-recent':
            return void cmd.openRecent(c.path)
        }
      }),
    [cmd, prefs]
  )

  const showLayers = view === 'compare' || view === 'pair'
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ∥
          </span>
          Parallax
        </h1>
        <nav className="views" role="tablist" aria-label="Views">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`tab-${v.id}`}
              aria-selected={view === v.id}
              aria-controls="view-panel"
              tabIndex={view === v.id ? 0 : -1}
              className={view === v.id ? 'tab active' : 'tab'}
              onClick={() => setView(v.id)}
              onKeyDown={(e) => {
                // ARIA tabs: one Tab stop for the list; arrows, Home and End move between views.
                const i = VIEWS.findIndex((x) => x.id === v.id)
                const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null
                if (j === null) return
                e.preventDefault()
                const next = VIEWS[(j + VIEWS.length) % VIEWS.length]!
                setView(next.id)
                requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus())
              }}
            >
              {v.label}
            </button>
          ))}
        </nav>
        <div className="spacer" />
        <div className="toolbar" role="toolbar" aria-label="Commands">
          {/* On narrow screens (a 1366-px Chromebook) the labels hide so the bar keeps to one row. */}
          <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={history.past.length === 0} title={`Undo ${history.lastLabel} (Ctrl+Z)`}>
            <span aria-hidden="true">↶</span> <span className="tb-label">Undo</span>
          </button>
          <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={history.future.length === 0} title="Redo (Ctrl+Shift+Z)">
            <span aria-hidden="true">↷</span> <span className="tb-label">Redo</span>
          </button>
          <button type="button" onClick={() => void cmd.openStudy()} title="Open a .parallax.json study">
            Open…
          </button>
          <button type="button" onClick={() => void cmd.saveStudy(false)} title="Save the study (Ctrl+S)">
            Save
          </button>
          <ExportMenu open={exportOpen} setOpen={setExportOpen} />
          <span className="zoom" role="group" aria-label="Text size">
            <button type="button" onClick={() => prefs.zoom(-1)} aria-label="Smaller text" title="Smaller text (Ctrl+-)">
              A−
            </button>
            <span className="zoom-value" aria-live="polite">
              {Math.round(prefs.scale * 100)}%
            </span>
            <button type="button" onClick={() => prefs.zoom(1)} aria-label="Larger text" title="Larger text (Ctrl+=)">
              A+
            </button>
          </span>
          <button type="button" onClick={prefs.toggleTheme} aria-pressed={prefs.theme === 'dark'} title="Dark theme" aria-label="Dark theme">
            {prefs.theme === 'dark' ? '☀' : '☾'}
          </button>
          <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
            ?
          </button>
          <button type="button" onClick={() => setAbout(true)}>
            About
          </button>
        </div>
      </header>
      {showLayers && <LayerBar />}
      <Notices />
      <main className="view" ref={mainRef}>
        {/* The main landmark stays a landmark; the tab panel sits inside it. */}
        <div id="view-panel" className="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
          <h2 className="sr-only">{VIEWS.find((v) => v.id === view)?.label}</h2>
          {view === 'library' && <LibraryView />}
          {view === 'compare' && <SideBySideView />}
          {view === 'pair' && <PairView />}
          {view === 'overview' && (
            <Suspense fallback={<div className="empty-state">Loading charts…</div>}>
              <OverviewView />
            </Suspense>
          )}
          {view === 'review' && <ReviewView />}
          {view === 'codebook' && <CodebookView />}
        </div>
      </main>
      <ProgressToast />
      {about && <AboutDialog onClose={() => setAbout(false)} />}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  )
}
