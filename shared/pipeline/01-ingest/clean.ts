/**
 * Text cleaning shared by every format: paragraphs in, canonical paragraphs out.
 *
 * Formats differ in how they find paragraphs (blank lines, <p>, PDF geometry, DOCX runs); once
 * they have them, the same rules detect the title, byline and dateline, drop boilerplate lines
 * and collapse a duplicated title/lead. Characters inside a paragraph are never rewritten
 * (curly quotes, dashes and diacritics survive), only whole lines or a leading dateline go.
 *
 * Worked example (the seed article, shared/seed/baku-tel-aviv-ties.txt):
 *   in:  [T, L, T, L, "By: N. Daneshvar", B1, B2, …]   (T = title, L = lead paragraph)
 *   out: [L, B1, B2, …]; title = T; author = "N. Daneshvar"; warnings: duplicate collapsed.
 */
import type { IngestWarning } from '../../model'
import { normalizeDate } from './meta'

export interface CleanOptions {
  /** A title already known from structure or metadata (markdown H1, <title>, sidecar). */
  readonly knownTitle?: string
  /** Treat a short first paragraph as the title (plain text, PDF, DOCX); off for HTML. */
  readonly detectTitleLine: boolean
  /** Name used in warning messages. */
  readonly fileName: string
}

export interface Cleaned {
  readonly paragraphs: readonly string[]
  /** Metadata found in the text itself ('' when not found). */
  readonly title: string
  readonly author: string
  readonly date: string
  readonly warnings: readonly IngestWarning[]
}

/** Paragraphs at the top where title, byline, date lines and duplicates are looked for. */
const HEAD_ZONE = 10
/** Longest paragraph compared for duplication (a lead paragraph is far shorter). */
const MAX_KEYED_CHARS = 5000
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/
/**
 * Unicode whitespace (what `\s` matches) plus zero-width characters that scraped pages leave at
 * line edges. A char-code loop: the equivalent anchored regex costs ~9 ms per MB.
 */
function isEdgeSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0x85) return false
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff
}

export function trimLine(line: string): string {
  let a = 0
  let b = line.length
  while (a < b && isEdgeSpace(line.charCodeAt(a))) a++
  while (b > a && isEdgeSpace(line.charCodeAt(b - 1))) b--
  return a === 0 && b === line.length ? line : line.slice(a, b)
}

/**
 * Plain text → paragraphs. Blank lines always separate paragraphs. Inside a block, each line is
 * its own paragraph (scraped text keeps one paragraph per line, titles sit on their own line)
 * unless the file is hard-wrapped (e-mail style, ≤ ~110 columns), in which case wrapped lines
 * are joined with a space (no space after a trailing hyphen: "anti-\nIranian" → "anti-Iranian").
 */
export function splitPlainText(text: string): string[] {
  const lines = text.split(LINE_BREAK).map(trimLine)
  const lengths = lines.filter((l) => l.length > 0).map((l) => l.length).sort((a, b) => a - b)
  const width = lengths.length ? lengths[Math.floor(lengths.length * 0.9)]! : 0
  // Hard-wrapped: wide-enough lines that are followed by another line of the same block.
  let inner = 0
  let innerLong = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i] !== '' && lines[i + 1] !== '') {
      inner++
      if (lines[i]!.length >= width * 0.55) innerLong++
    }
  }
  const wrapped = width > 0 && width <= 110 && inner >= 3 && innerLong / inner >= 0.7
  const out: string[] = []
  let current = ''
  let prevLen = 0
  const flush = (): void => {
    if (current !== '') out.push(current)
    current = ''
  }
  for (const line of lines) {
    if (line === '') { flush(); continue }
    if (current !== '' && wrapped && prevLen >= width * 0.55) {
      current += current.endsWith('-') && /^\p{Ll}/u.test(line) ? line : ' ' + line
    } else {
      flush()
      current = line
    }
    prevLen = line.length
  }
  flush()
  return out
}

/** Comparison key: case, spacing, quote and dash variants ignored. */
export function paragraphKey(p: string): string {
  return p
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\s\u200b]+/g, ' ')
    .trim()
}

const SOCIAL = '(?:facebook|twitter|x|whatsapp|telegram|linkedin|e-?mail|print|copy link|copy|reddit|pinterest|messenger|vk|share)'

