/**
 * User codebooks: a list of (term, category, note) that adds to or overrides the built-in
 * lexicons. Read from CSV (header `term,category,note`, RFC 4180 quoting) or JSON
 * (`{"name": "...", "entries": [{"term", "category", "note"}]}` or a bare array of entries),
 * written back to both. Errors are data (`CODEBOOK_INVALID`) and name the line (CSV) or the
 * entry index (JSON) and the reason.
 *
 * Reading is row by row (`readCodebook*`): a bad row is skipped and reported (line or entry
 * index, field, reason) while the good rows are kept, so one typo in a 40-row file costs one
 * fix, not one re-import per mistake. Only a file that is no codebook at all (empty, wrong
 * header, not JSON, wrong top-level shape) or whose every row is bad is rejected as a whole.
 * The strict `parseCodebook*` functions keep the old contract: any bad row rejects the file,
 * with the first problem's message.
 *
 * Matching semantics (applied in analyzeLanguage): a codebook term compiles with the same
 * tokenizer and stemmer as the lexicons; its flags carry rule `codebook:<term>`; a built-in
 * lexicon hit that overlaps a codebook hit is dropped, so the codebook overrides it.
 */
import type { Codebook, CodebookEntry, FlagCategory } from '../../model'
import type { AppError, Result } from '../../util/result'
import { err, ok } from '../../util/result'
import { isLexiconCategory, parseCodebookJson, SchemaError, LEXICON_CATEGORIES } from '../../resources/schema'
import { tokenize } from '../../text/tokenize'

/** One skipped row: where it is, which field is wrong and why. */
export interface CodebookProblem {
  /** CSV: the 1-based line the record starts on. */
  readonly line?: number
  /** JSON: the 0-based index in "entries". */
  readonly index?: number
  /** The column/key at fault ("term", "category", "note"), or "row" when it is the record's shape. */
  readonly field: string
  readonly reason: string
  /** Where, as the user reads it: `line 6` or `entry 3 ("regime")`. */
  readonly place: string
  /** Place and reason in one line, e.g. `line 6: unknown category "x" (use one of: …)`. */
  readonly message: string
}

/** A codebook read row by row: the accepted entries and every row that was skipped. */
export interface CodebookRead {
  readonly codebook: Codebook
  /** In file order; empty when every row was accepted. Never dropped silently: callers show these. */
  readonly skipped: readonly CodebookProblem[]
}

/** A rejected file; `problems` is set when the file was a codebook but none of its rows could be used. */
export type CodebookReadError = AppError & { readonly problems?: readonly CodebookProblem[] }

export type CodebookReadResult = { readonly ok: true; readonly value: CodebookRead } | { readonly ok: false; readonly error: CodebookReadError }

interface CsvRecord {
  readonly line: number
  readonly fields: string[]
  /** A record the tokenizer could not read: the field index at fault and why. */
  readonly error?: { readonly col: number; readonly reason: string }
}

/**
 * Split one CSV text into records of fields, tracking the 1-based line each record starts on.
 * A quote inside an unquoted field spoils only its own record (skipped to the end of its line);
 * an unclosed quote swallows the rest of the file, so it ends the read with an error record.
 */
function csvRecords(text: string): CsvRecord[] {
  const out: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let inQuotes = false
  let line = 1
  let recordLine = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRecord = (): void => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0]!.trim() === '')) out.push({ line: recordLine, fields })
    fields = []
    field = ''
  }
  for (; i < text.length; i++) {
    const c = text[i]!
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else inQuotes = false
      } else {
        if (c === '\n') line++
        field += c
      }
      continue
    }
    if (c === '"') {
      if (field.trim() !== '') {
        out.push({ line: recordLine, fields: [...fields, field], error: { col: fields.length, reason: 'a quote may only start a field' } })
        // Skip the rest of this physical line; the next record starts on the next one.
        while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++
        if (text[i] === '\r' && text[i + 1] === '\n') i++
        fields = []
        field = ''
        line++
        recordLine = line
        continue
      }
      field = ''
      inQuotes = true
    } else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else field += c
  }
  if (inQuotes) {
    out.push({ line: recordLine, fields: [...fields, field], error: { col: fields.length, reason: 'a quoted field is never closed, so nothing after it could be read' } })
  } else if (field !== '' || fields.length > 0) endRecord()
  return out
}

