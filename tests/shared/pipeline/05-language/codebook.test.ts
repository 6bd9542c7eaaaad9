import { describe, expect, it } from 'vitest'
import {
  parseCodebook,
  parseCodebookCsv,
  parseCodebookJsonText,
  serializeCodebookCsv,
  serializeCodebookJson
} from '../../../../shared/pipeline/05-language/codebook'
import { run } from './helpers'

describe('codebook parsing', () => {
  it('parses CSV with quoting, CRLF and a BOM', () => {
    const r = parseCodebookCsv('\uFEFFterm,category,note\r\n"big, bad",loaded,"says ""bad"""\r\nbrave,loaded,\r\n', 'mine')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toEqual({
      name: 'mine',
      entries: [
        { term: 'big, bad', category: 'loaded', note: 'says "bad"' },
        { term: 'brave', category: 'loaded', note: '' }
      ]
    })
  })

  it.each([
    ['', /empty/],
    ['word,kind\nx,loaded\n', /line 1: the header must name/],
    ['term,category,note\nok,loaded,\nbad,nonsense,\n', /line 3: unknown category "nonsense"/],
    ['term,category,note\nok,loaded,\n,loaded,\n', /line 3: "term" is empty/],
    ['term,category,note\n"open,loaded,\n', /line 2: a quoted field is never closed/],
    ['term,category,note\nok,loaded,n,extra\n', /line 2: 4 fields/],
    ['term,category,note\nfine,loaded,"multi\nline"\n!!!,loaded,\n', /line 4: "term" has no words/]
  ])('CSV error %#', (text, message) => {
    const r = parseCodebookCsv(text)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('CODEBOOK_INVALID')
      expect(r.error.message).toMatch(message)
    }
  })

  it.each([
    ['{', /not valid JSON/],
    ['{"entries":[{"term":"x","category":"weird"}]}', /entry 0 \("x"\): "category"/],
    ['{"entries":[{"term":"x","category":"loaded","extra":1}]}', /entry 0/],
    ['[{"term":"","category":"loaded"}]', /entry 0/]
  ])('JSON error %#', (text, message) => {
    const r = parseCodebookJsonText(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(message)
  })

  it('round-trips through CSV and JSON', () => {
    const cb = { name: 'x', entries: [{ term: 'say "hi", ok', category: 'doubt' as const, note: 'a, b' }] }
    const a = parseCodebook(serializeCodebookCsv(cb), 'x.csv')
    const b = parseCodebook(serializeCodebookJson(cb), 'x.json')
    expect(a.ok && a.value).toEqual(cb)
    expect(b.ok && b.value).toEqual(cb)
  })
})

describe('codebook in the stage', () => {
  it('adds terms and overrides built-ins, with codebook:<term> provenance', () => {
    const cb = { name: 'c', entries: [
      { term: 'settlement', category: 'contested-naming' as const, note: 'Israeli usage' },
      { term: 'malicious', category: 'labeling' as const, note: '' }
    ] }
    const r = run('The settlements grew. It was a malicious act.', cb)
    const s = r.flags.find((f) => f.text === 'settlements')!
    expect(s.rule).toBe('codebook:settlement')
    expect(s.explanation).toMatch(/Israeli usage/)
    const m = r.flags.filter((f) => f.text === 'malicious')
    expect(m).toHaveLength(1)
    expect(m[0]!.category).toBe('labeling')
    expect(m[0]!.rule).toBe('codebook:malicious')
  })
})
