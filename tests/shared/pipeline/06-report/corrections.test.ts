import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import type { AlignmentCorrection, Analysis, PassageRef, Study } from '../../../../shared/model'
import { analyze } from '../../../../shared/pipeline/analyze'
import { correctionsSentence, renderHtmlReport } from '../../../../shared/pipeline/06-report/serializers/html'
import { toCsvExport } from '../../../../shared/pipeline/06-report/serializers/csv'
import { appliedCorrections, toJsonExport } from '../../../../shared/pipeline/06-report/serializers/json'
import { renderWorksheet } from '../../../../shared/pipeline/06-report/serializers/worksheet'
import { parseStudy, studyToAnalyzeInput } from '../../../../shared/study'
import { undocumentedKeys } from './json.fixture'

// Hand corrections of the alignment in the exports: the real engine replays a study's
// corrections (analyze → 03-align/corrections.ts), and the JSON methods and the HTML Methods
// section must say which applied (by kind, with their passages) and which did not.

const ROOT = resolve(import.meta.dirname, '../../../..')
const BASE = 'baku-tel-aviv-ties'
const WIRE = 'meridian-wire'
const AT = '2026-02-03T04:05:06.000Z'

function sampleStudy(): Study {
  const r = parseStudy(readFileSync(resolve(ROOT, 'samples/baku-tel-aviv/baku-tel-aviv.parallax.json'), 'utf8'))
  if (!r.ok) throw new Error(r.error.message)
  // Two articles keep the analysis fast; the corrections only concern this pair.
  return { ...r.value, articles: r.value.articles.filter((a) => a.id === BASE || a.id === WIRE), corrections: [] }
}

const study0 = sampleStudy()
const machine = analyze(studyToAnalyzeInput(study0))
const sents = (id: string): readonly { start: number; end: number }[] => machine.segmentations.find((s) => s.article === id)!.sentences
/** A passage ref over sentences [from, to) of an article, offsets from its segmentation. */
function ref(article: string, from: number, to: number): PassageRef {
  const s = sents(article)
  return { article, start: s[from]!.start, end: s[to - 1]!.end, sentenceStart: from, sentenceEnd: to }
}

// Each correction builds on the ones before it (they replay in order), so every applied one
// acts on links the corrections made, whatever the machine links of the pair are.
const CORRECTIONS: readonly AlignmentCorrection[] = [
  { kind: 'link', a: ref(BASE, 10, 11), b: ref(WIRE, 5, 6), at: AT },
  { kind: 'link', a: ref(BASE, 11, 12), b: ref(WIRE, 6, 7), at: AT },
  { kind: 'merge', linkIds: [`${BASE}:10-11~${WIRE}:5-6`, `${BASE}:11-12~${WIRE}:6-7`], at: AT },
  { kind: 'split', linkId: `${BASE}:10-12~${WIRE}:5-7`, atA: 11, atB: 6, at: AT },
  { kind: 'unlink', linkId: `${BASE}:11-12~${WIRE}:6-7`, at: AT },
  // Stale: the wire has fewer than 40 sentences, so no link names these ranges.
  { kind: 'unlink', linkId: `${BASE}:0-1~${WIRE}:40-41`, at: AT },
  { kind: 'merge', linkIds: [`${BASE}:0-1~${WIRE}:40-41`, `${BASE}:1-2~${WIRE}:41-42`], at: AT },
  { kind: 'split', linkId: `${BASE}:0-2~${WIRE}:40-42`, atA: 1, at: AT }
]

const study: Study = { ...study0, corrections: CORRECTIONS }
const corrected = analyze(studyToAnalyzeInput(study))

function methodsRow(html: string): string {
  const doc = parseHTML(html).document as unknown as Document
  return doc.querySelector('#methods [data-corrections]')?.textContent ?? ''
}

