import { useEffect, useState, type ReactNode } from 'react'
import { useApp } from '../state/AppState'

const STAGE_LABEL: Record<string, string> = {
  segment: 'Splitting sentences',
  align: 'Aligning passages',
  diff: 'Comparing wording',
  language: 'Analysing language',
  report: 'Summarising'
}

/** Appears when an analysis runs longer than half a second; Cancel stops it at once. */
export function ProgressToast(): ReactNode {
  const { status, cancelAnalysis } = useApp()
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    if (!status.running) {
      setVisible(false)
      return
    }
    const t = setTimeout(() => setVisible(true), Math.max(0, 500 - (performance.now() - status.startedAt)))
    return () => clearTimeout(t)
  }, [status.running, status.startedAt])
  if (!visible || !status.running) return null
  const next = status.stage ? Object.keys(STAGE_LABEL)[status.done] : 'segment'
  return (
    <div className="progress-toast" role="status" aria-live="polite">
      <div>
        <strong>Analysing…</strong> {STAGE_LABEL[next ?? 'report'] ?? ''} ({status.done}/{status.total})
      </div>
      <progress max={status.total} value={status.done} aria-label="Analysis progress" />
      <button type="button" onClick={cancelAnalysis}>
        Cancel
      </button>
    </div>
  )
}
