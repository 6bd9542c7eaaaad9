import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Alignment, Analysis, NamingCell } from '../../../../shared/model'
import { analyze } from '../../../../shared/pipeline/analyze'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { analyzeLanguage } from '../../../../shared/pipeline/05-language/analyzeLanguage'
import { buildReport, namedCount } from '../../../../shared/pipeline/06-report/buildReport'
import { parseCsv, toCsvExport } from '../../../../shared/pipeline/06-report/serializers/csv'
import { toJsonExport } from '../../../../shared/pipeline/06-report/serializers/json'
import { renderHtmlReport } from '../../../../shared/pipeline/06-report/serializers/html'
import { parseHTML } from 'linkedom'
import { builtinNaming } from '../../../../shared/resources/naming'
import { article } from './article.fixture'
import { undocumentedKeys } from './json.fixture'


/** One article through the real segmenter, language stage and report (no links). */
function report(text: string): { cells: NamingCell[]; scores: Map<number, number> } {
  const naming = builtinNaming()
  const a = article('a', text)
  const seg = segment(a)
  const lang = analyzeLanguage({ article: a, segmentation: seg, naming, codebook: null })
  const alignment: Alignment = { base: 'a', links: [], unmatched: [] }
  const r = buildReport({ articles: [a], segmentations: [seg], alignment, language: [lang], naming })
  return { cells: r.naming, scores: new Map(lang.sentences.map((s) => [s.sentence, s.score])) }
}

const mean = (xs: number[]): number => Math.round((xs.reduce((p, x) => p + x, 0) / xs.length) * 10_000) / 10_000

describe('actor statistics count actors named inside other names', () => {
  it.each([
    {
      text: "Azerbaijan's State Security Service arrested a spy. Officials in Tehran were angry.",
      actor: 'azerbaijan',
      terms: [],
      nested: ['azerbaijan-state-security-service:azerbaijan=Azerbaijan×1'],
      sentences: [0]
    },
    {
      // Sentence 0 names Azerbaijan twice (by name and inside "Azerbaijan's army"): it counts once
      // for the sentiment about Azerbaijan, and the sentences differ in tone so a per-mention
      // average would differ.
      text:
        "Azerbaijan condemned the brutal attack on Azerbaijan's army. Azerbaijan's State Security Service praised the brave officers. Azerbaijan welcomed the good news.",
      actor: 'azerbaijan',
      terms: ['azerbaijan=Azerbaijan×2'],
      nested: ['azerbaijani-armed-forces:azerbaijan=Azerbaijan×1', 'azerbaijan-state-security-service:azerbaijan=Azerbaijan×1'],
      sentences: [0, 1, 2]
    },
    {
      text: "Iran's Ministry of Intelligence blamed a foreign agent. Iran's intelligence ministry gave no evidence. Iran said nothing more.",
      actor: 'iran',
      terms: ['iran=Iran×1'],
      nested: ['iran-intelligence-ministry:iran=Iran×2'],
      sentences: [0, 1, 2]
    },
    {
      // The containing actor's own cell is as before: its name is its naming choice.
      text: "Azerbaijan's State Security Service arrested a spy.",
      actor: 'azerbaijan-state-security-service',
      terms: ['azerbaijan-state-security-service=Azerbaijan\'s State Security Service×1'],
      nested: [],
      sentences: [0]
    },
    { text: 'Iran and Azerbaijan signed a deal.', actor: 'azerbaijan', terms: ['azerbaijan=Azerbaijan×1'], nested: [], sentences: [0] },
    // The shown form is the one written most, without a possessive ending, not the first use.
    {
      text: "Azerbaijan's envoy spoke. Azerbaijan agreed. Then Azerbaijan left.",
      actor: 'azerbaijan',
      terms: ['azerbaijan=Azerbaijan×3'],
      nested: [],
      sentences: [0, 1, 2]
    },
    { text: "The Zionists' plan failed. The Zionists left.", actor: 'israel', terms: ['the-zionists=Zionists×2'], nested: [], sentences: [0, 1] }
  ])('$actor in "$text"', ({ text, actor, terms, nested, sentences }) => {
    const { cells, scores } = report(text)
    const cell = cells.find((c) => c.actor === actor)
    expect(cell).toBeDefined()
    expect(cell!.terms.map((t) => `${t.term}=${t.surface}×${t.count}`)).toEqual(terms)
    expect((cell!.nested ?? []).map((t) => `${t.within}:${t.term}=${t.surface}×${t.count}`)).toEqual(nested)
    // Absent, not empty, when none: cells (and exports) without nested names keep their shape.
    expect('nested' in cell!).toBe(nested.length > 0)
    for (const n of [...cell!.terms, ...(cell!.nested ?? [])]) {
      expect(n.offsets).toHaveLength(n.count)
      for (const o of n.offsets) expect(text.slice(o, o + n.surface.length).toLowerCase()).toBe(n.surface.toLowerCase())
    }
    const count = (xs: string[]): number => xs.reduce((p, x) => p + Number(x.slice(x.lastIndexOf('×') + 1)), 0)
    expect(namedCount(cell!)).toBe(count(terms) + count(nested))
    expect(cell!.meanSentiment).toBe(mean(sentences.map((s) => scores.get(s)!)))
  })

  it('the tone cases above are not all the same score (so the once-per-sentence rule is tested)', () => {
    const { scores } = report(
      "Azerbaijan condemned the brutal attack on Azerbaijan's army. Azerbaijan's State Security Service praised the brave officers. Azerbaijan welcomed the good news."
    )
    expect(scores.get(0)).not.toBe(scores.get(1))
    expect(mean([scores.get(0)!, scores.get(1)!, scores.get(2)!])).not.toBe(mean([scores.get(0)!, scores.get(0)!, scores.get(1)!, scores.get(2)!]))
  })
})

