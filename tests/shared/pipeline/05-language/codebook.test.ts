import { describe, expect, it } from 'vitest'
import {
  parseCodebook,
  parseCodebookCsv,
  parseCodebookJsonText,
  readCodebook,
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

describe('codebook row-by-row read', () => {
  const H = 'term,category,note\n'
  // Each case: file name, text, accepted terms, skipped problems as [place, field, reason pattern].
  it.each([
    [
      'CSV: bad rows skipped, good rows kept, every problem named',
      'mixed.csv',
      H + 'regime,labeling,\nfoo,not-a-category,x\n,loaded,\nbrave,loaded,ok\n!!!,loaded,\nhero,loaded,n,extra\nok"ay,loaded,\nmartyr,contested-naming,"multi\nline note"\nbar,,\nthug,labeling,\n',
      ['regime', 'brave', 'martyr', 'thug'],
      [
        ['line 3', 'category', /^unknown category "not-a-category" \(use one of: loaded, /],
        ['line 4', 'term', /^"term" is empty$/],
        ['line 6', 'term', /^"term" has no words$/],
        ['line 7', 'row', /^4 fields, but the header has 3$/],
        ['line 8', 'term', /^a quote may only start a field$/],
        ['line 11', 'category', /^"category" is empty/]
      ]
    ],
    [
      'CSV: an unclosed quote ends the read but keeps the rows before it',
      'tail.csv',
      H + 'regime,loaded,\nthug,labeling,"never closed\nhero,loaded,\n',
      ['regime'],
      [['line 3', 'note', /^a quoted field is never closed/]]
    ],
    [
      'CSV: an entry matching the same words as an earlier one is skipped, the first kept',
      'dup.csv',
      H + 'regime,loaded,a\nRegime,labeling,b\nregimes,loaded,c\nthug,labeling,\n',
      ['regime', 'thug'],
      [
        ['line 3', 'term', /^matches the same words as line 2 \("regime"\); the first is kept$/],
        ['line 4', 'term', /^matches the same words as line 2 \("regime"\); the first is kept$/]
      ]
    ],
    [
      'JSON: an entry matching the same words as an earlier one is skipped, the first kept',
      'dup.json',
      JSON.stringify([{ term: 'so-called', category: 'doubt' }, { term: 'hero', category: 'loaded' }, { term: 'So-called', category: 'doubt' }]),
      ['so-called', 'hero'],
      [['entry 2 ("So-called")', 'term', /^matches the same words as entry 0 \("so-called"\); the first is kept$/]]
    ],
    ['CSV: a header only is an empty codebook, not an error', 'empty.csv', H, [], []],
    [
      'JSON: bad entries skipped with their index, field and reason',
      'mixed.json',
      JSON.stringify({
        name: 'class',
        entries: [
          { term: 'regime', category: 'labeling' },
          { term: 'x', category: 'weird' },
          { term: 'brave', category: 'loaded', note: 'n' },
          { term: '!!!', category: 'loaded' },
          { term: 'y', category: 'loaded', extra: 1 },
          'not an entry',
          { term: 'hero', category: 'loaded', note: 3 },
          { term: 'thug', category: 'labeling' }
        ]
      }),
      ['regime', 'brave', 'thug'],
      [
        ['entry 1 ("x")', 'category', /^"category": .*found "weird"/],
        ['entry 3 ("!!!")', 'term', /^"term" has no words$/],
        ['entry 4 ("y")', 'extra', /^Unrecognized key: "extra"/],
        ['entry 5 ("not an entry")', 'row', /./],
        ['entry 6 ("hero")', 'note', /^"note": .*found 3/]
      ]
    ],
    [
      'JSON: a bare array reads the same way',
      'arr.json',
      '[{"term":"regime","category":"labeling"},{"term":"","category":"loaded"}]',
      ['regime'],
      [['entry 1 ("")', 'term', /^"term"/]]
    ]
  ] as const)('%s', (_label, file, text, terms, problems) => {
    const r = readCodebook(text, file)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.codebook.entries.map((e) => e.term)).toEqual(terms)
    expect(r.value.skipped).toHaveLength(problems.length)
    r.value.skipped.forEach((p, i) => {
      const [place, field, reason] = problems[i]!
      expect(p.message).toBe(`${place}: ${p.reason}`)
      expect(p.place).toBe(place)
      expect(p.field).toBe(field)
      expect(p.reason).toMatch(reason)
      if (file.endsWith('.csv')) expect(p.line).toBe(Number(place.split(' ')[1]))
      else expect(p.index).toBe(Number(place.split(' ')[1]))
    })
    // The strict parser keeps the old all-or-nothing contract with the first problem's message.
    const s = parseCodebook(text, file)
    if (problems.length === 0) expect(s.ok && s.value).toEqual(r.value.codebook)
    else expect(!s.ok && s.error.message).toBe(r.value.skipped[0]!.message)
  })

  it('keeps only accepted rows in the codebook it returns, so exports carry nothing else', () => {
    const r = readCodebook(H + 'regime,labeling,why\nfoo,nope,\n', 'c.csv')
    expect(r.ok && serializeCodebookCsv(r.value.codebook)).toBe(H + 'regime,labeling,why\n')
  })

  it.each([
    ['all rows bad (CSV)', 'bad.csv', H + 'foo,nope,\n,loaded,\n', /^line 2: unknown category "nope" .*\(and 1 more: line 3: "term" is empty\)$/, 2],
    ['all entries bad (JSON)', 'bad.json', '[{"term":"x","category":"nope"}]', /^entry 0 \("x"\): "category"/, 1],
    ['empty file', 'e.csv', '', /the codebook is empty/, 0],
    ['wrong header', 'w.csv', 'word,kind\nx,loaded\n', /^line 1: the header must name the columns "term" and "category"/, 0],
    ['a quote in the header', 'q.csv', 'te"rm,category\nx,loaded\n', /^line 1: a quote may only start a field$/, 0],
    ['not JSON', 'n.json', '{"entries": [', /^not valid JSON/, 0],
    ['JSON of the wrong shape', 's.json', '{"entries": {"term": "x"}}', /^codebook: "entries"/, 0],
    ['JSON with an unknown top-level key', 'k.json', '{"entries": [], "terms": []}', /^codebook: /, 0],
    ['binary (a PNG read as text)', 'img.csv', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0', /^line 1: the header must name/, 0]
  ])('rejects the whole file: %s', (_label, file, text, message, problems) => {
    const r = readCodebook(text, file)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('CODEBOOK_INVALID')
    expect(r.error.message).toMatch(message)
    expect(r.error.problems?.length ?? 0).toBe(problems)
  })
})
