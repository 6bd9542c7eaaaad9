/**
 * The ONLY module that imports diff-match-patch (lint-enforced). It adds the word mode the
 * library's wiki describes ("Line or Word Diffs": copy `diff_linesToChars_` and split on
 * words): every distinct token `norm` becomes one UTF-16 character, dmp diffs the two
 * character strings, and the result is mapped back to token ranges and character spans.
 *
 * Why `norm`: "Israel’s" and "israel's" must compare equal; case and typographic quotes are
 * not wording differences. Punctuation tokens take part, so the ops tile every token of both
 * passages (invariant, property-tested):
 *   equal + delete runs, in order, cover side a's tokens exactly once;
 *   equal + insert runs, in order, cover side b's tokens exactly once.
 *
 * Determinism: `Diff_Timeout = 0` (no deadline), so the result never depends on machine speed.
 * The cost guard is an input size limit instead (VS Code's `_diffLimit` idea): above
 * `MAX_TOKENS` tokens per side the diff is one delete and one insert, and `timedOut` is true.
 *
 * Worked example (tokens, after semantic cleanup):
 *   a: The Zionist regime  opened an embassy .
 *   b: The Jewish  state   opened an embassy .
 *   → equal[The] delete[Zionist regime] insert[Jewish state] equal[opened an embassy .]
 */
import DiffMatchPatch from 'diff-match-patch'
import type { DiffOp, Token } from '../../model'

/** Above this many tokens on either side the diff is not attempted (see header). */
export const MAX_TOKENS = 20000

/** Private-use-free code units for the token alphabet: skip controls and the surrogate block. */
const FIRST_CODE = 0x100
const SURROGATE_START = 0xd800
const SURROGATE_END = 0xdfff

/** One run of consecutive tokens with the same operation; ranges are token indices. */
export interface TokenRun {
  readonly op: 'equal' | 'delete' | 'insert'
  /** `[a0, a1)` into side a's token array (empty for inserts). */
  readonly a0: number
  readonly a1: number
  /** `[b0, b1)` into side b's token array (empty for deletes). */
  readonly b0: number
  readonly b1: number
}

export interface WordDiff {
  readonly runs: readonly TokenRun[]
  readonly ops: readonly DiffOp[]
  readonly timedOut: boolean
}

/**
 * The n-th character of the token alphabet. Every code unit used has the same character class
 * for dmp's semantic scoring (not alphanumeric, not whitespace, not a line break; surrogates
 * skipped), so a diff never depends on WHICH characters its tokens were given, only on
 * equality: the same passages diff the same way in any analysis.
 */
const table: string[] = []
/** Next code unit to consider for the table (the table grows on demand, in code-unit order). */
let nextCode = FIRST_CODE
function codeFor(n: number): string {
  while (table.length <= n && nextCode < 0x10000) {
    const c = nextCode++
    if (c >= SURROGATE_START && c <= SURROGATE_END) continue
    const ch = String.fromCharCode(c)
    if (/\s/.test(ch)) continue
    table.push(ch)
  }
  return table[n]!
}

let shared: DiffMatchPatch | null = null
function engine(): DiffMatchPatch {
  if (!shared) {
    shared = new DiffMatchPatch()
    shared.Diff_Timeout = 0
  }
  return shared
}

/** Encode both token ranges over one shared alphabet (one character per distinct norm). */
function encode(a: readonly Token[], a0: number, a1: number, b: readonly Token[], b0: number, b1: number): [string, string] {
  const alphabet = new Map<string, string>()
  const enc = (ts: readonly Token[], from: number, to: number): string => {
    let s = ''
    for (let i = from; i < to; i++) {
      const norm = ts[i]!.norm
      let ch = alphabet.get(norm)
      if (ch === undefined) {
        ch = codeFor(alphabet.size)
        alphabet.set(norm, ch)
      }
      s += ch
    }
    return s
  }
  return [enc(a, a0, a1), enc(b, b0, b1)]
}

/** Number of distinct token norms one alphabet can encode (one UTF-16 unit each; a margin covers the skipped whitespace code units). */
export const ALPHABET_CAPACITY = 0x10000 - FIRST_CODE - (SURROGATE_END - SURROGATE_START + 1) - 32

