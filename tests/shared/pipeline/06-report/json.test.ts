import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Analysis, Link } from '../../../../shared/model'
import { MACHINE_CATEGORIES } from '../../../../shared/model/categories'
import { EXPORT_FORMAT, skippedCorrections, toJsonExport, toJsonExportText } from '../../../../shared/pipeline/06-report/serializers/json'
import { fixtureAnalysis, undocumentedKeys } from './json.fixture'

describe('toJsonExport', () => {
  const analysis = fixtureAnalysis()
  const x = toJsonExport(analysis, { settings: { linkThreshold: 0.35 } })
  const text = new Map(x.articles.map((a) => [a.id, a.text]))

  it('holds the contract fields of articles, links, flags and sentences', () => {
    expect(x.format).toBe(EXPORT_FORMAT)
    for (const a of x.articles) expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'date', 'text', 'hash']))
    expect(x.articles.map((a) => [a.id, a.isBase])).toEqual([['seed', true], ['wire', false]])
    for (const l of x.links) {
      expect(l).toMatchObject({ a: { article: expect.any(String), start: expect.any(Number), end: expect.any(Number) }, score: expect.any(Number), origin: 'machine' })
    }
    for (const f of x.flags) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['article', 'start', 'end', 'text', 'category', 'rule', 'explanation', 'inQuote']))
    }
    for (const s of x.sentences) expect(Object.keys(s)).toEqual(expect.arrayContaining(['article', 'start', 'end', 'sentiment']))
  })

  it('addresses every span by UTF-16 offsets into its article text (after an emoji)', () => {
    for (const f of x.flags) expect(text.get(f.article)!.slice(f.start, f.end)).toBe(f.text)
    for (const l of x.links) for (const r of [l.a, l.b]) expect(text.get(r.article)!.slice(r.start, r.end)).toBe(r.text)
    for (const q of x.quotes) expect(text.get(q.article)!.slice(q.start, q.end)).toBe(q.text)
    for (const u of x.unmatched) expect(text.get(u.article)!.slice(u.start, u.end)).toBe(u.text)
    const zr = x.flags.find((f) => f.category === 'contested-naming')!
    expect(zr).toMatchObject({ text: 'Zionist regime', referent: 'israel', viewpoint: 'Iranian state / hostile' })
    // "🇦🇿 " is 5 UTF-16 code units: sentence 0 starts at 0 and the first word at 5.
    expect(text.get('seed')!.slice(5, 15)).toBe('Azerbaijan')
    const change = x.diffs[0]!.changes[0]!
    expect(change.a).toMatchObject({ article: 'seed', text: 'historic' })
    expect(change.b).toBeNull()
  })

  it('gives each flag its latest review and includes annotations as user flags', () => {
    const hist = x.flags.find((f) => f.text === 'historic')!
    expect(hist).toMatchObject({ review: 'rejected', reviewNote: 'a fact, not a judgement, here', origin: 'machine' })
    expect(x.flags.find((f) => f.text === 'welcomed')).toMatchObject({ review: null, inQuote: true })
    expect(x.flags.find((f) => f.origin === 'user')).toEqual({
      id: 'note-1', article: 'wire', start: expect.any(Number), end: expect.any(Number), text: 'protesters', category: 'annotation',
      rule: 'user', explanation: 'Who counted, "exactly"?', inQuote: false, confidence: 1, referent: null, viewpoint: null,
      negated: false, origin: 'user', review: null, reviewNote: ''
    })
  })

  it('orders records by article then offset', () => {
    const keys = x.flags.map((f) => [f.article === 'seed' ? 0 : 1, f.start])
    expect(keys).toEqual([...keys].sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!))
    expect(x.sentences.map((s) => `${s.article}:${s.index}`)).toEqual(['seed:0', 'seed:1', 'wire:0', 'wire:1'])
    expect(x.sentences.map((s) => s.sentiment)).toEqual([3, 2, 0, -2])
  })

  it('records methods: versions, codebook, settings and article hashes', () => {
    expect(x.methods).toMatchObject({
      engineVersion: '0.1.0',
      lexiconVersion: 'test-lex-1',
      codebook: { name: 'class codebook' },
      settings: { linkThreshold: 0.35 },
      articleHashes: analysis.articles.map((a) => ({ article: a.id, sha256: a.hash }))
    })
    expect(x.metrics.map((m) => m.outlet)).toEqual(['Seed, "Daily"', '=Wire+'])
    expect(x.naming.map((n) => [n.actor, n.article, n.terms[0]!.term])).toEqual([['israel', 'seed', 'zionist-regime'], ['israel', 'wire', 'israel']])
  })

  it('records the link threshold the analysis ran with unless settings are given', () => {
    const a = { ...fixtureAnalysis(), linkThreshold: 0.4 }
    expect(toJsonExport(a).methods.settings).toEqual({ linkThreshold: 0.4 })
    expect(toJsonExport(a, { settings: { linkThreshold: 0.2, blindSources: true } }).methods.settings).toEqual({ blindSources: true, linkThreshold: 0.2 })
    expect(toJsonExport(fixtureAnalysis()).methods.settings).toEqual({})
  })

  it('is deterministic and only carries a timestamp when given one', () => {
    expect(toJsonExportText(analysis)).toBe(toJsonExportText(fixtureAnalysis()))
    expect('generatedAt' in toJsonExport(analysis)).toBe(false)
    expect(toJsonExport(analysis, { generatedAt: '2024-01-01T00:00:00Z' }).generatedAt).toBe('2024-01-01T00:00:00Z')
    expect(toJsonExportText(analysis).endsWith('}\n')).toBe(true)
  })
})

