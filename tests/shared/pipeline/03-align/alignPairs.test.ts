/**
 * alignPairs over one prepareAlignment: the links of any named pairs, with the corrections that
 * concern them replayed, equal what a full align({ pairs: 'all' }) of the same articles gives
 * for those pairs, in the same order; skip reports equal the full run's for the corrections
 * that name only those pairs. Articles: the six sample articles plus three reworked copies
 * (paragraphs reversed, last one dropped), base in the middle of the input order, so sides are
 * decided by the base for some pairs and by input order for others. Transitive links (inferred
 * through a third article) are part of the full run, so alignPairs must align their supporting
 * pairs too.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AlignmentCorrection, Article, ArticleId, Link, PassageRef, Segmentation } from '../../../../shared/model'
import { goldArticles, parseAlignGold } from '../../../../shared/eval/align'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { align, alignPairs, DEFAULT_LINK_THRESHOLD, prepareAlignment } from '../../../../shared/pipeline/03-align/align'
import { builtinNaming } from '../../../../shared/resources/naming'

const here = '[03-align/alignPairs] '
const root = resolve(import.meta.dirname, '../../../..')
const gold = parseAlignGold(JSON.parse(readFileSync(resolve(root, 'samples/baku-tel-aviv/gold/baku-tel-aviv.align.json'), 'utf8')))
const originals = goldArticles(gold)

function rework(a: Article): Article {
  const paras = a.text.split('\n\n')
  const text = paras.slice(0, Math.max(1, paras.length - 1)).reverse().join('\n\n')
  return { ...a, id: `${a.id}-copy`, text }
}

const articles = [...originals, ...originals.slice(0, 3).map(rework)]
const segmentations: Segmentation[] = articles.map((a) => segment(a))
const ids = articles.map((a) => a.id)
const base = ids[2]!
const naming = builtinNaming()
const threshold = DEFAULT_LINK_THRESHOLD
const key = (x: ArticleId, y: ArticleId): string => (x < y ? `${x}|${y}` : `${y}|${x}`)
const pairOf = (l: Link): string => key(l.a.article, l.b.article)
const machine = align({ articles, segmentations, base, naming, corrections: [], threshold, pairs: 'all' })
const linksOf = (x: ArticleId, y: ArticleId): Link[] => machine.links.filter((l) => pairOf(l) === key(x, y))

function sentenceRef(article: ArticleId, from: number, to: number): PassageRef {
  const s = segmentations[ids.indexOf(article)]!.sentences
  return { article, start: s[from]!.start, end: s[to - 1]!.end, sentenceStart: from, sentenceEnd: to }
}
const linkIdOf = (a: PassageRef, b: PassageRef): string => `${a.article}:${a.sentenceStart}-${a.sentenceEnd}~${b.article}:${b.sentenceStart}-${b.sentenceEnd}`

// Pairs the corrections are about (P1, P3 non-base; P2 non-base, user link drawn from the later
// article; PB a base pair).
const P1: [ArticleId, ArticleId] = [ids[1]!, ids[3]!]
const P2: [ArticleId, ArticleId] = [ids[4]!, ids[5]!]
const P3: [ArticleId, ArticleId] = [ids[1]!, ids[6]!]
const PB: [ArticleId, ArticleId] = [base, ids[0]!]
const [m1, m2] = linksOf(...P1) as [Link, Link]
const lastOf = (id: ArticleId): number => segmentations[ids.indexOf(id)]!.sentences.length
const user2 = { a: sentenceRef(ids[5]!, lastOf(ids[5]!) - 1, lastOf(ids[5]!)), b: sentenceRef(ids[4]!, lastOf(ids[4]!) - 1, lastOf(ids[4]!)) }
const L1 = { a: sentenceRef(ids[1]!, 0, 1), b: sentenceRef(ids[6]!, 0, 1) }
const L2 = { a: sentenceRef(ids[1]!, 1, 2), b: sentenceRef(ids[6]!, 1, 2) }
const merged = linkIdOf(sentenceRef(ids[1]!, 0, 2), sentenceRef(ids[6]!, 0, 2))
const at = '2026-01-01T00:00:00Z'

/** Each correction with the pairs it names (by hand, independent of the code under test). */
const table: { c: AlignmentCorrection; names: string[]; applies: boolean }[] = [
  { c: { kind: 'unlink', linkId: m1.id, at }, names: [key(...P1)], applies: true },
  { c: { kind: 'unlink', linkId: `${P1[0]}:900-901~${P1[1]}:0-1`, at }, names: [key(...P1)], applies: false },
  { c: { kind: 'link', ...user2, at }, names: [key(...P2)], applies: true },
  { c: { kind: 'link', ...L1, at }, names: [key(...P3)], applies: true },
  { c: { kind: 'link', ...L2, at }, names: [key(...P3)], applies: true },
  { c: { kind: 'merge', linkIds: [linkIdOf(L1.a, L1.b), linkIdOf(L2.b, L2.a)], at }, names: [key(...P3)], applies: true },
  { c: { kind: 'merge', linkIds: [linkIdOf(L1.a, L1.b), linkIdOf(L2.a, L2.b)], at }, names: [key(...P3)], applies: false },
  { c: { kind: 'split', linkId: merged, atA: 1, atB: 1, at }, names: [key(...P3)], applies: true },
  // Both links exist, but they join different pairs: always refused.
  { c: { kind: 'merge', linkIds: [m2.id, linkIdOf(user2.a, user2.b)], at }, names: [key(...P1), key(...P2)], applies: false },
  { c: { kind: 'split', linkId: m2.id, atA: m2.a.sentenceStart, at }, names: [key(...P1)], applies: false },
  { c: { kind: 'unlink', linkId: linksOf(...PB)[0]!.id, at }, names: [key(...PB)], applies: true },
  { c: { kind: 'unlink', linkId: 'not a link id', at }, names: [], applies: false }
]
const corrections = table.map((t) => t.c)
const full = align({ articles, segmentations, base, naming, corrections, threshold, pairs: 'all' })
const fullSkipped = full.skippedCorrections ?? []
/** The full run's links and skip reports for `pairs`: what alignPairs must give. */
function expected(pairs: readonly (readonly [ArticleId, ArticleId])[]): { links: Link[]; skipped: typeof fullSkipped } {
  const names = new Set(pairs.map(([x, y]) => key(x, y)))
  return {
    links: full.links.filter((l) => names.has(pairOf(l))),
    skipped: fullSkipped.filter((s) => table[s.index]!.names.length > 0 && table[s.index]!.names.every((n) => names.has(n)))
  }
}

