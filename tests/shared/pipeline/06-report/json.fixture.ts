/**
 * A small hand-built Analysis for the serializer tests: real segmentation and buildReport, with
 * alignment and language results written by hand (so these tests do not depend on the align and
 * language stages). The texts hold what breaks naive exporters: an emoji before the flags
 * (UTF-16 surrogate pair), curly quotes, commas, a double quote, a line break, and text that
 * starts with spreadsheet formula characters.
 */
import type { Alignment, Analysis, Article, Flag, LanguageResult, Segmentation } from '../../../../shared/model'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { buildReport } from '../../../../shared/pipeline/06-report/buildReport'
import { builtinNaming } from '../../../../shared/resources/naming'
import { sha256 } from '../../../../shared/util/sha256'

function article(id: string, outlet: string, text: string): Article {
  return {
    id,
    meta: { title: `${outlet} report`, outlet, author: '', date: '2023-03-29', url: '', language: 'en', viewpoint: '', constructed: true, note: 'Constructed teaching sample' },
    text,
    hash: sha256(text),
    source: { format: 'txt', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: new TextEncoder().encode(text).length },
    warnings: []
  }
}

export const A = article(
  'seed',
  'Seed, "Daily"',
  '🇦🇿 Azerbaijan opened its embassy in Tel Aviv, a historic step.\nThe Zionist regime "welcomed" the move, officials said.'
)
export const B = article('wire', '=Wire+', '=SUM(A1) Azerbaijan opened an embassy in Israel on Wednesday.\n-5 protesters gathered.')

function flagAt(a: Article, word: string, category: Flag['category'], rule: string, inQuote = false, extra: Partial<Flag> = {}): Flag {
  const start = a.text.indexOf(word)
  if (start < 0) throw new Error(`fixture: "${word}" not in ${a.id}`)
  const end = start + word.length
  return { id: `${a.id}:${start}-${end}:${rule}`, article: a.id, start, end, text: word, category, rule, explanation: `"${word}" is ${category}, by rule ${rule}.`, confidence: 0.8, inQuote, ...extra }
}

function sentiments(a: Article, seg: Segmentation, scores: readonly number[]): LanguageResult['sentences'] {
  return seg.sentences.map((s, i) => ({ article: a.id, start: s.start, end: s.end, sentence: s.index, score: scores[i] ?? 0, comparative: (scores[i] ?? 0) / 10, words: [] }))
}

export function fixtureAnalysis(): Analysis {
  const naming = builtinNaming()
  const segA = segment(A)
  const segB = segment(B)
  const zr = A.text.indexOf('Zionist regime')
  const isr = B.text.indexOf('Israel')
  const quoteStart = A.text.indexOf('"welcomed"')
  const language: LanguageResult[] = [
    {
      article: 'seed',
      flags: [
        flagAt(A, 'historic', 'loaded', 'lex:loaded:historic'),
        flagAt(A, 'Zionist regime', 'contested-naming', 'naming:zionist-regime', false, { referent: 'israel', viewpoint: 'Iranian state / hostile' }),
        flagAt(A, 'welcomed', 'reporting-verb', 'lex:verbs:welcome', true)
      ],
      sentences: sentiments(A, segA, [3, 2]),
      quotes: [{ article: 'seed', start: quoteStart, end: quoteStart + 10, speaker: 'officials', speakerActor: '', side: '', verb: 'said', anonymous: true }],
      mentions: [{ article: 'seed', start: zr, end: zr + 14, actor: 'israel', sentence: 1, term: 'zionist-regime' }]
    },
    {
      article: 'wire',
      flags: [flagAt(B, '-5 protesters', 'exaggeration', 'rule:test-minus')],
      sentences: sentiments(B, segB, [0, -2]),
      quotes: [],
      mentions: [{ article: 'wire', start: isr, end: isr + 6, actor: 'israel', sentence: 0, term: 'israel' }]
    }
  ]
  const alignment: Alignment = {
    base: 'seed',
    links: [
      {
        id: 'seed:0-1~wire:0-1',
        a: { article: 'seed', start: segA.sentences[0]!.start, end: segA.sentences[0]!.end, sentenceStart: 0, sentenceEnd: 1 },
        b: { article: 'wire', start: segB.sentences[0]!.start, end: segB.sentences[0]!.end, sentenceStart: 0, sentenceEnd: 1 },
        score: 0.62,
        evidence: [
          { kind: 'term', a: 'embassy', b: 'embassy', weight: 0.3 },
          { kind: 'naming', a: 'tel aviv', b: 'israel', weight: 0.2, referent: 'israel' }
        ],
        origin: 'machine'
      }
    ],
    unmatched: [{ article: 'seed', start: segA.sentences[1]!.start, end: segA.sentences[1]!.end, sentence: 1, missingIn: ['wire'] }]
  }
  const report = buildReport({ articles: [A, B], segmentations: [segA, segB], alignment, language, naming })
  const histStart = A.text.indexOf('historic')
  const protest = B.text.indexOf('protesters')
  return {
    engineVersion: '0.1.0',
    lexiconVersion: 'test-lex-1',
    codebook: { name: 'class codebook', entries: [{ term: 'regime', category: 'labeling', note: 'ask students' }] },
    base: 'seed',
    articles: [A, B],
    segmentations: [segA, segB],
    alignment,
    diffs: [
      {
        linkId: 'seed:0-1~wire:0-1',
        ops: [{ op: 'equal', a: { start: 3, end: 13 }, b: { start: 9, end: 19 } }],
        changes: [{ kind: 'evaluative-removed', a: { start: histStart, end: histStart + 8 }, rule: 'evaluative:historic', explanation: 'Only the seed calls the step "historic".' }],
        timedOut: false
      }
    ],
    language,
    metrics: report.metrics,
    naming: report.naming,
    reviews: [
      { flagId: language[0]!.flags[0]!.id, status: 'accepted', note: 'first pass', at: '2024-01-01T00:00:00Z' },
      { flagId: language[0]!.flags[0]!.id, status: 'rejected', note: 'a fact, not a judgement, here', at: '2024-01-02T00:00:00Z' }
    ],
    annotations: [
      { id: 'note-1', article: 'wire', start: protest, end: protest + 10, category: 'annotation', note: 'Who counted, "exactly"?', at: '2024-01-02T00:00:00Z' }
    ]
  }
}

/**
 * Keys of an export's records that docs/exports.md does not mention inside a code span.
 * Walks records and their sides (e.g. links[].a.sentenceStart); the contents of free-form maps
 * (flagsPer100, sourcesBySide, settings, codebook, raw diff ops) are data, not fields.
 */
export function undocumentedKeys(exported: unknown, doc: string): string[] {
  const FREE = new Set(['flagsPer100', 'sourcesBySide', 'settings', 'codebook', 'ops'])
  const keys = new Set<string>()
  const walk = (v: unknown, depth: number): void => {
    if (depth > 3 || v === null || typeof v !== 'object') return
    if (Array.isArray(v)) return v.forEach((e) => walk(e, depth))
    for (const [k, child] of Object.entries(v)) {
      keys.add(k)
      if (!FREE.has(k)) walk(child, depth + 1)
    }
  }
  walk(exported, 0)
  // Identifiers written inside code spans, e.g. `id, title, outlet` or `terms[]`.
  const documented = new Set([...doc.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []))
  return [...keys].filter((k) => !documented.has(k)).sort()
}
