import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { judgementExamples, renderWorksheet, worksheetQuestions } from '../../../../shared/pipeline/06-report/serializers/worksheet'
import { highlightsOf } from '../../../../shared/pipeline/06-report/serializers/shared'
import { makeFixture } from './htmlFixture'

const here = '[06-report/serializers/worksheet] '
const GEN = '2024-05-01T10:00:00Z'

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document
}

const analysis = makeFixture()

describe('worksheetQuestions', () => {
  const qs = worksheetQuestions(analysis, { blind: false })
  const byKind = (k: string): string[] => qs.filter((q) => q.kind === k).map((q) => q.prompt + ' || ' + q.answer)

  it(here + 'generates one question of each kind the analysis supports', () => {
    expect(new Set(qs.map((q) => q.kind))).toEqual(new Set(['naming', 'omission', 'reporting-verb', 'sentiment', 'voices', 'change', 'loaded']))
    // Interleaved: the first five questions have five different kinds.
    expect(new Set(qs.slice(0, 5).map((q) => q.kind)).size).toBe(5)
  })

  it(here + 'naming question names the actor and answers with the actual terms and counts', () => {
    const naming = byKind('naming')
    expect(naming.length).toBe(2)
    const israel = naming.find((q) => q.includes('<strong>Israel</strong>'))!
    expect(israel).toContain('Which words does each article use for <strong>Israel</strong>')
    expect(israel).toContain('“Zionist regime” ×1 (Iranian state / hostile)')
    expect(israel).toContain('<strong>Jerusalem Ledger</strong>: “Israel” ×2')
  })

  it(here + 'reporting-verb question compares the verbs for the same speaker', () => {
    // Only the herald quotes Kanaani in the fixture, so the fallback lists reporting-verb flags.
    const [rv] = byKind('reporting-verb')
    expect(rv).toContain('“warned”')
    expect(rv).toContain('“claimed”')
  })

  it(here + 'omission questions quote the unmatched sentences, both directions', () => {
    const om = byKind('omission')
    expect(om[0]).toContain('What does <strong>Jerusalem Ledger</strong> report that <strong>Northern Herald</strong> leaves out?')
    expect(om[0]).toContain('Experts say the partnership is strategic')
    expect(om[1]).toContain('The Azeri government made unfounded claims about spy networks.')
  })

  it(here + 'sentiment question picks the most negative article and quotes negative words', () => {
    const [s] = byKind('sentiment')
    expect(s).toMatch(/most negative about <strong>(Israel|Azerbaijan)<\/strong>/)
    expect(s).toContain('<strong>Northern Herald</strong>')
    expect(s).toMatch(/“(malicious|criminal|unfounded)”/)
  })

  it(here + 'voices and change questions use the quotes and the classified changes', () => {
    expect(byKind('voices')[0]).toContain('Nasser Kanaani (Iran (government))')
    const [c] = byKind('change')
    expect(c).toContain('One names Israel')
    expect(c).toContain('“Zionist regime” → “Israel”')
    // Rejected flags never become model answers.
    const [l] = byKind('loaded')
    expect(l).toContain('“malicious”')
    expect(l).not.toContain('“Zionist” (Labelling)')
  })

  it(here + 'an analysis with nothing to ask yields no questions, not an error', () => {
    const empty = { ...analysis, naming: [], language: [], diffs: [], alignment: { base: 'herald', links: [], unmatched: [] } }
    expect(worksheetQuestions(empty, { blind: false })).toEqual([])
    const doc = parse(renderWorksheet(empty, { blindSources: false, answerKey: false }))
    expect(doc.querySelector('#ws-questions')!.textContent).toContain('compare the articles freely')
  })
})

describe('renderWorksheet (student version)', () => {
  const html = renderWorksheet(analysis, { blindSources: false, answerKey: false, generatedAt: GEN })
  const doc = parse(html)

  it(here + 'shows the articles side by side without any highlight', () => {
    expect([...doc.querySelectorAll('article.col')].map((c) => c.getAttribute('data-article'))).toEqual(['herald', 'ledger', 'wire'])
    expect(doc.querySelectorAll('mark').length).toBe(0)
    expect(doc.querySelectorAll('ol.notes').length).toBe(0)
    expect(doc.querySelectorAll('[data-answer]').length).toBe(0)
    expect(doc.querySelector('article.col[data-article="herald"] .text')!.textContent).toContain('malicious new chapter')
  })

  it(here + 'has ruled space under every question, and name/class fields', () => {
    const qs = doc.querySelectorAll('li.q')
    expect(qs.length).toBeGreaterThanOrEqual(6)
    for (const q of qs) expect(q.querySelectorAll('.lines .line').length).toBeGreaterThanOrEqual(3)
    expect(doc.querySelector('.fields')!.textContent).toContain('Name:')
    expect(html).not.toMatch(/<script/i)
  })

  it(here + 'does not give away the answers', () => {
    const t = doc.querySelector('#ws-questions')!.textContent!
    expect(t).not.toContain('Model answer')
    expect(t).not.toContain('Iranian state / hostile')
  })
})

