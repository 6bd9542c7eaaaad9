// `parallax compare FILE… [--base FILE] [--json OUT|-] [--html OUT [--passages changes|all]] [--csv DIR] [--study OUT]`
import { join, resolve } from 'node:path'
import type { Analysis } from '../../shared/model'
import { toCsvExport } from '../../shared/pipeline/06-report/serializers/csv'
import { renderHtmlReport, type PassagesMode } from '../../shared/pipeline/06-report/serializers/html'
import { toJsonExportText, writeJsonExportText } from '../../shared/pipeline/06-report/serializers/json'
import { defaultStudyTitle } from '../../shared/study/title'
import { InputError, type Parsed } from '../args'
import { checkOutputDir, checkOutputFile, ensureDir, writeFileAtomic, writeFileAtomicChunks } from '../io'
import { analyzeWithProgress, exportSettings, loadArticles, type Io } from './common'

export async function runCompare(args: Parsed, io: Io): Promise<number> {
  const files = [...args.positionals]
  const baseFile = args.values.get('base')

  const seen = new Map<string, string>()
  for (const f of files) {
    const key = resolve(f)
    if (seen.has(key)) throw new InputError(`${f} is listed twice`)
    seen.set(key, f)
  }
  // The base is the first file unless --base names another; a --base not listed is added first.
  let baseIndex = 0
  if (baseFile !== undefined) {
    const i = files.findIndex((f) => resolve(f) === resolve(baseFile))
    if (i >= 0) baseIndex = i
    else files.unshift(baseFile)
  }

  const json = args.values.get('json')
  const html = args.values.get('html')
  const csv = args.values.get('csv')
  const study = args.values.get('study')
  // Check every output before the (possibly long) analysis, so a typo fails in a second.
  if (json !== undefined && json !== '-') checkOutputFile(json, '--json')
  if (html !== undefined) checkOutputFile(html, '--html')
  if (study !== undefined) checkOutputFile(study, '--study')
  if (csv !== undefined) checkOutputDir(csv, '--csv')

  const articles = await loadArticles(files, io)
  const base = articles[baseIndex]!.id
  const analysis = analyzeWithProgress({ articles, base }, io)
  const now = io.now()
  const settings = exportSettings(analysis.linkThreshold)
  const title = defaultStudyTitle(articles[baseIndex]!)

  if (study !== undefined) {
    // Loaded only here: the study module builds its zod schema on load (~0.1 s of start-up).
    const { createStudy, serializeStudy } = await import('../../shared/study')
    const s = createStudy(articles, base, { lexiconVersion: analysis.lexiconVersion, now, title, codebook: analysis.codebook })
    if (!s.ok) throw new InputError(s.error.message)
    writeFileAtomic(study, serializeStudy(s.value))
    io.note(`wrote study ${study}`)
  }
  if (json !== undefined) {
    const options = { generatedAt: now, settings, title }
    if (json === '-') io.out(toJsonExportText(analysis, options))
    else {
      // Written record by record: large exports never exist as one string (see writeJsonExportText).
      writeFileAtomicChunks(json, (write) => writeJsonExportText(analysis, options, write))
      io.note(`wrote JSON ${json}`)
    }
  }
  if (html !== undefined) {
    // corrections: [] because compare analyses fresh files: nothing was corrected by hand.
    const passages = args.values.get('passages') as PassagesMode | undefined
    writeFileAtomic(html, renderHtmlReport(analysis, { generatedAt: now, linkThreshold: settings?.linkThreshold, passages, corrections: [] }))
    io.note(`wrote HTML report ${html}`)
  }
  if (csv !== undefined) {
    ensureDir(csv)
    const files = toCsvExport(analysis, { generatedAt: now, settings, title })
    for (const [name, content] of Object.entries(files)) writeFileAtomic(join(csv, name), content)
    io.note(`wrote ${Object.keys(files).length} CSV files to ${csv}`)
  }
  if (json === undefined && html === undefined && csv === undefined && study === undefined) io.out(summary(analysis))
  return 0
}

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n - 1) + '…' : s.padEnd(n)
}

/**
 * "34 sentences in no other article; 124 missing from at least one": `unmatched` lists every
 * sentence some other article lacks, which alone overstates what is unique to one outlet.
 */
export function unmatchedSummary(a: Analysis): string {
  const others = a.articles.length - 1
  const unique = a.alignment.unmatched.filter((u) => u.missingIn.length >= others).length
  const total = a.alignment.unmatched.length
  const s = (n: number): string => (n === 1 ? '' : 's')
  // With two articles the two counts are the same sentences: say it once.
  if (others <= 1) return `${unique} sentence${s(unique)} in no other article`
  return `${unique} sentence${s(unique)} in no other article; ${total} missing from at least one`
}

/** A readable overview for the terminal; the full data is in --json. */
export function summary(a: Analysis): string {
  const byId = new Map(a.articles.map((x) => [x.id, x]))
  const base = byId.get(a.base)
  const flags = a.language.reduce((n, l) => n + l.flags.length, 0)
  const quoted = a.language.reduce((n, l) => n + l.flags.filter((f) => f.inQuote).length, 0)
  const lines = [
    `Base: ${a.base}${base?.meta.title ? ` — ${base.meta.title}` : ''}${base?.meta.outlet ? `, ${base.meta.outlet}` : ''}`,
    `${a.articles.length} article${a.articles.length === 1 ? '' : 's'}, ${a.alignment.links.length} aligned passage pairs, ${flags} flags (${quoted} inside quotations)${a.articles.length > 1 ? `, ${unmatchedSummary(a)}` : ''}`,
    '',
    `${pad('article', 24)} ${pad('outlet', 24)} ${'words'.padStart(6)} ${'flags/100w'.padStart(10)} ${'sentiment'.padStart(9)} ${'unique'.padStart(6)}`
  ]
  for (const m of a.metrics) {
    const per100 = Object.values(m.flagsPer100).reduce((s, v) => s + (v ?? 0), 0)
    lines.push(
      `${pad(m.article, 24)} ${pad(byId.get(m.article)?.meta.outlet ?? '', 24)} ${String(m.words).padStart(6)} ${per100.toFixed(2).padStart(10)} ${m.meanSentiment.toFixed(2).padStart(9)} ${`${Math.round(m.uniqueShare * 100)}%`.padStart(6)}`
    )
  }
  const actors = [...new Set(a.naming.map((c) => c.actor))]
  if (actors.length > 0) {
    lines.push('', 'Naming (terms each article uses for each actor):')
    for (const actor of actors) {
      const cells = a.naming.filter((c) => c.actor === actor)
      const uses = cells.map((c) => `${c.article}: ${[...c.terms.map((t) => `${t.surface} ×${t.count}`), ...(c.nested ?? []).map((n) => `inside ${n.within} names: ${n.surface} ×${n.count}`)].join(', ')}`)
      lines.push(`  ${actor}: ${uses.join('; ')}`)
    }
  }
  lines.push('', 'Full data: --json OUT|-, report: --html OUT, tables: --csv DIR, study: --study OUT.')
  return lines.join('\n') + '\n'
}
