/**
 * Multi-word phrase matching over tokens, by stem sequence. Lexicons, naming classes and
 * codebooks all compile their terms with the same tokenizer and stemmer the text went
 * through, so "unfounded claims", "Unfounded Claim" and "unfounded  claims" all match, and
 * offsets come straight from the matched tokens (never from searching the text).
 */
import type { Token } from '../model'

export interface PhraseMatch<T> {
  /** Token range `[tokenStart, tokenEnd)` into the token array that was scanned. */
  readonly tokenStart: number
  readonly tokenEnd: number
  readonly payload: T
}

interface Entry<T> {
  readonly stems: readonly string[]
  readonly payload: T
}

export class PhraseMatcher<T> {
  /** First stem → entries starting with it, longest first (so the longest phrase wins). */
  private readonly byFirst = new Map<string, Entry<T>[]>()

  constructor(entries: Iterable<{ readonly stems: readonly string[]; readonly payload: T }>) {
    for (const e of entries) {
      if (e.stems.length === 0) continue
      const list = this.byFirst.get(e.stems[0]!) ?? []
      list.push({ stems: e.stems, payload: e.payload })
      this.byFirst.set(e.stems[0]!, list)
    }
    for (const list of this.byFirst.values()) list.sort((x, y) => y.stems.length - x.stems.length)
  }

  get size(): number {
    let n = 0
    for (const l of this.byFirst.values()) n += l.length
    return n
  }

  /**
   * Scan `tokens[from, to)`. With `overlapping: false` (default) matches are longest-first and
   * disjoint, left to right; with `true`, every entry that matches at every position is returned.
   */
  match(tokens: readonly Token[], from = 0, to = tokens.length, overlapping = false): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = []
    for (let i = from; i < to; i++) {
      const list = this.byFirst.get(tokens[i]!.stem)
      if (!list) continue
      let consumed = 0
      for (const e of list) {
        const n = e.stems.length
        if (i + n > to) continue
        let ok = true
        for (let k = 1; k < n; k++) {
          if (tokens[i + k]!.stem !== e.stems[k]) { ok = false; break }
        }
        if (!ok) continue
        out.push({ tokenStart: i, tokenEnd: i + n, payload: e.payload })
        if (!overlapping) { consumed = n; break }
      }
      if (consumed > 0) i += consumed - 1
    }
    return out
  }
}
