import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { renderHtmlReport, selectReportLinks } from '../../../../shared/pipeline/06-report/serializers/html'
import { highlightsOf } from '../../../../shared/pipeline/06-report/serializers/shared'
import type { Analysis } from '../../../../shared/model'
import { makeFixture } from './htmlFixture'

const here = '[06-report/serializers/html] '
const GEN = '2024-05-01T10:00:00Z'

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document
}

/** Asserts a document has no active content and no network references. */
function expectInert(doc: Document, html: string): void {
  expect(doc.querySelectorAll('script, iframe, object, embed, img, link, base, form, input').length).toBe(0)
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false)
      if (attr.name === 'href') expect(attr.value.startsWith('#'), `href ${attr.value}`).toBe(true)
      if (attr.name === 'src') throw new Error(`src attribute on ${el.tagName}`)
    }
  }
  // No url(...) or @import pulling resources in the stylesheet (the SVG namespace is not a fetch).
  const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('')
  expect(css).not.toMatch(/url\(|@import/)
  expect(html).not.toMatch(/<script/i)
}

describe('renderHtmlReport', () => {
  const analysis = makeFixture()
  const html = renderHtmlReport(analysis, { generatedAt: GEN, linkThreshold: 0.35 })
  const doc = parse(html)

  it(here + 'is one self-contained, inert document', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expectInert(doc, html)
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')).not.toBeNull()
  })

  it(here + 'is deterministic for a fixed generatedAt', () => {
    expect(renderHtmlReport(analysis, { generatedAt: GEN, linkThreshold: 0.35 })).toBe(html)
  })

  it(here + 'has every section', () => {
    for (const id of ['legend', 'overview', 'articles', 'aligned', 'only-here', 'metrics', 'naming', 'sourcing', 'methods']) {
      expect(doc.querySelector(`section#${id}`), id).not.toBeNull()
    }
  })

  it(here + 'header lists every article with outlet, author, date, viewpoint, constructed label and hash', () => {
    for (const a of analysis.articles) {
      const row = doc.querySelector(`header tr[data-article="${a.id}"]`)!
      expect(row, a.id).not.toBeNull()
      const t = row.textContent!
      for (const v of [a.meta.outlet, a.meta.author, a.meta.date, a.meta.viewpoint, a.hash, 'constructed sample']) expect(t).toContain(v)
    }
    expect(doc.querySelector('header')!.textContent).toContain(GEN)
  })

  it(here + 'articles appear in columns, base first', () => {
    const cols = [...doc.querySelectorAll('#articles article.col')].map((c) => c.getAttribute('data-article'))
    expect(cols).toEqual(['herald', 'ledger', 'wire'])
  })

  it(here + 'every flag and annotation appears as a mark with its explanation in a note', () => {
    for (const a of analysis.articles) {
      const col = doc.querySelector(`article.col[data-article="${a.id}"]`)!
      const hs = highlightsOf(analysis, a.id)
      for (const h of hs) {
        const marks = [...col.querySelectorAll('mark.flag')].filter((m) => m.getAttribute('data-flag-id') === h.id)
        expect(marks.length, h.id).toBeGreaterThan(0)
        // The marks of one flag together hold exactly the flagged text (segments may split it).
        expect(marks.map((m) => m.textContent).join('')).toBe(h.text)
        expect(marks[0]!.getAttribute('data-flag-category')).toBe(h.category)
        expect(marks[0]!.getAttribute('data-flag-rule')).toBe(h.rule)
        expect(marks[0]!.getAttribute('title')).toContain(h.explanation)
        const note = [...col.querySelectorAll('ol.notes li')].find((li) => li.getAttribute('data-note-for') === h.id)!
        expect(note, h.id).toBeDefined()
        expect(note.textContent).toContain(h.explanation)
      }
      expect(col.querySelectorAll('ol.notes li').length).toBe(hs.length)
    }
  })

  it(here + 'overlapping flags split into nested marks ("Zionist" inside "Zionist regime")', () => {
    const col = doc.querySelector('article.col[data-article="herald"]')!
    const zionist = [...col.querySelectorAll('mark')].filter((m) => m.textContent === 'Zionist')
    // Outer naming mark with the labeling mark nested inside it.
    const inner = zionist.find((m) => m.getAttribute('data-flag-category') === 'labeling')!
    expect(inner.parentElement!.getAttribute('data-flag-category')).toBe('contested-naming')
  })

  it(here + 'notes carry rule, confidence, quoted/own voice and review status; rejected flags are struck', () => {
    const notes = [...doc.querySelectorAll('article.col[data-article="herald"] ol.notes li')].map((li) => li.textContent!)
    const criminal = notes.find((n) => n.includes('criminal regime'))!
    expect(criminal).toMatch(/inside a quotation/)
    expect(criminal).toMatch(/confidence 80%/)
    expect(notes.find((n) => n.includes('malicious'))).toMatch(/accepted by reviewer/)
    const rejected = doc.querySelectorAll('mark.flag.rejected')
    expect(rejected.length).toBe(1)
    expect(rejected[0]!.getAttribute('data-review')).toBe('rejected')
    expect(doc.querySelector('li.note.rejected')!.textContent).toMatch(/rejected by reviewer/)
    const ann = doc.querySelector('li.note[data-note-for="ann-1"]')!.textContent!
    expect(ann).toContain('Student note: is this a warning?')
    expect(ann).toContain('user annotation')
  })

  it(here + 'marks "only in this article" sentences', () => {
    const only = [...doc.querySelectorAll('article.col[data-article="ledger"] [data-only-here]')]
    expect(only.map((e) => e.textContent).join('')).toBe('Experts say the partnership is strategic, Avital Shahar reports.')
    expect(doc.querySelector('#only-here')!.textContent).toContain('The Azeri government made unfounded claims about spy networks.')
  })

  it(here + 'aligned passages show del/ins from the diff ops and the classified changes', () => {
    const row = doc.querySelector('tr[data-link-id="herald:0-1~ledger:0-1"]')!
    const dels = [...row.querySelectorAll('del')].map((d) => d.textContent)
    const ins = [...row.querySelectorAll('ins')].map((d) => d.textContent)
    // Adjacent deleted words merge into one run; every deleted word is inside some <del>.
    expect(dels.join(' | ')).toMatch(/Zionist regime/)
    for (const w of ['malicious', 'Baku']) expect(dels.some((d) => d!.includes(w)), w).toBe(true)
    for (const w of ['Israel', 'historic', 'Azerbaijan']) expect(ins.some((d) => d!.includes(w)), w).toBe(true)
    // Shared words are never marked.
    for (const w of ['opened', 'chapter']) expect([...dels, ...ins].some((d) => d!.includes(w)), w).toBe(false)
    const changes = [...row.querySelectorAll('ul.changes li')].map((li) => li.textContent!)
    expect(changes[0]).toContain('Naming swap')
    expect(changes[0]).toContain('One names Israel "Zionist regime", the other "Israel".')
    expect(changes[0]).toContain('naming:israel')
    expect(row.textContent).toContain('score 0.61')
    expect(row.textContent).toContain('zionist regime ≈ israel')
    expect(doc.querySelector('tr[data-link-id="herald:1-2~wire:1-2"]')!.textContent).toContain('linked by user')
  })

  it(here + 'tables: metrics, naming and sourcing', () => {
    const m = doc.querySelector('table.metrics tr[data-article="herald"]')!.textContent!
    expect(m).toContain(String(analysis.metrics[0]!.words))
    expect(m).toContain('Iran (government): 1')
    const naming = doc.querySelector('td[data-naming="israel|herald"]')!.textContent!
    expect(naming).toContain('Zionist regime')
    expect(naming).toContain('×1')
    expect(naming).toContain('Iranian state / hostile')
    expect(doc.querySelector('table.naming')!.textContent).toContain('Israel')
    expect(doc.querySelector('#sourcing')!.textContent).toContain('Nasser Kanaani')
  })

  it(here + 'methods: versions, threshold, codebook, hashes, AFINN credit, constructed note', () => {
    const t = doc.querySelector('#methods')!.textContent!
    for (const v of ['0.1.0', 'test-lex-1', '0.35', 'Class codebook', 'AFINN', 'ODbL', 'Constructed teaching samples', analysis.articles[2]!.hash]) {
      expect(t, v).toContain(v)
    }
  })

  it(here + 'charts are inline SVG with text alternatives', () => {
    for (const c of ['flags', 'sentiment', 'alignment']) {
      const svg = doc.querySelector(`svg[data-chart="${c}"]`)!
      expect(svg, c).not.toBeNull()
      expect(svg.getAttribute('role')).toBe('img')
      expect(svg.getAttribute('aria-label')!.length).toBeGreaterThan(20)
    }
    expect(doc.querySelectorAll('svg[data-chart="sentiment"]').length).toBe(3)
    expect(doc.querySelector('svg[data-chart="sentiment"] polyline')).not.toBeNull()
    // Alignment map: one band per link involving the base.
    expect(doc.querySelectorAll('svg[data-chart="alignment"] polygon').length).toBe(4)
  })

  it(here + 'legend covers every category with icon and underline style', () => {
    const items = [...doc.querySelectorAll('ul.legend li[data-legend]')]
    expect(items.length).toBe(11)
    for (const li of items) expect(li.textContent).toMatch(/(solid|double|dotted|dashed|wavy) underline/)
  })
})

