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

/**
 * Lists at least this long also get an index by second stem: a common first word ("the", "a",
 * "it", "anti") starts 20-30 lexicon phrases, and every occurrence tried them all.
 */
const SECOND_INDEX_MIN = 6

interface SecondIndex<T> {
  /** The list's one-word entries. */
  readonly singles: readonly Entry<T>[]
  /** Second stem → the list's entries with that second stem plus its one-word entries, in list order. */
  readonly bySecond: ReadonlyMap<string, readonly Entry<T>[]>
}

export class PhraseMatcher<T> {
  /** First stem → entries starting with it, longest first (so the longest phrase wins). */
  private readonly byFirst = new Map<string, Entry<T>[]>()
  /**
   * For long lists: the entries that can match given the next token. Entries of 2+ words whose
   * second stem differs from the next token's cannot match, so dropping them (keeping the order
   * of the rest) gives the same first match and the same set of matches.
   */
  private readonly second = new Map<string, SecondIndex<T>>()

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
    for (const [first, list] of this.byFirst) {
      if (list.length < SECOND_INDEX_MIN) continue
      const bySecond = new Map<string, Entry<T>[]>()
      for (const e of list) {
        const s2 = e.stems[1]
        if (s2 !== undefined && !bySecond.has(s2)) bySecond.set(s2, list.filter((x) => x.stems.length === 1 || x.stems[1] === s2))
      }
      this.second.set(first, { singles: list.filter((x) => x.stems.length === 1), bySecond })
    }
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
      const firstKey = byNorm ? t.norm : t.stem
      let list: readonly Entry<T>[] | undefined = byFirst.get(firstKey)
      if (!list) continue
      if (list.length >= SECOND_INDEX_MIN) {
        const ix = this.second.get(firstKey)!
        const next = i + 1 < to ? tokens[i + 1]! : undefined
        list = next === undefined ? ix.singles : (ix.bySecond.get(byNorm ? next.norm : next.stem) ?? ix.singles)
      }
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
