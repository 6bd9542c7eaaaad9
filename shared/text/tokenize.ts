/**
 * The one tokenizer: text, lexicon terms, naming forms and codebook entries all go through it,
 * so matching compares like with like. Offsets are UTF-16 indices into the input string.
 */
import type { Token, TokenKind } from '../model'
import { normalizeForm } from './normalize'
import { stem } from './stem'

/**
 * Token pattern, first alternative wins:
 *  1. initialisms with dots: "U.S.", "e.g." (the final dot belongs to the word);
 *  2. numbers with separators: "3.5", "1,000", "2023-03-29" stays three tokens via 3, "12:30";
 *  3. words with inner apostrophes/hyphens: "Azerbaijan’s", "anti-Iranian", "don't";
 *  4. any other single non-space code point (punctuation, symbols, emoji halves of ZWJ runs).
 * `\p{M}` keeps combining marks attached to their base letter.
 */
const TOKEN_RE =
  /(?:\p{L}\p{M}*\.){2,}|\p{N}+(?:[.,:]\p{N}+)*%?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐-][\p{L}\p{M}\p{N}]+)*|\S\p{M}*/gu

function kindOf(text: string): TokenKind {
  const c = text.codePointAt(0)!
  if (c >= 48 && c <= 57) return 'number'
  return /^[\p{L}\p{N}]/u.test(text) ? (/^\p{N}/u.test(text) ? 'number' : 'word') : 'punct'
}

interface Reading {
  readonly kind: TokenKind
  readonly norm: string
  readonly stem: string
}

/**
 * Surface form → reading. News text repeats a small vocabulary, so memoising kind, norm and
 * stem makes tokenizing ~2x faster. Bounded: cleared when it grows past MAX_MEMO entries.
 */
const memo = new Map<string, Reading>()
const MAX_MEMO = 200_000

function readingOf(raw: string): Reading {
  let r = memo.get(raw)
  if (r === undefined) {
    const kind = kindOf(raw)
    const norm = kind === 'punct' ? raw : normalizeForm(raw)
    r = { kind, norm, stem: kind === 'word' ? stem(norm) : norm }
    if (memo.size >= MAX_MEMO) memo.clear()
    memo.set(raw, r)
  }
  return r
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  const re = new RegExp(TOKEN_RE) // own lastIndex: tokenize may be re-entered (e.g. by a lexicon loader)
  re.lastIndex = from
  const slice = to === text.length ? text : text.slice(0, to)
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const raw = m[0]
    const r = readingOf(raw)
    tokens.push({ start: m.index, end: m.index + raw.length, kind: r.kind, norm: r.norm, stem: r.stem })
  }
  return tokens
}
