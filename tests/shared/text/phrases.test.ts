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

  it(here + 'long lists (indexed by second stem) give what trying every entry gives', () => {
    const text = readFileSync(resolve(__dirname, '../../../samples/baku-tel-aviv/baku-tel-aviv-ties.txt'), 'utf8')
    const toks = tokenize(text)
    // Phrases of 1-4 words starting with common words, taken from the text itself, plus some
    // that never occur: lists of 20+ entries for "the", "a", "of", "and", "to", "in".
    const patterns: { stems: string[]; payload: number }[] = []
    const seen = new Set<string>()
    const common = new Set(['the', 'a', 'of', 'and', 'to', 'in'])
    for (let i = 0; i + 4 <= toks.length; i += 3) {
      if (!common.has(toks[i]!.stem)) continue
      for (const n of [1, 2, 3, 4]) {
        const st = toks.slice(i, i + n).map((t) => t.stem)
        if (n === 3) st.push('never-there')
        const k = st.join(' ')
        if (seen.has(k)) continue
        seen.add(k)
        patterns.push({ stems: st, payload: patterns.length })
      }
    }
    const m = new PhraseMatcher(patterns)
    expect(patterns.filter((p) => p.stems[0] === 'the').length).toBeGreaterThan(20)
    // Reference: every entry of the first word's list, longest first (stable), as before the index.
    const reference = (from: number, to: number, overlapping: boolean): [number, number, number][] => {
      const out: [number, number, number][] = []
      const sorted = [...patterns].sort((x, y) => y.stems.length - x.stems.length)
      for (let i = from; i < to; i++) {
        let consumed = 0
        for (const p of sorted) {
          const n = p.stems.length
          if (i + n > to || p.stems.some((st, k) => toks[i + k]!.stem !== st)) continue
          out.push([i, i + n, p.payload])
          if (!overlapping) { consumed = n; break }
        }
        if (consumed > 0) i += consumed - 1
      }
      return out
    }
    for (const [from, to] of [[0, toks.length], [5, 300], [17, 18], [100, 102]] as const) {
      for (const overlapping of [false, true]) {
        const got = m.match(toks, from, to, overlapping).map((h): [number, number, number] => [h.tokenStart, h.tokenEnd, h.payload])
        expect(got).toEqual(reference(from, to, overlapping))
      }
    }
    expect(m.match(toks).length).toBeGreaterThan(50)
  })
})
