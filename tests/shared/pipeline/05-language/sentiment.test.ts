import { describe, expect, it } from 'vitest'
import Sentiment from 'sentiment'
import englishLabels from 'sentiment/languages/en/labels.json'
import { scoreWords } from '../../../../shared/pipeline/05-language/sentiment/afinn'
import { run } from './helpers'

describe('sentiment adapter', () => {
  it('leaves the package\'s global English labels untouched after our analyses', () => {
    const before = JSON.stringify(englishLabels)
    const baseline = new Sentiment().analyze('I love this good plan, not bad at all. meh parallaxword')
    // Our analyses (registered language, own scoring strategy)
    run('It is not a good plan. They hate it. This is wonderful and awful.')
    scoreWords(['not', 'very', 'good'], [false, true, true])
    const after = new Sentiment().analyze('I love this good plan, not bad at all. meh parallaxword')
    expect(after).toEqual(baseline)
    expect(JSON.stringify(englishLabels)).toBe(before)
    expect(Object.prototype.hasOwnProperty.call(englishLabels, 'parallaxword')).toBe(false)
    // The default 'en' language still negates only the previous token, unlike ours.
    expect(new Sentiment().analyze('not very good').score).toBe(3)
  })

  it('negation covers more than one word ("not very good" is negative)', () => {
    const r = run('This is not very good.')
    expect(r.sentences[0]!.score).toBeLessThan(0)
    const w = r.sentences[0]!.words[0]!
    expect('This is not very good.'.slice(w.start, w.end)).toBe('good')
    expect(w.score).toBeLessThan(0)
  })

  it.each([
    ['A good and happy day.', 1],
    ['A terrible, awful day.', -1],
    ['We did not see anything good.', -1],
    ['Not good, and terrible.', -1]
  ])('%j has sign %i', (text, sign) => {
    expect(Math.sign(run(text).sentences[0]!.score)).toBe(sign)
  })
})
