/**
 * The report's summary-first layout and collapsible detail: "Key findings" and the tables come
 * before the long evidence sections; pairs of two compared articles, partial gaps and link
 * evidence are collapsed (<details>, no script: they print collapsed) unless the full report
 * ('all') was asked for or the user worked on that pair. Nothing is removed from the document.
 */
import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import type { Analysis, Link, PassageDiff, PassageRef } from '../../../../shared/model'
import { renderHtmlReport } from '../../../../shared/pipeline/06-report/serializers/html'
import { makeFixture } from './htmlFixture'

const here = '[06-report/serializers/html summary] '
const GEN = '2024-05-01T10:00:00Z'

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document
}

const full = makeFixture()
// Only the user link marks a pair as the user's (no reviews or annotations).
const bare: Analysis = { ...full, reviews: [], annotations: [] }

function sentenceRef(a: Analysis, article: string, i: number): PassageRef {
  const s = a.segmentations.find((x) => x.article === article)!.sentences[i]!
  return { article, start: s.start, end: s.end, sentenceStart: i, sentenceEnd: i + 1 }
}

/** `bare` plus a link between the two compared articles (ledger ~ wire) with one classified change. */
function withOtherPair(origin: Link['origin'] = 'machine'): Analysis {
  const a = sentenceRef(bare, 'ledger', 0)
  const b = sentenceRef(bare, 'wire', 0)
  const link: Link = { id: 'ledger:0-1~wire:0-1', a, b, score: 0.5, origin, evidence: [{ kind: 'term', a: 'embassy', b: 'embassy', weight: 0.2 }] }
  const diff: PassageDiff = {
    linkId: link.id,
    ops: [],
    changes: [{ kind: 'intensity', a: { start: a.start, end: a.start + 5 }, b: { start: b.start, end: b.start + 5 }, rule: 'intensity:test', explanation: 'Stronger wording.' }],
    timedOut: false
  }
  return { ...bare, alignment: { ...bare.alignment, links: [...bare.alignment.links, link] }, diffs: [...bare.diffs, diff] }
}

describe('report layout: summary first', () => {
  const doc = parse(renderHtmlReport(full, { generatedAt: GEN }))

  it(here + 'findings, charts and tables come before the articles, passages and gaps; methods last', () => {
    expect([...doc.querySelectorAll('body > section')].map((s) => s.id)).toEqual([
      'findings', 'overview', 'metrics', 'naming', 'sourcing', 'legend', 'articles', 'aligned', 'only-here', 'methods'
    ])
  })

  it(here + 'each compared article against the base: sentences the base also reports, classified differences by kind', () => {
    const seg = (id: string): number => full.segmentations.find((s) => s.article === id)!.sentences.length
    const missing = (id: string): number => full.alignment.unmatched.filter((u) => u.article === id && u.missingIn.includes('herald')).length
    const ledger = doc.querySelector('li[data-finding-article="ledger"]')!.textContent!
    expect(ledger).toContain(`Jerusalem Ledger: ${seg('ledger') - missing('ledger')} of its ${seg('ledger')} sentences report something the base also reports`)
    expect(ledger).toContain('in those passages: 1 × Evaluative word removed, 1 × Naming swap, 1 × Reporting verb')
    const wire = doc.querySelector('li[data-finding-article="wire"]')!.textContent!
    expect(wire).toContain(`${seg('wire')} of its ${seg('wire')} sentences`)
    expect(wire).toContain('no classified difference in those passages')
    expect(doc.querySelector('li[data-finding="vs-base"]')!.textContent).toContain('Compared with the base article, Northern Herald')
  })

  it(here + 'names that signal a viewpoint (naming choices only), with where and how often', () => {
    const t = doc.querySelector('li[data-finding="naming"]')!.textContent!
    expect(t).toContain('Israel: “Zionist regime” (Iranian state / hostile) in Northern Herald ×1')
    expect(t).toContain('Azerbaijan: “Azeri government” (informal) in Northern Herald ×1')
    // Neutral terms, metonyms included, are not findings.
    expect(t).not.toContain('Baku')
    const none = parse(renderHtmlReport({ ...full, naming: full.naming.map((c) => ({ ...c, terms: c.terms.filter((x) => x.viewpoint.startsWith('neutral')) })) }, { generatedAt: GEN }))
    expect(none.querySelector('li[data-finding="naming"]')!.textContent).toContain('No article uses a name for an actor that signals a viewpoint')
  })

  it(here + 'most and least own-voice flags, most negative and positive tone, voices by side: from the metrics', () => {
    const rate = (id: string): number => {
      const m = full.metrics.find((x) => x.article === id)!
      return m.ownVoiceFlags / m.words
    }
    const byRate = ['herald', 'ledger', 'wire'].sort((x, y) => rate(y) - rate(x))
    const outlet = (id: string): string => full.articles.find((a) => a.id === id)!.meta.outlet
    const loaded = doc.querySelector('li[data-finding="loaded"]')!.textContent!
    expect(loaded).toContain(`most in ${outlet(byRate[0]!)}`)
    expect(loaded).toContain(`fewest in ${outlet(byRate[2]!)}`)
    const byTone = ['herald', 'ledger', 'wire'].sort((x, y) => full.metrics.find((m) => m.article === x)!.meanSentiment - full.metrics.find((m) => m.article === y)!.meanSentiment)
    const tone = doc.querySelector('li[data-finding="tone"]')!.textContent!
    expect(tone).toContain(`most negative ${outlet(byTone[0]!)}`)
    expect(tone).toContain(`most positive ${outlet(byTone[2]!)}`)
    expect(doc.querySelector('li[data-finding="voices"]')!.textContent).toContain('Jerusalem Ledger: Iran (government) ×1, unknown side ×1')
  })

  it(here + 'blind mode: the findings name articles by letter only', () => {
    const blind = parse(renderHtmlReport(full, { generatedAt: GEN, blindSources: true }))
    const t = blind.querySelector('#findings')!.textContent!
    for (const a of full.articles) expect(t).not.toContain(a.meta.outlet)
    expect(t).toContain('Article B:')
  })
})

