/**
 * User codebooks: a list of (term, category, note) that adds to or overrides the built-in
 * lexicons. Read from CSV (header `term,category,note`, RFC 4180 quoting) or JSON
 * (`{"name": "...", "entries": [{"term", "category", "note"}]}` or a bare array of entries),
 * written back to both. Errors are data (`CODEBOOK_INVALID`) and name the line (CSV) or the
 * entry index (JSON) and the reason.
 *
 * Matching semantics (applied in analyzeLanguage): a codebook term compiles with the same
 * tokenizer and stemmer as the lexicons; its flags carry rule `codebook:<term>`; a built-in
 * lexicon hit that overlaps a codebook hit is dropped, so the codebook overrides it.
 */
import type { Codebook, CodebookEntry, FlagCategory } from '../../model'
import { err, ok, type Result } from '../../util/result'
import { isLexiconCategory, parseCodebookJson, SchemaError, LEXICON_CATEGORIES } from '../../resources/schema'
import { tokenize } from '../../text/tokenize'

/** Split one CSV text into records of fields, tracking the 1-based line each record starts on. */
function csvRecords(text: string): Result<{ line: number; fields: string[] }[]> {
  const out: { line: number; fields: string[] }[] = []
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
      if (field.trim() !== '') return err('CODEBOOK_INVALID', `line ${line}: a quote may only start a field`)
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
  if (inQuotes) return err('CODEBOOK_INVALID', `line ${recordLine}: a quoted field is never closed`)
  if (field !== '' || fields.length > 0) endRecord()
  return ok(out)
}

function checkEntry(term: string, category: string, where: string): Result<null> {
  if (term.trim() === '') return err('CODEBOOK_INVALID', `${where}: "term" is empty`)
  if (tokenize(term).every((t) => t.kind === 'punct')) return err('CODEBOOK_INVALID', `${where}: "term" has no words`)
  if (!isLexiconCategory(category)) {
    return err('CODEBOOK_INVALID', `${where}: unknown category "${category}" (use one of: ${LEXICON_CATEGORIES.join(', ')})`)
  }
  return ok(null)
}

/** Parse a CSV codebook (header row `term,category,note`; note optional). */
export function parseCodebookCsv(text: string, name = 'codebook'): Result<Codebook> {
  const recs = csvRecords(text)
  if (!recs.ok) return recs
  const rows = recs.value
  if (rows.length === 0) return err('CODEBOOK_INVALID', 'the codebook is empty (expected a header "term,category,note")')
  const header = rows[0]!.fields.map((h) => h.trim().toLowerCase())
  const ti = header.indexOf('term')
  const ci = header.indexOf('category')
  const ni = header.indexOf('note')
  if (ti < 0 || ci < 0) return err('CODEBOOK_INVALID', `line ${rows[0]!.line}: the header must name the columns "term" and "category" (and optionally "note")`)
  const entries: CodebookEntry[] = []
  for (const r of rows.slice(1)) {
    if (r.fields.length > header.length) return err('CODEBOOK_INVALID', `line ${r.line}: ${r.fields.length} fields, but the header has ${header.length}`)
    const term = (r.fields[ti] ?? '').trim()
    const category = (r.fields[ci] ?? '').trim().toLowerCase()
    const c = checkEntry(term, category, `line ${r.line}`)
    if (!c.ok) return c as Result<never>
    entries.push({ term, category: category as FlagCategory, note: ni >= 0 ? (r.fields[ni] ?? '').trim() : '' })
  }
  return ok({ name, entries })
}

/** Parse a JSON codebook: `{name, entries:[…]}` or a bare array of entries. */
export function parseCodebookJsonText(text: string, name = 'codebook'): Result<Codebook> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return err('CODEBOOK_INVALID', `not valid JSON: ${(e as Error).message}`)
  }
  if (Array.isArray(data)) data = { name, entries: data }
  try {
    const parsed = parseCodebookJson(data, 'codebook')
    const entries: CodebookEntry[] = []
    for (const [i, e] of parsed.entries.entries()) {
      const c = checkEntry(e.term, e.category, `entry ${i} ("${e.term}")`)
      if (!c.ok) return c as Result<never>
      entries.push({ term: e.term.trim(), category: e.category, note: e.note })
    }
    return ok({ name: parsed.name, entries })
  } catch (e) {
    if (e instanceof SchemaError) return err('CODEBOOK_INVALID', e.message)
    throw e
  }
}

/** Parse by file name (".csv" → CSV, otherwise JSON) or by sniffing the first character. */
export function parseCodebook(text: string, fileName = ''): Result<Codebook> {
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '') || 'codebook'
  if (/\.csv$/i.test(fileName)) return parseCodebookCsv(text, base)
  if (/\.json$/i.test(fileName)) return parseCodebookJsonText(text, base)
  const first = text.trimStart()[0]
  return first === '{' || first === '[' ? parseCodebookJsonText(text, base) : parseCodebookCsv(text, base)
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
