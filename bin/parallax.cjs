#!/usr/bin/env node
// Launcher for the `parallax` command: runs the CLI bundle built by `npm run build`
// (vite.cli.config.mts → out/cli/parallax.cjs). Kept tiny and dependency-free so that it works
// from `npx parallax`, `npm exec parallax` and `node bin/parallax.cjs` alike.
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const bundle = join(__dirname, '..', 'out', 'cli', 'parallax.cjs')
if (!existsSync(bundle)) {
  process.stderr.write('parallax: not built yet; run "npm run build" first\n')
  process.exit(1)
}
try {
  require(bundle)
} catch (e) {
  // Loading the bundle runs module initialisers (e.g. building the naming and wording data) before the
  // CLI's own error handling exists; keep the one-line contract for those failures too.
  const message = String((e && e.message) || e).replace(/\s*[\r\n]+\s*/g, ' ')
  process.stderr.write(`parallax: internal error: ${message} (a bug; rerun with PARALLAX_DEBUG=1 for the stack trace)\n`)
  if (process.env.PARALLAX_DEBUG && e && e.stack) process.stderr.write(e.stack + '\n')
  process.exit(1)
}
