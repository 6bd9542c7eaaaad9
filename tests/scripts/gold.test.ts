/**
 * The sample set and its gold files (samples/baku-tel-aviv, built by scripts/gold/*):
 * the seed is the user's file byte for byte, every gold offset round-trips to its text,
 * the committed gold files are what the builders produce from the hand-judged sources,
 * and every article carries complete metadata.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { goldBody, loadSamples, SAMPLE_ARTICLES } from '../../scripts/gold/goldText'
import { buildAlignGold, type AlignGold, type AlignSource } from '../../scripts/gold/build-align-gold'
import { buildSpansGold, type SpanRecord, type SpansSource } from '../../scripts/gold/build-spans-gold'

const repoRoot = resolve(import.meta.dirname, '../..')
const sampleDir = join(repoRoot, 'samples/baku-tel-aviv')
const goldDir = join(sampleDir, 'gold')
// CI keeps ../shared beside the clone; elsewhere the check is skipped and says why.
const sharedSeed = resolve(repoRoot, '../shared/seed/baku-tel-aviv-ties.txt')
const hasSharedSeed = existsSync(sharedSeed)

const samples = loadSamples(sampleDir)
const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as T
const readJsonl = <T>(name: string): T[] =>
  readFileSync(join(goldDir, name), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T)

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

describe('seed sample', () => {
  it.skipIf(!hasSharedSeed)(
    hasSharedSeed ? 'is a byte-identical copy of ../shared/seed' : `is a byte-identical copy of ../shared/seed (SKIPPED: ${sharedSeed} not found)`,
    () => {
      const copy = readFileSync(join(sampleDir, 'baku-tel-aviv-ties.txt'))
      expect(copy.equals(readFileSync(sharedSeed))).toBe(true)
    }
  )
})

describe('goldBody', () => {
  it.each([
    {
      name: 'drops headline, repeated headline/lead and byline; keeps the lead once',
      input: 'Title\n\nLead.\n\nTitle\nLead.\n\n\u00a0By: A. B\n\nOne.\n\nTwo.',
      body: 'Lead.\n\nOne.\n\nTwo.'
    },
    { name: 'drops byline and dateline', input: 'Title\n\nBy C. D\nCITY, 1 May 2023\n\nOne.\n\nTwo.\n', body: 'One.\n\nTwo.' },
    { name: 'collapses blank lines and CRLF', input: 'T\r\n\r\nBy X\r\n\r\nA.\r\n\r\n\r\nB.  \r\n', body: 'A.\n\nB.' }
  ])('$name', ({ input, body }) => {
    expect(goldBody(input)).toBe(body)
  })

  it('refuses a file without a byline', () => {
    expect(() => goldBody('Title\n\nText without byline.')).toThrow(/byline/)
  })

  it('gives the seed its deduplicated lead followed by the text from "Since 1992"', () => {
    const seed = samples.find((s) => s.id === 'seed')!
    const lead = seed.fileText.split('\n')[2]!
    expect(seed.text.startsWith(`${lead}\n\nSince 1992, ties`)).toBe(true)
    expect(seed.text.split(lead).length).toBe(2) // the lead appears once
    expect(seed.text).not.toContain('Daneshvar')
    expect(seed.text.endsWith('sure to be pleased.')).toBe(true)
  })
})

describe('metadata sidecars and word counts', () => {
  const fields = ['title', 'outlet', 'author', 'date', 'url', 'language', 'viewpoint', 'constructed', 'note'] as const
  it.each(SAMPLE_ARTICLES.map((a) => a.basename))('%s', (basename) => {
    const meta = JSON.parse(readFileSync(join(sampleDir, `${basename}.meta.json`), 'utf8')) as Record<string, unknown>
    for (const f of fields) expect(meta, `${basename}: ${f}`).toHaveProperty(f)
    for (const f of fields) if (f !== 'constructed') expect(typeof meta[f], `${basename}: ${f}`).toBe('string')
    expect(typeof meta.constructed).toBe('boolean')
    expect(meta.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    expect(meta.language).toBe('en')
    const file = readFileSync(join(sampleDir, `${basename}.txt`), 'utf8')
    expect(file.split('\n')[0]).toBe(meta.title)
    if (basename === 'baku-tel-aviv-ties') {
      expect(meta.constructed).toBe(false)
    } else {
      expect(meta.constructed).toBe(true)
      expect(meta.note).toMatch(/^Constructed teaching sample/)
      expect(meta.note).toMatch(/fictional/)
    }
    const words = wordCount(goldBody(file))
    expect(words).toBeGreaterThanOrEqual(350)
    expect(words).toBeLessThanOrEqual(900)
  })

  it('has at least four constructed articles and the seed', () => {
    expect(SAMPLE_ARTICLES.filter((a) => a.id !== 'seed').length).toBeGreaterThanOrEqual(4)
    expect(SAMPLE_ARTICLES[0]!.id).toBe('seed')
  })
})

describe('gold alignment', () => {
  const gold = readJson<AlignGold>('baku-tel-aviv.align.json')
  const source = readJson<AlignSource>('align.source.json')
  const textOf = new Map(gold.articles.map((a) => [a.id, a.text]))

  it('carries the gold body of every sample article', () => {
    expect(gold.articles.map((a) => a.id)).toEqual(samples.map((s) => s.id))
    for (const s of samples) expect(textOf.get(s.id), s.id).toBe(s.text)
  })

  it('is exactly what the builder makes from the hand-judged source', () => {
    expect(buildAlignGold(source, samples)).toEqual(gold)
  })

  it('has every span inside its text and every excerpt round-trips', () => {
    const excerpts = source.pairs.flatMap((p) => p.links.map((l) => ({ a: l.a, b: l.b })))
    expect(gold.links.length).toBe(excerpts.length)
    gold.links.forEach((link, i) => {
      for (const side of ['a', 'b'] as const) {
        const ref = link[side]
        const text = textOf.get(ref.article)
        expect(text, ref.article).toBeDefined()
        expect(ref.start).toBeGreaterThanOrEqual(0)
        expect(ref.start).toBeLessThan(ref.end)
        expect(ref.end).toBeLessThanOrEqual(text!.length)
        expect(text!.slice(ref.start, ref.end)).toBe(excerpts[i]![side])
      }
      expect(link.a.article).not.toBe(link.b.article)
    })
  })

  it('links the seed to every other article, ~10-30 links per listed pair', () => {
    for (const s of samples.filter((x) => x.id !== 'seed')) {
      expect(source.pairs.some((p) => p.a === 'seed' && p.b === s.id), s.id).toBe(true)
    }
    for (const p of source.pairs) expect(p.links.length, `${p.a}-${p.b}`).toBeGreaterThanOrEqual(10)
    expect(source.pairs.some((p) => p.a !== 'seed' && p.b !== 'seed')).toBe(true)
  })
})

describe('gold loaded-wording spans', () => {
  const records = readJsonl<SpanRecord>('baku-tel-aviv.spans.jsonl')
  const source = readJson<SpansSource>('spans.source.json')

  it('is exactly what the builder makes from the hand-judged source', () => {
    expect(buildSpansGold(source, samples)).toEqual(records)
  })

  it('has every surface equal to text.slice(start, end) and valid labels', () => {
    const ids = new Set<string>()
    for (const r of records) {
      expect(ids.has(r.id), r.id).toBe(false)
      ids.add(r.id)
      for (const s of r.spans) {
        expect(r.text.slice(s.start, s.end), r.id).toBe(s.surface)
        expect(['loaded', 'labeling']).toContain(s.label)
        expect(typeof s.inQuote).toBe('boolean')
      }
      expect(r.sentence_label).toBe(r.spans.length > 0 ? 'biased' : 'non-biased')
    }
  })

  it('places every sentence at its offset in the article body, covering all articles', () => {
    for (const r of records) {
      const s = samples.find((x) => x.id === r.article)!
      expect(s.text.slice(r.offset, r.offset + r.text.length)).toBe(r.text)
    }
    expect(new Set(records.map((r) => r.article))).toEqual(new Set(samples.map((s) => s.id)))
    // Neutral sentences are present too, so the gold measures false positives.
    expect(records.some((r) => r.sentence_label === 'non-biased')).toBe(true)
  })

  it('marks the seed labels a reader would expect', () => {
    const seedSurfaces = records.filter((r) => r.article === 'seed').flatMap((r) => r.spans.map((s) => s.surface))
    for (const w of ['Zionist regime', 'malicious', 'repugnant', 'infamous', 'secessionist thugs', 'unfounded claims']) {
      expect(seedSurfaces).toContain(w)
    }
  })
})

describe('gold paraphrase pairs', () => {
  const pairs = readJsonl<{ id: string; a: string; b: string; score: number }>('baku-tel-aviv.pairs.jsonl')
  const articleOf = (sentence: string): string[] => samples.filter((s) => s.text.includes(sentence)).map((s) => s.id)

  it('pairs sentences of two different sample articles with a 0-5 score', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40)
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length)
    for (const p of pairs) {
      expect(p.score).toBeGreaterThanOrEqual(0)
      expect(p.score).toBeLessThanOrEqual(5)
      const [a, b] = [articleOf(p.a), articleOf(p.b)]
      expect(a.length, `${p.id} a`).toBe(1)
      expect(b.length, `${p.id} b`).toBe(1)
      expect(a[0], p.id).not.toBe(b[0])
    }
  })

  it('includes unrelated pairs as well as close paraphrases', () => {
    expect(pairs.filter((p) => p.score <= 1).length).toBeGreaterThanOrEqual(5)
    expect(pairs.filter((p) => p.score >= 4).length).toBeGreaterThanOrEqual(5)
  })
})