/**
 * A token alphabet shared by many diffs (e.g. all links of one analysis): each article is
 * encoded once (`encodeTokens`) and a passage's encoding is then a substring, instead of
 * re-encoding tokens for every link. Returns null when the vocabulary exceeds the alphabet;
 * callers then fall back to per-diff alphabets (`diffTokens` without codes).
 */
export class TokenAlphabet {
  private readonly codes = new Map<string, number>()

  encodeTokens(tokens: readonly Token[]): string | null {
    // Code units gathered in a typed array and turned into a string in blocks (one
    // String.fromCharCode call per block, not one string per token).
    const units = new Uint16Array(tokens.length)
    for (let i = 0; i < tokens.length; i++) {
      const norm = tokens[i]!.norm
      let code = this.codes.get(norm)
      if (code === undefined) {
        if (this.codes.size >= ALPHABET_CAPACITY) return null
        code = codeFor(this.codes.size).charCodeAt(0)
        this.codes.set(norm, code)
      }
      units[i] = code
    }
    let out = ''
    for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192))
    return out
  }
}

/** Pre-encoded sides for `diffTokens`: each article's whole token array encoded by one alphabet. */
export interface EncodedSides {
  readonly a: string
  readonly b: string
}

/**
 * Word-level diff of two token ranges, `a[aFrom, aTo)` and `b[bFrom, bTo)` (each a passage's
 * tokens, in order; by default the whole arrays). Run indices are relative to the range starts;
 * spans in the returned ops are character offsets taken from the tokens (into each side's
 * article text). `codes`, when given, holds both articles encoded by one `TokenAlphabet`.
 */
export function diffTokens(a: readonly Token[], b: readonly Token[], aFrom = 0, aTo = a.length, bFrom = 0, bTo = b.length, codes?: EncodedSides): WordDiff {
  let runs: TokenRun[]
  let timedOut = false
  const na = aTo - aFrom
  const nb = bTo - bFrom
  if (na > MAX_TOKENS || nb > MAX_TOKENS) {
    timedOut = true
    runs = []
    if (na > 0) runs.push({ op: 'delete', a0: 0, a1: na, b0: 0, b1: 0 })
    if (nb > 0) runs.push({ op: 'insert', a0: na, a1: na, b0: 0, b1: nb })
  } else {
    const [ca, cb] = codes ? [codes.a.slice(aFrom, aTo), codes.b.slice(bFrom, bTo)] : encode(a, aFrom, aTo, b, bFrom, bTo)
    runs = []
    if (ca === cb) {
      if (na > 0) runs.push({ op: 'equal', a0: 0, a1: na, b0: 0, b1: nb })
      return { runs, ops: runs.map((r) => toOp(r, a, aFrom, b, bFrom)), timedOut }
    }
    const dmp = engine()
    const diffs = dmp.diff_main(ca, cb, false)
    dmp.diff_cleanupSemantic(diffs)
    let i = 0
    let j = 0
    for (const [op, text] of diffs) {
      const n = text.length
      if (n === 0) continue
      if (op === 0) {
        runs.push({ op: 'equal', a0: i, a1: i + n, b0: j, b1: j + n })
        i += n
        j += n
      } else if (op === -1) {
        runs.push({ op: 'delete', a0: i, a1: i + n, b0: j, b1: j })
        i += n
      } else {
        runs.push({ op: 'insert', a0: i, a1: i, b0: j, b1: j + n })
        j += n
      }
    }
  }
  return { runs, ops: runs.map((r) => toOp(r, a, aFrom, b, bFrom)), timedOut }
}

function span(ts: readonly Token[], from: number, to: number): { start: number; end: number } {
  return { start: ts[from]!.start, end: ts[to - 1]!.end }
}

function toOp(r: TokenRun, a: readonly Token[], ao: number, b: readonly Token[], bo: number): DiffOp {
  switch (r.op) {
    case 'equal': return { op: 'equal', a: span(a, ao + r.a0, ao + r.a1), b: span(b, bo + r.b0, bo + r.b1) }
    case 'delete': return { op: 'delete', a: span(a, ao + r.a0, ao + r.a1) }
    case 'insert': return { op: 'insert', b: span(b, bo + r.b0, bo + r.b1) }
  }
}
