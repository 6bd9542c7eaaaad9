// parallax compare FILE… [--base FILE] [--json OUT|-] [--html OUT] [--csv DIR] [--study OUT]
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { JsonExport } from '../../shared/pipeline/06-report/serializers/json'
import { parseCsv } from '../../shared/pipeline/06-report/serializers/csv'
import { parseStudy } from '../../shared/study'
import { undocumentedKeys } from '../shared/pipeline/06-report/json.fixture'
import { ensureBuilt, expectOneLineError, parallax, sampleArticles, SAMPLES, SEED, tempDir, type Run } from './helpers'

// Each case starts Node processes on a shared, busy machine: time limits are generous.
vi.setConfig({ testTimeout: 120_000 })

let dir = ''
let full: Run
let json: JsonExport

beforeAll(() => {
  ensureBuilt()
  dir = tempDir()
  // One run with every output, so JSON, CSV, HTML and study come from the same analysis.
  full = parallax(['compare', ...sampleArticles(), '--json', join(dir, 'a.json'), '--html', join(dir, 'r.html'), '--csv', join(dir, 'csv'), '--study', join(dir, 's.parallax.json')])
  json = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as JsonExport
}, 180_000)

/** Strip the formula-injection apostrophe (see docs/exports.md). */
const unguard = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)

describe('parallax compare (all sample articles)', () => {
  it('succeeds and reports what it wrote', () => {
    expect(full.code, full.stderr).toBe(0)
    expect(full.stderr).toBe('')
    expect(full.stdout).toContain('wrote study')
    for (const f of ['a.json', 'r.html', 's.parallax.json', 'csv/flags.csv', 'csv/links.csv', 'csv/metrics.csv', 'csv/naming.csv', 'csv/sentences.csv']) {
      expect(existsSync(join(dir, f)), f).toBe(true)
    }
  })

  it('writes JSON with the contract fields; the first file is the base', () => {
    expect(json.base).toBe('baku-tel-aviv-ties')
    expect(json.articles).toHaveLength(sampleArticles().length)
    for (const a of json.articles) for (const k of ['id', 'title', 'outlet', 'date', 'text']) expect(a).toHaveProperty(k)
    expect(json.links.length).toBeGreaterThan(10)
    expect(json.flags.length).toBeGreaterThan(10)
    expect(json.sentences.length).toBeGreaterThan(50)
    for (const l of json.links) {
      for (const k of ['a', 'b', 'score']) expect(l).toHaveProperty(k)
      for (const k of ['article', 'start', 'end']) expect(l.a).toHaveProperty(k)
    }
    for (const f of json.flags) for (const k of ['article', 'start', 'end', 'text', 'category', 'rule', 'explanation', 'inQuote']) expect(f).toHaveProperty(k)
    for (const s of json.sentences) for (const k of ['article', 'start', 'end', 'sentiment']) expect(s).toHaveProperty(k)
    expect(json.methods.articleHashes).toHaveLength(json.articles.length)
    expect(json.methods.lexiconVersion).not.toBe('')
  })

  it('documents every key it writes in docs/exports.md', () => {
    expect(undocumentedKeys(json, readFileSync(join(import.meta.dirname, '../../docs/exports.md'), 'utf8'))).toEqual([])
  })

  it('addresses every flag, link side and sentence by valid offsets into its article text', () => {
    const text = new Map(json.articles.map((a) => [a.id, a.text]))
    for (const f of json.flags) {
      const t = text.get(f.article)!
      expect(0 <= f.start && f.start < f.end && f.end <= t.length).toBe(true)
      expect(t.slice(f.start, f.end)).toBe(f.text)
      expect(f.explanation).not.toBe('')
      expect(f.rule).not.toBe('')
    }
    for (const l of json.links) {
      for (const side of [l.a, l.b]) {
        const t = text.get(side.article)!
        expect(0 <= side.start && side.start < side.end && side.end <= t.length).toBe(true)
        expect(t.slice(side.start, side.end)).toBe(side.text)
      }
      expect(l.score).toBeGreaterThanOrEqual(0)
      expect(l.score).toBeLessThanOrEqual(1)
    }
    for (const s of json.sentences) {
      const t = text.get(s.article)!
      expect(0 <= s.start && s.start < s.end && s.end <= t.length).toBe(true)
    }
  })

  it('writes flags.csv rows equal to the JSON flags', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'csv/flags.csv'), 'utf8'))
    expect(rows).toHaveLength(json.flags.length)
    const col = (r: string[], c: string): string => unguard(r[header!.indexOf(c)]!)
    rows.forEach((r, i) => {
      const f = json.flags[i]!
      expect([col(r, 'id'), col(r, 'article'), col(r, 'start'), col(r, 'end'), col(r, 'text'), col(r, 'category'), col(r, 'rule'), col(r, 'explanation'), col(r, 'in_quote')])
        .toEqual([f.id, f.article, String(f.start), String(f.end), f.text, f.category, f.rule, f.explanation, String(f.inQuote)])
    })
  })

  it('writes links.csv rows equal to the JSON links', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'csv/links.csv'), 'utf8'))
    expect(rows).toHaveLength(json.links.length)
    const col = (r: string[], c: string): string => unguard(r[header!.indexOf(c)]!)
    rows.forEach((r, i) => {
      const l = json.links[i]!
      expect([col(r, 'id'), col(r, 'a_article'), col(r, 'a_start'), col(r, 'a_end'), col(r, 'b_article'), col(r, 'b_start'), col(r, 'b_end'), col(r, 'score'), col(r, 'a_text'), col(r, 'b_text')])
        .toEqual([l.id, l.a.article, String(l.a.start), String(l.a.end), l.b.article, String(l.b.start), String(l.b.end), String(l.score), l.a.text, l.b.text])
    })
  })

  it('writes a self-contained HTML report and a valid study', () => {
    const html = readFileSync(join(dir, 'r.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).not.toMatch(/<script[\s>]/i)
    expect(html).toContain('Baku-Tel Aviv growing ties')
    const s = parseStudy(readFileSync(join(dir, 's.parallax.json'), 'utf8'))
    expect(s.ok).toBe(true)
    if (s.ok) {
      expect(s.value.base).toBe('baku-tel-aviv-ties')
      expect(s.value.articles.map((a) => a.hash)).toEqual(json.articles.map((a) => a.hash))
    }
  })
})

