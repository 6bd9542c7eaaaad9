/**
 * Runs the BUILT CLI (bin/parallax.cjs → out/cli/parallax.cjs) as a child process, the way a
 * user does. `ensureBuilt()` rebuilds the bundle when it is missing or older than any source
 * it is made from; a lock directory keeps parallel test files from building at once.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'

export const ROOT = resolve(import.meta.dirname, '../..')
export const BUNDLE = join(ROOT, 'out/cli/parallax.cjs')
export const BIN = join(ROOT, 'bin/parallax.cjs')
export const SAMPLES = join(ROOT, 'samples/baku-tel-aviv')
export const SEED = join(SAMPLES, 'baku-tel-aviv-ties.txt')
export const GOLD = join(SAMPLES, 'gold')

/** Sample article files, seed first. */
export function sampleArticles(): string[] {
  const others = readdirSync(SAMPLES).filter((n) => n.endsWith('.txt') && n !== 'baku-tel-aviv-ties.txt').sort()
  return [SEED, ...others.map((n) => join(SAMPLES, n))]
}

function newestSource(dir: string, newest = 0): number {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue
    const p = join(dir, e.name)
    if (e.isDirectory()) newest = newestSource(p, newest)
    else newest = Math.max(newest, statSync(p).mtimeMs)
  }
  return newest
}

function isStale(): boolean {
  if (!existsSync(BUNDLE)) return true
  const built = statSync(BUNDLE).mtimeMs
  const inputs = Math.max(
    newestSource(join(ROOT, 'cli')),
    newestSource(join(ROOT, 'shared')),
    statSync(join(ROOT, 'vite.cli.config.mts')).mtimeMs,
    statSync(join(ROOT, 'package.json')).mtimeMs
  )
  return inputs > built
}

/**
 * Build into a temp folder and move the result in without ever emptying out/cli: other test
 * files (and other engineers' runs) may be running the CLI meanwhile, and `vite build` into
 * out/cli deletes it first, so a process started during a rebuild found no bundle and a
 * running one could not load its next chunk. Chunks have content-hashed names, so the new ones
 * are copied in beside the old, and the entry file is swapped last by an atomic rename; a
 * process that started on the old entry still finds its old chunks. Chunks no entry has used
 * for 10 minutes are removed.
 */
function buildBeside(): void {
  const out = join(ROOT, 'out/cli')
  const tmp = join(ROOT, `out/.cli-build-${process.pid}`)
  rmSync(tmp, { recursive: true, force: true })
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.cli.config.mts', '--logLevel', 'error', '--outDir', tmp], {
      cwd: ROOT,
      stdio: 'pipe'
    })
    mkdirSync(join(out, 'assets'), { recursive: true })
    const fresh = new Set(readdirSync(join(tmp, 'assets')))
    // Same name = same content (hashed), and rewriting a chunk in place could be read half-written.
    for (const name of fresh) if (!existsSync(join(out, 'assets', name))) copyFileSync(join(tmp, 'assets', name), join(out, 'assets', name))
    copyFileSync(join(tmp, 'parallax.cjs'), join(out, 'parallax.cjs.next'))
    renameSync(join(out, 'parallax.cjs.next'), BUNDLE)
    const stale = Date.now() - 10 * 60_000
    for (const name of readdirSync(join(out, 'assets'))) {
      const p = join(out, 'assets', name)
      if (!fresh.has(name) && statSync(p).mtimeMs < stale) rmSync(p, { force: true })
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

export function ensureBuilt(): void {
  const lock = join(ROOT, 'out/.cli-build.lock')
  mkdirSync(join(ROOT, 'out'), { recursive: true })
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // Another test file is building; wait for it (a stale lock older than 2 min is broken).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true })
      if (tries > 1200) throw new Error('timed out waiting for the CLI build lock')
      execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 100)'])
    }
  }
  try {
    if (isStale()) buildBeside()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** stderr split into non-empty lines. */
  readonly errLines: string[]
}

/** Run `parallax ARGS…` from `cwd` (default: the repository root). Progress is off unless asked. */
export function parallax(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, PARALLAX_PROGRESS: 'never', PARALLAX_DEBUG: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter((l) => l.trim() !== '') }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parallax-cli-test-'))
}

/** The one-line error contract: exit 1, exactly one stderr line, prefixed, no stack trace. */
export function expectOneLineError(r: Run, pattern: RegExp): void {
  expect(r.errLines, r.stderr).toHaveLength(1)
  expect(r.errLines[0]).toMatch(/^parallax: /)
  expect(r.errLines[0]).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.code).toBe(1)
}

/** The usage-error contract: exit 2, "parallax: …" then a usage line, nothing on stdout. */
export function expectUsageError(r: Run, pattern: RegExp): void {
  expect(r.errLines[0]).toMatch(/^parallax: /)
  expect(r.errLines[0]).toMatch(pattern)
  expect(r.errLines[1]).toMatch(/^Usage: parallax /)
  expect(r.errLines).toHaveLength(2)
  expect(r.stdout).toBe('')
  expect(r.code).toBe(2)
}
