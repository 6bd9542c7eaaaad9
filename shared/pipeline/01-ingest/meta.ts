/**
 * Article metadata: defaults, merging by precedence, front matter, and date normalisation.
 * Every field of `ArticleMeta` is a string ('' = unknown) except `constructed`.
 */
import type { ArticleMeta } from '../../model'

export const EMPTY_META: ArticleMeta = {
  title: '',
  outlet: '',
  author: '',
  date: '',
  url: '',
  language: '',
  viewpoint: '',
  constructed: false,
  note: ''
}

/**
 * Merge metadata layers; earlier layers win for every field they set to a non-empty value.
 * Order used by ingest: caller/sidecar > front matter > document metadata > detected in text.
 */
export function mergeMeta(...layers: ReadonlyArray<Partial<ArticleMeta> | undefined>): ArticleMeta {
  const out: Record<string, string | boolean> = { ...EMPTY_META }
  for (const key of Object.keys(EMPTY_META) as Array<keyof ArticleMeta>) {
    for (const layer of layers) {
      const v = layer?.[key]
      if (key === 'constructed') {
        if (typeof v === 'boolean') { out[key] = v; break }
        continue
      }
      if (typeof v === 'string' && v.trim() !== '') {
        out[key] = key === 'date' ? normalizeDate(v) || v.trim() : v.trim()
        break
      }
    }
  }
  return out as unknown as ArticleMeta
}

export interface CheckedMeta {
  readonly meta: Partial<ArticleMeta>
  /**
   * What a researcher should know about the input, one short clause each without the file name
   * (the caller prefixes the sidecar or article name): fields of the wrong type, dates that are
   * not full or are ambiguous, unknown field names (typos such as "autor" would otherwise vanish).
   */
  readonly problems: readonly string[]
}

