// parallax export STUDY --format html|csv|json|worksheet|pdf --out PATH, and the study round trip.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { JsonExport } from '../../shared/pipeline/06-report/serializers/json'
import { findChromium } from '../../cli/pdf'
import { PASSAGES_CHOICES } from '../../cli/args'
import { PASSAGES_MODES } from '../../shared/pipeline/06-report/serializers/html'
import { ensureBuilt, expectOneLineError, expectUsageError, parallax, sampleArticles, SAMPLES, tempDir } from './helpers'

// Each case starts Node processes on a shared, busy machine: time limits are generous.
vi.setConfig({ testTimeout: 120_000 })

const SAMPLE_STUDY = join(SAMPLES, 'baku-tel-aviv.parallax.json')
let dir = ''
let compareJson = ''

beforeAll(() => {
  ensureBuilt()
  dir = tempDir()
  const r = parallax(['compare', ...sampleArticles(), '--study', join(dir, 's.parallax.json'), '--json', join(dir, 'compare.json'), '--csv', join(dir, 'compare-csv')])
  if (r.code !== 0) throw new Error(r.stderr)
  compareJson = readFileSync(join(dir, 'compare.json'), 'utf8')
}, 180_000)

const withoutTime = (text: string): unknown => {
  const j = JSON.parse(text) as Record<string, unknown>
  delete j['generatedAt']
  return j
}

describe('study round trip', () => {
  it('compare --study → export --format json equals compare --json (modulo the timestamp)', () => {
    const r = parallax(['export', join(dir, 's.parallax.json'), '--format', 'json', '--out', join(dir, 'export.json')])
    expect(r.code, r.stderr).toBe(0)
    const exported = readFileSync(join(dir, 'export.json'), 'utf8')
    expect(withoutTime(exported)).toEqual(withoutTime(compareJson))
    expect(exported).not.toBe('')
  })

  it('export --format csv writes the same five files as compare --csv', () => {
    const r = parallax(['export', join(dir, 's.parallax.json'), '--format', 'csv', '--out', join(dir, 'export-csv')])
    expect(r.code, r.stderr).toBe(0)
    const names = readdirSync(join(dir, 'compare-csv')).sort()
    expect(names).toEqual(['flags.csv', 'links.csv', 'metrics.csv', 'naming.csv', 'sentences.csv'])
    for (const n of names) expect(readFileSync(join(dir, 'export-csv', n), 'utf8')).toBe(readFileSync(join(dir, 'compare-csv', n), 'utf8'))
  })

  it('exports the committed sample study as JSON to stdout', () => {
    const r = parallax(['export', SAMPLE_STUDY, '--format', 'json', '--out', '-'])
    expect(r.code, r.stderr).toBe(0)
    const j = JSON.parse(r.stdout) as JsonExport
    expect(j.base).toBe('baku-tel-aviv-ties')
    expect(j.title).toMatch(/six reports/)
    expect(j.articles.length).toBeGreaterThanOrEqual(5)
  })
})

describe('export formats', () => {
  it('html: one self-contained file', () => {
    const out = join(dir, 'report.html')
    const r = parallax(['export', SAMPLE_STUDY, '--format', 'html', '--out', out])
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).not.toMatch(/<script[\s>]|<link[^>]+stylesheet|src="http/i)
  })

  it('worksheet: the worksheet and its answer key beside it', () => {
    const out = join(dir, 'ws.html')
    const r = parallax(['export', SAMPLE_STUDY, '--format', 'worksheet', '--out', out])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('ws.answer-key.html')
    const sheet = readFileSync(out, 'utf8')
    const key = readFileSync(join(dir, 'ws.answer-key.html'), 'utf8')
    expect(sheet).toMatch(/^<!doctype html>/i)
    // The answer key carries the highlights; the worksheet does not.
    expect(key).toContain('data-flag-category')
    expect(sheet).not.toContain('data-flag-category')
  })

  it('pdf: a PDF where Chromium is installed, else one clear line', () => {
    const out = join(dir, 'report.pdf')
    const r = parallax(['export', SAMPLE_STUDY, '--format', 'pdf', '--out', out])
    if (findChromium()) {
      expect(r.code, r.stderr).toBe(0)
      expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    } else {
      expectOneLineError(r, /PDF export needs Chromium/)
      expect(existsSync(out)).toBe(false)
    }
  }, 120_000)
})

