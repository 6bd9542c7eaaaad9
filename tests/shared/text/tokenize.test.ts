import { describe, expect, it } from 'vitest'
import { tokenize } from '../../../shared/text/tokenize'
import { stem } from '../../../shared/text/stem'
import { normalizeForm } from '../../../shared/text/normalize'
import { PhraseMatcher } from '../../../shared/text/phrases'

describe('tokenize', () => {
  const table: [string, string[]][] = [
    ['Azerbaijan’s anti-Iranian measures', ['Azerbaijan’s', 'anti-Iranian', 'measures']],
    ['The U.S. grew 3.5%, they said.', ['The', 'U.S.', 'grew', '3.5%', ',', 'they', 'said', '.']],
    ['café naïve e\u0301t\u00e9', ['café', 'naïve', 'e\u0301t\u00e9']],
    ['“Quoted” — text', ['“', 'Quoted', '”', '—', 'text']],
    ['1,000 troops on 29 March', ['1,000', 'troops', 'on', '29', 'March']]
  ]
  it.each(table)('%s', (text, expected) => {
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(expected)
  })

  it('normalises case and typographic variants but keeps offsets on the original', () => {
    const text = 'AZERBAIJAN’S “Regime”'
    const toks = tokenize(text)
    expect(toks.map((t) => t.norm)).toEqual(["azerbaijan's", '“', 'regime', '”'])
    expect(toks[0]!.stem).toBe('azerbaijan')
    expect(normalizeForm('“Don’t” — ok…')).toBe('"don\'t" - ok...')
  })
})

describe('stem', () => {
  const table: [string, string][] = [
    ['claims', 'claim'], ['claimed', 'claim'], ['claiming', 'claim'], ['studies', 'study'],
    ['slammed', 'slam'], ['occupied', 'occupy'], ['terrorists', 'terrorist'], ["iran's", 'iran'],
    ['criticised', 'criticize'], ['criticizes', 'criticize'], ['news', 'news'], ['maliciously', 'malicious'],
    ['israelis', 'israeli'], ['leaving', 'leave'], ['leaves', 'leave'], ['agreed', 'agree'], ['analysis', 'analysis']
  ]
  it.each(table)('%s → %s', (w, s) => expect(stem(w)).toBe(s))
})

describe('PhraseMatcher', () => {
  it('matches multi-word phrases by stem, longest first, without overlap', () => {
    const stems = (phrase: string): string[] => tokenize(phrase).map((t) => t.stem)
    const m = new PhraseMatcher([
      { stems: stems('Zionist'), payload: 'short' },
      { stems: stems('Zionist regime'), payload: 'long' },
      { stems: stems('unfounded claim'), payload: 'doubt' }
    ])
    const text = 'The Zionist regime made unfounded claims; Zionists too.'
    const toks = tokenize(text)
    const hits = m.match(toks).map((h) => [text.slice(toks[h.tokenStart]!.start, toks[h.tokenEnd - 1]!.end), h.payload])
    expect(hits).toEqual([['Zionist regime', 'long'], ['unfounded claims', 'doubt'], ['Zionists', 'short']])
    expect(m.match(toks, 0, toks.length, true).length).toBe(4)
  })
})