describe('report layout: collapsed detail', () => {
  const groups = (html: string): Record<string, boolean> =>
    Object.fromEntries([...parse(html).querySelectorAll('details.pair-group')].map((d) => [d.getAttribute('data-pair')!, d.hasAttribute('open')]))

  it(here + "'changes': pairs with the base are open, a pair of two compared articles is collapsed to its counts, its rows kept", () => {
    const html = renderHtmlReport(withOtherPair(), { generatedAt: GEN })
    expect(groups(html)).toEqual({ 'herald|ledger': true, 'herald|wire': true, 'ledger|wire': false })
    const doc = parse(html)
    const other = doc.querySelector('details.pair-group[data-pair="ledger|wire"]')!
    expect(other.querySelector('summary')!.textContent).toContain('Jerusalem Ledger ↔ Meridian Wire 1 passage pair · 1 × Intensity')
    expect(other.querySelector('summary .collapsed-hint')!.textContent).toContain('--passages all')
    expect(other.querySelector('tr[data-link-id="ledger:0-1~wire:0-1"]')).not.toBeNull()
    expect(doc.querySelector('details.pair-group[data-pair="herald|ledger"] summary')!.textContent).toContain('2 passage pairs · 1 × Evaluative word removed, 1 × Naming swap, 1 × Reporting verb')
  })

  it(here + "'all' opens every pair; a pair holding a link of the user's is open in 'changes' too", () => {
    expect(Object.values(groups(renderHtmlReport(withOtherPair(), { generatedAt: GEN, passages: 'all' })))).toEqual([true, true, true])
    expect(groups(renderHtmlReport(withOtherPair('user'), { generatedAt: GEN }))['ledger|wire']).toBe(true)
  })

  it(here + 'link evidence is collapsed under the score', () => {
    const doc = parse(renderHtmlReport(bare, { generatedAt: GEN, passages: 'all' }))
    const row = doc.querySelector('tr[data-link-id="herald:0-1~ledger:0-1"]')!
    const ev = row.querySelector('details.evidence')!
    expect(ev.hasAttribute('open')).toBe(false)
    expect(ev.querySelector('ul.evidence')!.textContent).toContain('naming: zionist regime ≈ israel (israel) · 0.30')
    // A link with no evidence (the user link) has no evidence toggle.
    expect(doc.querySelector('tr[data-link-id="herald:1-2~wire:1-2"] details.evidence')).toBeNull()
  })

  it(here + 'only in this article: sentences no other article has are listed; partial gaps collapsed unless all', () => {
    const s = full.segmentations.find((x) => x.article === 'wire')!.sentences[1]!
    const partial: Analysis = { ...full, alignment: { ...full.alignment, unmatched: [...full.alignment.unmatched, { article: 'wire', sentence: 1, start: s.start, end: s.end, missingIn: ['ledger'] }] } }
    const doc = parse(renderHtmlReport(partial, { generatedAt: GEN }))
    const section = doc.querySelector('#only-here')!
    const gaps = section.querySelector('details.partial-gaps')!
    expect(gaps.hasAttribute('open')).toBe(false)
    expect(gaps.querySelector('summary')!.textContent).toContain('1 sentence missing from some of the other articles')
    expect(gaps.querySelector('li[data-unmatched="1"]')!.textContent).toContain('no counterpart in: Jerusalem Ledger')
    // The unique sentences of herald and ledger stay in the open lists.
    expect(section.querySelectorAll(':scope > ul > li[data-unmatched]').length).toBe(2)
    const all = parse(renderHtmlReport(partial, { generatedAt: GEN, passages: 'all' }))
    expect(all.querySelector('#only-here details.partial-gaps')!.hasAttribute('open')).toBe(true)
  })
})

describe(here + 'sourcing table', () => {
  it('marks reported speech (an attribution without quotation marks) apart from quotations', () => {
    const ledger = full.articles.find((a) => a.id === 'ledger')!
    const s = full.segmentations.find((x) => x.article === 'ledger')!.sentences[0]!
    const reported = { article: 'ledger', start: s.start, end: s.end, speaker: 'Eli Cohen', speakerActor: '', side: 'Israel', verb: 'said', anonymous: false, direct: false }
    const a: Analysis = { ...full, language: full.language.map((l) => (l.article === ledger.id ? { ...l, quotes: [reported] } : l)) }
    const rows = [...parse(renderHtmlReport(a, { generatedAt: GEN })).querySelectorAll('#sourcing table.sourcing tbody tr')].map((r) => r.textContent!)
    expect(rows.find((r) => r.includes('Eli Cohen'))).toContain('reported speech:')
    expect(rows.find((r) => r.includes('Nasser Kanaani'))).not.toContain('reported speech:')
  })
})
