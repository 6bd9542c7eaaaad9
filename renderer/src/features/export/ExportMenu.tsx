// Export dialog: each export with a short description of what it holds and who it is for. Bytes
// come from the shared serializers (the CLI's exports, byte for byte); the platform decides where
// they go (downloads in the web twin, save dialogs in Electron).
import { useState, type ReactNode } from 'react'
import type { CsvFileName } from '@shared/pipeline/06-report/serializers/csv'
import { getPlatform, type ExportRequest } from '../../platform'
import { useApp } from '../../state/AppState'
import { serializeStudy, unsavableReason } from '../../state/studyIO'
import { slugFile } from '../../app/commands'
import { Modal } from '../../components/Modal'
import { analysisForExport } from './exportAnalysis'

/** Same list as CSV_FILES in the csv serializer (checked by a test), kept here so the dialog renders without loading it. */
export const CSV_NAMES: readonly CsvFileName[] = ['flags.csv', 'links.csv', 'metrics.csv', 'naming.csv', 'sentences.csv']

const CSV_ABOUT: Readonly<Record<CsvFileName, string>> = {
  'flags.csv': 'every flag with offsets, rule, explanation, voice and your review',
  'links.csv': 'aligned passage pairs with scores and origin',
  'metrics.csv': 'per-outlet metrics',
  'naming.csv': 'the naming table (actor × outlet)',
  'sentences.csv': 'sentence sentiment'
}

export type ExportKind = 'study' | 'json' | `csv:${CsvFileName}` | 'csv:all' | 'html' | 'worksheet' | 'answer-key' | 'pdf'

export function ExportMenu(props: { readonly open: boolean; readonly setOpen: (v: boolean) => void }): ReactNode {
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => props.setOpen(true)} title="Export the study, a report, a worksheet or data">
        Export…
      </button>
      {props.open && <ExportDialog onClose={() => props.setOpen(false)} />}
    </>
  )
}

