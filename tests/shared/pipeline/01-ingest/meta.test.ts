// Metadata a researcher writes (sidecars, front matter): kept, normalised where unambiguous, and
// every oddity said in one warning line naming the file and the field (QA: `"date": "May 6"` and
// `"outlet": 5` passed silently; front matter without its closing `---` vanished into the body).
import { describe, expect, it } from 'vitest'
import { checkMeta, dateProblem, frontMatterProblem, normalizeDate, parseFrontMatter } from '../../../../shared/pipeline/01-ingest/meta'
import { ingest, ingestText, parseSidecar } from '../../../../shared/pipeline/01-ingest/ingest'
import { nodeIngestDeps } from './helpers'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('normalizeDate and dateProblem', () => {
  // [input, ISO result ('' = kept as written), problem pattern ('' = none)]
  const table: Array<[string, string, RegExp | '']> = [
    ['2024-05-06', '2024-05-06', ''],
    ['2024-5-6', '2024-05-06', ''],
    ['2024-05-06T10:00:00+02:00', '2024-05-06', ''],
    ['2024-05', '2024-05', ''],
    ['2024', '2024', ''],
    ['6 May 2024', '2024-05-06', ''],
    ['May 6, 2024', '2024-05-06', ''],
    ['Monday, May 6th, 2024', '2024-05-06', ''],
    ['29/03/2023', '2023-03-29', ''], // no 29th month: day first
    ['03/29/2023', '2023-03-29', ''], // US order, equally unambiguous
    ['29.03.2023', '2023-03-29', ''],
    ['06/06/2024', '2024-06-06', ''], // both readings agree
    ['05/06/2024', '', /^is ambiguous: 2024-06-05 \(day\/month\) or 2024-05-06 \(month\/day\)$/],
    ['May 6', '', /^has no year$/],
    ['6 May', '', /^has no year$/],
    ['yesterday', '', /^is not a date Parallax can read$/],
    ['13/13/2024', '', /^is not a date/]
  ]
  it.each(table)('%s → %s', (input, iso, problem) => {
    expect(normalizeDate(input)).toBe(iso)
    if (problem === '') expect(dateProblem(input)).toBe('')
    else expect(dateProblem(input)).toMatch(problem)
  })
})

describe('checkMeta', () => {
  // [raw sidecar object, expected meta, expected problems (patterns, in order)]
  const table: Array<[string, unknown, Record<string, unknown>, RegExp[]]> = [
    ['clean sidecar', { title: 'T', outlet: 'O', date: '2024-05-06', url: '', constructed: true }, { title: 'T', outlet: 'O', date: '2024-05-06', url: '', constructed: true }, []],
    ['QA sidecar', { date: 'May 6', outlet: 5 }, { date: 'May 6', outlet: '5' }, [/^"outlet" is a number \(5\), not text; kept as "5"$/, /^"date" is "May 6", which has no year; kept as written/]],
    ['ambiguous date', { date: '05/06/2024' }, { date: '05/06/2024' }, [/^"date" is "05\/06\/2024", which is ambiguous: 2024-06-05 \(day\/month\) or 2024-05-06 \(month\/day\)/]],
    ['year as a number is a full answer', { date: 2023 }, { date: '2023' }, []],
    ['list of authors', { authors: ['A. One', 'B. Two'] }, { author: 'A. One, B. Two' }, []],
    ['list elsewhere', { outlet: ['X', 'Y'] }, { outlet: 'X, Y' }, [/^"outlet" is a list; kept as "X, Y"$/]],
    ['object and boolean in text fields', { title: { en: 'T' }, note: true }, {}, [/^"title" is an object, not text; ignored$/, /^"note" is a boolean, not text; ignored$/]],
    ['null means unknown', { title: null }, {}, []],
    ['constructed spellings', { constructed: 'no' }, { constructed: false }, []],
    ['constructed nonsense', { constructed: 'maybe' }, {}, [/^"constructed" is "maybe", not true or false; ignored$/]],
    ['unknown fields (typos)', { autor: 'X', tags: 'a' }, {}, [/^fields "autor", "tags" are not used by Parallax and were ignored \(known: title, outlet/]],
    ['conflicting aliases', { outlet: 'A', source: 'B' }, { outlet: 'A' }, [/^"source" and "outlet" both give the outlet; kept "A" from "outlet"$/]],
    ['not an object', ['a'], {}, [/^is a list, not an object of fields; ignored$/]]
  ]
  it.each(table)('%s', (_name, raw, meta, problems) => {
    const r = checkMeta(raw)
    expect(r.meta).toEqual(meta)
    expect(r.problems).toHaveLength(problems.length)
    problems.forEach((p, i) => expect(r.problems[i]).toMatch(p))
  })
})

describe('parseSidecar', () => {
  it('names the sidecar and the field in each warning', () => {
    const r = parseSidecar({ name: 'baddate.meta.json', text: '{"date": "May 6", "outlet": 5}' })
    expect(r.meta).toEqual({ date: 'May 6', outlet: '5' })
    expect(r.warnings.map((w) => w.message)).toEqual([
      'baddate.meta.json: "outlet" is a number (5), not text; kept as "5".',
      'baddate.meta.json: "date" is "May 6", which has no year; kept as written (write YYYY-MM-DD, YYYY-MM or YYYY).'
    ])
    expect(r.warnings.every((w) => w.code === 'OTHER' && !w.message.includes('\n'))).toBe(true)
  })
  it('turns broken JSON into one warning and no metadata', () => {
    const r = parseSidecar({ name: 'x.meta.json', text: '{bad json' })
    expect(r.meta).toEqual({})
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]!.message).toMatch(/^x\.meta\.json is not valid JSON \(.+\); its metadata was ignored\.$/)
  })
  it('accepts a BOM (Windows editors write one)', () => {
    expect(parseSidecar({ name: 'x.meta.json', text: '\uFEFF{"title": "T"}' })).toEqual({ meta: { title: 'T' }, warnings: [] })
  })
})

