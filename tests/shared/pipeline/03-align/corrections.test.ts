import { describe, expect, it } from 'vitest'
import type { AlignmentCorrection, Article, Evidence, Link, PassageRef } from '../../../../shared/model'
import { applyCorrections, linkId, replayCorrections, sentenceSpans, type SentenceSpanLookup } from '../../../../shared/pipeline/03-align/corrections'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { align, DEFAULT_LINK_THRESHOLD } from '../../../../shared/pipeline/03-align/align'
import { builtinNaming } from '../../../../shared/resources/naming'
import { sha256 } from '../../../../shared/util/sha256'
import { art } from '../../helpers/article'

// Sentence i of every article spans [10i, 10i + 8): 2 characters of space between sentences, so
// a cut's `end` (previous sentence end) and `start` (next sentence start) differ.
const span: SentenceSpanLookup = (_article, i) => (i >= 0 && i < 20 ? { start: 10 * i, end: 10 * i + 8 } : undefined)

function ref(article: string, s0: number, s1: number): PassageRef {
  return { article, start: 10 * s0, end: 10 * (s1 - 1) + 8, sentenceStart: s0, sentenceEnd: s1 }
}
function ev(a: string, weight = 1): Evidence {
  return { kind: 'term', a, b: a, weight }
}
function mk(a: PassageRef, b: PassageRef, evidence: Evidence[] = [], score = 0.5): Link {
  return { id: linkId(a, b), a, b, score, evidence, origin: 'machine' }
}
const at = '2026-01-01T00:00:00.000Z'

// Machine alignment of base "s" with "w" (and one link with "x"):
//   s2 ~ w4, s3 ~ w5, s4-5 ~ w6-7 (two sentences each side), s3 ~ w5-6 is NOT present,
//   s9 ~ w12 (far away: merging it with s2~w4 leaves a gap), s3 ~ x1 (another pair).
const L24 = mk(ref('s', 2, 3), ref('w', 4, 5), [ev('embassy', 2), ev('baku', 1)])
const L35 = mk(ref('s', 3, 4), ref('w', 5, 6), [ev('baku', 3), ev('tel aviv', 1)])
const L46 = mk(ref('s', 4, 6), ref('w', 6, 8), [ev('oil')])
const L912 = mk(ref('s', 9, 10), ref('w', 12, 13))
const LX = mk(ref('s', 3, 4), ref('x', 1, 2))
const L3_56 = mk(ref('s', 3, 4), ref('w', 5, 7), [ev('gas')])
const machine = [L24, L35, L46, L912, LX]

const merge = (...linkIds: string[]): AlignmentCorrection => ({ kind: 'merge', linkIds, at })
const split = (linkId: string, cut: { atA?: number; atB?: number }): AlignmentCorrection => ({ kind: 'split', linkId, ...cut, at })
const unlink = (linkId: string): AlignmentCorrection => ({ kind: 'unlink', linkId, at })

