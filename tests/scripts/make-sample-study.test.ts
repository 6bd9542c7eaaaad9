import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyze } from '../../shared/pipeline/analyze'
import { parseStudy, serializeStudy, studyToAnalyzeInput } from '../../shared/study'
import { sha256 } from '../../shared/util/sha256'
import { buildSampleStudy, sampleContent, sampleFiles, SEED_FILE, STUDY_PATH } from '../../scripts/make-sample-study'

describe('samples/baku-tel-aviv/baku-tel-aviv.parallax.json', () => {
  const text = readFileSync(STUDY_PATH, 'utf8')
  const parsed = parseStudy(text)

  it('is a valid, canonically serialised study with the seed as base', () => {
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(serializeStudy(parsed.value)).toBe(text)
    expect(parsed.value.base).toBe(parsed.value.articles[0]!.id)
    expect(parsed.value.articles[0]!.source.fileName).toBe(SEED_FILE)
    expect(parsed.value.articles.length).toBe(sampleFiles().length)
    expect(parsed.value.articles.length).toBeGreaterThanOrEqual(5)
  })

  it('is in sync with the sample files (same texts, hashes and metadata through the real ingest)', async () => {
    if (!parsed.ok) throw new Error(parsed.error.message)
    const fresh = await buildSampleStudy(undefined, '2000-01-01T00:00:00.000Z')
    expect(fresh.articles.map((a) => [a.id, a.hash])).toEqual(parsed.value.articles.map((a) => [a.id, a.hash]))
    // Everything but timestamps and recorded versions; on failure run `npx tsx scripts/make-sample-study.ts`.
    expect(sampleContent(parsed.value)).toBe(sampleContent(fresh))
  })

  it('records hashes that match each text and names the source files', () => {
    if (!parsed.ok) return
    const names = new Set(sampleFiles().map((f) => basename(f)))
    for (const a of parsed.value.articles) {
      expect(a.hash).toBe(sha256(a.text))
      expect(names.has(a.source.fileName)).toBe(true)
      expect(a.meta.outlet).not.toBe('')
    }
  })

  it('opens into a full analysis', () => {
    if (!parsed.ok) return
    const analysis = analyze(studyToAnalyzeInput(parsed.value))
    expect(analysis.articles).toHaveLength(parsed.value.articles.length)
    expect(analysis.alignment.links.length).toBeGreaterThan(0)
    expect(analysis.metrics).toHaveLength(parsed.value.articles.length)
  })
})