describe('exports of nested mentions', () => {
  const analysis: Analysis = analyze({
    articles: [
      article('a', "Azerbaijan's State Security Service arrested two men. Tehran denied any role."),
      article('b', 'Azerbaijan arrested two men, and Iran denied any role.')
    ]
  })
  const csv = toCsvExport(analysis)
  const json = toJsonExport(analysis)

  it('the HTML naming table shows an actor named only inside another name, apart from the naming choices', () => {
    const doc = parseHTML(renderHtmlReport(analysis, { generatedAt: '2026-01-01T00:00:00Z' })).document
    const cell = doc.querySelector('td[data-naming="azerbaijan|a"]')
    expect(cell).not.toBeNull()
    expect(cell!.textContent).toMatch(/inside State Security Service of Azerbaijan: “Azerbaijan” ×1/)
    expect(cell!.querySelector('li.vp')).toBeNull()
  })

  it('JSON naming[] carries `nested` on the cell that has them only', () => {
    const az = json.naming.find((c) => c.actor === 'azerbaijan' && c.article === 'a')!
    expect(az.terms).toEqual([])
    expect(az.nested?.map((n) => [n.within, n.term, n.surface, n.count])).toEqual([['azerbaijan-state-security-service', 'azerbaijan', 'Azerbaijan', 1]])
    expect(az.outlet).toBe('A')
    for (const c of json.naming) if (c !== az) expect('nested' in c).toBe(false)
  })

  it('docs/exports.md documents the nested keys', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../../docs/exports.md'), 'utf8')
    expect(undocumentedKeys(json, doc)).toEqual([])
  })

  it('naming.csv adds within: rows, so summing count per actor × article gives how often it is named', () => {
    const [head, ...rows] = parseCsv(csv['naming.csv'])
    const col = (name: string): number => head!.indexOf(name)
    const within = rows.filter((r) => r[col('term')]!.startsWith('within:'))
    expect(within.map((r) => [r[col('actor')], r[col('article')], r[col('term')], r[col('surface')], r[col('count')]])).toEqual([
      ['azerbaijan', 'a', 'within:azerbaijan-state-security-service:azerbaijan', 'Azerbaijan', '1']
    ])
    for (const cell of analysis.naming) {
      const sum = rows
        .filter((r) => r[col('actor')] === cell.actor && r[col('article')] === cell.article)
        .reduce((p, r) => p + Number(r[col('count')]), 0)
      expect(sum).toBe(namedCount(cell))
    }
  })

  it('the other rows and files are what they are without nested mentions', () => {
    const stripped: Analysis = { ...analysis, naming: analysis.naming.map(({ nested: _n, ...c }) => c) }
    const plain = toCsvExport(stripped)
    const keep = (t: string): string => t.split('\r\n').filter((l) => !l.includes(',within:')).join('\r\n')
    expect(keep(csv['naming.csv'])).toBe(plain['naming.csv'])
    for (const f of ['flags.csv', 'links.csv', 'metrics.csv', 'sentences.csv'] as const) expect(csv[f]).toBe(plain[f])
    expect(plain['naming.csv']).not.toContain('within:')
    expect(JSON.stringify(toJsonExport(stripped))).not.toContain('"nested"')
  })
})
