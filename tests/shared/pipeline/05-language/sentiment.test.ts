import { describe, expect, it } from 'vitest'
import Sentiment from 'sentiment'
import englishLabels from 'sentiment/languages/en/labels.json'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { scoreWords, scoreWordsWithPackage } from '../../../../shared/pipeline/05-language/sentiment/afinn'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { negationIndex } from '../../../../shared/resources/lexicons'
import { article, run } from './helpers'

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

describe('scoreWords equals the package\'s own analyze', () => {
  it.each([
    [['not', 'very', 'good'], [false, true, true]],
    [['GOOD', 'Bad', 'cover-up', 'ill-fated', "can't", 'good.', '(love)', 'hate!?', 'a/b'], [false, true, false, true, false, false, true, false, false]],
    [['😂', '❤', 'x', '', '...', 'u.s.', 'kind', 'of'], [true, false, false, false, true, false, false, false]],
    [['ΣΟΦΟΣ', 'İyi', 'straße', 'good\u00a0bad', 'tab\tgood'], [false, false, false, true, false]],
    [[], []]
  ])('%j', (words, negated) => {
    expect(scoreWords(words, negated)).toEqual(scoreWordsWithPackage(words, negated))
  })

  it('on every sentence of the sample articles, with the stage\'s negation scope', () => {
    const dir = resolve(__dirname, '../../../../samples/baku-tel-aviv')
    let scored = 0
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const a = article(readFileSync(resolve(dir, f), 'utf8'))
      const seg = segment(a)
      const negated = negationIndex(seg.tokens)
      for (const s of seg.sentences) {
        const words: string[] = []
        const neg: boolean[] = []
        for (let k = s.tokenStart; k < s.tokenEnd; k++) {
          if (seg.tokens[k]!.kind !== 'word') continue
          words.push(seg.tokens[k]!.norm)
          neg.push(negated(k, s.tokenStart))
        }
        const r = scoreWords(words, neg)
        expect(r).toEqual(scoreWordsWithPackage(words, neg))
        scored += r.words.length
      }
    }
    expect(scored).toBeGreaterThan(200)
  })
})
