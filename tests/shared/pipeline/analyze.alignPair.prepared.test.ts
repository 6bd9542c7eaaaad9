/**
 * alignPair with a reused preparation (preparePairs): the worker prepares an analysis' articles
 * once and aligns every later pair against that. Each pair must come out exactly as a fresh
 * alignPair call (which prepares for itself) and as the all-pairs run gives it, whatever pairs
 * were aligned before with the same preparation; a preparation of other articles is refused.
 * analyze() hands out its align stage's preparation (onPrepared, with the base pairs' links in
 * its cache), and every pair aligned over it equals the all-pairs run, corrections included.
 * Study: the six sample articles plus six reworked copies (12 > ALL_PAIRS_MAX_ARTICLES).
 */
import { describe, expect, it } from 'vitest'
import type { AlignmentCorrection, ArticleId, Link, PassageRef } from '../../../shared/model'
import { alignPair, analyze, preparePairs, type PreparedAlignment } from '../../../shared/pipeline/analyze'
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

  it(here + "analyze()'s own preparation (onPrepared): every pair of the 12 articles, with corrections, equals the all-pairs run", () => {
    let kept: PreparedAlignment | undefined
    const own = analyze({ articles, base, onPrepared: (p) => (kept = p) })
    expect(kept).toBeDefined()
    expect(own.alignScope).toBe('base')
    // analyze() gave out the preparation of its very result: alignPair accepts it.
    expect(kept!.articles).toBe(own.articles)
    expect(kept!.segmentations).toBe(own.segmentations)
    const naming = builtinNaming()
    const plain = align({ articles, segmentations: own.segmentations, base, naming, corrections: [], threshold: DEFAULT_LINK_THRESHOLD, pairs: 'all' })
    const between = (x: ArticleId, y: ArticleId): Link[] => plain.links.filter((l) => samePair(l, x, y))
    const at = '2026-01-01T00:00:00Z'
    // Corrections on a non-base pair (unlink one link, link two last sentences), on a base pair,
    // and one naming no pair: each pair must get exactly its own, as in the full run.
    const [nx, ny] = [ids[1]!, ids[7]!]
    const lastRef = (i: number): PassageRef => {
      const s = own.segmentations[i]!.sentences
      return { article: ids[i]!, start: s.at(-1)!.start, end: s.at(-1)!.end, sentenceStart: s.length - 1, sentenceEnd: s.length }
    }
    const corrections: AlignmentCorrection[] = [
      { kind: 'unlink', linkId: between(nx, ny)[0]!.id, at },
      { kind: 'link', a: lastRef(7), b: lastRef(1), at },
      { kind: 'unlink', linkId: between(base, ids[4]!)[0]!.id, at },
      { kind: 'unlink', linkId: between(ids[2]!, ids[9]!).at(-1)!.id, at },
      { kind: 'unlink', linkId: 'no such link', at }
    ]
    const full = align({ articles, segmentations: own.segmentations, base, naming, corrections, threshold: DEFAULT_LINK_THRESHOLD, pairs: 'all' })
    // Not vacuous: the corrections changed the full run, and it has transitive links.
    expect(full.links).not.toEqual(plain.links)
    expect(full.links.some((l) => l.origin === 'user')).toBe(true)
    expect(full.links.some((l) => l.evidence.some((e) => e.kind === 'order' && e.a.startsWith('both are linked to the same passage of')))).toBe(true)
    let pairs = 0
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        // Alternate the order in which the pair is named; sides follow the analysis anyway.
        const [x, y] = (i + j) % 2 === 0 ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!]
        const r = alignPair({ analysis: own, a: x, b: y, corrections, prepared: kept! })
        expect(r.links).toEqual(full.links.filter((l) => samePair(l, x, y)))
        pairs++
      }
    }
    expect(pairs).toBe(66)
    // Base pairs came from the analysis' own run: identical to what it holds (no corrections there).
    expect(alignPair({ analysis: own, a: ids[5]!, b: base, prepared: kept! }).links).toEqual(own.alignment.links.filter((l) => samePair(l, base, ids[5]!)))
  })

  it(here + 'a preparation of another analysis (other articles, or a copy of them) is refused', () => {
    const two = analyze({ articles: [articles[1]!, articles[2]!], base: ids[1]! })
    expect(() => alignPair({ analysis, a: ids[1]!, b: ids[2]!, prepared: preparePairs(two) })).toThrow(/another analysis/)
    const copy = structuredClone({ articles: analysis.articles, segmentations: analysis.segmentations })
    expect(() => alignPair({ analysis, a: ids[1]!, b: ids[2]!, prepared: preparePairs(copy) })).toThrow(/another analysis/)
  })
})
