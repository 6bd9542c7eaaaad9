import { describe, expect, it } from 'vitest'
import { evalAlign, formatAlignMetrics, goldArticles, GoldFormatError, linkMatches, parseAlignGold, type AlignGold } from '../../../shared/eval/align'

const here = '[eval/align] '

const text = 'x'.repeat(200)
const gold: AlignGold = parseAlignGold({
  articles: [{ id: 's', outlet: 'S', text }, { id: 't', outlet: 'T', text }, { id: 'u', outlet: 'U', text }],
  links: [
    { a: { article: 's', start: 0, end: 50 }, b: { article: 't', start: 100, end: 150 } },
    { a: { article: 's', start: 60, end: 90 }, b: { article: 't', start: 0, end: 40 } },
    { a: { article: 's', start: 100, end: 120 }, b: { article: 'u', start: 0, end: 10 } }
  ]
})
const p = (a: string, as: number, ae: number, b: string, bs: number, be: number): { a: { article: string; start: number; end: number }; b: { article: string; start: number; end: number } } => ({
  a: { article: a, start: as, end: ae },
  b: { article: b, start: bs, end: be }
})

describe('evalAlign', () => {
  it.each<[string, ReturnType<typeof p>[], { precision: number; recall: number; links: number; outOfScope?: number }]>([
    ['perfect prediction', [p('s', 0, 50, 't', 100, 150), p('s', 60, 90, 't', 0, 40), p('s', 100, 120, 'u', 0, 10)], { precision: 1, recall: 1, links: 3 }],
    ['partial overlap on both sides counts', [p('s', 40, 55, 't', 140, 160)], { precision: 1, recall: 1 / 3, links: 1 }],
    ['reversed orientation counts', [p('t', 100, 150, 's', 0, 50)], { precision: 1, recall: 1 / 3, links: 1 }],
    ['touching but not overlapping does not count', [p('s', 50, 60, 't', 150, 160)], { precision: 0, recall: 0, links: 1 }],
    ['one side right, other wrong does not count', [p('s', 0, 50, 't', 0, 40)], { precision: 0, recall: 0, links: 1 }],
    ['one predicted link may match two gold links', [p('s', 0, 90, 't', 0, 150)], { precision: 1, recall: 2 / 3, links: 1 }],
    ['a pair of articles without gold links is out of scope', [p('t', 0, 10, 'u', 0, 10)], { precision: 0, recall: 0, links: 0, outOfScope: 1 }],
    ['nothing predicted', [], { precision: 0, recall: 0, links: 0 }]
  ])(here + '%s', (_n, pred, want) => {
    const m = evalAlign(gold, pred)
    expect(m.precision).toBeCloseTo(want.precision, 10)
    expect(m.recall).toBeCloseTo(want.recall, 10)
    expect(m.links).toBe(want.links)
    expect(m.goldLinks).toBe(3)
    if (want.outOfScope !== undefined) expect(m.outOfScope).toBe(want.outOfScope)
    const f1 = want.precision + want.recall === 0 ? 0 : (2 * want.precision * want.recall) / (want.precision + want.recall)
    expect(m.f1).toBeCloseTo(f1, 10)
  })

  it(here + "scope 'all' scores links in unannotated pairs as wrong", () => {
    const m = evalAlign(gold, [p('s', 0, 50, 't', 100, 150), p('t', 0, 10, 'u', 0, 10)], { scope: 'all' })
    expect(m.precision).toBe(0.5)
    expect(m.outOfScope).toBe(0)
  })

  it(here + 'linkMatches requires the same article pair', () => {
    expect(linkMatches(p('s', 0, 50, 'u', 100, 150), gold.links[0]!)).toBe(false)
  })

  it(here + 'formats a readable table', () => {
    const out = formatAlignMetrics(evalAlign(gold, [p('s', 0, 50, 't', 100, 150)]))
    expect(out).toContain('precision')
    expect(out).toContain('1.000')
    expect(out).toContain('gold links: 3')
  })
})

describe('parseAlignGold', () => {
  it.each<[string, unknown, RegExp]>([
    ['not an object', 3, /expected a JSON object/],
    ['one article only', { articles: [{ id: 'a', text: '' }], links: [] }, /at least two/],
    ['duplicate ids', { articles: [{ id: 'a', text: '' }, { id: 'a', text: '' }], links: [] }, /duplicate id "a"/],
    ['unknown article', { articles: [{ id: 'a', text: 'abc' }, { id: 'b', text: 'abc' }], links: [{ a: { article: 'z', start: 0, end: 1 }, b: { article: 'b', start: 0, end: 1 } }] }, /link 0 side a.*"z"/],
    ['span past the end', { articles: [{ id: 'a', text: 'abc' }, { id: 'b', text: 'abc' }], links: [{ a: { article: 'a', start: 0, end: 9 }, b: { article: 'b', start: 0, end: 1 } }] }, /past the end/],
    ['empty span', { articles: [{ id: 'a', text: 'abc' }, { id: 'b', text: 'abc' }], links: [{ a: { article: 'a', start: 1, end: 1 }, b: { article: 'b', start: 0, end: 1 } }] }, /start < end/],
    ['self link', { articles: [{ id: 'a', text: 'abc' }, { id: 'b', text: 'abc' }], links: [{ a: { article: 'a', start: 0, end: 1 }, b: { article: 'a', start: 1, end: 2 } }] }, /to itself/]
  ])(here + 'rejects %s', (_n, json, msg) => {
    expect(() => parseAlignGold(json)).toThrow(GoldFormatError)
    expect(() => parseAlignGold(json)).toThrow(msg)
  })

  it(here + 'goldArticles keeps ids and texts exactly and hashes the text', () => {
    const arts = goldArticles(gold)
    expect(arts.map((a) => a.id)).toEqual(['s', 't', 'u'])
    expect(arts[0]!.text).toBe(text)
    expect(arts[0]!.meta.outlet).toBe('S')
    expect(arts[0]!.hash).toMatch(/^[0-9a-f]{64}$/)
  })
})