describe('report titles and corrections that no longer apply', () => {
  const title = (html: string): string => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''
  const studyTitle = (): string => (JSON.parse(readFileSync(SAMPLE_STUDY, 'utf8')) as { title: string }).title
  const escaped = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

  it('html and worksheet are titled after the study, not the base article', () => {
    const t = studyTitle()
    expect(t).toMatch(/six reports/)
    const html = join(dir, 'titled.html')
    const ws = join(dir, 'titled-ws.html')
    expect(parallax(['export', SAMPLE_STUDY, '--format', 'html', '--out', html]).code).toBe(0)
    expect(parallax(['export', SAMPLE_STUDY, '--format', 'worksheet', '--out', ws]).code).toBe(0)
    for (const f of [html, ws, join(dir, 'titled-ws.answer-key.html')]) {
      const h = readFileSync(f, 'utf8')
      expect(title(h), f).toBe(escaped(t))
      expect(h).toContain(`<h1>${escaped(t)}`)
    }
  })

  it('warns once on stderr about a stale correction and lists it in the JSON methods', () => {
    const g = JSON.parse(readFileSync(SAMPLE_STUDY, 'utf8')) as Record<string, unknown>
    const at = '2026-01-01T00:00:00.000Z'
    // Sentence 0 of the base with sentences 30-33 of another article: a link never produced.
    g['corrections'] = [
      { kind: 'unlink', linkId: 'baku-tel-aviv-ties:0-1~meridian-wire:30-33', at },
      { kind: 'unlink', linkId: 'baku-tel-aviv-ties:1-2~northern-review:30-33', at },
      { kind: 'unlink', linkId: 'baku-tel-aviv-ties:2-3~ararat-mirror:30-33', at }
    ]
    const p = join(dir, 'stale.parallax.json')
    writeFileSync(p, JSON.stringify(g, null, 2))
    const r = parallax(['export', p, '--format', 'json', '--out', '-'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.errLines).toHaveLength(1)
    expect(r.errLines[0]).toMatch(/^parallax: warning: 3 corrections no longer apply, so the export ignores them \(#1 unlink: link baku-tel-aviv-ties:0-1~meridian-wire:30-33 is no longer produced; #2 unlink: .*; and 1 more\); the JSON export lists them under methods\.skippedCorrections$/)
    const j = JSON.parse(r.stdout) as JsonExport
    expect(j.methods.skippedCorrections.map((k) => [k.index, k.kind, k.pairNotAligned])).toEqual([[0, 'unlink', false], [1, 'unlink', false], [2, 'unlink', false]])
    expect(j.methods).toMatchObject({ alignScope: 'all', diffScope: 'all' })
    // A study whose corrections all apply exports without a warning.
    expect(parallax(['export', SAMPLE_STUDY, '--format', 'json', '--out', join(dir, 'quiet.json')]).stderr).toBe('')
  })

  it('html and json say what was corrected by hand: applied corrections by kind, and those that no longer apply', () => {
    const g = JSON.parse(readFileSync(SAMPLE_STUDY, 'utf8')) as { articles: { id: string; text: string }[]; corrections: unknown[] }
    const at = '2026-01-01T00:00:00.000Z'
    // A hand link over the first sentence of each of two articles (offsets up to the first
    // full stop are within the first sentence), then a stale unlink.
    const first = (id: string): { article: string; start: number; end: number; sentenceStart: number; sentenceEnd: number } => {
      const text = g.articles.find((a) => a.id === id)!.text
      return { article: id, start: 0, end: text.indexOf('.') + 1, sentenceStart: 0, sentenceEnd: 1 }
    }
    g.corrections = [
      { kind: 'link', a: first('baku-tel-aviv-ties'), b: first('meridian-wire'), at },
      { kind: 'unlink', linkId: 'baku-tel-aviv-ties:0-1~meridian-wire:30-33', at }
    ]
    const p = join(dir, 'corrected.parallax.json')
    writeFileSync(p, JSON.stringify(g, null, 2))
    const html = join(dir, 'corrected.html')
    expect(parallax(['export', p, '--format', 'html', '--out', html]).code).toBe(0)
    expect(readFileSync(html, 'utf8')).toContain(
      '<td data-corrections>Alignment corrected by hand: 1 link added, 0 removed, 0 merges, 0 splits; 1 correction no longer applied (the analysis no longer produces its link; see the JSON export).</td>'
    )
    const r = parallax(['export', p, '--format', 'json', '--out', '-'])
    const j = JSON.parse(r.stdout) as JsonExport
    expect(j.methods.corrections.map((c) => [c.index, c.kind, c.at, c.passages.map((x) => x.article)])).toEqual([[0, 'link', at, ['baku-tel-aviv-ties', 'meridian-wire']]])
    expect(j.methods.correctionCounts).toEqual({ link: 1, unlink: 0, merge: 0, split: 0 })
    expect(j.methods.skippedCorrections.map((k) => k.index)).toEqual([1])
    // The sample study itself has no corrections.
    const plain = join(dir, 'plain.html')
    expect(parallax(['export', SAMPLE_STUDY, '--format', 'html', '--out', plain]).code).toBe(0)
    expect(readFileSync(plain, 'utf8')).toContain('Alignment corrected by hand: none')
  })

  it('pdf: a PARALLAX_CHROMIUM path that does not exist or cannot run is named as such', () => {
    const out = join(dir, 'never.pdf')
    const missing = join(dir, 'no-such-chromium')
    expectOneLineError(
      parallax(['export', SAMPLE_STUDY, '--format', 'pdf', '--out', out], { env: { PARALLAX_CHROMIUM: missing } }),
      new RegExp(`^parallax: PARALLAX_CHROMIUM=${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} does not exist; point it at a Chromium or Chrome program, or unset it`)
    )
    const notExec = study('not-a-program', 'plain text')
    expectOneLineError(parallax(['export', SAMPLE_STUDY, '--format', 'pdf', '--out', out], { env: { PARALLAX_CHROMIUM: notExec } }), /not-a-program is not an executable file;/)
    expectOneLineError(parallax(['export', SAMPLE_STUDY, '--format', 'pdf', '--out', out], { env: { PARALLAX_CHROMIUM: dir } }), /is a folder, not a program;/)
    // Checked before the study is read and analysed, like the output path.
    expectOneLineError(parallax(['export', join(dir, 'no-such.parallax.json'), '--format', 'pdf', '--out', out], { env: { PARALLAX_CHROMIUM: missing } }), /PARALLAX_CHROMIUM=.* does not exist/)
    expect(existsSync(out)).toBe(false)
  })
})

const study = (name: string, text: string): string => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

describe('export errors (exit 1, one line)', () => {
  const good = (): Record<string, unknown> => JSON.parse(readFileSync(SAMPLE_STUDY, 'utf8')) as Record<string, unknown>
  it.each([
    ['missing', (): string => join(dir, 'nope.parallax.json'), /nope\.parallax\.json does not exist/],
    ['truncated', (): string => study('t.json', readFileSync(SAMPLE_STUDY, 'utf8').slice(0, 5000)), /t\.json: the study file is truncated/],
    ['corrupt', (): string => study('c.json', '{"format": "parallax-study", oops}'), /c\.json: the study file is corrupt: not valid JSON at line 1, column \d+/],
    ['foreign', (): string => study('f.json', '{"name": "something else"}'), /f\.json: this is not a Parallax study/],
    ['plain text', (): string => study('plain.txt', 'Baku opened its embassy in Israel.\n'), /plain\.txt: this is not a Parallax study file \(\.parallax\.json\): it does not hold JSON$/],
    ['an article', (): string => join(SAMPLES, 'meridian-wire.txt'), /meridian-wire\.txt: this is not a Parallax study file \(\.parallax\.json\)/],
    ['a JSON export', (): string => study('e.json', readFileSync(join(dir, 'compare.json'), 'utf8')), /e\.json: this is a Parallax JSON export, not a study/],
    ['newer', (): string => study('n.json', JSON.stringify({ ...good(), schemaVersion: 99 })), /n\.json: this study was saved by a newer Parallax/],
    ['edited text', (): string => {
      const g = good()
      const arts = g['articles'] as Record<string, unknown>[]
      arts[1] = { ...arts[1], text: 'changed by hand' }
      return study('h.json', JSON.stringify(g))
    }, /h\.json: article ".*": the text does not match its recorded hash/]
  ])('%s study', (_name, make, message) => {
    const out = join(dir, 'never-written.json')
    expectOneLineError(parallax(['export', make(), '--format', 'json', '--out', out]), message)
    expect(existsSync(out)).toBe(false)
  })
})

describe('--passages changes|all (html and pdf reports)', () => {
  const rows = (html: string): number => (html.match(/<tr data-link-id=/g) ?? []).length

  it('the CLI accepts exactly the modes the HTML serializer knows', () => {
    expect([...PASSAGES_CHOICES]).toEqual([...PASSAGES_MODES])
  })

  it('export: the default lists fewer pairs than --passages all and says how many it leaves out', () => {
    const def = join(dir, 'passages-default.html')
    const all = join(dir, 'passages-all.html')
    const changes = join(dir, 'passages-changes.html')
    for (const [out, extra] of [[def, []], [all, ['--passages', 'all']], [changes, ['--passages=changes']]] as const) {
      const r = parallax(['export', SAMPLE_STUDY, '--format', 'html', '--out', out, ...extra])
      expect(r.code, r.stderr).toBe(0)
    }
    const d = readFileSync(def, 'utf8')
    const a = readFileSync(all, 'utf8')
    const untimed = (html: string): string => html.replace(/Generated by Parallax (\S+) on \S+/, 'Generated by Parallax $1')
    expect(untimed(readFileSync(changes, 'utf8'))).toBe(untimed(d))
    const total = rows(a)
    expect(total).toBeGreaterThan(rows(d))
    expect(rows(d)).toBeGreaterThan(0)
    const omitted = /data-omitted="(\d+)"/.exec(d)
    expect(Number(omitted?.[1])).toBe(total - rows(d))
    expect(d).toContain(`Showing ${rows(d)} of ${total} aligned pairs.`)
    expect(d).toContain('--passages all')
    expect(a).not.toContain('data-omitted=')
  })

  it('compare --html takes --passages too', () => {
    const out = join(dir, 'compare-all.html')
    const r = parallax(['compare', ...sampleArticles(), '--html', out, '--passages', 'all'])
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).not.toContain('data-omitted=')
  })

  it.each([
    [['export', 's.json', '--format', 'html', '--out', 'x', '--passages', 'some'], /unknown --passages value "some" \(use changes or all\)/],
    [['export', 's.json', '--format', 'json', '--out', 'x', '--passages', 'all'], /--passages applies only to --format html or pdf/],
    [['export', 's.json', '--format', 'html', '--out', 'x', '--passages'], /option --passages needs a value/],
    [['compare', 'a.txt', '--json', '-', '--passages', 'all'], /--passages applies only to the --html report/],
    [['compare', 'a.txt', '--html', 'x.html', '--passages', 'ALL'], /unknown --passages value "ALL"/]
  ])('usage error %j → exit 2', (args, message) => {
    expectUsageError(parallax(args), message)
  })
})