describe('replayCorrections: merge and split', () => {
  const cases: readonly (readonly [string, readonly Link[], readonly AlignmentCorrection[], readonly string[], readonly (string | RegExp)[]])[] = [
    ['merge two adjacent links into one', machine, [merge(L24.id, L35.id)], [L46.id, L912.id, LX.id, 's:2-4~w:4-6'], []],
    ['merge three links, given in any order', machine, [merge(L46.id, L24.id, L35.id)], [L912.id, LX.id, 's:2-6~w:4-8'], []],
    ['merge overlapping sides (one sentence matched twice)', [L35, L3_56], [merge(L35.id, L3_56.id)], ['s:3-4~w:5-7'], []],
    ['merge with a gap is refused', machine, [merge(L24.id, L912.id)], machine.map((l) => l.id), [/merged passage in s would not be contiguous: sentences 4-9 lie in none/]],
    ['merge across article pairs is refused', machine, [merge(L35.id, LX.id)], machine.map((l) => l.id), [/join different pairs of articles/]],
    ['merge of one link is refused', machine, [merge(L24.id, L24.id)], machine.map((l) => l.id), [/at least two different links/]],
    ['merge of a link with its own reversed id is refused', machine, [merge(L24.id, 'w:4-5~s:2-3')], machine.map((l) => l.id), [/at least two different links/]],
    ['merge naming a link that is gone is a no-op, reported', machine, [merge(L24.id, 's:7-8~w:9-10')], machine.map((l) => l.id), ['link s:7-8~w:9-10 is no longer produced']],
    ['merge finds a link named with its sides swapped', machine, [merge('w:4-5~s:2-3', L35.id)], [L46.id, L912.id, LX.id, 's:2-4~w:4-6'], []],
    ['split both sides of a 2~2 link', machine, [split(L46.id, { atA: 5, atB: 7 })], [L24.id, L35.id, L912.id, LX.id, 's:4-5~w:6-7', 's:5-6~w:7-8'], []],
    ['split one side keeps the single-sentence side whole', [L3_56], [split(L3_56.id, { atB: 6 })], ['s:3-4~w:5-6', 's:3-4~w:6-7'], []],
    ['split at a sentence outside the passage is refused', machine, [split(L46.id, { atA: 6 })], machine.map((l) => l.id), [/sentence 7 of s is not a boundary inside its passage \(sentences 5-6\)/]],
    ['split at the first sentence is refused (empty half)', machine, [split(L46.id, { atA: 4 })], machine.map((l) => l.id), [/not a boundary/]],
    ['split with no cut is refused', machine, [split(L46.id, {})], machine.map((l) => l.id), [/names no sentence to cut at/]],
    ['split of a link that is gone is a no-op, reported', machine, [split('s:0-2~w:0-2', { atA: 1 })], machine.map((l) => l.id), ['link s:0-2~w:0-2 is no longer produced']],
    ['split named with swapped sides cuts the right sides', machine, [split('w:6-8~s:4-6', { atA: 7, atB: 5 })], [L24.id, L35.id, L912.id, LX.id, 's:4-5~w:6-7', 's:5-6~w:7-8'], []],
    ['merge then split restores the original links', machine, [merge(L24.id, L35.id), split('s:2-4~w:4-6', { atA: 3, atB: 5 })], [L46.id, L912.id, LX.id, L24.id, L35.id], []],
    ['a correction on a link made by an earlier one applies', [L3_56], [split(L3_56.id, { atB: 6 }), unlink('s:3-4~w:6-7')], ['s:3-4~w:5-6'], []],
    ['unlink of a link that is gone is reported', machine, [unlink('s:0-1~w:0-1')], machine.map((l) => l.id), ['link s:0-1~w:0-1 is no longer produced']]
  ]
  it.each(cases)('%s', (_name, links, corrections, ids, reasons) => {
    const r = replayCorrections(links, corrections, span)
    expect(r.links.map((l) => l.id)).toEqual(ids)
    expect(r.skipped.map((s) => s.reason)).toEqual(reasons.map((x) => (typeof x === 'string' ? x : expect.stringMatching(x))))
    // Every link's id is derived from its refs, and every side is a real, non-empty range.
    for (const l of r.links) {
      expect(l.id).toBe(linkId(l.a, l.b))
      for (const side of [l.a, l.b]) {
        expect(side.sentenceStart).toBeLessThan(side.sentenceEnd)
        expect(side).toMatchObject({ start: 10 * side.sentenceStart, end: 10 * (side.sentenceEnd - 1) + 8 })
      }
    }
  })

  it('reports skipped corrections by their stored index and kind', () => {
    const r = replayCorrections(machine, [unlink(L24.id), merge(L24.id, L35.id), split(L46.id, { atA: 5 })], span)
    expect(r.skipped).toEqual([{ index: 1, kind: 'merge', reason: `link ${L24.id} is no longer produced` }])
  })

  it('a merged link is a user link with score 1 and the union of the evidence (highest weight kept)', () => {
    const [merged] = replayCorrections([L24, L35], [merge(L24.id, L35.id)], span).links
    expect(merged).toMatchObject({ id: 's:2-4~w:4-6', origin: 'user', score: 1, a: ref('s', 2, 4), b: ref('w', 4, 6) })
    expect(merged!.evidence).toEqual([ev('embassy', 2), ev('baku', 3), ev('tel aviv', 1)])
  })

  it('split halves are user links; a half that is also a machine link keeps that link’s evidence', () => {
    const own = mk(ref('s', 3, 4), ref('w', 6, 7), [ev('pipeline')])
    const r = replayCorrections([L3_56, own], [split(L3_56.id, { atB: 6 })], span)
    expect(r.links).toEqual([
      { ...own, origin: 'user', score: 1 },
      { id: 's:3-4~w:5-6', a: ref('s', 3, 4), b: ref('w', 5, 6), score: 1, evidence: L3_56.evidence, origin: 'user' }
    ])
  })

  it('without the segmentation a split uses its stored cut offsets, and refuses when it has none or they do not fit', () => {
    const stored: AlignmentCorrection = { kind: 'split', linkId: L46.id, atA: 5, cutA: { end: 48, start: 50 }, at }
    expect(replayCorrections([L46], [stored]).links.map((l) => [l.id, l.a.start, l.a.end])).toEqual([
      ['s:4-5~w:6-8', 40, 48],
      ['s:5-6~w:6-8', 50, 58]
    ])
    expect(replayCorrections([L46], [split(L46.id, { atA: 5 })]).skipped[0]!.reason).toBe('the offsets of sentence 6 of s are unknown')
    const outside: AlignmentCorrection = { ...stored, cutA: { end: 70, start: 72 } }
    expect(replayCorrections([L46], [outside]).skipped).toHaveLength(1)
  })

  it('the current segmentation wins over stale stored offsets', () => {
    const stale: AlignmentCorrection = { kind: 'split', linkId: L46.id, atA: 5, cutA: { end: 45, start: 46 }, at }
    const [first, second] = replayCorrections([L46], [stale], span).links
    expect([first!.a.end, second!.a.start]).toEqual([48, 50])
  })

  it('replaying twice from the machine links gives the same ids (stable across runs)', () => {
    const cs = [merge(L24.id, L35.id), split(L46.id, { atA: 5, atB: 7 })]
    expect(replayCorrections(machine, cs, span).links).toEqual(replayCorrections(machine, cs, span).links)
    expect(machine.map((l) => l.id)).toEqual([L24.id, L35.id, L46.id, L912.id, LX.id])
  })

  it('applyCorrections returns the links of replayCorrections', () => {
    const cs = [merge(L24.id, L35.id), unlink('s:0-1~w:0-1')]
    expect(applyCorrections(machine, cs, span)).toEqual(replayCorrections(machine, cs, span).links)
  })

  it('sentenceSpans reads sentence offsets from real segmentations', () => {
    const text = 'Baku opened an embassy. Tel Aviv welcomed it.  Oil flows west.'
    const article: Article = {
      id: 'seed', text, hash: sha256(text), warnings: [],
      meta: { title: '', outlet: '', author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: false, note: '' },
      source: { format: 'txt', fileName: 'seed.txt', encoding: 'UTF-8', byteLength: text.length }
    }
    const lookup = sentenceSpans([segment(article)])
    const s1 = lookup('seed', 1)!
    expect(text.slice(s1.start, s1.end)).toBe('Tel Aviv welcomed it.')
    expect(lookup('seed', 9)).toBeUndefined()
    expect(lookup('other', 0)).toBeUndefined()
  })
})

