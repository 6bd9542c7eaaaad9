/**
 * Stage 02-segment: paragraphs, sentences and tokens with exact offsets.
 *
 * One regular-expression pass finds tokens; sentence ends are decided on the token stream.
 * `Intl.Segmenter` is deliberately not used: it is ~15x slower than this pass on 100k words and
 * splits after "Dr." / "Jan." anyway (see STACK.md §4.10).
 *
 * Invariants (property-tested in tests/shared/pipeline/02-segment):
 *  - every token, sentence and paragraph satisfies `0 <= start < end <= text.length`;
 *  - tokens are ordered, disjoint and cover every non-whitespace character exactly once;
 *  - sentences never cross a line break and partition each paragraph's tokens;
 *  - no span starts or ends inside a surrogate pair.
 */
import type { Article, Paragraph, Segmentation, Sentence, Token } from '../../model'
import { tokenize } from '../../text/tokenize'

const LINE_BREAK_RE = /\r\n|\r|\n|\u2028|\u2029/g

/** Abbreviations after which a full stop does not end a sentence (compared case-insensitively). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt',
  'sgt', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'messrs', 'mt', 'ft', 'ave',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'inc', 'ltd', 'co', 'corp', 'bros', 'vs', 'etc', 'approx', 'dept', 'est', 'fig', 'no', 'nos',
  'vol', 'pp', 'cf', 'al'
])

/** Words that, capitalised after an initialism such as "U.S.", signal that a new sentence began. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'this',
  'that', 'these', 'those', 'there', 'its', 'his', 'her', 'their', 'our', 'as', 'if', 'when',
  'while', 'after', 'before', 'since', 'however', 'meanwhile', 'yet', 'so', 'for', 'at', 'by'
])

const OPEN_QUOTES = new Set(['“', '«', '„'])
const CLOSE_QUOTES = new Set(['”', '»'])
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '}'])
const TERMINALS = new Set(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。'])

/** A sentence longer than this many tokens is cut at the next comma or semicolon (or hard). */
const SOFT_MAX_TOKENS = 250
const HARD_MAX_TOKENS = 400
/** An opening quote not closed within this many characters is treated as a stray mark. */
const MAX_QUOTE_CHARS = 600


function isUpperStart(t: Token | undefined, text: string): boolean {
  if (!t) return true
  const ch = text[t.start]!
  if (t.kind === 'number') return true
  if (t.kind === 'punct') return OPEN_QUOTES.has(ch) || ch === '"' || ch === '(' || ch === '[' || ch === "'" || ch === '‘'
  return ch !== ch.toLowerCase() || /^\p{Lo}/u.test(ch)
}

/**
 * Decide sentence ends on one line's tokens. Returns exclusive token indices at which a
 * sentence ends (relative to `tokens`), always including `tokens.length` when non-empty.
 */