describe('renderHtmlReport with hostile input', () => {
  const hostile =
    '<script>alert(1)</script> opened "><img src=x onerror=alert(2)> a chapter.\n\nSee javascript:alert(3) and <a href="http://evil.example/">link</a> & more \'quotes\'.\n\nThe </textarea></style><style>*{display:none}</style> end.'
  const analysis: Analysis = (() => {
    const a = makeFixture({ hostileBase: hostile, outletOverride: '<b onmouseover=alert(4)>Evil</b> Outlet' })
    const herald = a.articles[0]!
    // A flag and an annotation over the hostile bits, with hostile explanation/rule strings.
    const s = hostile.indexOf('<img')
    const flags = [
      {
        id: 'x"><script>1</script>',
        article: herald.id,
        start: s,
        end: s + 30,
        text: hostile.slice(s, s + 30),
        category: 'loaded' as const,
        rule: 'rule"><svg onload=alert(5)>',
        explanation: 'Explain <script>alert(6)</script> "quoted" \'single\'',
        confidence: 0.5,
        inQuote: false
      }
    ]
    return {
      ...a,
      articles: [{ ...herald, meta: { ...herald.meta, title: '<title>x</title><script>alert(7)</script>', url: 'javascript:alert(8)', author: '"><img onerror=alert(9)>' } }, ...a.articles.slice(1)],
      language: [{ ...a.language[0]!, flags }, ...a.language.slice(1)],
      codebook: { name: '<i>cb</i>', entries: [{ term: '<u>x</u>', category: 'loaded', note: '</td></tr><script>' }] }
    }
  })()

  for (const blindSources of [false, true]) {
    it(here + `escapes every untrusted string (blind=${blindSources})`, () => {
      const html = renderHtmlReport(analysis, { generatedAt: '<now>', title: '</title><script>alert(0)</script>', blindSources })
      const doc = parse(html)
      expectInert(doc, html)
      expect(html).not.toContain('<img')
      expect(html).not.toContain('<b onmouseover')
      expect(html).not.toContain('href="http')
      expect(html).not.toContain('href="javascript')
      // The text survives as text: the base column's text content contains the raw string.
      const col = doc.querySelector('article.col[data-article="herald"] .text')!
      expect(col.textContent).toContain('<script>alert(1)</script>')
      expect(col.textContent).toContain('"><img src=x onerror=alert(2)>')
      const mark = doc.querySelector('mark.flag')!
      expect(mark.getAttribute('data-flag-rule')).toBe('rule"><svg onload=alert(5)>')
      expect(doc.querySelector('title')!.textContent).toBe('</title><script>alert(0)</script>')
      expect(doc.querySelectorAll('style').length).toBe(1)
    })
  }
})

