import { describe, expect, it } from 'vitest'
import { countsAsPrediction } from '../../../../shared/eval/spans'
import { corroborateWeakCues } from '../../../../shared/pipeline/05-language/corroborate'
import type { Flag, Sentence } from '../../../../shared/model'
import { run } from './helpers'

/** A minimal flag for the unit tests of the combination rule. */
function flag(start: number, end: number, rule: string, confidence: number, extra: Partial<Flag> = {}): Flag {
  return { id: `a:${start}-${end}:${rule}`, article: 'a', start, end, text: 'x'.repeat(end - start), category: 'loaded', rule, explanation: 'Because.', confidence, inQuote: false, negated: false, ...extra }
}
const sentence = (index: number, start: number, end: number): Sentence => ({ index, paragraph: 0, start, end, tokenStart: 0, tokenEnd: 0 })

describe('corroborateWeakCues', () => {
  it('combines two weak cues from different entries like independent evidence (noisy-OR)', () => {
    const out = corroborateWeakCues([flag(0, 3, 'loaded:a', 0.45), flag(10, 12, 'fear:b', 0.45, { category: 'fear' })], [sentence(0, 0, 20)])
    expect(out.map((f) => f.confidence)).toEqual([0.7, 0.7])
    expect(out.map((f) => f.rule)).toEqual(['rule:corroborated/loaded:a', 'rule:corroborated/fear:b'])
    expect(out[0]!.id).toBe('a:0-3:rule:corroborated/loaded:a')
    expect(out[0]!.explanation).toContain('"xx"')
  })

  it.each([
    ['one cue alone', [flag(0, 3, 'loaded:a', 0.45)]],
    ['the same entry twice', [flag(0, 3, 'loaded:a', 0.45), flag(10, 13, 'loaded:a', 0.45)]],
    ['a cue in another sentence', [flag(0, 3, 'loaded:a', 0.45), flag(30, 33, 'loaded:b', 0.45)]],
    ['a quoted cue', [flag(0, 3, 'loaded:a', 0.45), flag(10, 13, 'loaded:b', 0.45, { inQuote: true })]],
    ['a negated cue', [flag(0, 3, 'loaded:a', 0.45), flag(10, 13, 'loaded:b', 0.4, { negated: true })]],
    ['a neutral speech verb', [flag(0, 3, 'loaded:a', 0.45), flag(10, 13, 'reporting:vow', 0.45, { category: 'reporting-verb' })]],
    ['an unloaded naming choice', [flag(0, 3, 'loaded:a', 0.45), flag(10, 13, 'naming:x', 0.45, { category: 'contested-naming' })]],
    ['an ideology descriptor below 0.4', [flag(0, 3, 'loaded:a', 0.45), flag(10, 13, 'labeling:liberal', 0.3, { category: 'labeling' })]],
    ['a hedge', [flag(0, 3, 'loaded:a', 0.45), flag(10, 13, 'epistemic:may', 0.45, { category: 'hedge' })]],
    ['a sentence already explained by a counted flag', [flag(0, 3, 'loaded:a', 0.45), flag(5, 8, 'loaded:c', 0.8), flag(10, 13, 'loaded:b', 0.45)]]
  ] as const)('leaves flags unchanged: %s', (_name, flags) => {
    const out = corroborateWeakCues(flags, [sentence(0, 0, 20), sentence(1, 21, 40)])
    expect(out).toEqual(flags)
  })

  it('end to end: two weak cues in the writer\'s voice count; one does not; quoted ones do not', () => {
    const counted = (text: string): string[] => run(text).flags.filter((f) => countsAsPrediction(f)).map((f) => f.text)
    expect(counted('Iran\'s foreign ministry duly condemned the remark.')).toEqual([])
    const two = run('The ministry condemned the remarks, Iranian state media reported.').flags
    expect(two.filter((f) => countsAsPrediction(f)).map((f) => f.text)).toEqual(['condemned', 'state media'])
    expect(two.every((f) => !countsAsPrediction(f) || f.rule.startsWith('rule:corroborated/'))).toBe(true)
    expect(counted('The ministry condemned the remarks.')).toEqual([])
    expect(counted('"They condemned it on state media," she said.')).toEqual([])
  })
})
