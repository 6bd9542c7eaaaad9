import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PhraseMatcher } from '../../../shared/text/phrases'
import { tokenize } from '../../../shared/text/tokenize'
import { builtinWording } from '../../../shared/resources/wording'

const here = '[text/phrases] '
const stems = (s: string): string[] => tokenize(s).map((t) => t.stem)

describe('PhraseMatcher', () => {
  it(here + 'longest first; equal lengths keep their order; disjoint unless overlapping', () => {
    const m = new PhraseMatcher([
      { stems: stems('unfounded'), payload: 'one' },
      { stems: stems('unfounded claims'), payload: 'two' },
      { stems: ['unfound', 'x'], payload: 'first of equal length' },
      { stems: stems('claims'), payload: 'claim' }
    ])
    const toks = tokenize('Unfounded claims and unfounded rumours; claims.')
    expect(m.match(toks).map((h) => [h.tokenStart, h.tokenEnd, h.payload])).toEqual([[0, 2, 'two'], [3, 4, 'one'], [6, 7, 'claim']])
    expect(m.match(toks, 0, toks.length, true).map((h) => h.payload)).toEqual(['two', 'one', 'claim', 'one', 'claim'])
    expect(m.match(toks, 1, 5).map((h) => h.payload)).toEqual(['claim', 'one'])
  })

  it(here + "key 'norm' equals matching copies of the tokens whose stem is their norm", () => {
    const text = readFileSync(resolve(__dirname, '../../../samples/baku-tel-aviv/baku-tel-aviv-ties.txt'), 'utf8')
    const toks = tokenize(text)
    const copies = toks.map((t) => (t.stem === t.norm ? t : { ...t, stem: t.norm }))
    const w = builtinWording()
    let n = 0
    for (const m of [w.reporting, w.hedges]) {
      const want = m.match(copies, 0, copies.length)
      expect(m.match(toks, 0, toks.length, false, 'norm')).toEqual(want)
      expect(m.match(toks, 10, 400, false, 'norm')).toEqual(m.match(copies, 10, 400))
      n += want.length
    }
    expect(n).toBeGreaterThan(5)
  })
})
