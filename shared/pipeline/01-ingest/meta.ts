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

/** Accept loosely typed input (JSON sidecars, front matter) and keep only known, typed fields. */
export function coerceMeta(raw: unknown): Partial<ArticleMeta> {
  if (raw === null || typeof raw !== 'object') return {}
  const out: Record<string, string | boolean> = {}
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const key = META_ALIASES[k.trim().toLowerCase()]
    if (!key) continue
    if (key === 'constructed') {
      if (typeof v === 'boolean') out[key] = v
      else if (typeof v === 'string') out[key] = /^(true|yes|1)$/i.test(v.trim())
    } else if (typeof v === 'string' || typeof v === 'number') {
      if (!(key in out)) out[key] = String(v).trim()
    }
  }
  return out as Partial<ArticleMeta>
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
}

/**
 * Simple YAML-like front matter: a first line `---`, `key: value` lines, a closing `---` (or
 * `...`). Only flat scalar keys; quotes around values are removed. Anything else → undefined.
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)
  if (!m) return undefined
  const raw: Record<string, string> = {}
  for (const line of m[1]!.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const kv = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line)
    if (!kv) return undefined // not front matter after all (e.g. a horizontal rule in markdown)
    let v = kv[2]!
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1)
    raw[kv[1]!.replace(/-/g, '_')] = v
  }
  return { meta: coerceMeta(raw), body: text.slice(m[0].length) }
}

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
 * Numeric d/m/y forms are ambiguous (US vs rest of world) and deliberately not guessed.
 */
export function normalizeDate(input: string): string {
  const s = input.trim()
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)
  if (m) return ymd(+m[1]!, +m[2]!, m[3] ? +m[3] : undefined)
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s)
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!)
  if (/^\d{4}$/.test(s)) return s
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
