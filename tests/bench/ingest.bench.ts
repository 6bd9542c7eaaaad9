/**
 * Ingestion throughput (issue 3 targets on the 2-core VM: text ≥ 50 MB/s, HTML ≥ 5 MB/s,
 * PDF ≥ 5 pages/s). Run: `npx tsx tests/bench/ingest.bench.ts` (or `npm run bench -- ingest`).
 * Each case: one warm-up, then the median of several runs; peak RSS is the process maximum
 * (getrusage) after the case, so it only grows down the table. Both wall-clock and CPU time
 * (user+system of this process) are reported: the VM is shared, and under contention wall time
 * measures the neighbours as much as the code. Throughput and the verdict use wall time.
 */
import { performance } from 'node:perf_hooks'
import { ingest } from '../../shared/pipeline/01-ingest/ingest'
import { nodeIngestDeps } from '../../cli/platform/ingestNode'
import { articlePdf, HTML_ARTICLE, megabyteSentence } from '../fixtures/generate'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const MB = 1024 * 1024
const enc = new TextEncoder()

function oneMegabyteText(): Uint8Array {
  const seed = readFileSync(resolve(__dirname, '../../samples/baku-tel-aviv/baku-tel-aviv-ties.txt'), 'utf8')
  let s = ''
  for (let i = 0; s.length < MB; i++) s += seed.replace(/Baku/g, `Baku${i}`) + '\n\n'
  return enc.encode(s)
}

function oneMegabyteHtml(): Uint8Array {
  const para = '<p>Azerbaijan opened its embassy in Tel Aviv on Wednesday, the first Shia-majority country to do so, in a ceremony attended by <a href="/x">both foreign ministers</a> and <em>dozens</em> of guests.</p>\n'
  const [head, tail] = HTML_ARTICLE.split('<p>Advertisement</p>') as [string, string]
  let body = ''
  for (let i = 0; head.length + body.length + tail.length < MB; i++) body += para.replace('Wednesday', `day ${i}`)
  return enc.encode(head + body + tail)
}

interface Case { readonly name: string; readonly file: string; readonly bytes: Uint8Array; readonly runs: number; readonly unit: 'MB/s' | 'pages/s'; readonly amount: number; readonly target: number }

async function main(): Promise<void> {
  const cases: Case[] = [
    { name: '1 MB text (seed x ~210)', file: 'text.txt', bytes: oneMegabyteText(), runs: 9, unit: 'MB/s', amount: 0, target: 50 },
    { name: '1 MB one run-on sentence', file: 'sentence.txt', bytes: megabyteSentence(), runs: 9, unit: 'MB/s', amount: 0, target: 50 },
    { name: '1 MB HTML page', file: 'page.html', bytes: oneMegabyteHtml(), runs: 7, unit: 'MB/s', amount: 0, target: 5 },
    { name: '50-page PDF', file: 'report.pdf', bytes: articlePdf(50), runs: 5, unit: 'pages/s', amount: 50, target: 5 }
  ]
  const rows: string[][] = [['case', 'input', 'wall ms', 'cpu ms', 'throughput (wall)', 'throughput (cpu)', 'target', 'peak RSS MB', 'ok']]
  for (const c of cases) {
    const times: number[] = []
    const cpus: number[] = []
    for (let i = 0; i <= c.runs; i++) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      const r = await ingest({ name: c.file, bytes: c.bytes }, nodeIngestDeps)
      const cpu = process.cpuUsage(c0)
      const dt = performance.now() - t0
      if (!r.ok) throw new Error(`${c.name}: ${r.error.message}`)
      if (i > 0) { times.push(dt); cpus.push((cpu.user + cpu.system) / 1000) } // run 0 warms up JIT, loads pdfjs
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const wall = median(times)
    const cpu = median(cpus)
    const amount = c.unit === 'MB/s' ? c.bytes.length / MB : c.amount
    const rate = amount / (wall / 1000)
    const rss = process.resourceUsage().maxRSS / 1024
    rows.push([c.name, c.unit === 'MB/s' ? `${(c.bytes.length / MB).toFixed(2)} MB` : `${c.amount} pages, ${(c.bytes.length / 1024).toFixed(0)} KB`, wall.toFixed(1), cpu.toFixed(1), `${rate.toFixed(1)} ${c.unit}`, `${(amount / (cpu / 1000)).toFixed(1)} ${c.unit}`, `≥ ${c.target}`, rss.toFixed(0), rate >= c.target ? 'yes' : 'NO'])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '))
  const load = (await import('node:os')).loadavg()[0]!
  console.log(`load average (1 min) during the run: ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`)
}

void main()
