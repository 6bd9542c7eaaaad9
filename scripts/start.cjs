#!/usr/bin/env node
// `npm start`: make sure the Electron runtime is there (fetch it once if the install skipped it),
// build with electron-vite, then launch Parallax. Where the runtime can't be had (no access to its
// download server, as on the build machine), say so in ONE line and point to `npm run web`.
'use strict'
const { spawn, spawnSync } = require('node:child_process')
const { existsSync } = require('node:fs')
const { join, resolve } = require('node:path')

const ROOT = resolve(__dirname, '..')
const INSTALL_TIMEOUT_MS = 5 * 60 * 1000

const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|timed out|socket hang up/i

/** The one line printed when the runtime can't be had; `detail` is why the download failed. */
function missingMessage(detail = '') {
  const why = !detail || NETWORK_ERROR.test(detail) ? 'no access to its download server' : detail.slice(0, 120)
  return (
    `Parallax: the Electron runtime is not installed and could not be downloaded here (${why}). ` +
    'Run "npm run web" to use Parallax in your browser instead.'
  )
}

/** Path of the Electron executable, or null. `require('electron')` THROWS when path.txt is missing. */
function findElectronBinary(root = ROOT) {
  let entry
  try {
    entry = require.resolve('electron', { paths: [root] })
  } catch {
    return null
  }
  delete require.cache[entry]
  try {
    const p = require(entry)
    return typeof p === 'string' && existsSync(p) ? p : null
  } catch {
    return null
  } finally {
    delete require.cache[entry]
  }
}

/** Runs electron's own download script (skipped at `npm ci` by allowScripts). */
function installElectron(root = ROOT, timeoutMs = INSTALL_TIMEOUT_MS) {
  const script = join(root, 'node_modules/electron/install.js')
  if (!existsSync(script)) return { ok: false, detail: 'electron package not installed (run npm ci)' }
  const env = { ...process.env }
  // The user asked to start the app: a skip flag meant for CI must not block the download here.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  const r = spawnSync(process.execPath, [script], { cwd: root, env, timeout: timeoutMs, encoding: 'utf8' })
  if (r.error) return { ok: false, detail: r.error.code === 'ETIMEDOUT' ? 'download timed out' : r.error.message }
  const errLine = `${r.stderr || ''}`.split('\n').find((l) => /Error/.test(l))
  return { ok: r.status === 0, detail: (errLine || `install script exit ${r.status}`).trim() }
}

function buildApp(root = ROOT) {
  const cli = join(root, 'node_modules/electron-vite/bin/electron-vite.js')
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' })
  return r.status === 0
}

function launchElectron(binary, root = ROOT, args = []) {
  return new Promise((done) => {
    const child = spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit' })
    child.on('error', (e) => {
      console.error(`Parallax: could not start Electron (${e.message}).`)
      done(1)
    })
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)))
  })
}

/**
 * The decision logic, with its effects injected so tests can drive every branch.
 * Order: runtime first (cheap to check, and no point building without it), then build, then launch.
 */
async function run(deps) {
  let binary = deps.findBinary()
  if (!binary) {
    // Silent attempt: where it fails, the user sees exactly one line (below).
    const r = deps.install()
    binary = r.ok ? deps.findBinary() : null
    if (!binary) {
      deps.error(missingMessage(r.ok ? 'the download did not produce a runnable binary' : r.detail))
      return 1
    }
  }
  if (!deps.build()) {
    deps.error('Parallax: the build failed (see the errors above).')
    return 1
  }
  if (process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && !deps.args.includes('--no-sandbox')) {
    deps.info('Parallax: running as root; if Electron refuses to start, run "npm start -- --no-sandbox".')
  }
  return deps.launch(binary, deps.args)
}

module.exports = { run, findElectronBinary, installElectron, missingMessage }

if (require.main === module) {
  run({
    findBinary: () => findElectronBinary(ROOT),
    install: () => installElectron(ROOT),
    build: () => buildApp(ROOT),
    launch: (bin, args) => launchElectron(bin, ROOT, args),
    info: (m) => console.error(m),
    error: (m) => console.error(m),
    args: process.argv.slice(2)
  }).then((code) => process.exit(code))
}
