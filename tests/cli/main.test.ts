// The command line as a whole: help, version, usage errors (exit 2) and the launcher.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, beforeAll, vi } from 'vitest'
import { ENGINE_VERSION } from '../../shared/version'
import { commandHelp, MAIN_HELP } from '../../cli/usage'
import { BIN, ensureBuilt, expectUsageError, parallax, ROOT, tempDir } from './helpers'

// Each case starts Node processes on a shared, busy machine: time limits are generous.
vi.setConfig({ testTimeout: 120_000 })

beforeAll(() => ensureBuilt(), 180_000)

describe('help and docs point only at files in this repository', () => {
  it.each(['', 'ingest', 'compare', 'eval', 'export'])('help %j', (command) => {
    const text = command === '' ? MAIN_HELP : commandHelp(command)
    const paths = [...text.matchAll(/\b(?:docs|shared|samples)\/[\w./-]+\.md\b/g)].map((m) => m[0])
    if (command === 'eval') expect(paths).toEqual(['docs/eval.md'])
    if (command === '') expect(paths).toEqual(['docs/exports.md'])
    for (const p of paths) expect(existsSync(join(ROOT, p)), p).toBe(true)
  })

  it('docs/cli.md links only to docs that exist', () => {
    const doc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8')
    const links = [...doc.matchAll(/\]\(([\w.-]+\.md)(?:#[\w-]*)?\)/g)].map((m) => m[1]!)
    expect(links).toContain('eval.md')
    for (const l of links) expect(existsSync(join(ROOT, 'docs', l)), l).toBe(true)
  })
})

describe('parallax (help, version, usage errors)', () => {
  it('prints the version', () => {
    for (const flag of ['--version', '-V']) {
      const r = parallax([flag])
      expect(r).toMatchObject({ code: 0, stdout: `parallax ${ENGINE_VERSION}\n`, stderr: '' })
    }
  })

  it('prints help listing the fixed command contract', () => {
    const r = parallax(['--help'])
    expect(r.code).toBe(0)
    for (const line of [
      'parallax ingest FILE… [--json]',
      'parallax compare FILE… [--base FILE] [--json OUT|-] [--html OUT] [--csv DIR] [--study OUT]',
      'parallax eval spans|pairs|align GOLD [--json]',
      'parallax export STUDY --format html|csv|json|worksheet|pdf --out PATH'
    ]) {
      expect(r.stdout).toContain(line)
    }
    expect(parallax(['help']).stdout).toBe(r.stdout)
  })

  it('prints per-command help (help CMD and CMD --help)', () => {
    const a = parallax(['help', 'compare'])
    const b = parallax(['compare', '--help'])
    expect(a.code).toBe(0)
    expect(a.stdout).toMatch(/^Usage: parallax compare FILE…/)
    expect(a.stdout).toContain('--study OUT')
    expect(b.stdout).toBe(a.stdout)
  })

  it('exits 2 with the help on stderr when no command is given', () => {
    const r = parallax([])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('Usage: parallax <command>')
  })

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['help', 'frobnicate'], /unknown command "frobnicate"/],
    [['--frob'], /unknown option "--frob"/],
    [['compare', 'a.txt', '--frob'], /unknown option "--frob"/],
    [['compare', 'a.txt', '-x'], /unknown option "-x"/],
    [['compare'], /compare needs at least one FILE/],
    [['compare', 'a.txt', '--json'], /option --json needs a value/],
    [['compare', 'a.txt', '--json', '--html', 'x.html'], /option --json needs a value/],
    [['compare', 'a.txt', '--html', 'x', '--html', 'y'], /option --html given twice/],
    [['ingest'], /ingest needs at least one FILE/],
    [['ingest', 'a.txt', '--json=yes'], /option --json takes no value/],
    [['eval'], /eval needs a kind/],
    [['eval', 'tokens', 'g.jsonl'], /unknown eval kind "tokens"/],
    [['eval', 'spans'], /eval spans needs a GOLD file/],
    [['export'], /export needs a STUDY file/],
    [['export', 's.json', '--out', 'x'], /export needs --format/],
    [['export', 's.json', '--format', 'docx', '--out', 'x'], /unknown export format "docx"/],
    [['export', 's.json', '--format', 'json'], /export needs --out PATH/],
    [['export', 'a.json', 'b.json', '--format', 'json', '--out', 'x'], /exactly one STUDY/]
  ])('usage error %j → exit 2', (args, message) => {
    expectUsageError(parallax(args), message)
  })
})

describe('bin/parallax.cjs launcher', () => {
  /** A copy of the real launcher in a temporary package tree, with or without a bundle. */
  function launcherIn(bundle: string | null): string {
    const root = tempDir()
    mkdirSync(join(root, 'bin'))
    copyFileSync(BIN, join(root, 'bin/parallax.cjs'))
    if (bundle !== null) {
      mkdirSync(join(root, 'out/cli'), { recursive: true })
      writeFileSync(join(root, 'out/cli/parallax.cjs'), bundle)
    }
    return join(root, 'bin/parallax.cjs')
  }
  const run = (bin: string, env: Record<string, string> = {}): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env: { ...process.env, PARALLAX_DEBUG: '', ...env } })

  it('says how to build when the bundle is missing', () => {
    const r = run(launcherIn(null))
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('parallax: not built yet; run "npm run build" first\n')
  })

  it('turns a crash while loading the bundle into one line, with the stack only under PARALLAX_DEBUG', () => {
    const bin = launcherIn("throw new Error('broken\\nbuilt-in data')")
    const r = run(bin)
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('parallax: internal error: broken built-in data (a bug; rerun with PARALLAX_DEBUG=1 for the stack trace)\n')
    const d = run(bin, { PARALLAX_DEBUG: '1' })
    expect(String(d.stderr)).toMatch(/\n\s+at /)
  })
})
