import { describe, expect, it } from 'vitest'
import { COUNT_MIN_CONFIDENCE, countsAsPrediction, evalSpans, parseSpansGold, type PredictedSpan } from '../../../shared/eval/spans'

const gold = [
  '{"id":"1","text":"The radical plan failed badly.","spans":[{"start":4,"end":11,"label":"loaded","surface":"radical"}],"sentence_label":"biased"}',
  '{"id":"2","text":"The plan passed on Monday.","spans":[],"sentence_label":"non-biased"}',
  '{"id":"3","text":"Thugs and a regime.","spans":[{"start":0,"end":5,"label":"labeling"}],"sentence_label":"biased"}'
].join('\n')

describe('parseSpansGold', () => {
  it('reads records and ignores extra keys', () => {
    const r = parseSpansGold(gold + '\n{"id":"4","text":"x","spans":[],"outlet":"y"}\n')
    expect(r.ok && r.value.length).toBe(4)
  })
  it.each([
    ['{"text":"a","spans":[]}\nnot json', /line 2: not valid JSON/],
    ['{"text":1,"spans":[]}', /line 1: "text"/],
    ['{"text":"abc","spans":[{"start":2,"end":9}]}', /line 1: span 0 \[2, 9\) lies outside/],
    ['{"text":"abc","spans":[{"start":"0","end":1}]}', /line 1: span 0 needs integer/]
  ])('error %#', (text, message) => {
    const r = parseSpansGold(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(message)
  })
})

describe('evalSpans', () => {
  const records = (() => {
    const r = parseSpansGold(gold)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  })()
  const predict = (text: string): PredictedSpan[] => {
    const out: PredictedSpan[] = []
    const add = (w: string, category: PredictedSpan['category']): void => {
      const i = text.indexOf(w)
      if (i >= 0) out.push({ start: i, end: i + w.length, category })
    }
    add('radical plan', 'loaded') // 1 TP token (radical), 1 FP (plan)
    add('Monday', 'hedge') // not counted
    add('regime', 'labeling') // FP token, makes record 3 predicted biased
    return out
  }

  it('counts word tokens that overlap spans and flags', () => {
    const m = evalSpans(records, predict)
    // Tokens: TP radical; FP plan, regime; FN thugs.
    expect(m.tokens.precision).toBeCloseTo(1 / 3)
    expect(m.tokens.recall).toBeCloseTo(1 / 2)
    expect(m.tokens.f1).toBeCloseTo(0.4)
    // Sentences: 1 and 3 predicted biased and gold biased; 2 not predicted (hedge not counted).
    expect(m.sentences).toEqual({ precision: 1, recall: 1, f1: 1 })
    expect(m.byLabel['loaded']!.recall).toBe(1)
    expect(m.byLabel['loaded']!.precision).toBeCloseTo(1 / 2)
    expect(m.byLabel['labeling']!.recall).toBe(0)
    expect(m.records).toBe(3)
  })

  it('returns null sentence metrics without sentence labels', () => {
    const m = evalSpans([{ id: 'x', text: 'a b', spans: [] }], () => [])
    expect(m.sentences).toBeNull()
    expect(m.tokens).toEqual({ precision: 0, recall: 0, f1: 0 })
  })
})

describe('counting threshold (weaker flags are shown, not counted)', () => {
  const records = (() => {
    const r = parseSpansGold(gold)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  })()
  const at = (confidence: number | undefined) => (text: string): PredictedSpan[] => {
    const i = text.indexOf('radical')
    return i < 0 ? [] : [confidence === undefined ? { start: i, end: i + 7, category: 'loaded' } : { start: i, end: i + 7, category: 'loaded', confidence }]
  }

  it.each([
    [COUNT_MIN_CONFIDENCE, true],
    [COUNT_MIN_CONFIDENCE - 0.05, false],
    [1, true],
    [undefined, true]
  ])('a flag of confidence %s counts = %s', (confidence, counted) => {
    const m = evalSpans(records, at(confidence))
    // The only prediction is the true positive "radical" (1 of 2 gold tokens).
    expect(m.tokens.recall).toBeCloseTo(counted ? 0.5 : 0)
    expect(m.sentences!.recall).toBeCloseTo(counted ? 0.5 : 0)
    expect(countsAsPrediction({ start: 0, end: 1, category: 'loaded', ...(confidence === undefined ? {} : { confidence }) })).toBe(counted)
  })

  it('minConfidence option overrides the default; category filter still applies', () => {
    expect(evalSpans(records, at(0.2), { minConfidence: 0.1 }).tokens.recall).toBeCloseTo(0.5)
    expect(countsAsPrediction({ start: 0, end: 1, category: 'hedge', confidence: 1 })).toBe(false)
  })
})
