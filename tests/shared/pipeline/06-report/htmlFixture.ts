/**
 * A small hand-made Analysis for serializer tests, independent of stages 03–05 so the
 * serializers can be tested exactly (every flag, link and change is known here). Offsets are
 * computed from the texts with `at()`, so editing a text keeps the fixture consistent.
 * Segmentation and hashes are real (segment(), sha256()).
 */
import type {
  Analysis,
  Article,
  ArticleMeta,
  DiffOp,
  Flag,
  FlagCategory,
  Link,
  PassageDiff,
  PassageRef,
  Quote,
  SentenceSentiment,
  Segmentation
} from '../../../../shared/model'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { tokenize } from '../../../../shared/text/tokenize'
import { sha256 } from '../../../../shared/util/sha256'

export function makeArticle(id: string, text: string, meta: Partial<ArticleMeta> = {}): Article {
  return {
    id,
    text,
    hash: sha256(text),
    meta: {
      title: `Title of ${id}`,
      outlet: '',
      author: '',
      date: '2023-03-30',
      url: '',
      language: 'en',
      viewpoint: '',
      constructed: true,
      note: '',
      ...meta
    },
    source: { format: 'txt', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: text.length },
    warnings: []
  }
}

/** Offsets of the n-th occurrence of `needle` in `text` (throws when absent: fixtures must match). */
export function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let i = -1
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1)
    if (i < 0) throw new Error(`fixture: "${needle}" not found`)
  }
  return { start: i, end: i + needle.length }
}

export function flag(a: Article, needle: string, category: FlagCategory, extra: Partial<Flag> = {}, nth = 0): Flag {
  const s = at(a.text, needle, nth)
  const rule = extra.rule ?? `test:${needle.toLowerCase().replace(/\W+/g, '-')}`
  return {
    id: `${a.id}:${s.start}-${s.end}:${rule}`,
    article: a.id,
    ...s,
    text: needle,
    category,
    rule,
    explanation: `Explanation for "${needle}".`,
    confidence: 0.8,
    inQuote: false,
    ...extra
  }
}

/** Word-level LCS diff of two passages (test-only stand-in for stage 04 output). */
export function wordDiff(ta: string, ra: { start: number; end: number }, tb: string, rb: { start: number; end: number }): DiffOp[] {
  const A = tokenize(ta, ra.start, ra.end).filter((t) => t.kind !== 'punct')
  const B = tokenize(tb, rb.start, rb.end).filter((t) => t.kind !== 'punct')
  const L: number[][] = Array.from({ length: A.length + 1 }, () => new Array<number>(B.length + 1).fill(0))
  for (let i = A.length - 1; i >= 0; i--)
    for (let j = B.length - 1; j >= 0; j--)
      L[i]![j] = A[i]!.norm === B[j]!.norm ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!)
  const ops: DiffOp[] = []
  let i = 0
  let j = 0
  while (i < A.length || j < B.length) {
    if (i < A.length && j < B.length && A[i]!.norm === B[j]!.norm) {
      ops.push({ op: 'equal', a: { start: A[i]!.start, end: A[i]!.end }, b: { start: B[j]!.start, end: B[j]!.end } })
      i++
      j++
    } else if (j < B.length && (i >= A.length || L[i]![j + 1]! >= L[i + 1]![j]!)) {
      ops.push({ op: 'insert', b: { start: B[j]!.start, end: B[j]!.end } })
      j++
    } else {
      ops.push({ op: 'delete', a: { start: A[i]!.start, end: A[i]!.end } })
      i++
    }
  }
  return ops
}

function ref(a: Article, seg: Segmentation, s0: number, s1: number): PassageRef {
  return { article: a.id, start: seg.sentences[s0]!.start, end: seg.sentences[s1 - 1]!.end, sentenceStart: s0, sentenceEnd: s1 }
}

function sentiments(a: Article, seg: Segmentation, scores: Record<string, number>): SentenceSentiment[] {
  return seg.sentences.map((s) => {
    const words = Object.entries(scores)
      .map(([w, score]) => ({ i: a.text.indexOf(w, s.start), w, score }))
      .filter((x) => x.i >= 0 && x.i + x.w.length <= s.end)
      .map((x) => ({ start: x.i, end: x.i + x.w.length, score: x.score }))
    const score = words.reduce((p, q) => p + q.score, 0)
    const n = seg.tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => t.kind === 'word').length
    return { article: a.id, start: s.start, end: s.end, sentence: s.index, score, comparative: n ? score / n : 0, words }
  })
}

export interface FixtureOptions {
  /** Replace the base text (for hostile-text tests); flags are then not added to it. */
  readonly hostileBase?: string
  readonly outletOverride?: string
}

