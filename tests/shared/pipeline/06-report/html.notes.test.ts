/**
 * Notes under each article: highlights that would print the same note share one numbered
 * note ("×2"), every mark still points to it; a note does not quote the flagged words twice
 * when its explanation already opens with them. Used by the report and the answer key.
 */
import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import type { Analysis, Flag } from '../../../../shared/model'
import { renderHtmlReport } from '../../../../shared/pipeline/06-report/serializers/html'
import { renderWorksheet } from '../../../../shared/pipeline/06-report/serializers/worksheet'
import { makeFixture } from './htmlFixture'

const here = '[06-report/serializers/html notes] '
const GEN = '2024-05-01T10:00:00Z'

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document
}

const base = makeFixture()
const herald = base.articles.find((a) => a.id === 'herald')!
/** "regime" flagged at each of its places in herald's text (the fixture has two). */
function regimeFlags(over: (i: number) => Partial<Flag> = () => ({})): Flag[] {
  const out: Flag[] = []
  for (let i = herald.text.indexOf('regime'); i >= 0; i = herald.text.indexOf('regime', i + 1)) {
    out.push({
      id: `regime-${i}`, article: 'herald', start: i, end: i + 6, text: 'regime', category: 'labeling', rule: 'labeling:regime',
      explanation: '"regime" casts a government as illegitimate.', confidence: 0.75, inQuote: false, ...over(out.length)
    })
  }
  return out
}
function withFlags(flags: Flag[]): Analysis {
  return { ...base, reviews: [], language: base.language.map((l) => (l.article === 'herald' ? { ...l, flags: [...l.flags, ...flags] } : l)) }
}
const notesOf = (doc: Document): Element[] => [...doc.querySelectorAll('#articles article.col[data-article="herald"] ol.notes li')]

describe('notes', () => {
  it(here + 'the same flag at two places is one note ×2, and both marks point to it', () => {
    const flags = regimeFlags()
    expect(flags).toHaveLength(2)
    const doc = parse(renderHtmlReport(withFlags(flags), { generatedAt: GEN }))
    const notes = notesOf(doc).filter((li) => li.textContent!.includes('casts a government as illegitimate'))
    expect(notes).toHaveLength(1)
    const note = notes[0]!
    expect(note.getAttribute('data-note-for')).toBe(flags[0]!.id)
    expect(note.getAttribute('data-note-also')).toBe(flags[1]!.id)
    expect(note.querySelector('.times')!.textContent).toBe('×2')
    // One footnote reference per mark, both to the shared note.
    const target = `#${note.getAttribute('id')}`
    for (const f of flags) expect(doc.querySelector(`mark[data-flag-id="${f.id}"]`), f.id).not.toBeNull()
    expect(doc.querySelectorAll(`sup.fn-ref a[href="${target}"]`).length).toBe(2)
    // Anchor ids stay unique: only the first reference carries the back-link target.
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it(here + 'flags differing in anything the note prints keep notes of their own', () => {
    const regimeNotes = (doc: Document): number => notesOf(doc).filter((li) => /^regime-/.test(li.getAttribute('data-note-for') ?? '')).length
    for (const diff of [{ inQuote: true }, { confidence: 0.5 }, { explanation: '"regime" is a label.' }, { category: 'loaded' as const }]) {
      const doc = parse(renderHtmlReport(withFlags(regimeFlags((i) => (i === 1 ? diff : {}))), { generatedAt: GEN }))
      expect(regimeNotes(doc), Object.keys(diff)[0]).toBe(2)
    }
    // ...and so do a reviewed and an unreviewed one.
    const flags = regimeFlags()
    const reviewed = { ...withFlags(flags), reviews: [{ flagId: flags[1]!.id, status: 'accepted' as const, note: '', at: GEN }] }
    expect(regimeNotes(parse(renderHtmlReport(reviewed, { generatedAt: GEN })))).toBe(2)
  })

  it(here + 'the flagged words are quoted once when the explanation opens with them', () => {
    const doc = parse(renderHtmlReport(withFlags(regimeFlags()), { generatedAt: GEN }))
    const note = notesOf(doc).find((li) => li.getAttribute('data-note-for') === 'regime-' + herald.text.indexOf('regime'))!
    expect(note.querySelector('q')).toBeNull()
    expect(note.textContent).toContain('"regime" casts a government as illegitimate.')
    // Other explanations keep the quotation of the flagged words.
    const malicious = notesOf(doc).find((li) => li.textContent!.includes('malicious'))!
    expect(malicious.querySelector('q')!.textContent).toBe('malicious')
  })

  it(here + 'the answer key shares notes the same way', () => {
    const doc = parse(renderWorksheet(withFlags(regimeFlags()), { blindSources: false, answerKey: true, generatedAt: GEN }))
    const notes = [...doc.querySelectorAll('article.col[data-article="herald"] ol.notes li')].filter((li) => li.textContent!.includes('casts a government'))
    expect(notes).toHaveLength(1)
    expect(notes[0]!.textContent).toContain('×2')
  })
})
