import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CSV_FILES, csvCell, csvTable, FLAG_COLUMNS, LINK_COLUMNS, METRIC_COLUMNS, NAMING_COLUMNS, parseCsv, SENTENCE_COLUMNS, toCsvExport
} from '../../../../shared/pipeline/06-report/serializers/csv'
import { toJsonExport } from '../../../../shared/pipeline/06-report/serializers/json'
import { fixtureAnalysis } from './json.fixture'

/** Undo the formula-injection prefix for comparison with the JSON's raw text. */
const unguard = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)
const cell = (v: string | number | boolean | null): string => (v === null ? '' : String(v))

describe('csvCell (RFC 4180 + formula injection)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-5 protesters', "'-5 protesters"],
    ['@cmd', "'@cmd"],
    ['=HYPERLINK("x", "y")', '"\'=HYPERLINK(""x"", ""y"")"'],
    [-2, '-2'],
    [0.35, '0.35'],
    [true, 'true'],
    [null, '']
  ] as const)('%j → %s', (input, out) => {
    expect(csvCell(input)).toBe(out)
  })
})

describe('toCsvExport', () => {
  const analysis = fixtureAnalysis()
  const json = toJsonExport(analysis)
  const files = toCsvExport(analysis)

  it('writes the five files with CRLF rows and a header each', () => {
    expect(Object.keys(files)).toEqual([...CSV_FILES])
    for (const name of CSV_FILES) {
      const t = files[name]
      expect(t.endsWith('\r\n')).toBe(true)
      const rows = parseCsv(t)
      for (const r of rows) expect(r.length).toBe(rows[0]!.length)
    }
    expect(parseCsv(files['flags.csv'])[0]).toEqual([...FLAG_COLUMNS])
    expect(parseCsv(files['links.csv'])[0]).toEqual([...LINK_COLUMNS])
    expect(parseCsv(files['metrics.csv'])[0]).toEqual([...METRIC_COLUMNS])
    expect(parseCsv(files['naming.csv'])[0]).toEqual([...NAMING_COLUMNS])
    expect(parseCsv(files['sentences.csv'])[0]).toEqual([...SENTENCE_COLUMNS])
  })

  it('has one flags.csv row per JSON flag, equal field by field (reviews and annotations included)', () => {
    const [header, ...rows] = parseCsv(files['flags.csv'])
    expect(rows).toHaveLength(json.flags.length)
    rows.forEach((r, i) => {
      const f = json.flags[i]!
      const get = (c: string): string => unguard(r[header!.indexOf(c)]!)
      expect([get('id'), get('article'), get('start'), get('end'), get('text'), get('category'), get('rule'), get('explanation'), get('in_quote'), get('review'), get('review_note'), get('origin')])
        .toEqual([f.id, f.article, cell(f.start), cell(f.end), f.text, f.category, f.rule, f.explanation, cell(f.inQuote), cell(f.review), f.reviewNote, f.origin])
    })
    expect(rows.some((r) => r.includes('rejected'))).toBe(true)
    expect(rows.some((r) => r.includes('user') && r.includes('annotation'))).toBe(true)
  })

  it('guards formula-like text cells but not numbers', () => {
    const [header, ...rows] = parseCsv(files['flags.csv'])
    const minus = rows.find((r) => r[header!.indexOf('rule')] === 'rule:test-minus')!
    expect(minus[header!.indexOf('text')]).toBe("'-5 protesters")
    const [mh, ...mrows] = parseCsv(files['metrics.csv'])
    expect(mrows[1]![mh!.indexOf('outlet')]).toBe("'=Wire+")
    expect(Number(mrows[1]![mh!.indexOf('mean_sentiment')])).toBe(-1)
  })

  it('has one links.csv row per JSON link with both sides', () => {
    const [header, ...rows] = parseCsv(files['links.csv'])
    expect(rows).toHaveLength(json.links.length)
    rows.forEach((r, i) => {
      const l = json.links[i]!
      const get = (c: string): string => unguard(r[header!.indexOf(c)]!)
      expect([get('id'), get('a_article'), get('a_start'), get('a_end'), get('a_text'), get('b_article'), get('b_start'), get('b_end'), get('b_text'), get('score')])
        .toEqual([l.id, l.a.article, cell(l.a.start), cell(l.a.end), l.a.text, l.b.article, cell(l.b.start), cell(l.b.end), l.b.text, cell(l.score)])
      expect(get('evidence')).toBe('term:embassy; naming:tel aviv=israel')
      expect(get('changes')).toContain('evaluative-removed')
    })
  })

  it('writes naming (one row per term), metrics and sentences from the same records', () => {
    const [nh, ...nrows] = parseCsv(files['naming.csv'])
    expect(nrows.map((r) => [r[nh!.indexOf('actor')], r[nh!.indexOf('term')], r[nh!.indexOf('surface')]])).toEqual([
      ['israel', 'zionist-regime', 'Zionist regime'],
      ['israel', 'israel', 'Israel']
    ])
    const [, ...srows] = parseCsv(files['sentences.csv'])
    expect(srows).toHaveLength(json.sentences.length)
    const [mh, ...mrows] = parseCsv(files['metrics.csv'])
    expect(mrows.map((r) => r[mh!.indexOf('is_base')])).toEqual(['true', 'false'])
    expect(mrows[0]![mh!.indexOf('flags_per_100_loaded')]).toBe(String(json.metrics[0]!.flagsPer100.loaded))
  })

  it('documents every column in docs/exports.md', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../../docs/exports.md'), 'utf8')
    for (const col of [...FLAG_COLUMNS, ...LINK_COLUMNS, ...METRIC_COLUMNS, ...NAMING_COLUMNS, ...SENTENCE_COLUMNS]) {
      expect(doc, `column ${col}`).toContain(`\`${col}\``)
    }
    for (const f of CSV_FILES) expect(doc).toContain(f)
  })
})

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","d""e","f\r\ng"\r\n1,2,3,4\r\n')).toEqual([['a', 'b,c', 'd"e', 'f\r\ng'], ['1', '2', '3', '4']])
  })
})

describe('CSV round trip (property)', () => {
  it('parseCsv(csvTable(rows)) gives back every cell (apostrophe guard aside)', () => {
    const cellArb = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '=', '+', '-', '@', '\t', "'", 'é', '😀') }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean()
    )
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const text = csvTable(['x', 'y', 'z'], rows)
        const back = parseCsv(text).slice(1)
        expect(back).toEqual(rows.map((r) => r.map((c) => (typeof c === 'string' ? (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c) : String(c)))))
      })
    )
  })
})
