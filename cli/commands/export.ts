// `parallax export STUDY --format html|csv|json|worksheet|pdf --out PATH`
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { Analysis, Study } from '../../shared/model'
import { toCsvExport } from '../../shared/pipeline/06-report/serializers/csv'
import { renderHtmlReport, type PassagesMode } from '../../shared/pipeline/06-report/serializers/html'
import { skippedCorrections, toJsonExportText, writeJsonExportText, type SkippedCorrection } from '../../shared/pipeline/06-report/serializers/json'
import { articleNames, redactString } from '../../shared/pipeline/06-report/serializers/shared'
import { renderWorksheet } from '../../shared/pipeline/06-report/serializers/worksheet'
import { parseStudy, studyToAnalyzeInput } from '../../shared/study'
import { InputError, type EXPORT_FORMATS, type Parsed } from '../args'
import { checkOutputDir, checkOutputFile, ensureDir, fsMessage, writeFileAtomic, writeFileAtomicChunks } from '../io'
import { htmlToPdf, pdfBrowser } from '../pdf'
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
  // Like the output path, a missing or mistyped browser fails before the analysis, not after.
  if (fmt === 'pdf') {
    const browser = pdfBrowser()
    if (!browser.ok) throw new InputError(browser.error.message.replace(/\.$/, ''))
  }

  const study = readStudy(args.positionals[0]!)
  const analysis = analyzeWithProgress(studyToAnalyzeInput(study), io)
  // Corrections that did nothing are not an error (the export is still right for the texts),
  // but a researcher who unlinked or merged passages must learn that the export ignores it.
  const warning = correctionsWarning(skippedCorrections(analysis, study.corrections))
  if (warning) io.warn(warning)
  const now = io.now()
  // --passages was checked against PASSAGES_CHOICES by checkUsage.
  await writeExport(fmt, analysis, study, out, now, io, args.values.get('passages') as PassagesMode | undefined)
  return 0
}

async function writeExport(format: ExportFormat, analysis: Analysis, study: Study, out: string, now: string, io: Io, passages?: PassagesMode): Promise<void> {
  const settings = exportSettings(analysis.linkThreshold ?? study.settings.linkThreshold)
  switch (format) {
    case 'json': {
      const options = { generatedAt: now, settings, title: study.title, corrections: study.corrections }
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
      const title = reportTitle(analysis, study)
      writeFileAtomic(out, renderWorksheet(analysis, { blindSources, answerKey: false, generatedAt: now, title }))
      writeFileAtomic(key, renderWorksheet(analysis, { blindSources, answerKey: true, generatedAt: now, title }))
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

/**
 * The study's title heads its report and worksheet, as in the app's Export… dialog (the
 * serializers' own default is the base article's title, for analyses that have no study). In
 * blind mode outlet names in it are replaced by the article labels, like every other text.
 */
function reportTitle(analysis: Analysis, study: Study): string {
  const blind = study.settings.blindSources === true
  return blind ? redactString(study.title, analysis, articleNames(analysis, true)) : study.title
}

function report(analysis: Analysis, study: Study, now: string, passages: PassagesMode | undefined): string {
  const linkThreshold = exportSettings(analysis.linkThreshold ?? study.settings.linkThreshold)?.linkThreshold
  return renderHtmlReport(analysis, {
    generatedAt: now,
    linkThreshold,
    blindSources: study.settings.blindSources === true,
    passages,
    title: reportTitle(analysis, study),
    corrections: study.corrections
  })
}

/** How many reasons one warning line spells out before "and N more". */
const REASONS_SHOWN = 2

/**
 * One stderr line about stored corrections that had no effect, or null when all applied:
 * stale ones ("no longer apply": the analysis no longer produces their link) apart from those
 * joining two non-base articles that a large study does not align. Corrections count from 1.
 */
export function correctionsWarning(skipped: readonly SkippedCorrection[]): string | null {
  const stale = skipped.filter((k) => !k.pairNotAligned)
  const unaligned = skipped.filter((k) => k.pairNotAligned)
  const parts: string[] = []
  if (stale.length > 0) {
    const shown = stale.slice(0, REASONS_SHOWN).map((k) => `#${k.index + 1} ${k.kind}: ${k.reason}`)
    const more = stale.length > REASONS_SHOWN ? `; and ${stale.length - REASONS_SHOWN} more` : ''
    const n = stale.length === 1 ? '1 correction no longer applies' : `${stale.length} corrections no longer apply`
    parts.push(`${n}, so the export ignores ${stale.length === 1 ? 'it' : 'them'} (${shown.join('; ')}${more})`)
  }
  if (unaligned.length > 0) {
    const n = unaligned.length === 1 ? '1 correction joins' : `${unaligned.length} corrections join`
    parts.push(`${n} two non-base articles, a pair this study (over 10 articles) does not align, so the export leaves ${unaligned.length === 1 ? 'it' : 'them'} out`)
  }
  if (parts.length === 0) return null
  return `${parts.join('; ')}; the JSON export lists them under methods.skippedCorrections`
}

/**
 * `ws.html` → `ws.answer-key.html`: same folder and same extension as the worksheet, so the
 * key opens the way the teacher chose for the worksheet (`.htm` stays `.htm`); `.html` only
 * when PATH has no extension.
 */
export function answerKeyPath(out: string): string {
  const ext = extname(out)
  return join(dirname(out), `${basename(out, ext)}.answer-key${ext || '.html'}`)
}