function sentenceEnds(tokens: readonly Token[], text: string): number[] {
  const ends: number[] = []
  let quoteDepth = 0
  let quoteOpenedAt = -1
  let straightOpen = false
  let sentenceStart = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    // Only punctuation is compared by its text below, and a punctuation token's norm IS its text
    // (tokenize keeps punctuation unnormalised): no substring per token.
    const ch = t.kind === 'punct' ? t.norm : ''
    if (t.kind === 'punct') {
      if (OPEN_QUOTES.has(ch)) { quoteDepth++; quoteOpenedAt = t.start }
      else if (CLOSE_QUOTES.has(ch)) quoteDepth = Math.max(0, quoteDepth - 1)
      else if (ch === '"') {
        straightOpen = !straightOpen
        if (straightOpen) quoteOpenedAt = t.start
      }
    }
    const inQuote = (quoteDepth > 0 || straightOpen) && t.start - quoteOpenedAt < MAX_QUOTE_CHARS
    const length = i + 1 - sentenceStart
    let isEnd = false
    if (t.kind === 'punct' && TERMINALS.has(ch)) {
      isEnd = true
      const prev = tokens[i - 1]
      if (ch === '.' && prev && prev.end === t.start && prev.kind === 'word' && ABBREVIATIONS.has(prev.norm)) {
        // "Dr. Smith", "Jan. 5": not an end. "No." only abbreviates before a number.
        isEnd = prev.norm === 'no' ? tokens[i + 1]?.kind !== 'number' : false
      }
      if (ch === '.' && prev && prev.end === t.start && prev.kind === 'word' && prev.end - prev.start === 1 && /\p{Lu}/u.test(text[prev.start]!)) {
        isEnd = false // an initial: "N. Daneshvar"
      }
    } else if (t.kind === 'word' && t.norm.endsWith('.') && t.norm.length > 2) {
      // An initialism carries its own final dot: "in the U.S. He said" ends, "U.S. economy" does not.
      const next = tokens[i + 1]
      isEnd = next !== undefined && next.kind === 'word' && isUpperStart(next, text) && SENTENCE_STARTERS.has(next.norm)
    }
    if (isEnd) {
      // Absorb closing quotes/brackets and further terminals: `…Muslims."`, `?!`, `.)`
      let j = i + 1
      while (j < tokens.length && tokens[j]!.kind === 'punct') {
        const c = tokens[j]!.norm // punctuation: its text (see above)
        // Only marks attached to what precedes them close anything: in `5th. "I`, the quote opens.
        if (tokens[j]!.start !== tokens[j - 1]!.end) break
        if (!(CLOSERS.has(c) || TERMINALS.has(c))) break
        if (c === '"') straightOpen = false
        if (CLOSE_QUOTES.has(c)) quoteDepth = Math.max(0, quoteDepth - 1)
        j++
      }
      const next = tokens[j]
      const stillInQuote = (quoteDepth > 0 || straightOpen) && inQuote
      // A lowercase continuation means the terminal was inside a quotation or an abbreviation:
      // `"Really?" he asked.`; an open quotation keeps its sentences together.
      if (next !== undefined && (!isUpperStart(next, text) || stillInQuote)) {
        i = j - 1
        continue
      }
      ends.push(j)
      sentenceStart = j
      i = j - 1
      continue
    }
    // Run-on text (e.g. a 1 MB line with no punctuation): cut at a comma, or hard.
    if (length >= SOFT_MAX_TOKENS && ((t.kind === 'punct' && (ch === ',' || ch === ';')) || length >= HARD_MAX_TOKENS)) {
      ends.push(i + 1)
      sentenceStart = i + 1
    }
  }
  if (ends[ends.length - 1] !== tokens.length && tokens.length > sentenceStart) ends.push(tokens.length)
  return ends
}

/**
 * Segment an article. Paragraph boundaries are line breaks (ingest has already joined lines
 * that belong together, e.g. PDF line wraps); blank lines carry no extra meaning.
 */
export function segment(article: Pick<Article, 'id' | 'text'>): Segmentation {
  const { text } = article
  const tokens = tokenize(text)
  const paragraphs: Paragraph[] = []
  const sentences: Sentence[] = []
  // Walk lines; tokens never span a line break because \S excludes line terminators.
  let ti = 0
  let lineStart = 0
  LINE_BREAK_RE.lastIndex = 0
  const pushLine = (lineEnd: number): void => {
    const first = ti
    while (ti < tokens.length && tokens[ti]!.start < lineEnd) ti++
    if (ti === first) return
    const lineTokens = tokens.slice(first, ti)
    const ends = sentenceEnds(lineTokens, text)
    const sentenceStart = sentences.length
    let s = 0
    for (const e of ends) {
      sentences.push({
        index: sentences.length,
        paragraph: paragraphs.length,
        start: lineTokens[s]!.start,
        end: lineTokens[e - 1]!.end,
        tokenStart: first + s,
        tokenEnd: first + e
      })
      s = e
    }
    paragraphs.push({
      index: paragraphs.length,
      start: lineTokens[0]!.start,
      end: lineTokens[lineTokens.length - 1]!.end,
      sentenceStart,
      sentenceEnd: sentences.length
    })
  }
  for (let m = LINE_BREAK_RE.exec(text); m !== null; m = LINE_BREAK_RE.exec(text)) {
    pushLine(m.index)
    lineStart = m.index + m[0].length
  }
  void lineStart
  pushLine(text.length)
  return { article: article.id, paragraphs, sentences, tokens }
}
