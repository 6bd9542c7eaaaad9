/**
 * CSV export: five RFC 4180 files projected from the JSON export's records (json.ts), so a
 * CSV row and its JSON record always agree. Columns are documented in docs/exports.md.
 *
 * Format decisions:
 *  - RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, a double
 *    quote, CR or LF; quotes doubled. UTF-8 without a byte-order mark.
 *  - Formula-injection safety: a TEXT cell starting with = + - @ (or tab / CR, which some
 *    spreadsheets strip before evaluating) gets a leading apostrophe, so Excel/LibreOffice show
 *    it as text instead of running it. Numeric columns are written from numbers and never
 *    prefixed (a sentiment of -2 stays -2). Consumers that need the raw text read the JSON.
 *  - Booleans are `true`/`false`; missing values (null) are empty cells.
 */
import type { Analysis } from '../../../model'
import { toJsonExport, type JsonExport, type JsonExportOptions } from './json'
import { MACHINE_CATEGORIES } from '../../../model/categories'

type Cell = string | number | boolean | null

/** The file names `toCsvExport` produces, in the order a reader should look at them. */
export const CSV_FILES = ['flags.csv', 'links.csv', 'metrics.csv', 'naming.csv', 'sentences.csv'] as const
export type CsvFileName = (typeof CSV_FILES)[number]

/** Machine categories, in the fixed order of the `flags_per_100_*` columns of metrics.csv. */
const METRIC_CATEGORIES = MACHINE_CATEGORIES

const RISKY_START = /^[=+\-@\t\r]/

/** One RFC 4180 field, with formula-injection protection for text. */
export function csvCell(v: Cell): string {
  if (v === null) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const s = RISKY_START.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A CSV document from a header and rows (every row as long as the header). */
export function csvTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvCell).join(',')]
  for (const r of rows) lines.push(r.map(csvCell).join(','))
  return lines.join('\r\n') + '\r\n'
}

export const FLAG_COLUMNS = [
  'id', 'article', 'outlet', 'start', 'end', 'text', 'category', 'rule', 'explanation', 'in_quote',
  'confidence', 'negated', 'referent', 'viewpoint', 'origin', 'review', 'review_note'
] as const

export const LINK_COLUMNS = [
  'id', 'a_article', 'a_start', 'a_end', 'a_sentence_start', 'a_sentence_end', 'a_text',
  'b_article', 'b_start', 'b_end', 'b_sentence_start', 'b_sentence_end', 'b_text',
  'score', 'origin', 'evidence', 'changes',
  'sentiment_a', 'sentiment_b', 'sentiment_delta', 'loaded_a', 'loaded_b', 'loaded_delta'
] as const

export const METRIC_COLUMNS = [
  'article', 'outlet', 'is_base', 'words', 'sentences', 'own_voice_flags', 'quoted_flags',
  ...METRIC_CATEGORIES.map((c) => `flags_per_100_${c}`),
  'mean_sentiment', 'unique_share', 'sources_by_side'
] as const

export const NAMING_COLUMNS = [
  'actor', 'article', 'outlet', 'term', 'surface', 'count', 'viewpoint', 'offsets', 'actor_mean_sentiment'
] as const

export const SENTENCE_COLUMNS = ['article', 'index', 'paragraph', 'start', 'end', 'sentiment', 'comparative', 'text'] as const

/** All five CSV files from an export object (already built, e.g. to share with the JSON). */
export function csvFromExport(x: JsonExport): Record<CsvFileName, string> {
  const outlet = new Map(x.articles.map((a) => [a.id, a.outlet]))
  const text = new Map(x.articles.map((a) => [a.id, a.text]))
  const changes = new Map(x.diffs.map((d) => [d.linkId, d.changes]))

  const flags = csvTable(
    FLAG_COLUMNS,
    x.flags.map((f) => [
      f.id, f.article, outlet.get(f.article) ?? '', f.start, f.end, f.text, f.category, f.rule, f.explanation,
      f.inQuote, f.confidence, f.negated, f.referent, f.viewpoint, f.origin, f.review, f.reviewNote
    ])
  )

  const links = csvTable(
    LINK_COLUMNS,
    x.links.map((l) => [
      l.id,
      l.a.article, l.a.start, l.a.end, l.a.sentenceStart, l.a.sentenceEnd, l.a.text,
      l.b.article, l.b.start, l.b.end, l.b.sentenceStart, l.b.sentenceEnd, l.b.text,
      l.score, l.origin,
      // "kind:a=b" per evidence item ("naming:zionist regime=israel" for naming equivalences).
      l.evidence.map((e) => (e.a === e.b ? `${e.kind}:${e.a}` : `${e.kind}:${e.a}=${e.b}`)).join('; '),
      (changes.get(l.id) ?? []).map((c) => `${c.kind}: ${c.explanation}`).join(' | '),
      l.delta?.sentimentA ?? null, l.delta?.sentimentB ?? null, l.delta?.sentiment ?? null,
      l.delta?.loadedA ?? null, l.delta?.loadedB ?? null, l.delta?.loaded ?? null
    ])
  )

  const metrics = csvTable(
    METRIC_COLUMNS,
    x.metrics.map((m) => [
      m.article, m.outlet, m.article === x.base, m.words, m.sentences, m.ownVoiceFlags, m.quotedFlags,
      ...METRIC_CATEGORIES.map((c) => m.flagsPer100[c] ?? 0),
      m.meanSentiment, m.uniqueShare,
      Object.entries(m.sourcesBySide).map(([side, n]) => `${side || '(unknown)'}=${n}`).join('; ')
    ])
  )

  const naming = csvTable(
    NAMING_COLUMNS,
    x.naming.flatMap((cell) => [
      ...cell.terms.map((t) => [
        cell.actor, cell.article, outlet.get(cell.article) ?? '', t.term, t.surface, t.count, t.viewpoint,
        t.offsets.join(' '), cell.meanSentiment
      ]),
      // Mentions inside another actor's name follow the cell's naming choices, marked in the
      // term column as `within:<containing actor>:<term>` (no new column, so files without
      // them keep their bytes): summing `count` over an actor's rows gives how often it is named.
      ...(cell.nested ?? []).map((t) => [
        cell.actor, cell.article, outlet.get(cell.article) ?? '', `within:${t.within}:${t.term}`, t.surface, t.count, t.viewpoint,
        t.offsets.join(' '), cell.meanSentiment
      ])
    ])
  )

  const sentences = csvTable(
    SENTENCE_COLUMNS,
    x.sentences.map((s) => [s.article, s.index, s.paragraph, s.start, s.end, s.sentiment, s.comparative, (text.get(s.article) ?? '').slice(s.start, s.end)])
  )

  return { 'flags.csv': flags, 'links.csv': links, 'metrics.csv': metrics, 'naming.csv': naming, 'sentences.csv': sentences }
}

/** All five CSV files for an analysis (file name → content). */
export function toCsvExport(analysis: Analysis, options: JsonExportOptions = {}): Record<CsvFileName, string> {
  return csvFromExport(toJsonExport(analysis, options))
}

/**
 * Parse RFC 4180 text back into rows (for tests and for re-importing exports). Accepts CRLF or
 * LF line ends; returns rows of raw cell strings (apostrophe prefixes are kept).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
