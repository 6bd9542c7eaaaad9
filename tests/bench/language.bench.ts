/**
 * Language stage throughput (run: npx tsx tests/bench/language.bench.ts).
 * Builds a ~100k-word article from the sample articles, then measures
 *  - lexicon matching (lexiconHits over all tokens) in words/s   (target ≥ 500k words/s)
 *  - the whole stage analyzeLanguage (segmentation done before) in words/s (target ≥ 150k words/s)
 *  - peak RSS and heap during the stage.
 * Timings are reported, never asserted (benchmarks are not tests).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { segment } from '../../shared/pipeline/02-segment/segment'
import { analyzeLanguage } from '../../shared/pipeline/05-language/analyzeLanguage'
import { builtinLexicons, lexiconHits } from '../../shared/resources/lexicons'
import { builtinNaming } from '../../shared/resources/naming'
import type { Article } from '../../shared/model'

const dir = resolve(__dirname, '../../samples/baku-tel-aviv')
const sources = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(resolve(dir, f), 'utf8'))
const TARGET_WORDS = 100_000
const parts: string[] = []
let words = 0
for (let i = 0; words < TARGET_WORDS; i++) {
  const t = sources[i % sources.length]!
  parts.push(t)
  words += t.split(/\s+/).filter(Boolean).length
}
const text = parts.join('\n\n')
const article: Article = {
  id: 'bench',
  meta: { title: '', outlet: '', author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: true, note: '' },
  text,
  hash: '',
  source: { format: 'txt', fileName: 'bench.txt', encoding: 'UTF-8', byteLength: text.length },
  warnings: []
}
const seg = segment(article)
const wordTokens = seg.tokens.filter((t) => t.kind === 'word').length
const lex = builtinLexicons()
const naming = builtinNaming()

function best(runs: number, fn: () => void): number {
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    min = Math.min(min, performance.now() - t0)
  }
  return min
}

// Warm-up (JIT, lazy compilation of lexicons and naming).
lexiconHits(seg.tokens, 0, seg.tokens.length, { lexicons: lex, text })
analyzeLanguage({ article, segmentation: seg, naming, codebook: null })

const matchMs = best(5, () => void lexiconHits(seg.tokens, 0, seg.tokens.length, { lexicons: lex, text }))

let peakRss = 0
let peakHeap = 0
const sampler = setInterval(() => {
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
}, 5)
const heapBefore = process.memoryUsage().heapUsed
let flags = 0
const stageMs = best(5, () => {
  const r = analyzeLanguage({ article, segmentation: seg, naming, codebook: null })
  flags = r.flags.length
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
})
clearInterval(sampler)

const mb = (b: number): string => (b / 1024 / 1024).toFixed(1)
console.log(
  JSON.stringify(
    {
      words: wordTokens,
      lexiconEntries: lex.entries.length,
      matching: { ms: +matchMs.toFixed(1), wordsPerSec: Math.round(wordTokens / (matchMs / 1000)), target: 500_000 },
      stage: { ms: +stageMs.toFixed(1), wordsPerSec: Math.round(wordTokens / (stageMs / 1000)), target: 150_000, flags },
      memory: { peakRssMB: +mb(peakRss), peakHeapMB: +mb(peakHeap), heapBeforeMB: +mb(heapBefore) }
    },
    null,
    2
  )
)
