/**
 * On-demand alignment of one pair (alignPair in shared/pipeline/analyze.ts). A study of 12
 * articles (the six sample articles plus six reworked copies: other ids and outlets, paragraphs
 * in reverse order, the last paragraph dropped) is above ALL_PAIRS_MAX_ARTICLES, so analyze()
 * aligns only base pairs; alignPair must then give, for any non-base pair, exactly the links,
 * evidence, diffs and deltas an all-pairs run over the SAME twelve articles gives that pair.
 * (Aligning only the two articles would not: feature rarity would be computed over two articles
 * instead of twelve; the last test pins that this really differs, so the equality is not vacuous.)
 */
import { describe, expect, it } from 'vitest'
import type { ArticleId } from '../../../shared/model'
import { ALL_PAIRS_MAX_ARTICLES, alignPair, analyze } from '../../../shared/pipeline/analyze'
import { align, DEFAULT_LINK_THRESHOLD } from '../../../shared/pipeline/03-align/align'
import { diffLinks } from '../../../shared/pipeline/04-diff/diffLinks'
import { buildReport } from '../../../shared/pipeline/06-report/buildReport'
import { builtinNaming } from '../../../shared/resources/naming'
import { samePair, twelveArticles } from '../helpers/twelveArticles'

const here = '[analyze/alignPair] '
const { originals, articles } = twelveArticles()
const base = originals[0]!.id
const naming = builtinNaming()
const analysis = analyze({ articles, base })

// What analyze() would give with every pair aligned: the same articles, order and threshold.
const full = align({ articles, segmentations: analysis.segmentations, base, naming, corrections: [], threshold: DEFAULT_LINK_THRESHOLD, pairs: 'all' })
const fullDiffs = new Map(diffLinks({ articles, segmentations: analysis.segmentations, links: full.links, naming }).map((d) => [d.linkId, d]))
const fullDeltas = new Map(
  buildReport({ articles, segmentations: analysis.segmentations, alignment: full, language: analysis.language, naming }).linkDeltas.map((d) => [d.linkId, d])
)

// Non-base pairs: original vs original, original vs copy (both orders of input), copy vs copy.
const ids = articles.map((a) => a.id)
const pairs: [ArticleId, ArticleId][] = [
  [ids[1]!, ids[2]!],
  [ids[2]!, ids[1]!],
  [ids[3]!, ids[9]!],
  [ids[10]!, ids[4]!],
  [ids[7]!, ids[11]!],
  [ids[5]!, ids[11]!]
]

