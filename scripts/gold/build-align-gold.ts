/**
 * Build samples/baku-tel-aviv/gold/baku-tel-aviv.align.json from the hand-judged source
 * gold/align.source.json.
 *
 * The judgement lives in the source file as text excerpts; this script only computes offsets.
 * Invariants it enforces (and fails loudly on): every excerpt occurs exactly once in its
 * article's gold body, every article id is known, and no link is listed twice.
 *
 * Usage: npx tsx scripts/gold/build-align-gold.ts [--check]
 *   --check  compare with the committed gold file instead of writing it (exit 1 if stale).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadSamples, occurrences, type LoadedSample } from './goldText'

export interface AlignSource {
  readonly about?: string
  readonly pairs: readonly {
    readonly a: string
    readonly b: string
    readonly links: readonly { readonly a: string; readonly b: string; readonly note?: string }[]
  }[]
}

export interface AlignGold {
  readonly articles: readonly { readonly id: string; readonly outlet: string; readonly text: string }[]
  readonly links: readonly {
    readonly a: { readonly article: string; readonly start: number; readonly end: number }
    readonly b: { readonly article: string; readonly start: number; readonly end: number }
  }[]
}

const REPO = resolve(import.meta.dirname, '../..')
export const SAMPLE_DIR = join(REPO, 'samples/baku-tel-aviv')
export const ALIGN_SOURCE = join(SAMPLE_DIR, 'gold/align.source.json')
export const ALIGN_GOLD = join(SAMPLE_DIR, 'gold/baku-tel-aviv.align.json')

/** Locate `excerpt` in the article; it must occur exactly once. */
export function locate(article: LoadedSample, excerpt: string): { start: number; end: number } {
  const at = occurrences(article.text, excerpt)
  if (at.length !== 1) {
    throw new Error(`excerpt found ${at.length} times in "${article.id}" (must be exactly once): ${JSON.stringify(excerpt)}`)
  }
  return { start: at[0]!, end: at[0]! + excerpt.length }
}

/** Turn the source (excerpts) into the gold (offsets). Pure apart from reading the samples. */
export function buildAlignGold(source: AlignSource, samples: readonly LoadedSample[]): AlignGold {
  const byId = new Map(samples.map((s) => [s.id, s]))
  const seen = new Set<string>()
  const links: AlignGold['links'][number][] = []
  for (const pair of source.pairs) {
    const A = byId.get(pair.a)
    const B = byId.get(pair.b)
    if (!A || !B) throw new Error(`unknown article id in pair ${pair.a}–${pair.b}`)
    if (A.id === B.id) throw new Error(`pair links an article to itself: ${A.id}`)
    for (const l of pair.links) {
      const a = { article: A.id, ...locate(A, l.a) }
      const b = { article: B.id, ...locate(B, l.b) }
      const key = [`${a.article}:${a.start}-${a.end}`, `${b.article}:${b.start}-${b.end}`].sort().join('~')
      if (seen.has(key)) throw new Error(`duplicate link ${key}`)
      seen.add(key)
      links.push({ a, b })
    }
  }
  return { articles: samples.map((s) => ({ id: s.id, outlet: s.outlet, text: s.text })), links }
}

function main(): void {
  const source = JSON.parse(readFileSync(ALIGN_SOURCE, 'utf8')) as AlignSource
  const gold = buildAlignGold(source, loadSamples(SAMPLE_DIR))
  const out = JSON.stringify(gold, null, 1) + '\n'
  if (process.argv.includes('--check')) {
    if (readFileSync(ALIGN_GOLD, 'utf8') !== out) {
      console.error('gold align file is stale: run npx tsx scripts/gold/build-align-gold.ts')
      process.exit(1)
    }
    console.log('gold align file is up to date')
    return
  }
  writeFileSync(ALIGN_GOLD, out)
  const counts = new Map<string, number>()
  for (const l of gold.links) {
    const k = `${l.a.article}–${l.b.article}`
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  console.log(`wrote ${ALIGN_GOLD}: ${gold.links.length} links`)
  for (const [k, n] of counts) console.log(`  ${k}: ${n}`)
}

// Run only as a script, not when imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