describe('methods: scope and corrections that did not apply', () => {
  const AT = '2024-01-01T00:00:00Z'

  it('records the align and diff scope the analysis ran with (null when not recorded)', () => {
    expect(toJsonExport({ ...fixtureAnalysis(), alignScope: 'base', diffScope: 'all' }).methods).toMatchObject({ alignScope: 'base', diffScope: 'all' })
    expect(toJsonExport(fixtureAnalysis()).methods).toMatchObject({ alignScope: null, diffScope: null, skippedCorrections: [] })
  })

  it('lists each skipped correction, and marks those whose pair a base-only analysis did not align', () => {
    const base = fixtureAnalysis()
    const corrections = [
      { kind: 'unlink', linkId: 'seed:0-1~wire:1-2', at: AT },
      { kind: 'unlink', linkId: 'wire:0-1~third:0-1', at: AT },
      { kind: 'merge', linkIds: ['wire:0-1~third:0-1', 'wire:1-2~third:1-2'], at: AT }
    ] as const
    const a: Analysis = {
      ...base,
      alignment: {
        ...base.alignment,
        skippedCorrections: [
          { index: 0, kind: 'unlink', reason: 'link seed:0-1~wire:1-2 is no longer produced' },
          { index: 1, kind: 'unlink', reason: 'link wire:0-1~third:0-1 is no longer produced' },
          { index: 2, kind: 'merge', reason: 'links wire:0-1~third:0-1, wire:1-2~third:1-2 are no longer produced' }
        ]
      }
    }
    const stale = (k: ReturnType<typeof skippedCorrections>): boolean[] => k.map((x) => x.pairNotAligned)
    // Every pair aligned: every skipped correction is stale.
    expect(stale(skippedCorrections({ ...a, alignScope: 'all' }, corrections))).toEqual([false, false, false])
    // Base-only: the two corrections between wire and third had no pair to act on.
    expect(stale(skippedCorrections({ ...a, alignScope: 'base' }, corrections))).toEqual([false, true, true])
    // Without the study's corrections nothing can be told apart.
    expect(stale(skippedCorrections({ ...a, alignScope: 'base' }))).toEqual([false, false, false])
    expect(toJsonExport({ ...a, alignScope: 'base' }, { corrections }).methods.skippedCorrections[1]).toEqual({
      index: 1, kind: 'unlink', reason: 'link wire:0-1~third:0-1 is no longer produced', pairNotAligned: true
    })
  })
})

describe('record shapes the CSV files share', () => {
  it('gives flagsPer100 every machine category in metrics.csv order, zeros included', () => {
    const x = toJsonExport(fixtureAnalysis())
    for (const m of x.metrics) {
      expect(Object.keys(m.flagsPer100)).toEqual([...MACHINE_CATEGORIES])
      expect(Object.values(m.flagsPer100).every((v) => typeof v === 'number')).toBe(true)
    }
    // The zero categories are real zeros next to the counted ones.
    expect(x.metrics[0]!.flagsPer100['contested-naming']).toBeGreaterThan(0)
    expect(x.metrics[0]!.flagsPer100.fear).toBe(0)
  })

  it('groups links by article pair in study order (side a, then side b), then by offset', () => {
    const base = fixtureAnalysis()
    const ref = (article: string, s: number): Link['a'] => ({ article, start: s * 10, end: s * 10 + 5, sentenceStart: s, sentenceEnd: s + 1 })
    const link = (a: Link['a'], b: Link['b']): Link => ({ id: `${a.article}:${a.sentenceStart}-${a.sentenceEnd}~${b.article}:${b.sentenceStart}-${b.sentenceEnd}`, a, b, score: 0.5, evidence: [], origin: 'machine' })
    const third = { ...base.articles[1]!, id: 'third' }
    // Shuffled on purpose: base s1→third before base s0→wire, and a wire~third pair first.
    const links = [
      link(ref('wire', 0), ref('third', 0)),
      link(ref('seed', 1), ref('third', 0)),
      link(ref('seed', 1), ref('wire', 1)),
      link(ref('seed', 0), ref('wire', 0)),
      link(ref('seed', 0), ref('third', 1))
    ]
    const a: Analysis = { ...base, articles: [...base.articles, third], alignment: { ...base.alignment, links }, linkDeltas: [] }
    expect(toJsonExport(a).links.map((l) => l.id)).toEqual([
      'seed:0-1~wire:0-1',
      'seed:1-2~wire:1-2',
      'seed:0-1~third:1-2',
      'seed:1-2~third:0-1',
      'wire:0-1~third:0-1'
    ])
  })
})

describe('docs/exports.md', () => {
  it('documents every key of every JSON record', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../../docs/exports.md'), 'utf8')
    const x = toJsonExport(fixtureAnalysis(), { generatedAt: '2024-01-01T00:00:00Z', settings: { linkThreshold: 0.3 } })
    expect(undocumentedKeys(x, doc)).toEqual([])
  })
})
