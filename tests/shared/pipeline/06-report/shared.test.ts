import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  CATEGORY_ORDER,
  CATEGORY_STYLES,
  TEXT_COLOUR,
  contrastRatio,
  escapeHtml,
  letterLabel,
  nestedPlace,
  redactString,
  redactionSpans,
  renderSegments,
  segmentSpans,
  articleNames
} from '../../../../shared/pipeline/06-report/serializers/shared'
import { makeFixture } from './htmlFixture'

const here = '[06-report/serializers/shared] '

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["a & b 'c'", 'a &amp; b &#39;c&#39;'],
    ['&amp;', '&amp;amp;'],
    ['plain', 'plain']
  ])(here + 'escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected)
  })
})

describe('segmentSpans', () => {
  it(here + 'splits overlapping spans at every boundary', () => {
    const segs = segmentSpans('abcdef', [
      { start: 1, end: 4, data: 'X' },
      { start: 3, end: 6, data: 'Y' }
    ])
    expect(segs.map((s) => [s.text, s.spans.join('')])).toEqual([
      ['a', ''],
      ['bc', 'X'],
      ['d', 'XY'],
      ['ef', 'Y']
    ])
  })

  it(here + 'handles nesting, identical spans, empty and out-of-range spans', () => {
    const segs = segmentSpans('hello world', [
      { start: 0, end: 11, data: 'outer' },
      { start: 6, end: 11, data: 'inner' },
      { start: 6, end: 11, data: 'twin' },
      { start: 3, end: 3, data: 'empty' },
      { start: -5, end: 2, data: 'clipped' },
      { start: 20, end: 30, data: 'gone' }
    ])
    expect(segs.map((s) => [s.text, s.spans])).toEqual([
      ['he', ['outer', 'clipped']],
      ['llo ', ['outer']],
      ['world', ['outer', 'inner', 'twin']]
    ])
  })

  it(here + 'respects a sub-range', () => {
    const segs = segmentSpans('0123456789', [{ start: 2, end: 8, data: 1 }], 4, 6)
    expect(segs).toEqual([{ start: 4, end: 6, text: '45', spans: [1], spanIndices: [0] }])
  })

  it(here + 'keeps surrogate pairs and CRLF intact when no boundary falls inside them', () => {
    const text = 'a😀b\r\nc'
    const segs = segmentSpans(text, [{ start: 1, end: 3, data: 'emoji' }])
    expect(segs.map((s) => s.text)).toEqual(['a', '😀', 'b\r\nc'])
  })

  // Property: segments tile the range and reproduce the text; each span's coverage equals the
  // union of the segments tagged with it.
  const textAndSpans = fc.string({ unit: 'binary', maxLength: 60 }).chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc.tuple(fc.integer({ min: -3, max: text.length + 3 }), fc.integer({ min: -3, max: text.length + 3 })),
        { maxLength: 12 }
      ),
      fc.integer({ min: 0, max: text.length }),
      fc.integer({ min: 0, max: text.length })
    )
  )

  it(here + 'property: concatenated segment text reproduces the text exactly', () => {
    fc.assert(
      fc.property(textAndSpans, ([text, raw, x, y]) => {
        const spans = raw.map(([s, e], i) => ({ start: s, end: e, data: i }))
        expect(segmentSpans(text, spans).map((s) => s.text).join('')).toBe(text)
        const [from, to] = [Math.min(x, y), Math.max(x, y)]
        const sub = segmentSpans(text, spans, from, to)
        expect(sub.map((s) => s.text).join('')).toBe(text.slice(from, to))
        // Contiguous, non-empty (unless the range is empty), ordered.
        sub.forEach((s, k) => {
          expect(s.end).toBeGreaterThan(s.start)
          if (k > 0) expect(s.start).toBe(sub[k - 1]!.end)
        })
      }),
      { numRuns: 500 }
    )
  })

  it(here + "property: every span's coverage equals the union of segments tagged with it", () => {
    fc.assert(
      fc.property(textAndSpans, ([text, raw, x, y]) => {
        const [from, to] = [Math.min(x, y), Math.max(x, y)]
        const spans = raw.map(([s, e], i) => ({ start: s, end: e, data: i }))
        const segs = segmentSpans(text, spans, from, to)
        spans.forEach((sp, i) => {
          const expected = new Set<number>()
          for (let p = Math.max(sp.start, from); p < Math.min(sp.end, to); p++) expected.add(p)
          const got = new Set<number>()
          for (const s of segs) if (s.spanIndices.includes(i)) for (let p = s.start; p < s.end; p++) got.add(p)
          expect([...got].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b))
        })
      }),
      { numRuns: 500 }
    )
  })

  it(here + 'property: rendered markup is well nested and its text content is the escaped text', () => {
    fc.assert(
      fc.property(textAndSpans, ([text, raw]) => {
        const spans = raw.map(([s, e], i) => ({ start: s, end: e, data: i % 3 }))
        const html = renderSegments(segmentSpans(text, spans), (d) => [`<m${d}>`, `</m${d}>`], {
          after: (d) => `<i${d}/>`
        })
        // Tags balance like parentheses.
        const stack: string[] = []
        for (const m of html.matchAll(/<(\/?)(m\d)>/g)) {
          if (m[1]) expect(stack.pop()).toBe(m[2])
          else stack.push(m[2]!)
        }
        expect(stack).toEqual([])
        const stripped = html.replace(/<\/?m\d>|<i\d\/>/g, '')
        expect(stripped).toBe(escapeHtml(text))
      }),
      { numRuns: 300 }
    )
  })
})

