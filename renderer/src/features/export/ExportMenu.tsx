// Export menu: study file, JSON, CSV tables, HTML report, classroom worksheet (+ answer key), PDF.
// Bytes come from the shared serializers; the platform decides where they go.
import { useEffect, useRef, type ReactNode } from 'react'
import type { CsvFileName } from '@shared/pipeline/06-report/serializers/csv'
import { getPlatform, type ExportRequest } from '../../platform'
import { useApp } from '../../state/AppState'
import { serializeStudy } from '../../state/studyIO'
import { slugFile } from '../../app/commands'
import { analysisForExport } from './exportAnalysis'


/** Same list as CSV_FILES in the csv serializer (checked by a test), kept here so the menu renders without loading it. */
export const CSV_NAMES: readonly CsvFileName[] = ['flags.csv', 'links.csv', 'metrics.csv', 'naming.csv', 'sentences.csv']

export type ExportKind = 'study' | 'json' | `csv:${CsvFileName}` | 'html' | 'worksheet' | 'answer-key' | 'pdf'

export function ExportMenu(props: { readonly open: boolean; readonly setOpen: (v: boolean) => void }): ReactNode {
  const { analysis, study, notify } = useApp()
  const ref = useRef<HTMLDivElement>(null)
  const { open, setOpen } = props
  useEffect(() => {
    if (!open) return
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const close = (e: MouseEvent): void => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [open, setOpen])

  const run = async (kind: ExportKind): Promise<void> => {
    setOpen(false)
    const slug = slugFile(study.title)
    const p = getPlatform()
    if (kind === 'study') {
      const r = await p.exportFile({ suggestedName: `${slug}.parallax.json`, mime: 'application/json', extensions: ['json'], filterName: 'Parallax study', data: serializeStudy(study) })
      return report(r)
    }
    if (!analysis) return notify('warning', 'Wait for the analysis to finish, then export.')
    const a = analysisForExport(analysis, study)
    // Serializers load on first export, keeping them out of the first paint's bundle.
    const [{ toJsonExportText }, { toCsvExport }, { renderHtmlReport }] = await Promise.all([
      import('@shared/pipeline/06-report/serializers/json'),
      import('@shared/pipeline/06-report/serializers/csv'),
      import('@shared/pipeline/06-report/serializers/html')
    ])
    const settings = { ...study.settings }
    try {
      let req: ExportRequest
      if (kind === 'json') {
        req = { suggestedName: `${slug}.json`, mime: 'application/json', extensions: ['json'], filterName: 'JSON', data: toJsonExportText(a, { generatedAt: new Date().toISOString(), settings, title: study.title }) }
      } else if (kind.startsWith('csv:')) {
        const file = kind.slice(4) as CsvFileName
        const csv = toCsvExport(a, { settings, title: study.title })
        req = { suggestedName: `${slug}-${file}`, mime: 'text/csv', extensions: ['csv'], filterName: 'CSV', data: csv[file] }
      } else if (kind === 'html' || kind === 'pdf') {
        const html = renderHtmlReport(a, { title: study.title, blindSources: study.settings.blindSources === true })
        if (kind === 'pdf') return report(await p.exportPdf(html, `${slug}.pdf`))
        req = { suggestedName: `${slug}-report.html`, mime: 'text/html', extensions: ['html'], filterName: 'HTML report', data: html }
      } else {
        const { renderWorksheet } = await import('@shared/pipeline/06-report/serializers/worksheet')
        const key = kind === 'answer-key'
        const html = renderWorksheet(a, { blindSources: study.settings.blindSources === true, answerKey: key, title: study.title })
        req = { suggestedName: `${slug}-${key ? 'answer-key' : 'worksheet'}.html`, mime: 'text/html', extensions: ['html'], filterName: 'Worksheet', data: html }
      }
      report(await p.exportFile(req))
    } catch (e) {
      notify('error', `Export failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const report = (r: Awaited<ReturnType<ReturnType<typeof getPlatform>['exportFile']>>): void => {
    if (!r.ok) notify('error', r.error.message)
    else if (r.value) notify('info', `Exported ${r.value}.`)
  }

  const items: readonly (readonly [ExportKind, string])[] = [
    ['study', 'Study file (.parallax.json)'],
    ['html', 'HTML report'],
    ['pdf', getPlatform().kind === 'web' ? 'PDF (print the report…)' : 'PDF report'],
    ['worksheet', 'Classroom worksheet'],
    ['answer-key', 'Worksheet answer key'],
    ['json', 'JSON (everything)'],
    ...CSV_NAMES.map((f): readonly [ExportKind, string] => [`csv:${f}`, `CSV: ${f}`])
  ]
  return (
    <div className="menu-wrap" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      {open && (
        <div
          className="menu"
          role="menu"
          aria-label="Export"
          onKeyDown={(e) => {
            const els = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
            const i = els.indexOf(document.activeElement as HTMLElement)
            if (e.key === 'ArrowDown') els[(i + 1) % els.length]?.focus()
            else if (e.key === 'ArrowUp') els[(i - 1 + els.length) % els.length]?.focus()
            else if (e.key === 'Escape') setOpen(false)
            else return
            e.preventDefault()
          }}
        >
          {items.map(([k, label]) => (
            <button key={k} type="button" role="menuitem" tabIndex={-1} onClick={() => void run(k)}>
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
