import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../../shared/model'
import { analyze } from '../../../../shared/pipeline/analyze'
import { toJsonExportText, writeJsonExportText, type JsonExportOptions } from '../../../../shared/pipeline/06-report/serializers/json'
import { fixtureAnalysis } from './json.fixture'

const SAMPLES = resolve(import.meta.dirname, '../../../../samples/baku-tel-aviv')

/** The samples as articles (the seed first), analysed by the real pipeline. */
function sampleAnalysis(): ReturnType<typeof analyze> {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort((x, y) => (x === 'baku-tel-aviv-ties.txt' ? -1 : y === 'baku-tel-aviv-ties.txt' ? 1 : x < y ? -1 : 1))
  const articles: Article[] = files.map((f) => {
    const text = readFileSync(join(SAMPLES, f), 'utf8')
    return {
      id: f.replace(/\.txt$/, ''),
      meta: { title: f, outlet: f, author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: true, note: '' },
      text,
      hash: '',
      source: { format: 'txt', fileName: f, encoding: 'UTF-8', byteLength: text.length },
      warnings: []
    }
  })
  return analyze({ articles })
}

describe('writeJsonExportText', () => {
  const cases: [string, () => ReturnType<typeof analyze>, JsonExportOptions][] = [
    ['hand-built fixture (emoji, quotes, annotations, reviews)', fixtureAnalysis, { settings: { linkThreshold: 0.35 }, generatedAt: '2026-01-01T00:00:00.000Z' }],
    ['fixture without options', fixtureAnalysis, {}],
    ['the samples through the real pipeline', sampleAnalysis, { title: 'Samples "quoted"', generatedAt: '2026-01-01T00:00:00.000Z' }]
  ]
  it.each(cases)('joins to exactly toJsonExportText: %s', (_name, make, options) => {
    const analysis = make()
    const chunks: string[] = []
    writeJsonExportText(analysis, options, (c) => chunks.push(c))
    const whole = toJsonExportText(analysis, options)
    expect(chunks.length).toBeGreaterThan(10)
    expect(chunks.join('')).toBe(whole)
  })
})
