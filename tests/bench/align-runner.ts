/**
 * Process entry for the align bench (bundled by align.bench.ts with esbuild and run with plain
 * node, so the measured wall time is a real process: start-up, module load, reading files,
 * the whole pipeline). Prints one JSON line: stage timings (ms), peak RSS (MB), counts.
 *
 *   node align-runner.cjs DIR        every DIR/*.txt in name order, the first is the base
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Article } from '../../shared/model'
import { analyze, type StageName, type StageTimings } from '../../shared/pipeline/analyze'

const dir = process.argv[2]
if (!dir) throw new Error('usage: align-runner DIR')
const t0 = performance.now()
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
const articles: Article[] = files.map((f) => {
  const text = readFileSync(join(dir, f), 'utf8')
  return {
    id: f.replace(/\.txt$/, ''),
    meta: { title: '', outlet: f, author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: true, note: 'bench' },
    text,
    hash: '',
    source: { format: 'txt', fileName: f, encoding: 'UTF-8', byteLength: text.length },
    warnings: []
  }
})
const tRead = performance.now() - t0
const timings: Partial<StageTimings> = {}
// CPU seconds (user + system, all threads: V8 compiles and collects garbage on helper threads)
// per stage, taken at each stage end: under load from other processes, wall-clock stage times
// of separate runs differ by 2x while these stay within a few percent.
const cpuNow = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
const stageCpu: Partial<Record<StageName, number>> = {}
let cpuMark = cpuNow()
const t1 = performance.now()
const analysis = analyze({
  articles,
  onProgress: (stage) => {
    const c = cpuNow()
    stageCpu[stage] = c - cpuMark
    cpuMark = c
  }
}, timings)
const tAnalyze = performance.now() - t1
const words = analysis.segmentations.reduce((s, g) => s + g.tokens.filter((t) => t.kind !== 'punct').length, 0)
process.stdout.write(
  JSON.stringify({
    read: tRead,
    analyze: tAnalyze,
    timings,
    stageCpu,
    rssMB: process.resourceUsage().maxRSS / 1024,
    // CPU seconds of the whole process (user + system): less sensitive than wall time to other
    // processes competing for the 2 cores.
    cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    articles: articles.length,
    words,
    sentences: analysis.segmentations.reduce((s, g) => s + g.sentences.length, 0),
    links: analysis.alignment.links.length,
    diffScope: analysis.diffScope,
    alignScope: analysis.alignScope,
    changes: analysis.diffs.reduce((s, d) => s + d.changes.length, 0),
    timedOut: analysis.diffs.filter((d) => d.timedOut).length
  }) + '\n'
)
