/**
 * The text convention of the sample gold files (samples/baku-tel-aviv/gold/*).
 *
 * Gold offsets must refer to a text that does not depend on how ingestion happens to clean a
 * file, so the gold files carry their own copy of each article body, derived here by a fixed
 * rule (documented in samples/README.md):
 *  - the headline (first line) is dropped;
 *  - the byline is the first line that, after trimming spaces and NBSPs, starts with "By";
 *    a non-blank line right after it is the dateline and is dropped too;
 *  - non-blank lines between the headline and the byline that are not the headline are the
 *    lead; duplicates (scraped pages repeat title and lead) are kept once, in first-seen order;
 *  - body = lead paragraphs + the lines after byline/dateline, paragraphs joined by "\n\n",
 *    blank lines collapsed, each line trimmed at its end, no trailing newline.
 * Characters are otherwise kept as in the file (curly quotes, en dashes, NBSP inside lines).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SampleArticle {
  /** Gold article id (short slug), e.g. "seed", "ledger". */
  readonly id: string
  /** File name inside the sample folder, without extension: `<basename>.txt`, `<basename>.meta.json`. */
  readonly basename: string
}

/** The sample set of samples/baku-tel-aviv, in the order used by every gold file. */
export const SAMPLE_ARTICLES: readonly SampleArticle[] = [
  { id: 'seed', basename: 'baku-tel-aviv-ties' },
  { id: 'ledger', basename: 'jerusalem-ledger' },
  { id: 'caspian', basename: 'caspian-state-wire' },
  { id: 'meridian', basename: 'meridian-wire' },
  { id: 'northern', basename: 'northern-review' },
  { id: 'ararat', basename: 'ararat-mirror' }
]

const BYLINE_RE = /^[\s\u00a0]*By\b/

/** Derive the gold body text from the raw file text (see the module comment for the rule). */
export function goldBody(fileText: string): string {
  const lines = fileText.split(/\r\n|\n|\r/).map((l) => l.replace(/[\s\u00a0]+$/u, ''))
  const headline = lines[0] ?? ''
  const byline = lines.findIndex((l, i) => i > 0 && BYLINE_RE.test(l))
  if (byline < 0) throw new Error('goldBody: no byline line ("By …") found')
  const lead: string[] = []
  for (const l of lines.slice(1, byline)) {
    if (l.trim() === '' || l === headline || lead.includes(l)) continue
    lead.push(l)
  }
  // A non-blank line directly under the byline is the dateline.
  const bodyStart = (lines[byline + 1] ?? '').trim() !== '' ? byline + 2 : byline + 1
  const rest = lines.slice(bodyStart).filter((l) => l.trim() !== '')
  const paragraphs = [...lead, ...rest]
  if (paragraphs.length === 0) throw new Error('goldBody: empty body')
  return paragraphs.join('\n\n')
}

export interface LoadedSample extends SampleArticle {
  readonly outlet: string
  readonly fileText: string
  readonly text: string
}

/** Read every sample article (file + sidecar) from `dir` and derive its gold body. */
export function loadSamples(dir: string): LoadedSample[] {
  return SAMPLE_ARTICLES.map((a) => {
    const fileText = readFileSync(join(dir, `${a.basename}.txt`), 'utf8')
    const meta = JSON.parse(readFileSync(join(dir, `${a.basename}.meta.json`), 'utf8')) as { outlet?: unknown }
    if (typeof meta.outlet !== 'string') throw new Error(`${a.basename}.meta.json: outlet missing`)
    return { ...a, outlet: meta.outlet, fileText, text: goldBody(fileText) }
  })
}

/** Offsets of every occurrence of `needle` in `haystack` (overlapping occurrences included). */
export function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = []
  if (needle === '') return out
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i)
  return out
}
