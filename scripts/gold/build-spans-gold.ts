/**
 * Build samples/baku-tel-aviv/gold/baku-tel-aviv.spans.jsonl from the hand-judged source
 * gold/spans.source.json.
 *
 * One record per sentence of every sample article's gold body (sentences as cut by the
 * project's segmenter, shared/pipeline/02-segment), in article order then sentence order.
 * Sentences listed in the source get their spans and "sentence_label": "biased"; every other
 * sentence is emitted with no spans and "non-biased", so the file measures false positives too.
 *
 * Fails loudly when: a source entry matches no sentence or several; a surface does not occur
 * as a whole word/phrase in its sentence (or its n-th occurrence does not exist); a sentence is
 * listed twice; spans overlap; an article id is unknown.
 *
 * Usage: npx tsx scripts/gold/build-spans-gold.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { segment } from '../../shared/pipeline/02-segment/segment'
import { loadSamples, occurrences, type LoadedSample } from './goldText'

/** [surface, label, inQuote] or [surface, label, inQuote, nth occurrence (1-based)]. */
type SourceSpan = [string, 'loaded' | 'labeling', boolean] | [string, 'loaded' | 'labeling', boolean, number]

export interface SpansSource {
  readonly about?: string
  readonly articles: Readonly<Record<string, readonly { readonly sentence: string; readonly spans: readonly SourceSpan[] }[]>>
}

export interface GoldSpan {
  readonly start: number
  readonly end: number
  readonly label: 'loaded' | 'labeling'
  readonly surface: string
  readonly inQuote: boolean
}

export interface SpanRecord {
  readonly id: string
  readonly text: string
  readonly spans: readonly GoldSpan[]
  readonly sentence_label: 'biased' | 'non-biased'
  /** Extra keys (allowed by the eval format): where the sentence comes from. */
  readonly article: string
  readonly outlet: string
  /** Offset of the sentence in the article's gold body (the `text` of the align gold file). */
  readonly offset: number
}

const REPO = resolve(import.meta.dirname, '../..')
const SAMPLE_DIR = join(REPO, 'samples/baku-tel-aviv')
export const SPANS_SOURCE = join(SAMPLE_DIR, 'gold/spans.source.json')
export const SPANS_GOLD = join(SAMPLE_DIR, 'gold/baku-tel-aviv.spans.jsonl')

const WORD_CHAR = /[\p{L}\p{N}]/u

/** Occurrences of `surface` in `text` that are not glued to a letter or digit on either side. */
function wholeOccurrences(text: string, surface: string): number[] {
  return occurrences(text, surface).filter((i) => {
    const before = text[i - 1]
    const after = text[i + surface.length]
    const edgeStart = !WORD_CHAR.test(surface[0]!) || before === undefined || !WORD_CHAR.test(before)
    const edgeEnd = !WORD_CHAR.test(surface[surface.length - 1]!) || after === undefined || !WORD_CHAR.test(after)
    return edgeStart && edgeEnd
  })
}

function spansFor(sentence: string, where: string, list: readonly SourceSpan[]): GoldSpan[] {
  const spans = list.map(([surface, label, inQuote, nth]): GoldSpan => {
    const at = wholeOccurrences(sentence, surface)
    if (nth === undefined && at.length !== 1) {
      throw new Error(`${where}: surface ${JSON.stringify(surface)} occurs ${at.length} times (give an occurrence number)`)
    }
    const start = at[(nth ?? 1) - 1]
    if (start === undefined) throw new Error(`${where}: occurrence ${nth} of ${JSON.stringify(surface)} not found`)
    return { start, end: start + surface.length, label, surface, inQuote }
  })
  spans.sort((x, y) => x.start - y.start)
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw new Error(`${where}: spans overlap (${spans[i - 1]!.surface} / ${spans[i]!.surface})`)
  }
  return spans
}

/** Turn the source into span records for every sentence of every sample. */
export function buildSpansGold(source: SpansSource, samples: readonly LoadedSample[]): SpanRecord[] {
  for (const id of Object.keys(source.articles)) {
    if (!samples.some((s) => s.id === id)) throw new Error(`unknown article id in spans source: ${id}`)
  }
  const records: SpanRecord[] = []
  for (const article of samples) {
    const { sentences } = segment({ id: article.id, text: article.text })
    const texts = sentences.map((s) => article.text.slice(s.start, s.end))
    const listed = new Map<number, readonly SourceSpan[]>()
    for (const entry of source.articles[article.id] ?? []) {
      const hits = texts.flatMap((t, i) => (t.includes(entry.sentence) ? [i] : []))
      if (hits.length !== 1) {
        throw new Error(`${article.id}: sentence key ${JSON.stringify(entry.sentence)} matches ${hits.length} sentences (must be exactly one)`)
      }
      const i = hits[0]!
      if (listed.has(i)) throw new Error(`${article.id}: sentence ${i} listed twice`)
      listed.set(i, entry.spans)
    }
    sentences.forEach((s, i) => {
      const text = texts[i]!
      const spans = spansFor(text, `${article.id}#${i}`, listed.get(i) ?? [])
      records.push({
        id: `bt-${article.id}-${i}`,
        text,
        spans,
        sentence_label: spans.length > 0 ? 'biased' : 'non-biased',
        article: article.id,
        outlet: article.outlet,
        offset: s.start
      })
    })
  }
  return records
}

function main(): void {
  const source = JSON.parse(readFileSync(SPANS_SOURCE, 'utf8')) as SpansSource
  const records = buildSpansGold(source, loadSamples(SAMPLE_DIR))
  const out = records.map((r) => JSON.stringify(r)).join('\n') + '\n'
  if (process.argv.includes('--check')) {
    if (readFileSync(SPANS_GOLD, 'utf8') !== out) {
      console.error('gold spans file is stale: run npx tsx scripts/gold/build-spans-gold.ts')
      process.exit(1)
    }
    console.log('gold spans file is up to date')
    return
  }
  writeFileSync(SPANS_GOLD, out)
  const biased = records.filter((r) => r.sentence_label === 'biased').length
  const spans = records.reduce((n, r) => n + r.spans.length, 0)
  console.log(`wrote ${SPANS_GOLD}: ${records.length} sentences (${biased} biased), ${spans} spans`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
