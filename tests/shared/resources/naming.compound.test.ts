/**
 * findCompoundMentions: actors inside hyphenated compounds (one token to the tokenizer), with
 * exact offsets of the part, as names (every part names an actor) or inside a label.
 */
import { describe, expect, it } from 'vitest'
import { builtinNaming, findCompoundMentions, findNamingMentions, type NamingMention } from '../../../shared/resources/naming'
import { tokenize } from '../../../shared/text/tokenize'

const naming = builtinNaming()

function compounds(text: string): { names: string[]; labels: string[]; whole: string[] } {
  const tokens = tokenize(text)
  const whole = findNamingMentions(tokens, naming, 0, tokens.length, text)
  const c = findCompoundMentions(tokens, naming, whole, 0, tokens.length, text)
  // actor:term@start-end "surface": offsets are checked against the text, never searched.
  const show = (m: NamingMention): string => `${m.actor}:${m.term.id}@${m.start}-${m.end} "${text.slice(m.start, m.end)}"`
  return {
    names: c.names.map(show),
    labels: c.labels.map((m) => `${show(m)} <${m.within}`),
    whole: whole.map(show)
  }
}

describe('findCompoundMentions', () => {
  it.each<[string, string[], string[]]>([
    ['Azerbaijan-Israel ties', ['azerbaijan:azerbaijan@0-10 "Azerbaijan"', 'israel:israel@11-17 "Israel"'], []],
    ['Baku-Tel Aviv axis', ['azerbaijan:baku-metonym@0-4 "Baku"', 'israel:tel-aviv-metonym@5-13 "Tel Aviv"'], []],
    ['the Zionist-Azerbaijani alliance', ['israel:the-zionists@4-11 "Zionist"', 'azerbaijan:azerbaijan@12-23 "Azerbaijani"'], []],
    ['anti-Israel protests', [], ['israel:israel@5-11 "Israel" <anti-israel']],
    ['pro-Iranian groups', [], ['iran:iran@4-11 "Iranian" <pro-iranian']],
    ['Iran-backed militias', [], ['iran:iran@0-4 "Iran" <iran-backed']],
    // U+2010 HYPHEN is a hyphen too (the norm folds it).
    ['anti\u2010Israel', [], ['israel:israel@5-11 "Israel" <anti-israel']],
    ['a Tel Aviv-based firm', [], []],
    ['Tehran-based analysts', [], []],
    ['a well-known writer', [], []]
  ])('%s', (text, names, labels) => {
    const r = compounds(text)
    expect({ names: r.names, labels: r.labels }).toEqual({ names, labels })
  })

  it('never splits a token findNamingMentions already matched', () => {
    const r = compounds('Nagorno-Karabakh and Amir-Abdollahian')
    expect(r.whole).toHaveLength(2)
    expect(r.names).toEqual([])
    expect(r.labels).toEqual([])
  })

  it('leaves findNamingMentions unchanged (alignment and diff call it)', () => {
    expect(compounds('anti-Israel and Azerbaijan-Israel ties').whole).toEqual([])
  })

  it('holds the mention in the tokens that contain it', () => {
    const text = 'The Baku-Tel Aviv axis'
    const tokens = tokenize(text)
    const c = findCompoundMentions(tokens, naming, [], 0, tokens.length, text)
    for (const m of c.names) {
      expect(tokens[m.tokenStart]!.start).toBeLessThanOrEqual(m.start)
      expect(tokens[m.tokenEnd - 1]!.end).toBeGreaterThanOrEqual(m.end)
    }
    expect(c.names.map((m) => [m.tokenStart, m.tokenEnd])).toEqual([[1, 2], [1, 3]])
  })
})