const FIELD_LIST = 'title, outlet, author, date, url, language, viewpoint, constructed, note'

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'a list'
  if (v === null) return 'null'
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`
}

/**
 * Accepts loosely typed input (JSON sidecars, front matter), keeps only known, typed fields and
 * says what it saw wrong. Values are never silently changed: a number in a text field is kept
 * as text (a researcher's `"outlet": 5` is probably an id, still worth showing) with a problem;
 * a list of authors is joined with ", "; objects and booleans in text fields are dropped with a
 * problem; `null` and '' mean "unknown" and pass quietly. Dates are kept as written here
 * (mergeMeta normalises them) but flagged when `dateProblem` finds one.
 */
export function checkMeta(raw: unknown): CheckedMeta {
  if (raw === null || raw === undefined) return { meta: {}, problems: [] }
  if (typeof raw !== 'object' || Array.isArray(raw)) return { meta: {}, problems: [`is ${typeName(raw)}, not an object of fields; ignored`] }
  const out: Record<string, string | boolean> = {}
  /** The raw key that supplied each field, to explain conflicts between aliases. */
  const from: Record<string, string> = {}
  const problems: string[] = []
  const unknown: string[] = []
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const key = META_ALIASES[k.trim().toLowerCase()]
    if (!key) { unknown.push(k); continue }
    if (v === null || v === undefined) continue
    let value: string | boolean
    if (key === 'constructed') {
      if (typeof v === 'boolean') value = v
      else if (typeof v === 'string' && /^(true|yes|1)$/i.test(v.trim())) value = true
      else if (typeof v === 'string' && /^(false|no|0|)$/i.test(v.trim())) value = false
      else if (v === 1 || v === 0) value = v === 1
      else { problems.push(`"${k}" is ${JSON.stringify(v)}, not true or false; ignored`); continue }
    } else if (typeof v === 'string') {
      value = v.trim()
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      value = String(v)
      // A bare year is a complete answer for a date; any other number in a text field is odd.
      if (!(key === 'date' && Number.isInteger(v) && v >= 1000 && v <= 2999)) {
        problems.push(`"${k}" is a number (${value}), not text; kept as "${value}"`)
      }
    } else if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
      value = v.map((x) => String(x).trim()).filter(Boolean).join(', ')
      // Several authors are normal; a list anywhere else is probably a mistake.
      if (key !== 'author') problems.push(`"${k}" is a list; kept as "${value}"`)
    } else {
      problems.push(`"${k}" is ${typeName(v)}, not text; ignored`)
      continue
    }
    if (key in out) {
      if (out[key] !== value && value !== '') problems.push(`"${k}" and "${from[key]}" both give the ${key}; kept "${String(out[key])}" from "${from[key]}"`)
      if (out[key] !== '') continue
    }
    out[key] = value
    from[key] = k
  }
  if (typeof out.date === 'string' && out.date !== '') {
    const why = dateProblem(out.date)
    if (why) problems.push(`"${from.date}" is "${out.date}", which ${why}; kept as written (write YYYY-MM-DD, YYYY-MM or YYYY)`)
  }
  if (unknown.length) {
    problems.push(`${unknown.length === 1 ? 'field' : 'fields'} ${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not used by Parallax and ${unknown.length === 1 ? 'was' : 'were'} ignored (known: ${FIELD_LIST})`)
  }
  return { meta: out as Partial<ArticleMeta>, problems }
}

/** Front-matter / sidecar key spellings → ArticleMeta fields. */
const META_ALIASES: Readonly<Record<string, keyof ArticleMeta>> = {
  title: 'title', headline: 'title',
  outlet: 'outlet', source: 'outlet', publication: 'outlet', publisher: 'outlet', site: 'outlet', site_name: 'outlet', sitename: 'outlet',
  author: 'author', byline: 'author', authors: 'author', by: 'author',
  date: 'date', published: 'date', published_date: 'date', publisheddate: 'date', pubdate: 'date',
  url: 'url', link: 'url', canonical: 'url', canonical_url: 'url',
  language: 'language', lang: 'language', locale: 'language',
  viewpoint: 'viewpoint', perspective: 'viewpoint', stance: 'viewpoint',
  constructed: 'constructed', synthetic: 'constructed',
  note: 'note', notes: 'note', comment: 'note'
}

export interface FrontMatter {
  readonly meta: Partial<ArticleMeta>
  /** The text after the closing `---` line. */
  readonly body: string
  /** `checkMeta` problems with the fields (unknown keys, unreadable dates…), without the file name. */
  readonly problems: readonly string[]
}

/** The opening line of front matter (a BOM may precede it). */
const FM_OPEN = /^\uFEFF?---[ \t]*\r?\n/
/** A `key: value` line; the key as parseFrontMatter reads it. */
const FM_LINE = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/

/**
 * Simple YAML-like front matter: a first line `---`, `key: value` lines, a closing `---` (or
 * `...`). Only flat scalar keys; quotes around values are removed. Anything else → undefined
 * (then `frontMatterProblem` says whether the text meant to be front matter).
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)
  if (!m) return undefined
  const raw: Record<string, string> = {}
  for (const line of m[1]!.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const kv = FM_LINE.exec(line)
    if (!kv) return undefined // not front matter after all (e.g. a horizontal rule in markdown)
    let v = kv[2]!
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1)
    raw[kv[1]!.replace(/-/g, '_')] = v
  }
  const checked = checkMeta(raw)
  return { meta: checked.meta, body: text.slice(m[0].length), problems: checked.problems }
}

/**
 * For text that `parseFrontMatter` refused: why, when it clearly meant to open with front matter
 * (a `---` line whose first field line names a known field, e.g. `title:`), else ''. A Markdown
 * horizontal rule followed by prose is not front matter and gets ''. The text is then read as
 * body (nothing is lost), so the reason says the fields were not used.
 */
export function frontMatterProblem(text: string): string {
  const open = FM_OPEN.exec(text)
  if (!open) return ''
  const lines = text.slice(open[0].length).split(/\r?\n/)
  const first = lines.find((l) => l.trim() !== '')
  const kv = first === undefined ? null : FM_LINE.exec(first)
  if (!kv || !META_ALIASES[kv[1]!.toLowerCase().replace(/-/g, '_')]) return ''
  const close = lines.findIndex((l) => /^(?:---|\.\.\.)[ \t]*$/.test(l))
  if (close === -1) return 'front matter opened with "---" has no closing "---" line; it was kept as body text and its fields were not used'
  const bad = lines.slice(0, close).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#') && !FM_LINE.test(l))
  return `front matter line "${(bad ?? '').trim().slice(0, 40)}" is not "key: value"; the block was kept as body text and its fields were not used`
}

/**
 * Why a date value cannot become ISO, or '' when `normalizeDate` handles it. The value is kept
 * as written either way; the reason tells the researcher the date will not sort or compare.
 */
export function dateProblem(value: string): string {
  const s = value.trim()
  if (s === '' || normalizeDate(s)) return ''
  const m = NUMERIC_DMY.exec(s)
  if (m) {
    // normalizeDate only refuses numeric dates whose day and month could be swapped.
    const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!]
    const dm = ymd(y, b, a)
    const md = ymd(y, a, b)
    if (dm && md) return `is ambiguous: ${dm} (day/month) or ${md} (month/day)`
  }
  const hasYear = /\b[12]\d{3}\b/.test(s)
  const hasMonth = s.split(/[^A-Za-z]+/).some((w) => MONTHS[w.toLowerCase()] !== undefined)
  if (hasMonth && !hasYear) return 'has no year'
  return 'is not a date Parallax can read'
}

/** d/m/yyyy or m/d/yyyy (also with '.' or '-'): which one is meant is only clear when a part exceeds 12. */
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12
}

const pad = (n: number): string => String(n).padStart(2, '0')

function ymd(y: number, m: number, d?: number): string {
  if (m < 1 || m > 12 || y < 1000 || y > 2999) return ''
  if (d === undefined) return `${y}-${pad(m)}`
  if (d < 1 || d > 31) return ''
  return `${y}-${pad(m)}-${pad(d)}`
}

/**
 * A date string → ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); '' when not recognised.
 * Handles ISO timestamps, "March 29, 2023", "29 March 2023", "Mar. 29 2023", "2023/03/29".
 * Numeric d/m/y forms are ambiguous (US vs rest of world) and only read when they cannot be
 * swapped: "29/03/2023" (no 29th month) and "03/29/2023" are; "05/06/2024" is not (→ '').
 */
export function normalizeDate(input: string): string {
  const s = input.trim()
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)
  if (m) return ymd(+m[1]!, +m[2]!, m[3] ? +m[3] : undefined)
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s)
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!)
  if (/^\d{4}$/.test(s)) return s
  m = NUMERIC_DMY.exec(s)
  if (m) {
    const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!]
    if (a === b || (a > 12 && b <= 12)) return ymd(y, b, a)
    if (b > 12 && a <= 12) return ymd(y, a, b)
    return ''
  }
  const cleaned = s.replace(/^(?:published|updated|posted|last updated|date)\s*(?:on)?\s*:?\s*/i, '')
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '')
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(cleaned)
  if (m && MONTHS[m[1]!.toLowerCase()]) return ymd(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!)
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\b/.exec(cleaned)
  if (m && MONTHS[m[2]!.toLowerCase()]) return ymd(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!)
  m = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(cleaned)
  if (m && MONTHS[m[1]!.toLowerCase()]) return ymd(+m[2]!, MONTHS[m[1]!.toLowerCase()]!)
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(cleaned)
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!)
  return ''
}