/** The first problem with an entry's term or category, or null when it is usable. */
function entryProblem(term: string, category: string): { field: string; reason: string } | null {
  if (term.trim() === '') return { field: 'term', reason: '"term" is empty' }
  if (tokenize(term).every((t) => t.kind === 'punct')) return { field: 'term', reason: '"term" has no words' }
  if (!isLexiconCategory(category)) {
    const use = `(use one of: ${LEXICON_CATEGORIES.join(', ')})`
    return { field: 'category', reason: category === '' ? `"category" is empty ${use}` : `unknown category "${category}" ${use}` }
  }
  return null
}

/** The words an entry matches (its stem sequence: what codebookHits compiles it to). */
function matchKey(term: string): string {
  return tokenize(term).filter((t) => t.kind !== 'punct').map((t) => t.stem).join(' ')
}

/**
 * Within one file, a second entry that matches the same words as an earlier one ("regime" and
 * "regimes", or a term listed twice) is skipped and reported, and the first is kept: at matching
 * only one of them could ever apply, and keeping the later one silently hid the mistake.
 */
function duplicateOf(seen: Map<string, string>, term: string, place: string): string | null {
  const key = matchKey(term)
  const first = seen.get(key)
  if (first !== undefined) return `matches the same words as ${first}; the first is kept`
  seen.set(key, `${place} ("${term}")`)
  return null
}

/** Accept the read unless it has rows and none of them was usable. */
function finish(codebook: Codebook, skipped: CodebookProblem[]): CodebookReadResult {
  if (codebook.entries.length === 0 && skipped.length > 0) {
    const more = skipped.length > 1 ? ` (and ${skipped.length - 1} more: ${skipped.slice(1).map((p) => p.message).join('; ')})` : ''
    return { ok: false, error: { code: 'CODEBOOK_INVALID', message: `${skipped[0]!.message}${more}`, problems: skipped } }
  }
  return { ok: true, value: { codebook, skipped } }
}

/** The old all-or-nothing contract on top of a row-by-row read. */
function strict(r: CodebookReadResult): Result<Codebook> {
  if (!r.ok) return err(r.error.code, r.error.problems?.[0]?.message ?? r.error.message)
  const first = r.value.skipped[0]
  return first ? err('CODEBOOK_INVALID', first.message) : ok(r.value.codebook)
}

/** Read a CSV codebook (header row `term,category,note`; note optional), keeping the good rows. */
export function readCodebookCsv(text: string, name = 'codebook'): CodebookReadResult {
  const rows = csvRecords(text)
  if (rows.length === 0) return err('CODEBOOK_INVALID', 'the codebook is empty (expected a header "term,category,note")')
  const head = rows[0]!
  if (head.error) return err('CODEBOOK_INVALID', `line ${head.line}: ${head.error.reason}`)
  const header = head.fields.map((h) => h.trim().toLowerCase())
  const ti = header.indexOf('term')
  const ci = header.indexOf('category')
  const ni = header.indexOf('note')
  if (ti < 0 || ci < 0) return err('CODEBOOK_INVALID', `line ${head.line}: the header must name the columns "term" and "category" (and optionally "note")`)
  const entries: CodebookEntry[] = []
  const skipped: CodebookProblem[] = []
  const seen = new Map<string, string>()
  const skip = (line: number, field: string, reason: string): void => {
    skipped.push({ line, field, reason, place: `line ${line}`, message: `line ${line}: ${reason}` })
  }
  for (const r of rows.slice(1)) {
    if (r.error) skip(r.line, header[r.error.col] || 'row', r.error.reason)
    else if (r.fields.length > header.length) skip(r.line, 'row', `${r.fields.length} fields, but the header has ${header.length}`)
    else {
      const term = (r.fields[ti] ?? '').trim()
      const category = (r.fields[ci] ?? '').trim().toLowerCase()
      const p = entryProblem(term, category)
      const dup = p ? null : duplicateOf(seen, term, `line ${r.line}`)
      if (p) skip(r.line, p.field, p.reason)
      else if (dup) skip(r.line, 'term', dup)
      else entries.push({ term, category: category as FlagCategory, note: ni >= 0 ? (r.fields[ni] ?? '').trim() : '' })
    }
  }
  return finish({ name, entries }, skipped)
}

/** The " ("term")" label the schema puts after "entry N", so its message can be re-placed. */
function schemaLabel(item: unknown): string {
  if (typeof item === 'string') return ` ("${item}")`
  if (item && typeof item === 'object') return ` ("${String((item as Record<string, unknown>)['term'] ?? '?')}")`
  return ''
}

