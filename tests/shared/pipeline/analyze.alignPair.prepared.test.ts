/**
 * alignPair with a reused preparation (preparePairs): the worker prepares an analysis' articles
 * once and aligns every later pair against that. Each pair must come out exactly as a fresh
 * alignPair call (which prepares for itself) and as the all-pairs run gives it, whatever pairs
 * were aligned before with the same preparation; a preparation of other articles is refused.
 * Study: the six sample articles plus six reworked copies (12 > ALL_PAIRS_MAX_ARTICLES).
 */
import { describe, expect, it } from 'vitest'
import type { AlignmentCorrection, ArticleId } from '../../../shared/model'
import { alignPair, analyze, preparePairs } from '../../../shared/pipeline/analyze'
import { align, DEFAULT_LINK_THRESHOLD } from '../../../shared/pipeline/03-align/align'
import { builtinNaming } from '../../../shared/resources/naming'
import { samePair, twelveArticles } from '../helpers/twelveArticles'

const here = '[analyze/alignPair prepared] '
const { originals, articles } = twelveArticles()
const base = originals[0]!.id
const analysis = analyze({ articles, base })
const ids = articles.map((a) => a.id)

// Non-base pairs, a base pair, and a pair repeated after others were aligned.
const pairs: [ArticleId, ArticleId][] = [
  [ids[1]!, ids[2]!],
  [ids[9]!, ids[3]!],
  [ids[8]!, base],
  [ids[7]!, ids[11]!],
  [ids[2]!, ids[1]!],
  [ids[4]!, ids[10]!]
]

describe('alignPair with a reused preparation', { timeout: 120_000 }, () => {
  it(here + 'one preparation for several pairs gives what fresh calls give, and the all-pairs links', () => {
    const prepared = preparePairs(analysis)
    const full = align({ articles, segmentations: analysis.segmentations, base, naming: builtinNaming(), corrections: [], threshold: DEFAULT_LINK_THRESHOLD, pairs: 'all' })
    for (const [x, y] of pairs) {
      const stages: string[] = []
      const reused = alignPair({ analysis, a: x, b: y, prepared, onProgress: (s, d, t) => stages.push(`${s} ${d}/${t}`) })
      const fresh = alignPair({ analysis, a: x, b: y })
      expect(reused).toEqual(fresh)
      expect(reused.links.length).toBeGreaterThan(0)
      expect(reused.links).toEqual(full.links.filter((l) => samePair(l, x, y)))
      expect(stages).toEqual(['align 1/3', 'diff 2/3', 'report 3/3'])
    }
  })

  it(here + 'corrections are per call: the same preparation serves runs with different corrections', () => {
    const prepared = preparePairs(analysis)
    const [x, y] = pairs[0]!
    const plain = alignPair({ analysis, a: x, b: y, prepared })
    const corrections: AlignmentCorrection[] = [{ kind: 'unlink', linkId: plain.links[0]!.id, at: '2026-01-01T00:00:00Z' }]
    const corrected = alignPair({ analysis, a: x, b: y, prepared, corrections })
    expect(corrected).toEqual(alignPair({ analysis, a: x, b: y, corrections }))
    expect(corrected.links.some((l) => l.id === plain.links[0]!.id)).toBe(false)
    // ...and the preparation is not changed by it.
    expect(alignPair({ analysis, a: x, b: y, prepared })).toEqual(plain)
  })

  it(here + 'a preparation of another analysis (other articles, or a copy of them) is refused', () => {
    const two = analyze({ articles: [articles[1]!, articles[2]!], base: ids[1]! })
    expect(() => alignPair({ analysis, a: ids[1]!, b: ids[2]!, prepared: preparePairs(two) })).toThrow(/another analysis/)
    const copy = structuredClone({ articles: analysis.articles, segmentations: analysis.segmentations })
    expect(() => alignPair({ analysis, a: ids[1]!, b: ids[2]!, prepared: preparePairs(copy) })).toThrow(/another analysis/)
  })
})
