import { describe, expect, it } from 'vitest'
import type { Alignment, Article, Flag, LanguageResult, Segmentation } from '../../../../shared/model'
import { buildReport } from '../../../../shared/pipeline/06-report/buildReport'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { builtinNaming } from '../../../../shared/resources/naming'
import { article } from './article.fixture'


function flag(a: Article, word: string, category: Flag['category'], inQuote = false): Flag {
  const start = a.text.indexOf(word)
  const end = start + word.length
  return { id: `${a.id}:${start}-${end}:t`, article: a.id, start, end, text: word, category, rule: 'test:x', explanation: 'test', confidence: 1, inQuote }
}

// Ten words in A (two sentences), eight in B (two sentences).
const A = article('a', 'The regime slammed the deal. Officials "deplored" the brutal raid.')
const B = article('b', 'Israel criticised the deal. The weather was calm.')
const segA = segment(A)
const segB = segment(B)

function lang(a: Article, seg: Segmentation, partial: Partial<LanguageResult>): LanguageResult {
  return {
    article: a.id,
    flags: [],
    sentences: seg.sentences.map((s) => ({ article: a.id, start: s.start, end: s.end, sentence: s.index, score: 0, comparative: 0, words: [] })),
    quotes: [],
    mentions: [],
    ...partial
  }
}

// One link: sentence 0 of A ↔ sentence 0 of B. A's sentence 1 and B's sentence 1 are unique.
const alignment: Alignment = {
  base: 'a',
  links: [
    {
      id: 'a:0-1~b:0-1',
      a: { article: 'a', start: segA.sentences[0]!.start, end: segA.sentences[0]!.end, sentenceStart: 0, sentenceEnd: 1 },
      b: { article: 'b', start: segB.sentences[0]!.start, end: segB.sentences[0]!.end, sentenceStart: 0, sentenceEnd: 1 },
      score: 0.7,
      evidence: [],
      origin: 'machine'
    }
  ],
  unmatched: []
}

describe('buildReport', () => {
  const naming = builtinNaming()
  const israelTerm = naming.actorById.get('israel')!.terms[0]!
  const langA = lang(A, segA, {
    flags: [flag(A, 'slammed', 'loaded'), flag(A, 'brutal', 'loaded'), flag(A, 'deplored', 'loaded', true), flag(A, 'regime', 'labeling')],
    sentences: [
      { article: 'a', start: segA.sentences[0]!.start, end: segA.sentences[0]!.end, sentence: 0, score: -2, comparative: -0.4, words: [] },
      { article: 'a', start: segA.sentences[1]!.start, end: segA.sentences[1]!.end, sentence: 1, score: -5, comparative: -1, words: [] }
    ],
    quotes: [
      { article: 'a', start: 39, end: 49, speaker: 'Officials', speakerActor: '', side: '', verb: '', anonymous: true },
      { article: 'a', start: 39, end: 49, speaker: 'Officials', speakerActor: '', side: 'Iran (government)', verb: '', anonymous: false }
    ]
  })
  const iStart = B.text.indexOf('Israel')
  const langB = lang(B, segB, {
    sentences: [
      { article: 'b', start: segB.sentences[0]!.start, end: segB.sentences[0]!.end, sentence: 0, score: -2, comparative: -0.5, words: [] },
      { article: 'b', start: segB.sentences[1]!.start, end: segB.sentences[1]!.end, sentence: 1, score: 1, comparative: 0.25, words: [] }
    ],
    mentions: [
      { article: 'b', start: iStart, end: iStart + 6, actor: 'israel', sentence: 0, term: israelTerm.id },
      // A coreference mention in sentence 1: not a naming choice, but its sentence's tone counts.
      { article: 'b', start: B.text.indexOf('The weather'), end: B.text.indexOf('The weather') + 3, actor: 'israel', sentence: 1, term: 'coref:the' },
      { article: 'b', start: 0, end: 3, actor: 'iran', sentence: 1, term: 'coref:he' }
    ]
  })
  const report = buildReport({ articles: [A, B], segmentations: [segA, segB], alignment, language: [langA, langB], naming })

  it('counts words, sentences and own-voice flags per 100 words', () => {
    const m = report.metrics[0]!
    expect(m.article).toBe('a')
    expect(m.words).toBe(10)
    expect(m.sentences).toBe(2)
    expect(m.ownVoiceFlags).toBe(3)
    expect(m.quotedFlags).toBe(1)
    // 2 own-voice 'loaded' (the quoted "deplored" is excluded) over 10 words.
    expect(m.flagsPer100).toEqual({ labeling: 10, loaded: 20 })
  })

  it('averages sentence sentiment and computes the unique share from link coverage', () => {
    const [a, b] = report.metrics
    expect(a!.meanSentiment).toBe(-3.5)
    expect(b!.meanSentiment).toBe(-0.5)
    expect(a!.uniqueShare).toBe(0.5)
    expect(b!.uniqueShare).toBe(0.5)
  })

  it('counts quotations by speaker side', () => {
    expect(report.metrics[0]!.sourcesBySide).toEqual({ '': 1, 'Iran (government)': 1 })
    expect(report.metrics[1]!.sourcesBySide).toEqual({})
  })

  it('builds naming cells with surface, count, offsets, viewpoint and sentiment around the actor', () => {
    // Sentiment around Israel averages sentence 0 (-2) and the coreference sentence 1 (+1);
    // an actor met only through coreference gets no cell.
    expect(report.naming).toEqual([
      {
        actor: 'israel',
        article: 'b',
        terms: [{ term: israelTerm.id, surface: 'Israel', count: 1, viewpoint: israelTerm.viewpoint, offsets: [iStart] }],
        meanSentiment: -0.5
      }
    ])
  })

  it('reports uniqueShare 0 for an article analysed alone, and copes with no language output', () => {
    const r = buildReport({
      articles: [A],
      segmentations: [segA],
      alignment: { base: 'a', links: [], unmatched: [] },
      language: [],
      naming
    })
    expect(r.metrics[0]).toMatchObject({ uniqueShare: 0, ownVoiceFlags: 0, meanSentiment: 0, flagsPer100: {} })
    expect(r.naming).toEqual([])
  })
})

describe('buildReport: link deltas', () => {
  const naming = builtinNaming()
  it('gives side b minus side a for summed sentiment and own-voice framing flags per passage', () => {
    const withScore = (l: LanguageResult, scores: number[]): LanguageResult => ({
      ...l,
      sentences: l.sentences.map((s, i) => ({ ...s, score: scores[i] ?? 0 }))
    })
    const la = withScore(
      lang(A, segA, {
        // "regime" and "slammed" are framing flags in the linked sentence; "deplored" is quoted
        // and "brutal" is in the unlinked sentence, so neither counts for the link.
        flags: [flag(A, 'regime', 'labeling'), flag(A, 'slammed', 'loaded'), flag(A, 'deplored', 'loaded', true), flag(A, 'brutal', 'loaded')]
      }),
      [-3, -2]
    )
    const lb = withScore(lang(B, segB, { flags: [flag(B, 'criticised', 'hedge')] }), [-1, 2])
    const { linkDeltas } = buildReport({ articles: [A, B], segmentations: [segA, segB], alignment, language: [la, lb], naming })
    expect(linkDeltas).toEqual([
      { linkId: 'a:0-1~b:0-1', sentimentA: -3, sentimentB: -1, sentimentDelta: 2, loadedA: 2, loadedB: 0, loadedDelta: -2 }
    ])
  })
})
