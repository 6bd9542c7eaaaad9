/**
 * Repetition (shared/pipeline/05-language/repetition.ts) through the whole language stage: the
 * same loaded term used three or more times in one article flags every use after the first,
 * over exactly that use's offsets; fewer uses, weak-only terms, negated uses and naming
 * conventions do not.
 */
import { describe, expect, it } from 'vitest'
import { countsAsPrediction } from '../../../../shared/eval/spans'
import { REPETITION_RULE } from '../../../../shared/pipeline/05-language/repetition'
import { run } from './helpers'

const repeats = (text: string): Array<[number, number, string]> =>
  run(text).flags.filter((f) => f.rule === REPETITION_RULE).map((f) => [f.start, f.end, f.text])

/** Start offsets of every occurrence of `word` in `text` (test-side expectation only). */
function at(text: string, word: string): number[] {
  const out: number[] = []
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push(i)
  return out
}

describe('repetition', () => {
  it('flags each use after the first, on that use\'s exact offsets, across sentences and paragraphs', () => {
    const text = 'The governor calls it a rigged system.\n\nIt is a rigged system that rewards insiders, and voters know a rigged system when they see one.'
    const starts = at(text, 'rigged')
    expect(starts.length).toBe(3)
    expect(repeats(text)).toEqual(starts.slice(1).map((s) => [s, s + 'rigged'.length, 'rigged']))
    const r = run(text)
    const f = r.flags.find((x) => x.rule === REPETITION_RULE)!
    expect(f.category).toBe('loaded')
    expect(countsAsPrediction(f)).toBe(true)
    expect(f.explanation).toContain('use 2 of 3')
    expect(f.explanation).toContain('repetition')
    // The use keeps its own lexicon flag too (its provenance is not replaced).
    expect(r.flags.filter((x) => x.start === f.start && x.end === f.end).map((x) => x.rule).sort()).toEqual(['loaded:rigged', REPETITION_RULE])
  })

  it('inflections are the same term; a repeated label stays a label; quoted uses are inQuote', () => {
    const text = 'He called them thugs. "These thugs must go," the mayor said. A thug was arrested later.'
    const r = run(text)
    const fl = r.flags.filter((x) => x.rule === REPETITION_RULE)
    expect(fl.map((x) => [x.text, x.category, x.inQuote])).toEqual([
      ['thugs', 'labeling', true],
      ['thug', 'labeling', false]
    ])
  })

  it.each([
    // [why not, text]
    ['two uses are not repetition', 'It is a rigged system. Voters know a rigged system when they see one.'],
    ['weak-only terms are topic words', 'The liberal senator met liberal donors at a liberal think tank.'],
    ['negated uses do not repeat the judgement', 'It was not rigged. It was not rigged. It was not rigged.'],
    ['contested naming is a naming convention, flagged per use already', 'The Zionist regime said it. The Zionist regime added more. The Zionist regime denied it.'],
    ['neutral topic words repeated carry no flag at all', 'The central bank raised rates. The central bank said inflation was high. The central bank meets in June.']
  ])('no repetition flag: %s', (_why, text) => {
    expect(repeats(text)).toEqual([])
  })
})