describe('merge and split through align() (the real segmentation and machine links)', () => {
  // Two sentences reported one by one in both articles, in the same order (project's own text).
  const base = art('base', 'Azerbaijan opened its embassy in Tel Aviv on Wednesday. Bayramov cited over a hundred Israeli companies working in Azerbaijan. The weather was sunny in Paris.')
  const wire = art('wire', 'On Wednesday the Azeri government inaugurated an embassy in Israel. More than 100 Israeli firms operate in Azerbaijan, Bayramov said. Stock markets fell sharply on Monday.')
  const segs = [segment(base), segment(wire)]
  const run = (corrections: AlignmentCorrection[]): ReturnType<typeof align> =>
    align({ articles: [base, wire], segmentations: segs, base: 'base', naming: builtinNaming(), corrections, threshold: DEFAULT_LINK_THRESHOLD })

  it('merges the two machine links into one passage pair and splits it back with the stored cut offsets', () => {
    expect(run([]).links.map((l) => l.id)).toEqual(['base:0-1~wire:0-1', 'base:1-2~wire:1-2'])
    const merged = run([merge('base:0-1~wire:0-1', 'base:1-2~wire:1-2')])
    expect(merged.links).toHaveLength(1)
    const [m] = merged.links
    expect(m).toMatchObject({ id: 'base:0-2~wire:0-2', origin: 'user', score: 1 })
    // Offsets come from the outer sentences: the passage is exactly the two sentences.
    expect(base.text.slice(m!.a.start, m!.a.end)).toBe('Azerbaijan opened its embassy in Tel Aviv on Wednesday. Bayramov cited over a hundred Israeli companies working in Azerbaijan.')
    expect(m!.evidence.map((e) => e.a)).toEqual(expect.arrayContaining(['wednesday', 'bayramov']))
    // The third sentences stay unmatched either way.
    expect(merged.unmatched.map((u) => `${u.article}:${u.sentence}`)).toEqual(['base:2', 'wire:2'])

    const s0 = segs[0]!.sentences
    const w0 = segs[1]!.sentences
    const back = run([
      merge('base:0-1~wire:0-1', 'base:1-2~wire:1-2'),
      { kind: 'split', linkId: 'base:0-2~wire:0-2', atA: 1, atB: 1, cutA: { end: s0[0]!.end, start: s0[1]!.start }, cutB: { end: w0[0]!.end, start: w0[1]!.start }, at }
    ])
    expect(back.links.map((l) => [l.id, l.origin])).toEqual([['base:0-1~wire:0-1', 'user'], ['base:1-2~wire:1-2', 'user']])
    for (const l of back.links) {
      expect(base.text.slice(l.a.start, l.a.end)).toBe(base.text.slice(s0[l.a.sentenceStart]!.start, s0[l.a.sentenceStart]!.end))
      expect(wire.text.slice(l.b.start, l.b.end)).toBe(wire.text.slice(w0[l.b.sentenceStart]!.start, w0[l.b.sentenceStart]!.end))
    }
  })

  it('reports the corrections that no longer apply with the alignment, and only then', () => {
    expect(run([]).skippedCorrections).toBeUndefined()
    expect(run([merge('base:0-1~wire:0-1', 'base:1-2~wire:1-2')]).skippedCorrections).toBeUndefined()
    const stale = run([
      { kind: 'unlink', linkId: 'base:2-3~wire:0-1', at },
      merge('base:0-1~wire:0-1', 'base:1-2~wire:1-2')
    ])
    expect(stale.skippedCorrections).toEqual([{ index: 0, kind: 'unlink', reason: expect.stringContaining('base:2-3~wire:0-1') }])
    expect(stale.links.map((l) => l.id)).toEqual(['base:0-2~wire:0-2'])
  })

  it('a split stored without cut offsets uses the current segmentation', () => {
    const back = run([merge('base:0-1~wire:0-1', 'base:1-2~wire:1-2'), { kind: 'split', linkId: 'base:0-2~wire:0-2', atA: 1, atB: 1, at }])
    expect(back.skippedCorrections).toBeUndefined()
    expect(back.links.map((l) => l.id)).toEqual(['base:0-1~wire:0-1', 'base:1-2~wire:1-2'])
  })
})
