/**
 * scripts/audit-electron.cjs: the report parsers and the verdict on fixture reports, and one real
 * electronegativity run over a deliberately insecure main process (must fail with HIGH findings).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const FIX = join(ROOT, 'tests/electron/fixtures/electronegativity')

interface Finding {
  issue: string
  severity: string
  confidence: string
  filename: string
  location: string
  sample: string
  line: number
  reviewRequired?: boolean
}
const audit = createRequire(import.meta.url)(join(ROOT, 'scripts/audit-electron.cjs')) as {
  parseCsv: (t: string) => string[][]
  parseReport: (t: string) => Finding[]
  parseSarif: (t: string) => { ruleId: string; file: string; line: number; reviewRequired: boolean }[]
  mergeReports: (f: Finding[], s: ReturnType<typeof audit.parseSarif>) => Finding[]
  evaluate: (f: Finding[], accept?: Set<string>) => { summary: string; exitCode: number; failing: Finding[]; accepted: Finding[] }
}

const csv = readFileSync(join(FIX, 'report.csv'), 'utf8')
const sarif = readFileSync(join(FIX, 'report.sarif'), 'utf8')

describe('report parsing', () => {
  it('parses quoted fields, doubled quotes, commas inside quotes and N/A', () => {
    const f = audit.parseReport(csv)
    expect(f.map((x) => [x.issue, x.severity, x.filename, x.line])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', 5],
      ['PRELOAD_JS_CHECK', 'MEDIUM', 'electron/main/index.ts', 76],
      ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'HIGH', 'N/A', 0],
      ['NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL', 'electron/main/other.ts', 3]
    ])
    expect(f[1]!.sample).toBe("preload: join(__dirname, '../preload/index.js'),")
    expect(f[2]!.sample).toBe('')
    expect(f[3]!.sample).toBe('const s = "quoted, with comma"')
  })

  it('refuses malformed reports instead of reading them as clean', () => {
    expect(() => audit.parseReport('')).toThrow(/header/)
    expect(() => audit.parseReport('PRELOAD_JS_CHECK,"MEDIUM"\n')).toThrow(/header/)
    expect(() => audit.parseReport(csv.replace('"MEDIUM"', '"SEVERE"'))).toThrow(/severity/)
    expect(() => audit.parseReport(csv.replace(',"Review the use of preload scripts"', ''))).toThrow(/fields/)
  })

  it('accepts a header-only report as zero findings', () => {
    expect(audit.parseReport(csv.split('\n')[0] + '\n')).toEqual([])
  })

  it('joins the SARIF "review required" flag and detects disagreeing reports', () => {
    const merged = audit.mergeReports(audit.parseReport(csv), audit.parseSarif(sarif))
    expect(merged.map((f) => f.reviewRequired)).toEqual([true, true, false, false])
    const lostRow = csv.split('\n').filter((l) => !l.startsWith('PRELOAD')).join('\n')
    expect(() => audit.mergeReports(audit.parseReport(lostRow), audit.parseSarif(sarif))).toThrow(/disagree/)
  })
})

describe('verdict', () => {
  const merged = (): Finding[] => audit.mergeReports(audit.parseReport(csv), audit.parseSarif(sarif))

  it('fails on HIGH and MEDIUM and prints the summary line', () => {
    const v = audit.evaluate(merged())
    expect(v.summary).toBe('electronegativity: 4 findings (1 high, 1 medium, 2 low)')
    expect(v.exitCode).toBe(1)
    expect(v.failing.map((f) => f.issue)).toEqual(['PRELOAD_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK'])
  })

  it('--accept-review accepts only named checks the tool marks review-required', () => {
    const v = audit.evaluate(merged(), new Set(['PRELOAD_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']))
    // LIMIT_NAVIGATION is a real misconfiguration (not review-required): never accepted.
    expect(v.failing.map((f) => f.issue)).toEqual(['LIMIT_NAVIGATION_GLOBAL_CHECK'])
    expect(v.accepted.map((f) => f.issue)).toEqual(['PRELOAD_JS_CHECK'])
    expect(v.exitCode).toBe(1)
    const onlyPreload = merged().filter((f) => f.issue !== 'LIMIT_NAVIGATION_GLOBAL_CHECK')
    expect(audit.evaluate(onlyPreload, new Set(['PRELOAD_JS_CHECK'])).exitCode).toBe(0)
    expect(audit.evaluate(onlyPreload).exitCode).toBe(1)
  })

  it('passes with only LOW/INFORMATIONAL findings', () => {
    const low = merged().filter((f) => f.severity === 'LOW' || f.severity === 'INFORMATIONAL')
    expect(audit.evaluate(low)).toMatchObject({ exitCode: 0, summary: 'electronegativity: 2 findings (0 high, 0 medium, 2 low)' })
  })
})

describe('real scan', () => {
  it('fails a deliberately insecure main process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-insecure-'))
    try {
      mkdirSync(join(dir, 'main'))
      writeFileSync(
        join(dir, 'main/index.js'),
        "const { app, BrowserWindow } = require('electron')\n" +
          "app.whenReady().then(() => {\n  const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })\n" +
          "  w.loadURL('http://example.com/')\n})\n"
      )
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/audit-electron.cjs'), '--input', dir], { encoding: 'utf8', timeout: 240_000 })
      expect(r.status).toBe(1)
      const summary = /electronegativity: (\d+) findings \((\d+) high, (\d+) medium, (\d+) low\)/.exec(r.stdout)
      expect(summary, r.stdout + r.stderr).not.toBeNull()
      expect(Number(summary![2])).toBeGreaterThan(0)
      expect(r.stdout).toMatch(/NODE_INTEGRATION|CONTEXT_ISOLATION/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 300_000)
})
