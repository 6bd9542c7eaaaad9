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
require(bundle)