const allPairs: [ArticleId, ArticleId][] = []
for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) allPairs.push([ids[x]!, ids[y]!])

describe('alignPairs', { timeout: 120_000 }, () => {
  const prepared = prepareAlignment(articles, segmentations, naming)

  it(here + 'the corrections table is not vacuous: the full run applies and skips what the table says', () => {
    expect(fullSkipped.map((s) => s.index)).toEqual(table.flatMap((t, i) => (t.applies ? [] : [i])))
    expect(fullSkipped.find((s) => s.index === 8)!.reason).toMatch(/different pairs/)
    expect(full.links.some((l) => l.origin === 'user' && pairOf(l) === key(...P2) && l.a.article === ids[5])).toBe(true)
    expect(full.links.filter((l) => l.origin === 'user' && pairOf(l) === key(...P3)).map((l) => l.id)).toEqual([
      linkIdOf(sentenceRef(ids[1]!, 0, 1), sentenceRef(ids[6]!, 0, 1)),
      linkIdOf(sentenceRef(ids[1]!, 1, 2), sentenceRef(ids[6]!, 1, 2))
    ])
    expect(full.links.some((l) => l.id === m1.id)).toBe(false)
  })

  it(here + `every pair of ${ids.length} articles alone, without corrections, equals the full run's links`, () => {
    for (const [x, y] of allPairs) {
      const r = alignPairs(prepared, { base, pairs: [[y, x]], corrections: [], threshold })
      expect(r.links).toEqual(linksOf(x, y))
      expect(r.skippedCorrections).toBeUndefined()
    }
    expect(machine.links.length).toBeGreaterThan(0)
    // Not vacuous for transitive links: the full run infers some (through a third article),
    // and alignPairs must find them for a pair aligned alone.
    expect(machine.links.some((l) => l.evidence.some((e) => e.kind === 'order' && e.a.startsWith('both are linked to the same passage of')))).toBe(true)
  })

  it(here + 'every pair alone, with the corrections: same links and the skip reports of its own corrections', () => {
    for (const [x, y] of allPairs) {
      const r = alignPairs(prepared, { base, pairs: [[x, y]], corrections, threshold })
      const e = expected([[x, y]])
      expect(r.links).toEqual(e.links)
      expect(r.skippedCorrections ?? []).toEqual(e.skipped)
    }
    // P1 has a skip of its own (index 1, 9); the P1+P2 merge (8) is not P1's alone.
    expect(alignPairs(prepared, { base, pairs: [P1], corrections, threshold }).skippedCorrections?.map((s) => s.index)).toEqual([1, 9])
  })

  it(here + 'several pairs in one call (any order, reversed, repeated) come in the full run\'s order', () => {
    const pairs: [ArticleId, ArticleId][] = [P3, [P2[1], P2[0]], PB, P1, P3]
    const r = alignPairs(prepared, { base, pairs, corrections, threshold })
    const e = expected(pairs)
    expect(r.links).toEqual(e.links)
    expect(r.skippedCorrections).toEqual(e.skipped)
    // With both of its pairs named, the cross-pair merge is replayed and refused as in the full run.
    expect(r.skippedCorrections?.some((s) => s.index === 8 && /different pairs/.test(s.reason))).toBe(true)
  })

  it(here + 'a preparation serves any number of calls: the same results as fresh preparations, in any call order', () => {
    const picks = [allPairs[7]!, allPairs[0]!, allPairs[20]!, allPairs[7]!, P2]
    for (const p of picks) {
      const reused = alignPairs(prepared, { base, pairs: [p], corrections, threshold })
      const fresh = alignPairs(prepareAlignment(articles, segmentations, naming), { base, pairs: [p], corrections, threshold })
      expect(reused).toEqual(fresh)
    }
    // The base and the threshold are per call, not part of the preparation.
    const other = ids[4]!
    const highFull = align({ articles, segmentations, base: other, naming, corrections: [], threshold: 0.45, pairs: 'all' })
    const r = alignPairs(prepared, { base: other, pairs: [P1, PB], corrections: [], threshold: 0.45 })
    expect(r.links).toEqual(highFull.links.filter((l) => pairOf(l) === key(...P1) || pairOf(l) === key(...PB)))
  })

  it(here + "align() over a preparation stores its pairs' links there: later alignPairs calls still equal the full run", () => {
    // A base-only run fills the cache with the base pairs (supporting pairs of every non-base
    // pair); an all-pairs run with every pair. Any wrong cache entry (wrong side, wrong key,
    // links after corrections) would change some pair's links or transitive links here.
    for (const pairs of ['base', 'all'] as const) {
      const shared = prepareAlignment(articles, segmentations, naming)
      const run = align({ articles, segmentations, base, naming, corrections, threshold, pairs, prepared: shared })
      // The run itself is unchanged by the reuse.
      expect(run).toEqual(align({ articles, segmentations, base, naming, corrections, threshold, pairs }))
      for (const [x, y] of allPairs) {
        const r = alignPairs(shared, { base, pairs: [[x, y]], corrections, threshold })
        const e = expected([[x, y]])
        expect(r.links).toEqual(e.links)
        expect(r.skippedCorrections ?? []).toEqual(e.skipped)
      }
    }
    // Another base orients the pairs the other way: the cache must not hand out the first
    // base's orientation (keys carry the sides).
    const other = ids[4]!
    const shared = prepareAlignment(articles, segmentations, naming)
    align({ articles, segmentations, base, naming, corrections: [], threshold, pairs: 'base', prepared: shared })
    const otherFull = align({ articles, segmentations, base: other, naming, corrections: [], threshold, pairs: 'all' })
    for (const [x, y] of allPairs) {
      expect(alignPairs(shared, { base: other, pairs: [[x, y]], corrections: [], threshold }).links).toEqual(otherFull.links.filter((l) => pairOf(l) === key(x, y)))
    }
  })

  it(here + "align() refuses a preparation of other inputs (other articles, segmentations or naming)", () => {
    const shared = prepareAlignment(articles, segmentations, naming)
    const run = { articles, segmentations, base, naming, corrections: [], threshold, prepared: shared }
    expect(() => align({ ...run, articles: [...articles] })).toThrow(/other articles/)
    expect(() => align({ ...run, segmentations: articles.map((a) => segment(a)) })).toThrow(/other articles/)
    expect(() => align({ ...run, naming: null })).toThrow(/other articles/)
    expect(align(run).links).toEqual(machine.links)
  })

  it(here + 'rejects unknown or identical articles and objects that are not a preparation', () => {
    expect(() => alignPairs(prepared, { base, pairs: [['nope', base]], corrections: [], threshold })).toThrow(/unknown article nope/)
    expect(() => alignPairs(prepared, { base, pairs: [[base, base]], corrections: [], threshold })).toThrow(/two different/)
    expect(() => alignPairs({ articles, segmentations, naming }, { base, pairs: [P1], corrections: [], threshold })).toThrow(/prepareAlignment/)
    expect(() => prepareAlignment(articles, segmentations.slice(1), naming)).toThrow(/one segmentation per article/)
  })
})
