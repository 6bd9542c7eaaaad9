/**
 * Alignment development report (`npx tsx tests/bench/align.dev.ts [--errors] [GOLD...]`).
 *
 * Scores `align()` (default threshold, built-in naming) on alignment gold files with the same
 * metric as `parallax eval align`: by default the samples' own gold and the project's dev sets
 * from other stories (tests/fixtures/dev/align/*.align.json: the Suez Canal blockage and the
 * Crimean Bridge explosion, built by `node tests/fixtures/dev/align/build.mjs`). `--errors`
 * lists missed gold links (with the best content score between their sentences and the features
 * they share) and predicted links that match no gold link, with their scores and evidence, for
 * error analysis; `--threshold=X` scores
 * another link threshold (to see the precision/recall trade-off, not to fit it). Neither set is an
 * independent benchmark: both were written by the project and the dev set is tuned against.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { evalAlign, goldArticles, linkMatches, parseAlignGold } from '../../shared/eval/align'
import { align, DEFAULT_LINK_THRESHOLD, sentencePairScorer } from '../../shared/pipeline/03-align/align'
import { segment } from '../../shared/pipeline/02-segment/segment'
import { builtinNaming } from '../../shared/resources/naming'

const ROOT = resolve(import.meta.dirname, '../..')
const args = process.argv.slice(2)
const showErrors = args.includes('--errors')
const tArg = args.find((a) => a.startsWith('--threshold='))
const threshold = tArg ? Number(tArg.slice(12)) : DEFAULT_LINK_THRESHOLD
let files = args.filter((a) => !a.startsWith('--'))
if (files.length === 0) {
  const devDir = join(ROOT, 'tests/fixtures/dev/align')
  files = [join(ROOT, 'samples/baku-tel-aviv/gold/baku-tel-aviv.align.json')]
  if (existsSync(devDir)) for (const f of readdirSync(devDir).sort()) if (f.endsWith('.align.json')) files.push(join(devDir, f))
}

const naming = builtinNaming()
for (const file of files) {
  const gold = parseAlignGold(JSON.parse(readFileSync(file, 'utf8')))
  const articles = goldArticles(gold)
  const segs = articles.map((a) => segment(a))
  const alignment = align({ articles, segmentations: segs, base: articles[0]!.id, naming, corrections: [], threshold })
  const m = evalAlign(gold, alignment.links)
  console.log(`${file.replace(ROOT + '/', '')}: precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  (${m.links} links, ${m.goldLinks} gold)`)
  if (!showErrors) continue
  const textOf = new Map(articles.map((a) => [a.id, a.text]))
  const clip = (id: string, s: number, e: number): string => {
    const t = textOf.get(id)!.slice(s, e).replace(/\s+/g, ' ')
    return t.length > 110 ? t.slice(0, 107) + '…' : t
  }
  const pairs = new Set(gold.links.map((g) => [g.a.article, g.b.article].sort().join('|')))
  // For a miss: the best content score between a sentence of each gold span (corpus weights)
  // and the features it shares, to tell near misses from pairs with no shared evidence.
  const scorer = sentencePairScorer({ articles, segmentations: segs, base: articles[0]!.id, naming, corrections: [], threshold })
  const segOf = new Map(articles.map((a, i) => [a.id, segs[i]!]))
  const sentencesIn = (id: string, s: number, e: number): number[] =>
    segOf.get(id)!.sentences.flatMap((x, i) => (x.start < e && x.end > s ? [i] : []))
  for (const g of gold.links) {
    if (alignment.links.some((l) => linkMatches(l, g))) continue
    let best = { score: 0, shared: [] as string[] }
    for (const i of sentencesIn(g.a.article, g.a.start, g.a.end)) {
      for (const j of sentencesIn(g.b.article, g.b.start, g.b.end)) {
        const r = scorer(g.a.article, i, g.b.article, j)
        if (r.score >= best.score) best = r
      }
    }
    console.log(`  MISS ${g.a.article}~${g.b.article} ${best.score} [${best.shared.join(', ')}]\n     a: ${clip(g.a.article, g.a.start, g.a.end)}\n     b: ${clip(g.b.article, g.b.start, g.b.end)}`)
  }
  for (const l of alignment.links) {
    if (!pairs.has([l.a.article, l.b.article].sort().join('|'))) continue
    if (gold.links.some((g) => linkMatches(l, g))) continue
    const ev = l.evidence.slice(0, 5).map((e) => (e.a === e.b ? e.a : `${e.a}/${e.b}`)).join(', ')
    console.log(`  FALSE ${l.a.article}~${l.b.article} ${l.score} [${ev}]\n     a: ${clip(l.a.article, l.a.start, l.a.end)}\n     b: ${clip(l.b.article, l.b.start, l.b.end)}`)
  }
}