describe('renderSegments', () => {
  it(here + 'places before/after markers once per span, around its first/last segment', () => {
    const text = 'one two three'
    const segs = segmentSpans(text, [
      { start: 0, end: 7, data: 'A' },
      { start: 4, end: 13, data: 'B' }
    ])
    const html = renderSegments(segs, (d) => [`<${d}>`, `</${d}>`], { before: (d) => `[${d}`, after: (d) => `${d}]` })
    expect(html).toBe('[A<A>one </A>[B<A><B>two</B></A>A]<B> three</B>B]')
  })
})

describe('category styles', () => {
  it.each(CATEGORY_ORDER)(here + '%s meets WCAG AA (text 4.5:1 on tint, underline 3:1 on white)', (c) => {
    const s = CATEGORY_STYLES[c]
    expect(contrastRatio(TEXT_COLOUR, s.background)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(s.line, '#ffffff')).toBeGreaterThanOrEqual(3)
    expect(contrastRatio(s.line, s.background)).toBeGreaterThanOrEqual(3)
  })

  it(here + 'no two categories share icon or code; never colour alone', () => {
    const icons = CATEGORY_ORDER.map((c) => CATEGORY_STYLES[c].icon)
    const codes = CATEGORY_ORDER.map((c) => CATEGORY_STYLES[c].code)
    expect(new Set(icons).size).toBe(icons.length)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it(here + 'contrast ratio matches known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})

describe('labels and redaction', () => {
  it.each([
    [0, 'Article A'],
    [1, 'Article B'],
    [25, 'Article Z'],
    [26, 'Article AA'],
    [27, 'Article AB']
  ])(here + 'letterLabel(%i) = %s', (i, label) => {
    expect(letterLabel(i)).toBe(label)
  })

  it(here + 'finds outlet, author and surname occurrences as whole words and merges overlaps', () => {
    const a = makeFixture()
    const text = 'Avital Shahar of the Jerusalem Ledger told Shahar’s readers; Ledgers and meridian wires are fine.'
    const spans = redactionSpans(text, a)
    expect(spans.map((s) => [text.slice(s.start, s.end), s.owner])).toEqual([
      ['Avital Shahar', 'ledger'],
      ['Jerusalem Ledger', 'ledger'],
      ['Shahar', 'ledger']
    ])
    const names = articleNames(a, true)
    expect(redactString('A historic chapter, says the Jerusalem Ledger', a, names)).toBe('A historic chapter, says the [Article B]')
  })
})

describe('nestedPlace', () => {
  it.each([
    ['azerbaijan-state-security-service', 'State Security Service of Azerbaijan', 'inside State Security Service of Azerbaijan'],
    // A hyphenated compound that names no actor (language stage: 'anti-Israel').
    ['anti-israel', undefined, 'in “anti-israel”'],
    ['iran-backed', undefined, 'in “iran-backed”'],
    // An unknown id without a hyphen falls back to the id.
    ['mossad', undefined, 'inside mossad']
  ])('%s', (within, label, text) => {
    expect(nestedPlace(within, label)).toBe(text)
  })
})