describe('parallax compare (options and errors)', () => {
  const meridian = join(SAMPLES, 'meridian-wire.txt')
  const ledger = join(SAMPLES, 'jerusalem-ledger.txt')

  it('prints JSON to stdout with --json - (stdout stays clean while progress goes to stderr)', () => {
    const r = parallax(['compare', SEED, meridian, '--json', '-'], { env: { PARALLAX_PROGRESS: 'always' } })
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout) as JsonExport
    expect(j.articles.map((a) => a.id)).toEqual(['baku-tel-aviv-ties', 'meridian-wire'])
    expect(r.stderr).toMatch(/parallax: analysing 2 articles… segment 1\/5/)
    expect(r.stderr).toMatch(/report 5\/5/)
  })

  it('uses --base as the base, whether listed among the files or not', () => {
    const listed = JSON.parse(parallax(['compare', SEED, meridian, '--base', meridian, '--json', '-']).stdout) as JsonExport
    expect(listed.base).toBe('meridian-wire')
    expect(listed.articles.map((a) => [a.id, a.isBase])).toEqual([['baku-tel-aviv-ties', false], ['meridian-wire', true]])
    const added = JSON.parse(parallax(['compare', meridian, '--base', ledger, '--json', '-']).stdout) as JsonExport
    expect(added.base).toBe('jerusalem-ledger')
    expect(added.articles.map((a) => a.id)).toEqual(['jerusalem-ledger', 'meridian-wire'])
    expect(added.links.every((l) => l.a.article === 'jerusalem-ledger' || l.b.article === 'jerusalem-ledger')).toBe(true)
  })

  it('analyses one file on its own', () => {
    const r = parallax(['compare', meridian, '--json', '-'])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout) as JsonExport
    expect(j.base).toBe('meridian-wire')
    expect(j.links).toEqual([])
    expect(j.metrics).toHaveLength(1)
    expect(j.flags.length).toBeGreaterThan(0)
  })

  it('prints a readable summary without output options', () => {
    const r = parallax(['compare', SEED, meridian])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Base: baku-tel-aviv-ties/)
    expect(r.stdout).toContain('meridian-wire')
    expect(r.stdout).toContain('Naming')
  })

  it('summary: tells sentences in no other article apart from those only some articles lack', () => {
    const r = parallax(['compare', ...sampleArticles()])
    expect(r.code, r.stderr).toBe(0)
    // The counts come from the same analysis as the JSON written in beforeAll.
    const others = json.articles.length - 1
    const unique = json.unmatched.filter((u) => u.missingIn.length === others).length
    expect(unique).toBeGreaterThan(0)
    expect(unique).toBeLessThan(json.unmatched.length)
    expect(r.stdout).toContain(`${unique} sentences in no other article; ${json.unmatched.length} missing from at least one`)
    expect(r.stdout).not.toContain('unmatched sentences')
  })

  it('fails in one line for a missing file, a file listed twice, or an output folder that does not exist', () => {
    const dir = tempDir()
    expectOneLineError(parallax(['compare', SEED, join(dir, 'nope.txt')]), /nope\.txt/)
    expectOneLineError(parallax(['compare', SEED, SEED]), /listed twice/)
    expectOneLineError(parallax(['compare', SEED, '--json', join(dir, 'no/such/dir/a.json')]), /cannot write .*a\.json \(--json\): the folder .* does not exist/)
    writeFileSync(join(dir, 'file'), 'x')
    expectOneLineError(parallax(['compare', SEED, '--csv', join(dir, 'file')]), /it is a file, not a folder/)
  })

  it('names the first failing file and counts the others', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), '')
    writeFileSync(join(dir, 'b.txt'), '')
    expectOneLineError(parallax(['compare', SEED, join(dir, 'a.txt'), join(dir, 'b.txt')]), /a\.txt.*\(and 1 more file failed\)$/)
  })
})
