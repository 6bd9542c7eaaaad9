import { describe, expect, it } from 'vitest'
import { isReportedFeeling, REPORTED_FEELING_CONFIDENCE } from '../../../../shared/pipeline/05-language/feelings'
import { countsAsPrediction } from '../../../../shared/eval/spans'
import { tokenize } from '../../../../shared/text/tokenize'
import { run } from './helpers'

/** The flag on `word` in `text` (first one whose text is the word, case-insensitive). */
function flagOn(text: string, word: string): { rule: string; confidence: number; explanation: string } | undefined {
  return run(text).flags.find((f) => f.text.toLowerCase() === word.toLowerCase())
}

describe('reported feelings are weaker flags; the writer\'s evaluations stay', () => {
  it.each([
    // A person's reported state: weaker, not counted.
    ['Families of the victims said they were devastated by the verdict.', 'devastated', true],
    ['Neighbors said they were shocked to learn of the arrests.', 'shocked', true],
    ['Residents said they were frightened when the explosion shook their homes.', 'frightened', true],
    ['"I am outraged," the senator said.', 'outraged', true],
    ['Parents said they were outraged by the school board\'s decision.', 'outraged', true],
    ['Smith said he was furious about the delay.', 'furious', true],
    ['The families had been left devastated by the ruling, their lawyer said.', 'devastated', true],
    ['According to neighbours, they were all deeply shocked.', 'shocked', true],
    ['We felt betrayed by the decision.', 'betrayed', true],
    // Asserted in the writer's voice (nobody reports it): the writer characterises a group's mood.
    ['Parents were outraged by the school board\'s decision.', 'outraged', false],
    ['Voters felt betrayed by the decision.', 'betrayed', false],
    // The writer's evaluation of an event or a thing: counted as before.
    ['It was a devastating attack on democracy.', 'devastating', false],
    ['The shocking revelations rocked the campaign.', 'shocking', false],
    ['Outraged parents stormed the meeting.', 'Outraged', false],
    ['The decision was shocking.', 'shocking', false],
    ['The economy was devastated by the lockdowns.', 'devastated', false],
    ['The verdict left families devastated.', 'devastated', false]
  ])('%j: "%s" reported feeling = %s', (text, word, reported) => {
    const f = flagOn(text, word)
    expect(f, 'the word is still flagged').toBeDefined()
    expect(f!.rule.startsWith('rule:reported-feeling/')).toBe(reported)
    expect(countsAsPrediction({ start: 0, end: 1, category: 'loaded', confidence: f!.confidence })).toBe(!reported)
    if (reported) {
      expect(f!.confidence).toBeLessThanOrEqual(REPORTED_FEELING_CONFIDENCE)
      expect(f!.explanation).toMatch(/how someone in the story feels/)
    }
  })

  it('needs the emotion word right after a linking verb, a person subject and someone reporting it', () => {
    const at = (text: string, word: string, quoted = false): boolean => {
      const toks = tokenize(text)
      const i = toks.findIndex((t) => t.norm === word)
      return isReportedFeeling(toks, i, 0, toks.length, text, quoted)
    }
    expect(at('she said they were devastated', 'devastated')).toBe(true)
    expect(at('they were devastated', 'devastated', true)).toBe(true)
    expect(at('they were devastated', 'devastated')).toBe(false)
    expect(at('she said the crops were devastated', 'devastated')).toBe(false)
    expect(at('she said it was devastated', 'devastated')).toBe(false)
    expect(at('she said a devastated family left', 'devastated')).toBe(false)
    // Punctuation between ends the construction.
    expect(at('she said they were, devastated', 'devastated')).toBe(false)
    // Only experiencer states: a passive of a non-emotion verb is not a feeling.
    expect(at('she said he was discredited', 'discredited')).toBe(false)
  })

  it('a reported feeling is not counted as a repeated loaded term', () => {
    const r = run('Families said they were devastated. Neighbours said they were devastated. Friends said they were devastated.')
    expect(r.flags.some((f) => f.rule === 'rule:repetition')).toBe(false)
  })
})