describe('front matter problems', () => {
  // [text, problem pattern ('' = none: not front matter, or fine)]
  const table: Array<[string, string, RegExp | '']> = [
    ['no closing line (QA)', '---\ntitle: no closing\ndate: yesterday\nSome text.\n', /^front matter opened with "---" has no closing "---" line; it was kept as body text/],
    ['closed but a prose line inside', '---\ntitle: T\nThis line is prose.\n---\nBody', /^front matter line "This line is prose\." is not "key: value"/],
    ['a markdown rule then prose', '---\nA story begins after a rule.\n\nMore.', ''],
    ['a rule then an unknown key-like line', '---\nNote to editors: embargoed.\n', ''],
    ['setext heading', 'Just a rule\n---\ntext', ''],
    ['well-formed', '---\ntitle: T\n---\nBody', '']
  ]
  it.each(table)('%s', (_name, text, problem) => {
    if (parseFrontMatter(text)) {
      expect(problem).toBe('')
      return
    }
    if (problem === '') expect(frontMatterProblem(text)).toBe('')
    else expect(frontMatterProblem(text)).toMatch(problem)
  })

  it('reports fields of well-formed front matter it could not use', () => {
    const fm = parseFrontMatter('---\ntitle: T\ntags: foo\ndate: May 6\n---\nBody')
    expect(fm?.meta).toEqual({ title: 'T', date: 'May 6' })
    expect(fm?.problems).toEqual([
      '"date" is "May 6", which has no year; kept as written (write YYYY-MM-DD, YYYY-MM or YYYY)',
      'field "tags" is not used by Parallax and was ignored (known: title, outlet, author, date, url, language, viewpoint, constructed, note)'
    ])
  })
})

describe('ingest: metadata warnings reach the article', () => {
  it('keeps unclosed front matter as body text and warns once, naming the file (md, txt, paste)', async () => {
    const text = '---\ntitle: no closing\ndate: yesterday\nSome text.\n'
    for (const name of ['brokenfm.md', 'brokenfm.txt']) {
      const r = await ingest({ name, bytes: utf8(text) }, nodeIngestDeps)
      expect(r.ok).toBe(true)
      if (!r.ok) continue
      expect(r.value.text).toContain('title: no closing')
      expect(r.value.text).toContain('Some text.')
      expect(r.value.meta.title).toBe('')
      expect(r.value.warnings.map((w) => w.message)).toEqual([`${name}: front matter opened with "---" has no closing "---" line; it was kept as body text and its fields were not used.`])
    }
    const p = ingestText(text, undefined, { name: 'pasted' })
    expect(p.ok && p.value.warnings.map((w) => w.message)).toEqual(['pasted: front matter opened with "---" has no closing "---" line; it was kept as body text and its fields were not used.'])
  })

  it('applies a sidecar below caller metadata and adds its warnings after the file\'s', async () => {
    const r = await ingest(
      { name: 'story.txt', bytes: utf8('Officials said a crowd gathered in the capital on Monday.\n'), meta: { title: 'Caller title' }, sidecar: { name: 'story.meta.json', text: '{"title": "Sidecar title", "outlet": 5, "date": "6 May 2024", "language": "en"}' } },
      nodeIngestDeps
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.meta).toMatchObject({ title: 'Caller title', outlet: '5', date: '2024-05-06', language: 'en' })
    expect(r.value.warnings.map((w) => w.message)).toEqual(['story.meta.json: "outlet" is a number (5), not text; kept as "5".'])
  })

  it('does not warn about a clean sidecar (the shipped samples must stay quiet)', async () => {
    const r = await ingest({ name: 's.txt', bytes: utf8('A paragraph of text.\n'), sidecar: { name: 's.meta.json', text: '{"title":"T","outlet":"O","author":"A","date":"2023-03-31","url":"","language":"en","viewpoint":"v","constructed":true,"note":"n"}' } }, nodeIngestDeps)
    expect(r.ok && r.value.warnings).toEqual([])
  })
})