describe('hand corrections in the JSON export (methods.corrections)', () => {
  const x = toJsonExport(corrected, { corrections: CORRECTIONS })

  it('lists the applied corrections in study order with kind, time and passages; counts them by kind', () => {
    expect(x.methods.corrections.map((c) => [c.index, c.kind, c.at])).toEqual([
      [0, 'link', AT],
      [1, 'link', AT],
      [2, 'merge', AT],
      [3, 'split', AT],
      [4, 'unlink', AT]
    ])
    expect(x.methods.correctionCounts).toEqual({ link: 2, unlink: 1, merge: 1, split: 1 })
    expect(x.methods.skippedCorrections.map((k) => [k.index, k.kind, k.pairNotAligned])).toEqual([
      [5, 'unlink', false],
      [6, 'merge', false],
      [7, 'split', false]
    ])
  })

  it.each([
    // [index, linkIds, passages as [article, sentenceStart, sentenceEnd]]
    [0, [], [[BASE, 10, 11], [WIRE, 5, 6]]],
    [2, [`${BASE}:10-11~${WIRE}:5-6`, `${BASE}:11-12~${WIRE}:6-7`], [[BASE, 10, 11], [WIRE, 5, 6], [BASE, 11, 12], [WIRE, 6, 7]]],
    [3, [`${BASE}:10-12~${WIRE}:5-7`], [[BASE, 10, 12], [WIRE, 5, 7]]],
    [4, [`${BASE}:11-12~${WIRE}:6-7`], [[BASE, 11, 12], [WIRE, 6, 7]]]
  ] as const)('correction %i names its links and passages, with offsets into the article text', (index, linkIds, passages) => {
    const c = x.methods.corrections.find((k) => k.index === index)!
    expect(c.linkIds).toEqual(linkIds)
    expect(c.passages.map((p) => [p.article, p.sentenceStart, p.sentenceEnd])).toEqual(passages)
    // Offsets are those of the sentence range in the analysed text.
    for (const p of c.passages) expect([p.start, p.end]).toEqual([sents(p.article)[p.sentenceStart]!.start, sents(p.article)[p.sentenceEnd - 1]!.end])
  })

  it('keeps what the study stores: a link correction its refs, a split its cut indices', () => {
    const link = CORRECTIONS[0] as Extract<AlignmentCorrection, { kind: 'link' }>
    expect(x.methods.corrections[0]!.passages).toEqual([link.a, link.b])
    expect(x.methods.corrections[3]).toMatchObject({ atA: 11, atB: 6, cutA: null, cutB: null })
    expect('atA' in x.methods.corrections[0]!).toBe(false)
  })

  it('matches the links the engine produced (the corrections really applied)', () => {
    const user = corrected.alignment.links.filter((l) => l.origin === 'user').map((l) => l.id)
    // merge then split gave 10-11~5-6 and 11-12~6-7; the unlink removed the second.
    expect(user).toEqual([`${BASE}:10-11~${WIRE}:5-6`])
  })

  it('documents every key it writes in docs/exports.md', () => {
    expect(undocumentedKeys(x, readFileSync(resolve(ROOT, 'docs/exports.md'), 'utf8'))).toEqual([])
  })

  it('without the study corrections, or with none, lists none and counts zero', () => {
    for (const [a, corrections] of [[machine, []], [machine, undefined], [corrected, undefined]] as const) {
      const m = toJsonExport(a, corrections ? { corrections } : {}).methods
      expect(m.corrections).toEqual([])
      expect(m.correctionCounts).toEqual({ link: 0, unlink: 0, merge: 0, split: 0 })
    }
  })
})

describe('hand corrections in the HTML report Methods', () => {
  it.each<[string, Analysis, readonly AlignmentCorrection[] | undefined, string]>([
    [
      'one applied of each kind, three stale',
      corrected,
      CORRECTIONS,
      'Alignment corrected by hand: 2 links added, 1 removed, 1 merge, 1 split; 3 corrections no longer applied (the analysis no longer produces their links; see the JSON export).'
    ],
    [
      'only applied ones',
      analyze(studyToAnalyzeInput({ ...study0, corrections: CORRECTIONS.slice(0, 3) })),
      CORRECTIONS.slice(0, 3),
      'Alignment corrected by hand: 2 links added, 0 removed, 1 merge, 0 splits.'
    ],
    [
      'one stale',
      analyze(studyToAnalyzeInput({ ...study0, corrections: CORRECTIONS.slice(5, 6) })),
      CORRECTIONS.slice(5, 6),
      'Alignment corrected by hand: 0 links added, 0 removed, 0 merges, 0 splits; 1 correction no longer applied (the analysis no longer produces its link; see the JSON export).'
    ],
    ['no corrections', machine, [], 'Alignment corrected by hand: none (every link is the machine’s).'],
    ['corrections not given to the report', corrected, undefined, 'Alignment corrections by hand: not recorded in this report.']
  ])('%s', (_name, analysis, corrections, sentence) => {
    expect(correctionsSentence(analysis, corrections)).toBe(sentence)
    const html = renderHtmlReport(analysis, { generatedAt: AT, ...(corrections ? { corrections } : {}) })
    expect(methodsRow(html)).toBe(sentence)
  })

  it('names a correction joining two non-base articles of a base-scope analysis as not applied, not stale', () => {
    const skip = { index: 0, kind: 'unlink' as const, reason: 'link x:0-1~y:0-1 is no longer produced' }
    const a: Analysis = { ...machine, alignScope: 'base', alignment: { ...machine.alignment, skippedCorrections: [skip] } }
    expect(correctionsSentence(a, [{ kind: 'unlink', linkId: 'x:0-1~y:0-1', at: AT }])).toBe(
      'Alignment corrected by hand: 0 links added, 0 removed, 0 merges, 0 splits; 1 correction not applied: it joins two articles other than the base, a pair this study does not align (see the JSON export).'
    )
  })
})

describe('hand corrections elsewhere', () => {
  it('leave the CSV files unchanged: they have no methods file to count them in', () => {
    expect(toCsvExport(corrected, { corrections: CORRECTIONS })).toEqual(toCsvExport(corrected))
  })

  it('leave the student worksheet and answer key unchanged: they have no methods section', () => {
    for (const answerKey of [false, true]) {
      const ws = renderWorksheet(corrected, { blindSources: false, answerKey, generatedAt: AT })
      expect(ws).not.toMatch(/corrected by hand|data-corrections/)
    }
  })
})

describe('appliedCorrections', () => {
  it('gives null offsets for a sentence range outside the segmentation instead of inventing them', () => {
    // A correction reported as applied whose link names sentences past the end (a hand-made analysis).
    const c: AlignmentCorrection = { kind: 'unlink', linkId: `${BASE}:0-1~${WIRE}:90-91`, at: '' }
    const [r] = appliedCorrections(machine, [c])
    expect(r).toMatchObject({ at: null, passages: [{ article: BASE, sentenceStart: 0 }, { article: WIRE, start: null, end: null, sentenceStart: 90, sentenceEnd: 91 }] })
  })
})