export function makeFixture(opts: FixtureOptions = {}): Analysis {
  const herald = makeArticle(
    'herald',
    opts.hostileBase ??
      'The Zionist regime opened a malicious new chapter with Baku.\n\nSpokesman Nasser Kanaani warned that "the criminal regime has no goal" in the region, the Northern Herald learned.\n\nThe Azeri government made unfounded claims about spy networks.',
    { outlet: opts.outletOverride ?? 'Northern Herald', author: 'Nima Daneshvar', title: 'Baku and the regime', viewpoint: 'Iranian state-aligned' }
  )
  const ledger = makeArticle(
    'ledger',
    'Israel opened a historic new chapter with Azerbaijan.\n\nIran\'s spokesman Nasser Kanaani claimed that Israel sought division.\n\nExperts say the partnership is strategic, Avital Shahar reports.',
    { outlet: 'Jerusalem Ledger', author: 'Avital Shahar', title: 'A historic chapter, says the Jerusalem Ledger', viewpoint: 'Israeli government-friendly' }
  )
  const wire = makeArticle(
    'wire',
    'Azerbaijan opened its embassy in Israel on Wednesday.\n\nNasser Kanaani said Baku should be vigilant.',
    { outlet: 'Meridian Wire', author: 'Sam Okafor', title: 'Azerbaijan opens embassy in Israel', viewpoint: 'international wire' }
  )
  const articles = [herald, ledger, wire]
  const segs = articles.map((a) => segment(a))
  const [sh, sl, sw] = segs as [Segmentation, Segmentation, Segmentation]

  const heraldFlags: Flag[] = opts.hostileBase
    ? []
    : [
        flag(herald, 'Zionist regime', 'contested-naming', { referent: 'israel', viewpoint: 'Iranian state / hostile', rule: 'naming:zionist-regime' }),
        // Overlaps the naming flag: "Zionist" alone as labelling, to exercise overlapping marks.
        flag(herald, 'Zionist', 'labeling', { confidence: 0.4 }),
        flag(herald, 'malicious', 'loaded', { confidence: 0.9 }),
        flag(herald, 'warned', 'reporting-verb'),
        flag(herald, 'criminal regime', 'loaded', { inQuote: true }),
        flag(herald, 'Azeri', 'contested-naming', { referent: 'azerbaijan', viewpoint: 'informal', rule: 'naming:azeri' }),
        flag(herald, 'unfounded claims', 'doubt', { negated: false })
      ]
  const ledgerFlags: Flag[] = [
    flag(ledger, 'historic', 'loaded', { confidence: 0.5 }),
    flag(ledger, 'claimed', 'reporting-verb'),
    flag(ledger, 'Experts say', 'vague-source')
  ]
  const wireFlags: Flag[] = []

  const links: Link[] = [
    { id: 'herald:0-1~ledger:0-1', a: ref(herald, sh, 0, 1), b: ref(ledger, sl, 0, 1), score: 0.61, origin: 'machine', evidence: [{ kind: 'naming', a: 'zionist regime', b: 'israel', weight: 0.3, referent: 'israel' }, { kind: 'term', a: 'chapter', b: 'chapter', weight: 0.2 }] },
    { id: 'herald:1-2~ledger:1-2', a: ref(herald, sh, 1, 2), b: ref(ledger, sl, 1, 2), score: 0.55, origin: 'machine', evidence: [{ kind: 'entity', a: 'kanaani', b: 'kanaani', weight: 0.4 }] },
    { id: 'herald:0-1~wire:0-1', a: ref(herald, sh, 0, 1), b: ref(wire, sw, 0, 1), score: 0.42, origin: 'machine', evidence: [{ kind: 'term', a: 'opened', b: 'opened', weight: 0.2 }] },
    { id: 'herald:1-2~wire:1-2', a: ref(herald, sh, 1, 2), b: ref(wire, sw, 1, 2), score: 0.5, origin: 'user', evidence: [] }
  ]
  const textOf = (id: string): string => articles.find((a) => a.id === id)!.text
  const diffs: PassageDiff[] = links.map((l) => ({
    linkId: l.id,
    ops: wordDiff(textOf(l.a.article), l.a, textOf(l.b.article), l.b),
    changes: [],
    timedOut: false
  }))
  if (!opts.hostileBase) {
    diffs[0] = {
      ...diffs[0]!,
      changes: [
        { kind: 'naming-swap', a: at(herald.text, 'Zionist regime'), b: at(ledger.text, 'Israel'), rule: 'naming:israel', explanation: 'One names Israel "Zionist regime", the other "Israel".' },
        { kind: 'evaluative-removed', a: at(herald.text, 'malicious'), b: at(ledger.text, 'historic'), rule: 'evaluative:malicious>historic', explanation: 'A negative judgement is replaced by a positive one.' }
      ]
    }
    diffs[1] = {
      ...diffs[1]!,
      changes: [{ kind: 'reporting-verb', a: at(herald.text, 'warned'), b: at(ledger.text, 'claimed'), rule: 'verb:warned>claimed', explanation: '"Warned" lends authority; "claimed" casts doubt.' }]
    }
  }
  const unmatched = [
    { article: 'herald', sentence: 2, start: sh.sentences[2]!.start, end: sh.sentences[2]!.end, missingIn: ['ledger', 'wire'] },
    { article: 'ledger', sentence: 2, start: sl.sentences[2]!.start, end: sl.sentences[2]!.end, missingIn: ['herald', 'wire'] }
  ]
  const quote = (a: Article, needle: string, speaker: string, verb: string, side: string): Quote => ({
    article: a.id,
    ...at(a.text, needle),
    speaker,
    speakerActor: speaker ? 'kanaani' : '',
    side,
    verb,
    anonymous: !speaker
  })
  const language = [
    {
      article: 'herald',
      flags: heraldFlags,
      sentences: sentiments(herald, sh, { malicious: -3, criminal: -3, unfounded: -2 }),
      quotes: opts.hostileBase ? [] : [quote(herald, '"the criminal regime has no goal"', 'Nasser Kanaani', 'warned', 'Iran (government)')],
      mentions: opts.hostileBase ? [] : [
        { article: 'herald', ...at(herald.text, 'Zionist regime'), actor: 'israel', sentence: 0, term: 'zionist-regime' },
        { article: 'herald', ...at(herald.text, 'Azeri government'), actor: 'azerbaijan', sentence: 2, term: 'azeri' }
      ]
    },
    {
      article: 'ledger',
      flags: ledgerFlags,
      sentences: sentiments(ledger, sl, { historic: 2, strategic: 1 }),
      quotes: [],
      mentions: [
        { article: 'ledger', ...at(ledger.text, 'Israel'), actor: 'israel', sentence: 0, term: 'israel' },
        { article: 'ledger', ...at(ledger.text, 'Azerbaijan'), actor: 'azerbaijan', sentence: 0, term: 'azerbaijan' }
      ]
    },
    {
      article: 'wire',
      flags: wireFlags,
      sentences: sentiments(wire, sw, { vigilant: 1 }),
      quotes: [],
      mentions: [{ article: 'wire', ...at(wire.text, 'Azerbaijan'), actor: 'azerbaijan', sentence: 0, term: 'azerbaijan' }]
    }
  ]
  const words = (i: number): number => segs[i]!.tokens.filter((t) => t.kind === 'word').length
  const metrics = articles.map((a, i) => {
    const own = language[i]!.flags.filter((f) => !f.inQuote)
    const per: Partial<Record<FlagCategory, number>> = {}
    for (const f of own) per[f.category] = (per[f.category] ?? 0) + 100 / words(i)
    const sents = language[i]!.sentences
    return {
      article: a.id,
      words: words(i),
      sentences: segs[i]!.sentences.length,
      flagsPer100: per,
      ownVoiceFlags: own.length,
      quotedFlags: language[i]!.flags.length - own.length,
      meanSentiment: sents.reduce((p, q) => p + q.comparative, 0) / Math.max(1, sents.length),
      uniqueShare: unmatched.filter((u) => u.article === a.id).length / segs[i]!.sentences.length,
      sourcesBySide: (a.id === 'herald' ? { 'Iran (government)': 1 } : a.id === 'ledger' ? { 'Iran (government)': 1, '': 1 } : { 'Iran (government)': 1 }) as Record<string, number>
    }
  })
  const term = (t: string, surface: string, count: number, viewpoint: string) => ({ term: t, surface, count, viewpoint, offsets: [] })
  const naming = [
    { actor: 'israel', article: 'herald', terms: [term('zionist-regime', 'Zionist regime', 1, 'Iranian state / hostile')], meanSentiment: -0.3 },
    { actor: 'israel', article: 'ledger', terms: [term('israel', 'Israel', 2, 'neutral')], meanSentiment: 0.2 },
    { actor: 'israel', article: 'wire', terms: [term('israel', 'Israel', 1, 'neutral')], meanSentiment: 0 },
    { actor: 'azerbaijan', article: 'herald', terms: [term('azeri', 'Azeri government', 1, 'informal'), term('baku-metonym', 'Baku', 1, 'neutral (metonym)')], meanSentiment: -0.25 },
    { actor: 'azerbaijan', article: 'ledger', terms: [term('azerbaijan', 'Azerbaijan', 1, 'neutral')], meanSentiment: 0.2 },
    { actor: 'azerbaijan', article: 'wire', terms: [term('azerbaijan', 'Azerbaijan', 1, 'neutral'), term('baku-metonym', 'Baku', 1, 'neutral (metonym)')], meanSentiment: 0.05 }
  ]
  return {
    engineVersion: '0.1.0',
    lexiconVersion: 'test-lex-1',
    codebook: { name: 'Class codebook', entries: [{ term: 'regime', category: 'labeling', note: 'Our class counts "regime" as a label.' }] },
    base: 'herald',
    articles,
    segmentations: segs,
    alignment: { base: 'herald', links, unmatched },
    diffs,
    language,
    metrics,
    naming,
    reviews: opts.hostileBase
      ? []
      : [
          { flagId: heraldFlags[1]!.id, status: 'rejected', note: 'Part of the name, not a separate label.', at: '2024-01-02T00:00:00Z' },
          { flagId: heraldFlags[2]!.id, status: 'accepted', note: '', at: '2024-01-02T00:00:00Z' }
        ],
    annotations: opts.hostileBase
      ? []
      : [{ id: 'ann-1', article: 'wire', ...at(wire.text, 'vigilant'), category: 'loaded', note: 'Student note: is this a warning?', at: '2024-01-03T00:00:00Z' }]
  }
}
