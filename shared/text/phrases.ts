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
      const first = e.stems[0]!
      const list = this.byFirst.get(first)
      if (list === undefined) this.byFirst.set(first, [{ stems: e.stems, payload: e.payload }])
      else list.push({ stems: e.stems, payload: e.payload })
    }
    // Longest first. The sort is stable (equal lengths keep their order), so lists of one entry,
    // most of them, need none.
    for (const list of this.byFirst.values()) if (list.length > 1) list.sort((x, y) => y.stems.length - x.stems.length)
  }

  get size(): number {
    let n = 0
    for (const l of this.byFirst.values()) n += l.length
    return n
  }

  /**
   * Scan `tokens[from, to)`. With `overlapping: false` (default) matches are longest-first and
   * disjoint, left to right; with `true`, every entry that matches at every position is returned.
   * `key: 'norm'` compares the tokens' exact norms with the compiled sequences instead of their
   * stems (for lists compiled over norms; the same as matching copies of the tokens whose stem
   * is replaced by their norm, without making the copies).
   */
  match(tokens: readonly Token[], from = 0, to = tokens.length, overlapping = false, key: 'stem' | 'norm' = 'stem'): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = []
    const byFirst = this.byFirst
    const byNorm = key === 'norm'
    for (let i = from; i < to; i++) {
      const t = tokens[i]!
      const list = byFirst.get(byNorm ? t.norm : t.stem)
      if (!list) continue
      let consumed = 0
      for (const e of list) {
        const n = e.stems.length
        if (i + n > to) continue
        let ok = true
        for (let k = 1; k < n; k++) {
          const u = tokens[i + k]!
          if ((byNorm ? u.norm : u.stem) !== e.stems[k]) { ok = false; break }
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
