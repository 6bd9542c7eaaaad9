import { describe, expect, it } from 'vitest'
import { featuresOfRange } from '../../../../shared/pipeline/03-align/features'
import { tokenize } from '../../../../shared/text/tokenize'

const here = '[03-align/features] '

/** Number and date feature keys of a free sentence. */
function facts(text: string): string[] {
  const tokens = tokenize(text)
  const f = featuresOfRange(tokens, text, 0, tokens.length, [], () => false)
  return [...f.keys()].filter((k) => k.startsWith('n:') || k.startsWith('d:')).sort()
}

// Different spellings of one quantity or date must give the same keys (hand-made cases).
const SAME: [string, string][] = [
  ['The blockage held up $9.6bn of goods.', 'The blockage held up 9.6 billion dollars of goods.'],
  ['They seek about $1bn.', 'They seek one billion dollars.'],
  ['They seek about $1bn.', 'They seek a billion dollars.'],
  ['Dredgers moved 30,000 cubic metres.', 'Dredgers moved thirty thousand cubic metres.'],
  ['It reopened on 29 March 2021.', 'It reopened on March 29, 2021.'],
  ['It reopened on 29 March 2021.', 'It reopened on 29.03.2021.'],
  ['Israel recognised it on Dec. 25, 1991.', 'Israel recognised it on 25 December 1991.'],
  ['More than 100 firms work there.', 'Over a hundred firms work there.']
]

describe('features: quantities and dates', () => {
  it.each(SAME)(here + '%s ≈ %s', (a, b) => {
    expect(facts(a)).toEqual(facts(b))
    expect(facts(a).length).toBeGreaterThan(0)
  })
  it(here + 'a day beside a month is one date feature; different days differ', () => {
    expect(facts('It ran aground on 23 March.')).toContain('d:march-23')
    expect(facts('It ran aground on March 23.')).toContain('d:march-23')
    expect(facts('It was freed on 29 March.')).not.toContain('d:march-23')
  })
  it(here + 'the verb "march" and the modal "may" are not dates; a bare "one" is not a number', () => {
    expect(facts('Protesters march to the square.')).toEqual([])
    expect(facts('Officials may march on Monday.')).toEqual([])
    expect(facts('One official spoke.')).toEqual([])
    expect(facts('Prices rose 9.6 percent.')).toEqual(['n:9.6'])
  })
})
