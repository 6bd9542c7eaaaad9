/**
 * Language stage throughput (run: npx tsx tests/bench/language.bench.ts).
 * Builds a ~100k-word article from the sample articles, then measures
 *  - lexicon matching (lexiconHits over all tokens) in words/s   (target ≥ 500k words/s)
 *  - the whole stage analyzeLanguage (segmentation done before) in words/s (target ≥ 150k words/s)
 *  - peak RSS and heap during the stage.
 * Each measurement reports the best and the median wall time and the median CPU time
 * (process.cpuUsage, user + system) of its runs: on a shared machine wall time moves with other
 * processes' load, CPU time much less, so comparisons between commits use `cpuMs`.
 * `RUNS=n` sets the number of runs (default 5).
 * The article repeats the six samples ~27 times, so the article-level repetition pass fires on
 * every loaded term (1,781 of 5,900 flags at a608dd3): stage figures overstate what repetition
 * costs on a real article, and they move with the flag count, not only with the code.
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

interface Timing {
  readonly best: number
  readonly median: number
  readonly cpuMedian: number
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

function time(runs: number, fn: () => void): Timing {
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return { best: Math.min(...wall), median: median(wall), cpuMedian: median(cpu) }
}
const RUNS = Math.max(1, Number(process.env['RUNS'] ?? 5) || 5)

// Warm-up (JIT, lazy compilation of lexicons and naming).
lexiconHits(seg.tokens, 0, seg.tokens.length, { lexicons: lex, text })
analyzeLanguage({ article, segmentation: seg, naming, codebook: null })

const match = time(RUNS, () => void lexiconHits(seg.tokens, 0, seg.tokens.length, { lexicons: lex, text }))

let peakRss = 0
let peakHeap = 0
const sampler = setInterval(() => {
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
}, 5)
const heapBefore = process.memoryUsage().heapUsed
let flags = 0
const stage = time(RUNS, () => {
  const r = analyzeLanguage({ article, segmentation: seg, naming, codebook: null })
  flags = r.flags.length
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
})
clearInterval(sampler)

/** `wordsPerSec` from the best wall time (as before); `cpuWordsPerSec` from the median CPU time. */
const figures = (t: Timing): Record<string, number> => ({
  ms: +t.best.toFixed(1),
  medianMs: +t.median.toFixed(1),
  cpuMs: +t.cpuMedian.toFixed(1),
  wordsPerSec: Math.round(wordTokens / (t.best / 1000)),
  cpuWordsPerSec: Math.round(wordTokens / (t.cpuMedian / 1000))
})
const mb = (b: number): string => (b / 1024 / 1024).toFixed(1)
console.log(
  JSON.stringify(
    {
      words: wordTokens,
      lexiconEntries: lex.entries.length,
      matching: { ...figures(match), target: 500_000 },
      stage: { ...figures(stage), target: 150_000, flags },
      memory: { peakRssMB: +mb(peakRss), peakHeapMB: +mb(peakHeap), heapBeforeMB: +mb(heapBefore) }
    },
    null,
    2
  )
)
