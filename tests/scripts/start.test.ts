/**
 * `npm start` (scripts/start.cjs): every branch of the decision logic with injected effects, the
 * binary lookup and the download attempt against fake electron packages, and — for real, on this
 * machine without the Electron binary — the one-line message and exit code 1.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)

interface InstallResult {
  ok: boolean
  detail: string
}
interface Deps {
  findBinary: () => string | null
  install: () => InstallResult
  build: () => boolean
  launch: (bin: string, args: string[]) => Promise<number>
  info: (m: string) => void
  error: (m: string) => void
  args: string[]
}
const start = require(join(ROOT, 'scripts/start.cjs')) as {
  run: (d: Deps) => Promise<number>
  findElectronBinary: (root: string) => string | null
  installElectron: (root: string, timeoutMs?: number) => InstallResult
  missingMessage: (detail?: string) => string
}

const tmp = mkdtempSync(join(tmpdir(), 'parallax-start-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Fakes that record the order of effects. */
function deps(opts: { binary: (string | null)[]; install?: InstallResult; build?: boolean; exit?: number }): { d: Deps; log: string[]; errors: string[] } {
  const log: string[] = []
  const errors: string[] = []
  const answers = [...opts.binary]
  const d: Deps = {
    findBinary: () => {
      log.push('find')
      return answers.length > 1 ? answers.shift()! : answers[0]!
    },
    install: () => {
      log.push('install')
      return opts.install ?? { ok: false, detail: 'RequestError: getaddrinfo ENOTFOUND github.com' }
    },
    build: () => {
      log.push('build')
      return opts.build ?? true
    },
    launch: async (bin, args) => {
      log.push(`launch ${bin} ${args.join(' ')}`.trim())
      return opts.exit ?? 0
    },
    info: () => undefined,
    error: (m) => errors.push(m),
    args: []
  }
  return { d, log, errors }
}

describe('start.cjs decision logic', () => {
  it('binary present: builds and launches, no download', async () => {
    const { d, log, errors } = deps({ binary: ['/e/electron'], exit: 0 })
    expect(await start.run(d)).toBe(0)
    expect(log).toEqual(['find', 'build', 'launch /e/electron'])
    expect(errors).toEqual([])
  })

  it('binary missing, download works: installs, re-checks, builds, launches and forwards the exit code', async () => {
    const { d, log } = deps({ binary: [null, '/e/electron'], install: { ok: true, detail: '' }, exit: 3 })
    expect(await start.run(d)).toBe(3)
    expect(log).toEqual(['find', 'install', 'find', 'build', 'launch /e/electron'])
  })

  it('binary missing, download blocked: one line pointing to npm run web, exit 1, no build', async () => {
    const { d, log, errors } = deps({ binary: [null] })
    expect(await start.run(d)).toBe(1)
    expect(log).toEqual(['find', 'install'])
    expect(errors).toEqual([start.missingMessage('ENOTFOUND')])
    expect(errors[0]).toContain('no access to its download server')
    expect(errors[0]).toContain('npm run web')
    expect(errors[0]).not.toContain('\n')
  })

  it('download "succeeds" but leaves no runnable binary: same one line, exit 1', async () => {
    const { d, errors } = deps({ binary: [null, null], install: { ok: true, detail: '' } })
    expect(await start.run(d)).toBe(1)
    expect(errors.length).toBe(1)
    expect(errors[0]).toContain('npm run web')
  })

  it('build fails: exit 1 without launching', async () => {
    const { d, log } = deps({ binary: ['/e/electron'], build: false })
    expect(await start.run(d)).toBe(1)
    expect(log).toEqual(['find', 'build'])
  })

  it('names a non-network failure instead of blaming the network', () => {
    expect(start.missingMessage('EACCES: permission denied')).toContain('(EACCES: permission denied)')
    expect(start.missingMessage('download timed out')).toContain('no access to its download server')
  })
})

/** A fake project root with a copy of the real electron/index.js, optionally "installed". */
function fakeElectronRoot(name: string, installed: boolean, installScript?: string): string {
  const root = join(tmp, name)
  const pkg = join(root, 'node_modules/electron')
  mkdirSync(pkg, { recursive: true })
  copyFileSync(join(ROOT, 'node_modules/electron/index.js'), join(pkg, 'index.js'))
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1', main: 'index.js' }))
  if (installed) {
    mkdirSync(join(pkg, 'dist'), { recursive: true })
    writeFileSync(join(pkg, 'dist/electron'), '#!/bin/sh\n')
    chmodSync(join(pkg, 'dist/electron'), 0o755)
    writeFileSync(join(pkg, 'path.txt'), 'electron')
  }
  if (installScript) writeFileSync(join(pkg, 'install.js'), installScript)
  return root
}

describe('findElectronBinary', () => {
  it('returns the executable of an installed electron package', () => {
    const root = fakeElectronRoot('installed', true)
    expect(start.findElectronBinary(root)).toBe(join(root, 'node_modules/electron/dist/electron'))
  })

  it('returns null when require("electron") throws (no path.txt, as after a skipped download)', () => {
    expect(start.findElectronBinary(fakeElectronRoot('skipped', false))).toBeNull()
  })

  it('returns null when path.txt points at a missing file', () => {
    const root = fakeElectronRoot('dangling', false)
    writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron')
    expect(start.findElectronBinary(root)).toBeNull()
  })

  it('returns null when the electron package is absent', () => {
    mkdirSync(join(tmp, 'empty'), { recursive: true })
    expect(start.findElectronBinary(join(tmp, 'empty'))).toBeNull()
  })
})

describe('installElectron', () => {
  it('reports the download error line', () => {
    const root = fakeElectronRoot('offline', false, "console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at x'); process.exit(1)")
    expect(start.installElectron(root)).toEqual({ ok: false, detail: 'RequestError: getaddrinfo ENOTFOUND github.com' })
  })

  it('runs the download even when ELECTRON_SKIP_BINARY_DOWNLOAD is set (it is meant for CI installs)', () => {
    const root = fakeElectronRoot('skipflag', false, 'process.exit(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ? 9 : 0)')
    process.env['ELECTRON_SKIP_BINARY_DOWNLOAD'] = '1'
    try {
      expect(start.installElectron(root).ok).toBe(true)
    } finally {
      delete process.env['ELECTRON_SKIP_BINARY_DOWNLOAD']
    }
  })

  it('gives up after the timeout', () => {
    const root = fakeElectronRoot('hang', false, 'setInterval(() => {}, 1000)')
    expect(start.installElectron(root, 300)).toEqual({ ok: false, detail: 'download timed out' })
  })
})

describe('npm start on this machine (real run)', () => {
  const present = start.findElectronBinary(ROOT) !== null
  it.skipIf(present)('prints exactly one line pointing to npm run web and exits 1 when the binary is absent', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/start.cjs')], { cwd: ROOT, encoding: 'utf8', timeout: 360_000 })
    expect(r.status).toBe(1)
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Parallax: the Electron runtime is not installed and could not be downloaded here \(.+\)\. Run "npm run web"/)
    expect(r.stdout.trim()).toBe('')
  }, 400_000)
})
