/**
 * Codebook matching (the parsing and writing of codebooks is in ./codebook.ts). Kept apart
 * from the parser because that one validates JSON codebooks with zod: the language stage
 * imports only this module, so analysing articles never loads zod.
 *
 * Semantics: a codebook term compiles with the same tokenizer and stemmer as the lexicons;
 * when two entries compile to the same stem sequence the later one wins.
 */
import type { Codebook, CodebookEntry, Token } from '../../model'
import { PhraseMatcher } from '../../text/phrases'
import { tokenize } from '../../text/tokenize'

export interface CodebookHit {
  readonly tokenStart: number
  readonly tokenEnd: number
  readonly entry: CodebookEntry
}

const compiled = new WeakMap<Codebook, PhraseMatcher<CodebookEntry>>()

/** Codebook matches in tokens[from, to), longest first (later entries override earlier ones). */
export function codebookHits(cb: Codebook, tokens: readonly Token[], from = 0, to = tokens.length): CodebookHit[] {
  let m = compiled.get(cb)
  if (!m) {
    const byKey = new Map<string, { stems: string[]; payload: CodebookEntry }>()
    for (const e of cb.entries) {
      const stems = tokenize(e.term).filter((t) => t.kind !== 'punct').map((t) => t.stem)
      if (stems.length > 0) byKey.set(stems.join(' '), { stems, payload: e })
    }
    m = new PhraseMatcher([...byKey.values()])
    compiled.set(cb, m)
  }
  return m.match(tokens, from, to).map((h) => ({ tokenStart: h.tokenStart, tokenEnd: h.tokenEnd, entry: h.payload }))
}
