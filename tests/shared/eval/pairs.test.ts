import { describe, expect, it } from 'vitest'
import { evalPairs, formatPairMetrics, PairsFormatError, parsePairsGold, ranks, spearman } from '../../../shared/eval/pairs'

const here = '[eval/pairs] '

describe('ranks and spearman', () => {
  it(here + 'average ranks for ties', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1])
  })
  it.each<[string, number[], number[], number | null]>([
    ['perfect agreement', [1, 2, 3, 4], [10, 20, 30, 40], 1],
    ['perfect disagreement', [1, 2, 3, 4], [4, 3, 2, 1], -1],
    ['monotone but non-linear is still 1', [1, 2, 3, 4], [1, 4, 9, 100], 1],
    ['constant side is undefined', [1, 1, 1], [1, 2, 3], null],
    ['fewer than two is undefined', [1], [1], null]
  ])(here + '%s', (_n, x, y, want) => {
    const r = spearman(x, y)
    if (want === null) expect(r).toBeNull()
    else expect(r).toBeCloseTo(want, 10)
  })
  it(here + 'known value with ties', () => {
    // x ranks [1,2.5,2.5,4], y ranks [1,2,3,4]: pearson of ranks = 0.9486832980505138
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9486832980505138, 10)
  })
})

describe('evalPairs', () => {
  const sim = (a: string, b: string): number => (a === b ? 1 : a[0] === b[0] ? 0.5 : 0)
  it(here + 'accuracy and F1 for labels at the given threshold, Spearman for scores', () => {
    const recs = parsePairsGold([
      '{"id":"1","a":"abc","b":"abc","label":1}',
      '{"id":"2","a":"abc","b":"axe","label":1}',
      '{"id":"3","a":"abc","b":"xyz","label":0}',
      '{"id":"4","a":"abc","b":"ayz","label":0}',
      '',
      '{"id":"5","a":"q","b":"q","score":5}',
      '{"id":"6","a":"q","b":"qr","score":3}',
      '{"id":"7","a":"q","b":"r","score":0.5}'
    ].join('\n'))
    const m = evalPairs(recs, sim, 0.5)
    // predictions: 1→1 (tp), 2→1 (tp), 3→0 (tn), 4→1 (fp)
    expect(m.accuracy).toBeCloseTo(3 / 4, 10)
    expect(m.f1).toBeCloseTo((2 * 2) / (2 * 2 + 1 + 0), 10)
    expect(m.spearman).toBeCloseTo(1, 10)
    expect(m.pairs).toBe(7)
    expect(m.threshold).toBe(0.5)
    expect(formatPairMetrics(m)).toContain('spearman')
  })
  it(here + 'no labels → accuracy and f1 are null', () => {
    const m = evalPairs(parsePairsGold('{"a":"x","b":"y","score":1}\n{"a":"x","b":"x","score":2}'), sim, 0.5)
    expect(m.accuracy).toBeNull()
    expect(m.f1).toBeNull()
  })
})

describe('parsePairsGold', () => {
  it.each<[string, string, RegExp]>([
    ['bad json', '{"a":', /line 1: not valid JSON/],
    ['missing b', '{"a":"x","score":1}', /"a" and "b" must be strings/],
    ['no score or label', '{"a":"x","b":"y"}', /needs "score" or "label"/],
    ['bad label', '{"a":"x","b":"y","label":2}', /"label" must be 0 or 1/],
    ['bad score', '{"a":"x","b":"y","score":"high"}', /"score" must be a number/]
  ])(here + 'rejects %s', (_n, text, msg) => {
    expect(() => parsePairsGold(text)).toThrow(PairsFormatError)
    expect(() => parsePairsGold(text)).toThrow(msg)
  })
})
