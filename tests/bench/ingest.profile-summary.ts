/**
 * Summarise a V8 .cpuprofile: self time per function (top N) and inclusive time per source file.
 * Run: `npx tsx tests/bench/ingest.profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const [file, topArg] = process.argv.slice(2)
if (!file) throw new Error('usage: ingest.profile-summary.ts <file.cpuprofile> [top]')
const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const self = new Map<number, number>()
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)
const fnSelf = new Map<string, number>()
for (const [id, us] of self) {
  const f = byId.get(id)!.callFrame
  const short = f.url.replace(/^.*\/(node_modules\/[^/]+|shared|cli|tests)\//, '$1/')
  const key = `${f.functionName || "(anon)"}  ${short}:${f.lineNumber + 1}:${f.columnNumber + 1}`
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + us)
}
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`)
for (const [k, us] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
}