/** Whole-line boilerplate: [pattern, maximum line length it may have]. */
const BOILERPLATE: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:read (?:also|more|next)|also read|see also|more on this|related(?: (?:articles?|stories|news|coverage|content|posts?|reading))?|recommended(?: for you)?|you (?:may|might) also like|don['’]?t miss|most read|trending(?: now)?)\b/i, 300],
  [/^share(?: (?:this|on|via|the|article|story|post|page))?\b/i, 80],
  [new RegExp(`^${SOCIAL}(?:\\s*[|•·,/]?\\s*${SOCIAL})*$`, 'i'), 120],
  [/^(?:follow us|follow @|like us|subscribe\b|sign up\b|join (?:us|our)\b|download (?:our|the) app|get (?:the|our) (?:daily )?newsletter)/i, 200],
  [/^(?:advertisement|advert|ad|ads|sponsored(?: content)?|paid content|promoted)$/i, 40],
  [/^(?:scroll (?:down )?to continue|continue reading|click here|tap here|skip (?:to|ad)|listen to (?:this )?article)/i, 120],
  [/^[([]?(?:photo|photograph|image|picture|pic|video|credit|illustration|file photo|caption|source: photo)s?(?: credits?)?\s*(?:[:：|]|by\b)/i, 250],
  [/^(?:©|\(c\)\s|copyright\b)/i, 200],
  [/all rights reserved\.?$/i, 200],
  [/^(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|print this (?:page|article)|back to top|tags?\s*:.*|topics?\s*:.*|filed under\s*:?.*)$/i, 200]
]

export function isBoilerplate(line: string): boolean {
  for (const [re, max] of BOILERPLATE) if (line.length <= max && re.test(line)) return true
  return false
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|and|&|de|da|del|der|van|von|al|el|bin|ibn|la|le|di|du)$/u

/**
 * "By: N. Daneshvar", "By Jane Doe", "— By JANE DOE and Tom Roe | Wire" → the name part; '' if
 * the line is not a byline. Every word of the name must look like a name ("By the end of…" fails).
 */
export function parseByline(line: string): string {
  const m = /^(?:[-–—•·|]\s*)?(?:by|written by|words by|story by|reporting by|author|authors)\s*[:：]?\s+(.{2,100})$/iu.exec(line)
  if (!m) return ''
  const name = m[1]!.split(/\s+[|•·]\s+/)[0]!.replace(/[,;]\s*(?:staff writer|correspondent|reporter|editor|contributor)s?\b.*$/i, '').trim()
  const words = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 10) return ''
  if (!words.every((w) => NAME_WORD.test(w))) return ''
  if (/[!?]$/.test(name)) return ''
  return name
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const DATE_CORE = `(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?|\\d{4}/\\d{1,2}/\\d{1,2})`
const TIME = '(?:\\s*(?:[,|•·-]|at)?\\s*\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,5}|(?:GMT|UTC)\\s*[+-]?\\d{0,2}(?::?\\d{2})?)?)?'
const DATE_LINE = new RegExp(
  `^(?:(?:published|updated|posted|last updated|date|first published)(?: on)?\\s*:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(${DATE_CORE})${TIME}\\s*(?:[|•·,;]\\s*(?:updated|published|last updated)\\b.*)?$`,
  'i'
)

/** A line that is only a publication date (and maybe a time) → its ISO date; '' otherwise. */
export function parseDateLine(line: string): string {
  if (line.length > 100) return ''
  const m = DATE_LINE.exec(line)
  if (!m) return ''
  return normalizeDate(m[1]!) || 'unparsed'
}

/**
 * Inline wire dateline at the start of the first body paragraph:
 * "JERUSALEM, March 29 (Wire) — …", "BAKU (Reuters) - …", "TEHRAN — …",
 * "Tel Aviv, 29 March 2023 (AzerNews) – …". Mixed-case places need a date to count.
 */
const DATELINE = new RegExp(
  `^(?:(\\p{Lu}[\\p{Lu}'.-]+(?:[ -]\\p{Lu}[\\p{Lu}'.-]+){0,3})|(\\p{Lu}[\\p{L}'.-]+(?: \\p{Lu}[\\p{L}'.-]+){0,2})(?=,\\s*(?:${MONTH}|\\d)))` +
    `(?:,\\s*\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)?(?=\\s*[,(—–-]))?` +
    `(?:\\s*,\\s*(${MONTH}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}\\.?(?:\\s+\\d{4})?))?` +
    `\\s*(?:\\(([^()]{1,40})\\))?\\s*[—–-]{1,2}\\s+(?=\\S)`,
  'iu'
)

export interface Dateline {
  /** Length of the prefix to drop (place, date, agency, dash and following spaces). */
  readonly length: number
  readonly date: string
}

export function parseDateline(paragraph: string): Dateline | undefined {
  // The regex is case-insensitive for month names, so check the place's case by hand.
  const m = DATELINE.exec(paragraph.slice(0, 120))
  if (!m) return undefined
  // With the i flag \p{Lu} also matches lower case, so either place group may hold "Tel Aviv".
  const place = m[1] ?? m[2] ?? ''
  const capsPlace = place === place.toUpperCase() && /\p{Lu}{2}/u.test(place)
  if (!capsPlace && m[3] === undefined) return undefined
  const dateText = m[3] ?? ''
  return { length: m[0].length, date: /\d{4}/.test(dateText) ? normalizeDate(dateText) : '' }
}

const DATELINE_LINE = new RegExp(
  `^(\\p{Lu}[\\p{Lu}'.-]+(?:[ -]\\p{Lu}[\\p{Lu}'.-]+){0,3})(?:,\\s*\\p{Lu}[\\p{L}.]+(?: \\p{Lu}[\\p{L}.]+)?(?=\\s*[,(]))?` +
    `(?:\\s*,\\s*(${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?))?` +
    `\\s*(?:\\(([^()]{1,40})\\))?\\s*[—–-]*$`,
  'iu'
)

/**
 * A dateline on a line of its own: "JERUSALEM, 30 March 2023", "LONDON, March 31 (Wire)",
 * "BAKU (Reuters)". Returns the ISO date ('' if none or no year) or undefined if not a dateline.
 */
export function parseDatelineLine(line: string): string | undefined {
  if (line.length > 90) return undefined
  const m = DATELINE_LINE.exec(line)
  if (!m) return undefined
  const place = m[1]!
  if (place !== place.toUpperCase() || !/\p{Lu}{2}/u.test(place)) return undefined
  if (m[2] === undefined && m[3] === undefined) return undefined
  return m[2] && /\d{4}/.test(m[2]) ? normalizeDate(m[2]) : ''
}

function looksLikeTitle(p: string): boolean {
  if (p.length < 3 || p.length > 200) return false
  if (!/\p{L}/u.test(p)) return false
  if (/[.,;:]$/.test(p) && !/\.\.\.$|…$/.test(p)) return false
  if (p.split(/\s+/).length > 30) return false
  return parseByline(p) === '' && parseDateLine(p) === '' && parseDatelineLine(p) === undefined && !isBoilerplate(p)
}

/** Apply every cleaning rule; see the file comment for the order and a worked example. */
export function cleanParagraphs(input: readonly string[], options: CleanOptions): Cleaned {
  const warnings: IngestWarning[] = []
  let paragraphs = input.map(trimLine).filter((p) => p !== '')

  const before = paragraphs.length
  paragraphs = paragraphs.filter((p) => !isBoilerplate(p))
  const boiler = before - paragraphs.length
  if (boiler > 0) {
    warnings.push({ code: 'BOILERPLATE_REMOVED', message: `${options.fileName}: removed ${boiler} boilerplate line${boiler === 1 ? '' : 's'} (share buttons, photo credits, "read also"…).` })
  }

  let title = ''
  const knownKey = options.knownTitle ? paragraphKey(options.knownTitle) : ''
  const first = paragraphs[0]
  if (first !== undefined && paragraphs.length >= 2) {
    if (knownKey !== '' && paragraphKey(first) === knownKey) {
      title = first
      paragraphs = paragraphs.slice(1)
    } else if (options.detectTitleLine && looksLikeTitle(first)) {
      title = first
      paragraphs = paragraphs.slice(1)
    }
  }

  // Header zone: byline, date lines and repeats of the title or of an earlier paragraph.
  let author = ''
  let date = ''
  let duplicates = 0
  const seen = new Set<string>()
  if (title) seen.add(paragraphKey(title))
  if (knownKey) seen.add(knownKey)
  const kept: string[] = []
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    if (i >= HEAD_ZONE) { kept.push(p); continue }
    const byline = p.length <= 120 ? parseByline(p) : ''
    if (byline) {
      if (!author) author = byline
      continue
    }
    const d = parseDateLine(p)
    if (d) {
      if (!date && d !== 'unparsed') date = d
      continue
    }
    const dl = parseDatelineLine(p)
    if (dl !== undefined) {
      if (!date && dl) date = dl
      continue
    }
    // Titles and leads are short; keying a megabyte-long paragraph would cost more than the rest.
    if (p.length > MAX_KEYED_CHARS) { kept.push(p); continue }
    const key = paragraphKey(p)
    if (seen.has(key)) { duplicates++; continue }
    seen.add(key)
    kept.push(p)
  }
  paragraphs = kept
  if (duplicates > 0) {
    warnings.push({ code: 'DUPLICATE_LEAD_COLLAPSED', message: `${options.fileName}: a repeated title/lead (${duplicates} paragraph${duplicates === 1 ? '' : 's'}) was kept once.` })
  }

  // Wire dateline at the start of the first real paragraph.
  const lead = paragraphs[0]
  if (lead !== undefined) {
    const dl = parseDateline(lead)
    if (dl && dl.length < lead.length) {
      paragraphs = [lead.slice(dl.length), ...paragraphs.slice(1)]
      if (!date && dl.date) date = dl.date
    }
  }
  return { paragraphs, title, author, date, warnings }
}