describe('renderWorksheet (answer key)', () => {
  const doc = parse(renderWorksheet(analysis, { blindSources: false, answerKey: true, generatedAt: GEN }))

  it(here + 'has every highlight with its explanation, and a model answer per question', () => {
    for (const a of analysis.articles) {
      const col = doc.querySelector(`article.col[data-article="${a.id}"]`)!
      for (const h of highlightsOf(analysis, a.id)) {
        const marks = [...col.querySelectorAll('mark.flag')].filter((m) => m.getAttribute('data-flag-id') === h.id)
        expect(marks.map((m) => m.textContent).join(''), h.id).toBe(h.text)
        expect(col.querySelector('ol.notes')!.textContent).toContain(h.explanation)
      }
    }
    const qs = doc.querySelectorAll('li.q')
    for (const q of qs) expect(q.querySelector('[data-answer]')!.textContent!.length).toBeGreaterThan(20)
    expect(doc.querySelector('ul.legend')).not.toBeNull()
    expect(doc.querySelector('footer')!.textContent).toContain(GEN)
  })
})

describe('renderWorksheet blind mode', () => {
  for (const answerKey of [false, true]) {
    it(here + `leaks no outlet or author name (answerKey=${answerKey})`, () => {
      const html = renderWorksheet(analysis, { blindSources: true, answerKey, generatedAt: GEN })
      for (const a of analysis.articles) {
        for (const n of [a.meta.outlet, a.meta.author, a.meta.author.split(' ').pop()!, a.meta.viewpoint]) {
          expect(html.toLowerCase(), n).not.toContain(n.toLowerCase())
        }
      }
      const doc = parse(html)
      expect([...doc.querySelectorAll('article.col h3')].map((h) => h.textContent)).toEqual(['Article A', 'Article B', 'Article C'])
      expect(doc.body.textContent).toContain('[Article B]')
      if (answerKey) expect(doc.querySelector('li.q[data-question-kind="naming"] [data-answer]')!.textContent).toContain('Article A')
    })
  }
})

describe('renderWorksheet with hostile text', () => {
  it(here + 'escapes article text and metadata in every mode', () => {
    const hostile = makeFixture({
      hostileBase: '<script>alert(1)</script> "><img src=x onerror=alert(2)> opened.\n\nSee javascript:alert(3) now.\n\nMore </style><b>bold</b> end.',
      outletOverride: '<img src=x onerror=alert(4)>'
    })
    for (const blindSources of [false, true]) {
      for (const answerKey of [false, true]) {
        const html = renderWorksheet(hostile, { blindSources, answerKey, generatedAt: '<x>', title: '<script>t</script>' })
        expect(html).not.toMatch(/<script|<img|<b>/i)
        const doc = parse(html)
        expect(doc.querySelectorAll('script, img, b').length).toBe(0)
        expect(doc.querySelector('article.col[data-article="herald"] .text')!.textContent).toContain('<script>alert(1)</script>')
      }
    }
  })
})

describe('judgementExamples', () => {
  const f = (category: string, confidence: number, start: number, explanation = `${category}@${start}`) => ({ category, confidence, start, explanation })
  it.each([
    {
      name: 'categories take turns, naming last, in reading order',
      flags: [f('contested-naming', 0.85, 10), f('contested-naming', 0.85, 20), f('loaded', 0.8, 30), f('loaded', 0.55, 40), f('labeling', 0.4, 50)],
      n: 4,
      starts: [10, 30, 40, 50]
    },
    {
      name: 'one explanation once: a second flag with the same sentence is skipped',
      flags: [f('contested-naming', 0.85, 10, 'same'), f('contested-naming', 0.85, 20, 'same'), f('contested-naming', 0.6, 30)],
      n: 4,
      starts: [10, 30]
    },
    { name: 'fewer flags than asked', flags: [f('fear', 0.7, 5)], n: 4, starts: [5] },
    { name: 'none', flags: [], n: 4, starts: [] },
    {
      name: 'most confident of a category first',
      flags: [f('loaded', 0.5, 1), f('loaded', 0.9, 2), f('loaded', 0.7, 3)],
      n: 2,
      starts: [2, 3]
    }
  ])('$name', ({ flags, n, starts }) => {
    expect(judgementExamples(flags, n).map((x) => x.start)).toEqual(starts)
  })
})
