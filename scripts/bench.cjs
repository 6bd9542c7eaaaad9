#!/usr/bin/env node
// `npm run bench`: runs every tests/bench/*.bench.ts (or the ones named on the command line,
// e.g. `npm run bench -- align`) one after another with tsx, so timings don't compete.
// Benchmarks print their own tables; they are never part of `npm test`.
'use strict'
const { spawnSync } = require('node:child_process')
const { readdirSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const dir = join(root, 'tests', 'bench')
const wanted = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort()
let failed = 0
for (const f of files) {
  process.stdout.write(`\n### ${f}\n`)
  const r = spawnSync('npx', ['tsx', join(dir, f)], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