describe('renderHtmlReport blind mode', () => {
  const analysis = makeFixture()
  const html = renderHtmlReport(analysis, { generatedAt: GEN, blindSources: true })
  const doc = parse(html)

  it(here + 'leaks no outlet or author name anywhere in the visible text or attributes', () => {
    const visible = doc.body.textContent!
    for (const a of analysis.articles) {
      for (const name of [a.meta.outlet, a.meta.author, a.meta.author.split(' ').pop()!]) {
        expect(visible, name).not.toContain(name)
        expect(html, name).not.toContain(name)
      }
    }
    expect(visible).toContain('Article A')
    expect(visible).toContain('[Article A]') // "the Northern Herald learned" → "[Article A]"
    expect(visible).toContain('[Article B]') // "Avital Shahar reports"
  })

  it(here + 'keeps highlights working around redactions', () => {
    expect(doc.querySelectorAll('mark.flag').length).toBeGreaterThan(5)
  })
})

describe('renderHtmlReport edge cases', () => {
  it(here + 'renders a single article with no flags, links or metrics', () => {
    const a = makeFixture()
    const one: Analysis = {
      ...a,
      articles: [a.articles[2]!],
      segmentations: [a.segmentations[2]!],
      base: 'wire',
      alignment: { base: 'wire', links: [], unmatched: [] },
      diffs: [],
      language: [],
      metrics: [],
      naming: [],
      reviews: [],
      annotations: [],
      codebook: null
    }
    const doc = parse(renderHtmlReport(one, { generatedAt: GEN }))
    expect(doc.querySelector('#aligned')!.textContent).toContain('No aligned passages')
    expect(doc.querySelector('article.col .text')!.textContent).toContain('Azerbaijan opened its embassy')
    expect(doc.querySelector('#methods')!.textContent).toContain('No user codebook')
  })
})