/** Read a JSON codebook (`{name, entries:[…]}` or a bare array of entries), keeping the good entries. */
export function readCodebookJsonText(text: string, name = 'codebook'): CodebookReadResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return err('CODEBOOK_INVALID', `not valid JSON: ${(e as Error).message}`)
  }
  if (Array.isArray(data)) data = { name, entries: data }
  const raw = data && typeof data === 'object' ? (data as Record<string, unknown>)['entries'] : undefined
  let cbName: string
  try {
    // The file's own shape (an object with a name and an entries list, nothing else) is checked
    // without its entries, so a bad entry never rejects the file; the entries follow one by one.
    cbName = parseCodebookJson(Array.isArray(raw) ? { ...(data as object), entries: [] } : data, 'codebook').name
  } catch (e) {
    if (e instanceof SchemaError) return err('CODEBOOK_INVALID', e.message)
    throw e
  }
  if (!Array.isArray(raw)) return err('CODEBOOK_INVALID', 'codebook: "entries" must be a list')
  const entries: CodebookEntry[] = []
  const skipped: CodebookProblem[] = []
  const seen = new Map<string, string>()
  const dupProblem = (reason: string | null): { field: string; reason: string } | null => (reason ? { field: 'term', reason } : null)
  for (const [i, item] of raw.entries()) {
    const place = `entry ${i}${schemaLabel(item)}`
    let e: { term: string; category: string; note: string }
    try {
      e = parseCodebookJson({ entries: [item] }, 'codebook').entries[0]!
    } catch (x) {
      if (!(x instanceof SchemaError)) throw x
      // The schema saw this entry as entry 0 of a one-entry file: keep its reason, re-place it.
      const prefix = `codebook: entry 0${schemaLabel(item)}: `
      const reason = x.message.startsWith(prefix) ? x.message.slice(prefix.length) : x.message.replace(/^codebook: /, '')
      const field = /^"([^"]+)": /.exec(reason)?.[1] ?? /^Unrecognized keys?: "([^"]+)"/.exec(reason)?.[1] ?? 'row'
      skipped.push({ index: i, field, reason, place, message: `${place}: ${reason}` })
      continue
    }
    const p = entryProblem(e.term, e.category) ?? dupProblem(duplicateOf(seen, e.term.trim(), `entry ${i}`))
    if (p) skipped.push({ index: i, field: p.field, reason: p.reason, place, message: `${place}: ${p.reason}` })
    else entries.push({ term: e.term.trim(), category: e.category as FlagCategory, note: e.note })
  }
  return finish({ name: cbName, entries }, skipped)
}

/** Read by file name (".csv" → CSV, otherwise JSON) or by sniffing the first character, keeping the good rows. */
export function readCodebook(text: string, fileName = ''): CodebookReadResult {
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '') || 'codebook'
  if (/\.csv$/i.test(fileName)) return readCodebookCsv(text, base)
  if (/\.json$/i.test(fileName)) return readCodebookJsonText(text, base)
  const first = text.trimStart()[0]
  return first === '{' || first === '[' ? readCodebookJsonText(text, base) : readCodebookCsv(text, base)
}

/** Strict CSV parse: any bad row rejects the file (first problem's message). */
export function parseCodebookCsv(text: string, name = 'codebook'): Result<Codebook> {
  return strict(readCodebookCsv(text, name))
}

/** Strict JSON parse: any bad entry rejects the file (first problem's message). */
export function parseCodebookJsonText(text: string, name = 'codebook'): Result<Codebook> {
  return strict(readCodebookJsonText(text, name))
}

/** Strict parse by file name or content; see readCodebook for the row-by-row read. */
export function parseCodebook(text: string, fileName = ''): Result<Codebook> {
  return strict(readCodebook(text, fileName))
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
}

export function serializeCodebookCsv(cb: Codebook): string {
  return ['term,category,note', ...cb.entries.map((e) => [e.term, e.category, e.note].map(csvField).join(','))].join('\n') + '\n'
}

export function serializeCodebookJson(cb: Codebook): string {
  return JSON.stringify({ name: cb.name, entries: cb.entries.map((e) => ({ term: e.term, category: e.category, note: e.note })) }, null, 2) + '\n'
}

// Matching lives in ./codebookHits.ts (no zod there, so the language stage does not load it);
// re-exported so this module keeps its API.
export { codebookHits, type CodebookHit } from './codebookHits'