export function ExportDialog(props: { readonly onClose: () => void }): ReactNode {
  const { analysis, study, notify } = useApp()
  const [blind, setBlind] = useState(study.settings.blindSources === true)
  const [busy, setBusy] = useState<ExportKind | null>(null)
  // Which aligned pairs the HTML/PDF report lists; every pair makes the sample print ~80 pages.
  const [passages, setPassages] = useState<'changes' | 'all'>('changes')
  const web = getPlatform().kind === 'web'

  const report = (r: Awaited<ReturnType<ReturnType<typeof getPlatform>['exportFile']>>): void => {
    if (!r.ok) notify('error', r.error.message)
    else if (r.value) notify('info', `Exported ${r.value}.`)
  }

  const run = async (kind: ExportKind): Promise<void> => {
    const slug = slugFile(study.title)
    const p = getPlatform()
    setBusy(kind)
    try {
      if (kind === 'study') {
        const why = unsavableReason(study)
        if (why) return notify('warning', why)
        return report(
          await p.exportFile({ suggestedName: `${slug}.parallax.json`, mime: 'application/json', extensions: ['json'], filterName: 'Parallax study', data: serializeStudy(study, undefined, analysis?.lexiconVersion) })
        )
      }
      if (!analysis) return notify('warning', 'Wait for the analysis to finish, then export.')
      const a = analysisForExport(analysis, study)
      const settings = { ...study.settings, blindSources: blind }
      // Serializers load on first export, keeping them out of the first paint's bundle.
      if (kind === 'json') {
        const { toJsonExportText } = await import('@shared/pipeline/06-report/serializers/json')
        return report(await p.exportFile({ suggestedName: `${slug}.json`, mime: 'application/json', extensions: ['json'], filterName: 'JSON', data: toJsonExportText(a, { generatedAt: new Date().toISOString(), settings, title: study.title, corrections: study.corrections }) }))
      }
      if (kind.startsWith('csv:')) {
        const { toCsvExport } = await import('@shared/pipeline/06-report/serializers/csv')
        const csv = toCsvExport(a, { settings, title: study.title, corrections: study.corrections })
        const files = kind === 'csv:all' ? CSV_NAMES : [kind.slice(4) as CsvFileName]
        for (const file of files) {
          const req: ExportRequest = { suggestedName: `${slug}-${file}`, mime: 'text/csv', extensions: ['csv'], filterName: 'CSV', data: csv[file] }
          const r = await p.exportFile(req)
          if (!r.ok || !r.value) return report(r)
          // Browsers drop downloads fired in the same instant; space them a little.
          if (files.length > 1) await new Promise((res) => setTimeout(res, 250))
        }
        return notify('info', files.length > 1 ? `Exported ${files.length} CSV files (${files.map((f) => `${slug}-${f}`).join(', ')}).` : `Exported ${slug}-${files[0]}.`)
      }
      if (kind === 'html' || kind === 'pdf') {
        const { renderHtmlReport } = await import('@shared/pipeline/06-report/serializers/html')
        const html = renderHtmlReport(a, { title: study.title, blindSources: blind, passages, corrections: study.corrections })
        if (kind === 'pdf') {
          const r = await p.exportPdf(html, `${slug}.pdf`)
          // The web twin hands the report to the browser's print dialog; there is no file yet to name.
          if (r.ok && web) return notify('info', 'The print dialog opened on the report: choose “Save as PDF” as the printer.')
          return report(r)
        }
        return report(await p.exportFile({ suggestedName: `${slug}-report.html`, mime: 'text/html', extensions: ['html'], filterName: 'HTML report', data: html }))
      }
      const { renderWorksheet } = await import('@shared/pipeline/06-report/serializers/worksheet')
      const key = kind === 'answer-key'
      const html = renderWorksheet(a, { blindSources: blind, answerKey: key, title: study.title })
      const name = `${slug}-${key ? 'answer-key' : 'worksheet'}${blind ? '-blind' : ''}.html`
      return report(await p.exportFile({ suggestedName: name, mime: 'text/html', extensions: ['html'], filterName: 'Worksheet', data: html }))
    } catch (e) {
      notify('error', `Export failed: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(null)
    }
  }

  const btn = (kind: ExportKind, label: string, primary = false): ReactNode => (
    <button type="button" className={primary ? 'primary' : undefined} onClick={() => void run(kind)} disabled={busy !== null || (kind === 'study' ? study.articles.length === 0 : !analysis)} data-export={kind}>
      {busy === kind ? 'Exporting…' : label}
    </button>
  )

  return (
    <Modal title="Export" onClose={props.onClose} wide>
      {!analysis && (
        <p className="notice warning">
          {study.articles.length === 0
            ? 'This study has no articles yet: add some in the Library, then export.'
            : 'The analysis is still running; only the study file can be exported now.'}
        </p>
      )}
      <ul className="export-list">
        <li>
          <div className="ex-text">
            <h3>Study file</h3>
            <p>Everything you did — articles, base, reviews, annotations, link corrections, codebook — to reopen in Parallax or share with a colleague.</p>
          </div>
          {btn('study', 'Study file (.parallax.json)')}
        </li>
        <li>
          <div className="ex-text">
            <h3>HTML report</h3>
            <p>One self-contained page, key findings first: metrics, naming and sourcing tables, then the articles with highlights, legend and explanations, aligned passages and their differences, methods. Works offline, no scripts.</p>
            <fieldset className="field inline">
              <legend>Aligned passages (report and PDF):</legend>
              <label>
                <input type="radio" name="export-passages" value="changes" checked={passages === 'changes'} onChange={() => setPassages('changes')} /> with differences only
              </label>{' '}
              <label>
                <input type="radio" name="export-passages" value="all" checked={passages === 'all'} onChange={() => setPassages('all')} /> all
              </label>
            </fieldset>
            <p className="muted small">
              {passages === 'changes' ? 'Pairs of two non-base articles are folded to one line each.' : 'Every pair, all unfolded: much longer to print.'}
            </p>
          </div>
          {btn('html', 'HTML report', true)}
        </li>
        <li>
          <div className="ex-text">
            <h3>PDF</h3>
            <p>{web ? 'Opens your browser’s print dialog on the report — choose “Save as PDF”.' : 'The same report, printed to a PDF file.'}</p>
          </div>
          {btn('pdf', web ? 'PDF (print the report…)' : 'PDF report')}
        </li>
        <li>
          <div className="ex-text">
            <h3>Classroom worksheet</h3>
            <p>The articles side by side without highlights, guiding questions generated from the analysis, space for answers. The answer key adds the highlights and explanations.</p>
            <label className="field inline">
              <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} /> Blind sources: hide outlet and author names (“Article A”, “Article B”…)
            </label>
          </div>
          <div className="btn-col">
            {btn('worksheet', 'Worksheet')}
            {btn('answer-key', 'Answer key')}
          </div>
        </li>
        <li>
          <div className="ex-text">
            <h3>JSON</h3>
            <p>Everything the engine found, with your reviews and annotations, for scripts and statistics (documented in the README).</p>
          </div>
          {btn('json', 'JSON (everything)')}
        </li>
        <li>
          <div className="ex-text">
            <h3>CSV tables</h3>
            <ul className="plain small">
              {CSV_NAMES.map((f) => (
                <li key={f}>
                  <button type="button" className="link" onClick={() => void run(`csv:${f}`)} disabled={busy !== null || !analysis} data-export={`csv:${f}`}>
                    {f}
                  </button>{' '}
                  — {CSV_ABOUT[f]}
                </li>
              ))}
            </ul>
          </div>
          {web && btn('csv:all', `All ${CSV_NAMES.length} CSV files`)}
        </li>
      </ul>
    </Modal>
  )
}