describe('renderHtmlReport: which aligned passages are listed (passages, minScore)', () => {
  const full = makeFixture()
  // Without reviews and annotations only the user link marks a pair as touched by the user.
  const bare: Analysis = { ...full, reviews: [], annotations: [] }
  const rows = (html: string): string[] => [...parse(html).querySelectorAll('table.aligned tr[data-link-id]')].map((r) => r.getAttribute('data-link-id')!)
  const note = (html: string): string => parse(html).querySelector('#aligned p.omitted')?.textContent ?? ''
  const render = (a: Analysis, o: Parameters<typeof renderHtmlReport>[1] = {}): string => renderHtmlReport(a, { generatedAt: GEN, ...o })

  it(here + "default 'changes' lists only changed or user-linked pairs and says how many are left out", () => {
    const html = render(bare)
    expect(rows(html).sort()).toEqual(['herald:0-1~ledger:0-1', 'herald:1-2~ledger:1-2', 'herald:1-2~wire:1-2'])
    const n = note(html)
    expect(n).toContain('Showing 3 of 4 aligned pairs.')
    expect(n).toContain('1 aligned pair with no classified change')
    expect(n).toContain('--passages all')
    expect(n).toContain('Aligned passages: all')
    expect(parse(html).querySelector('#aligned p.omitted')!.getAttribute('data-omitted')).toBe('1')
    // Methods records the choice.
    expect(parse(html).querySelector('#methods')!.textContent).toContain('pairs with a classified change')
  })

  it(here + "an unclassified rewording ('other') alone does not make a pair count as changed", () => {
    const id = 'herald:0-1~wire:0-1'
    const other = { kind: 'other' as const, a: { start: 4, end: 11 }, b: { start: 0, end: 10 }, rule: 'wording:substitution', explanation: 'reworded' }
    const withOther: Analysis = { ...bare, diffs: bare.diffs.map((d) => (d.linkId === id ? { ...d, changes: [other] } : d)) }
    expect(rows(render(withOther))).not.toContain(id)
    expect(rows(render(withOther, { passages: 'all' }))).toContain(id)
  })

  it(here + "'all' lists every pair with no omission sentence", () => {
    const html = render(bare, { passages: 'all' })
    expect(rows(html)).toHaveLength(bare.alignment.links.length)
    expect(note(html)).toBe('')
    expect(parse(html).querySelector('#methods')!.textContent).toContain('every aligned pair')
  })

  it(here + 'a user link without changes is kept in every mode and above any minScore', () => {
    const diff = bare.diffs.find((d) => d.linkId === 'herald:1-2~wire:1-2')!
    expect(diff.changes).toHaveLength(0)
    for (const passages of ['changes', 'all'] as const) expect(rows(render(bare, { passages, minScore: 0.99 }))).toContain('herald:1-2~wire:1-2')
  })

  it(here + 'a pair with an annotation or a reviewed flag in either passage is kept', () => {
    // The fixture reviews two flags in herald's first sentence: herald:0-1~wire:0-1 (no change) is kept.
    expect(rows(render(full))).toContain('herald:0-1~wire:0-1')
    expect(note(render(full))).toBe('')
    // An annotation in wire's first sentence alone keeps it too (side b).
    const wire = full.articles.find((a) => a.id === 'wire')!
    const s = wire.text.indexOf('embassy')
    const annotated: Analysis = { ...bare, annotations: [{ id: 'n', article: 'wire', start: s, end: s + 7, category: 'loaded', note: '', at: GEN }] }
    expect(rows(render(annotated))).toContain('herald:0-1~wire:0-1')
    // An annotation outside both passages does not.
    const v = wire.text.indexOf('vigilant')
    const elsewhere: Analysis = { ...bare, annotations: [{ id: 'n', article: 'wire', start: v, end: v + 8, category: 'loaded', note: '', at: GEN }] }
    expect(rows(render(elsewhere))).not.toContain('herald:0-1~wire:0-1')
  })

  it(here + 'minScore drops low-scoring machine pairs and counts them separately', () => {
    const html = render(bare, { passages: 'all', minScore: 0.58 })
    expect(rows(html).sort()).toEqual(['herald:0-1~ledger:0-1', 'herald:1-2~wire:1-2'])
    expect(note(html)).toContain('Showing 2 of 4 aligned pairs.')
    expect(note(html)).toContain('2 aligned pairs scoring below 0.58 are not listed')
    const sel = selectReportLinks(bare, { minScore: 0.58 })
    expect([sel.kept.length, sel.omittedUnchanged, sel.omittedLowScore]).toEqual([2, 1, 1])
  })

  it(here + 'when every pair is omitted the section still explains why', () => {
    const none: Analysis = { ...bare, alignment: { ...bare.alignment, links: bare.alignment.links.filter((l) => l.id === 'herald:0-1~wire:0-1') } }
    const html = render(none)
    expect(rows(html)).toHaveLength(0)
    expect(note(html)).toContain('Showing 0 of 1 aligned pairs.')
    expect(parse(html).querySelector('#aligned table.aligned')).toBeNull()
  })
})
