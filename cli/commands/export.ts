// `parallax export STUDY --format html|csv|json|worksheet|pdf --out PATH`
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { Analysis, Study } from '../../shared/model'
import { toCsvExport } from '../../shared/pipeline/06-report/serializers/csv'
import { renderHtmlReport, type PassagesMode } from '../../shared/pipeline/06-report/serializers/html'
import { toJsonExportText, writeJsonExportText } from '../../shared/pipeline/06-report/serializers/json'
import { renderWorksheet } from '../../shared/pipeline/06-report/serializers/worksheet'
import { parseStudy, studyToAnalyzeInput } from '../../shared/study'
import { InputError, type EXPORT_FORMATS, type Parsed } from '../args'
import { checkOutputDir, checkOutputFile, ensureDir, fsMessage, writeFileAtomic, writeFileAtomicChunks } from '../io'
import { htmlToPdf } from '../pdf'
import { analyzeWithProgress, exportSettings, type Io } from './common'

type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Read and validate a study file; every problem is one line naming the file. */
export function readStudy(path: string): Study {
  let text: string
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path} is a folder, not a study file`)
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if (e instanceof InputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError(code === 'ENOENT' ? `${path} does not exist` : fsMessage('read', path, e))
  }
  const r = parseStudy(text)
  if (!r.ok) throw new InputError(`${path}: ${r.error.message}`)
  return r.value
}

export async function runExport(args: Parsed, io: Io): Promise<number> {
  // One STUDY, a known --format and --out were checked by checkUsage (cli/args.ts).
  const fmt = args.values.get('format') as ExportFormat
  const out = args.values.get('out')!
  if (fmt === 'csv') checkOutputDir(out, '--out')
  else if (!(fmt === 'json' && out === '-')) checkOutputFile(out, '--out')

  const study = readStudy(args.positionals[0]!)
  const analysis = analyzeWithProgress(studyToAnalyzeInput(study), io)
  const now = io.now()
  // --passages was checked against PASSAGES_CHOICES by checkUsage.
  await writeExport(fmt, analysis, study, out, now, io, args.values.get('passages') as PassagesMode | undefined)
  return 0
}

async function writeExport(format: ExportFormat, analysis: Analysis, study: Study, out: string, now: string, io: Io, passages?: PassagesMode): Promise<void> {
  const settings = exportSettings(analysis.linkThreshold ?? study.settings.linkThreshold)
  switch (format) {
    case 'json': {
      const options = { generatedAt: now, settings, title: study.title }
      if (out === '-') io.out(toJsonExportText(analysis, options))
      else {
        // Written record by record, as compare --json (see writeJsonExportText).
        writeFileAtomicChunks(out, (write) => writeJsonExportText(analysis, options, write))
        io.note(`wrote JSON ${out}`)
      }
      return
    }
    case 'csv': {
      ensureDir(out)
      const files = toCsvExport(analysis, { generatedAt: now, settings, title: study.title })
      for (const [name, content] of Object.entries(files)) writeFileAtomic(join(out, name), content)
      io.note(`wrote ${Object.keys(files).length} CSV files to ${out}`)
      return
    }
    case 'html':
      writeFileAtomic(out, report(analysis, study, now, passages))
      io.note(`wrote HTML report ${out}`)
      return
    case 'worksheet': {
      // The worksheet goes to PATH and the teacher's answer key beside it.
      const key = answerKeyPath(out)
      const blindSources = study.settings.blindSources === true
      writeFileAtomic(out, renderWorksheet(analysis, { blindSources, answerKey: false, generatedAt: now }))
      writeFileAtomic(key, renderWorksheet(analysis, { blindSources, answerKey: true, generatedAt: now }))
      io.note(`wrote worksheet ${out} and answer key ${key}`)
      return
    }
    case 'pdf': {
      io.progress.update('printing the report to PDF…')
      const r = await htmlToPdf(report(analysis, study, now, passages), out)
      io.progress.done()
      if (!r.ok) throw new InputError(r.error.message.replace(/\.$/, ''))
      io.note(`wrote PDF report ${out}`)
      return
    }
  }
}

function report(analysis: Analysis, study: Study, now: string, passages: PassagesMode | undefined): string {
  const linkThreshold = exportSettings(analysis.linkThreshold ?? study.settings.linkThreshold)?.linkThreshold
  return renderHtmlReport(analysis, { generatedAt: now, linkThreshold, blindSources: study.settings.blindSources === true, passages })
}

/** `ws.html` → `ws.answer-key.html` (same folder; `.html` added when PATH has no extension). */
export function answerKeyPath(out: string): string {
  const ext = extname(out)
  return join(dirname(out), `${basename(out, ext)}.answer-key${ext || '.html'}`)
}