describe('alignPair', { timeout: 120_000 }, () => {
  it(here + 'the study is large enough that analyze() aligns only base pairs', () => {
    expect(articles.length).toBeGreaterThan(ALL_PAIRS_MAX_ARTICLES)
    expect(analysis.alignScope).toBe('base')
    for (const [x, y] of pairs) expect(analysis.alignment.links.some((l) => samePair(l, x, y))).toBe(false)
  })

  it.each(pairs)(here + '%s ~ %s: links, evidence, diffs and deltas equal an all-pairs run', (x, y) => {
    const stages: string[] = []
    const r = alignPair({ analysis, a: x, b: y, onProgress: (s, done, total) => stages.push(`${s} ${done}/${total}`) })
    const expected = full.links.filter((l) => samePair(l, x, y))
    expect(expected.length).toBeGreaterThan(0)
    expect(r.links).toEqual(expected)
    // Sides follow the analysis' pair order (earlier article in input order is side a).
    const [first, second] = ids.indexOf(x) < ids.indexOf(y) ? [x, y] : [y, x]
    expect([r.a, r.b]).toEqual([first, second])
    for (const l of r.links) expect([l.a.article, l.b.article]).toEqual([first, second])
    expect(r.diffs).toEqual(r.links.map((l) => fullDiffs.get(l.id)))
    expect(r.linkDeltas).toEqual(r.links.map((l) => fullDeltas.get(l.id)))
    expect(r.links.every((l) => l.evidence.length > 0 && l.origin === 'machine')).toBe(true)
    expect(stages).toEqual(['align 1/3', 'diff 2/3', 'report 3/3'])
  })

  it(here + 'a base pair gives the links analyze() already has for it', () => {
    const r = alignPair({ analysis, a: ids[8]!, b: base })
    expect(r.a).toBe(base)
    expect(r.links).toEqual(analysis.alignment.links.filter((l) => samePair(l, base, ids[8]!)))
    expect(r.diffs).toEqual(r.links.map((l) => analysis.diffs.find((d) => d.linkId === l.id)))
  })

  it(here + "the user's link and unlink corrections for the pair are respected; other pairs' are not applied", () => {
    const [x, y] = [ids[1]!, ids[2]!]
    const machine = alignPair({ analysis, a: x, b: y }).links
    const dropped = machine[0]!
    const sx = analysis.segmentations[1]!.sentences
    const sy = analysis.segmentations[2]!.sentences
    // A user link between two last sentences (drawn from y to x: stored with sides swapped).
    const userA = { article: y, start: sy.at(-1)!.start, end: sy.at(-1)!.end, sentenceStart: sy.length - 1, sentenceEnd: sy.length }
    const userB = { article: x, start: sx.at(-1)!.start, end: sx.at(-1)!.end, sentenceStart: sx.length - 1, sentenceEnd: sx.length }
    const other = alignPair({ analysis, a: ids[3]!, b: ids[4]! }).links[0]!
    const corrections = [
      { kind: 'unlink' as const, linkId: dropped.id, at: '2026-01-01T00:00:00Z' },
      { kind: 'link' as const, a: userA, b: userB, at: '2026-01-01T00:00:01Z' },
      { kind: 'unlink' as const, linkId: other.id, at: '2026-01-01T00:00:02Z' }
    ]
    const r = alignPair({ analysis, a: x, b: y, corrections })
    expect(r.links.some((l) => l.id === dropped.id)).toBe(false)
    const user = r.links.find((l) => l.origin === 'user')!
    expect(user.a.article).toBe(y)
    expect(user.score).toBe(1)
    expect(r.links.filter((l) => l.origin === 'machine').length).toBeGreaterThanOrEqual(machine.length - 2)
    // The user link gets its diff and delta like any other.
    expect(r.diffs.map((d) => d.linkId)).toEqual(r.links.map((l) => l.id))
    expect(r.linkDeltas.map((d) => d.linkId)).toEqual(r.links.map((l) => l.id))
    // Same result as an all-pairs run with the same corrections.
    const corrected = align({ articles, segmentations: analysis.segmentations, base, naming, corrections, threshold: DEFAULT_LINK_THRESHOLD, pairs: 'all' })
    expect(r.links).toEqual(corrected.links.filter((l) => samePair(l, x, y)))
    // The other pair's unlink touches only that pair.
    expect(alignPair({ analysis, a: ids[3]!, b: ids[4]!, corrections }).links.some((l) => l.id === other.id)).toBe(false)
  })

  it(here + 'analysing only the two articles gives different scores (rarity over 2 vs 12 articles)', () => {
    const [x, y] = [ids[1]!, ids[2]!]
    const two = analyze({ articles: [articles[1]!, articles[2]!], base: x })
    const r = alignPair({ analysis, a: x, b: y })
    const score = new Map(two.alignment.links.map((l) => [l.id, l.score]))
    const differs = r.links.some((l) => score.get(l.id) !== l.score) || two.alignment.links.length !== r.links.length
    expect(differs).toBe(true)
  })

  it(here + 'rejects unknown or identical articles', () => {
    expect(() => alignPair({ analysis, a: 'nope', b: base })).toThrow(/unknown article nope/)
    expect(() => alignPair({ analysis, a: base, b: base })).toThrow(/two different/)
  })
})
