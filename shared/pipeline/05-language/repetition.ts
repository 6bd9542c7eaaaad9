/**
 * Repetition (Da San Martino et al. 2019): the same loaded word or slogan used over and over in
 * one article, so the reader accepts it by insistence rather than argument ("a rigged system …
 * a rigged system … a rigged system"). It is a property of the ARTICLE, not of a sentence or a
 * paragraph, so it runs once over the article's finished word-level flags (analyzeLanguage),
 * after every other source.
 *
 * A term is "the same" when the flagged words have the same stem sequence ("rigged"/"Rigged",
 * "thug"/"thugs"). It repeats when it holds at least REPETITION_MIN non-negated flags of a
 * framing category, at least one of them usually evaluative (confidence ≥ 0.5: a weak entry
 * such as "liberal" 0.3 is a topic word when it recurs). Each use after the first gets a
 * `rule:repetition` flag over exactly the same offsets as that use's own flag, with the same
 * category (a repeated label stays a label) and inQuote (a speaker hammering a slogan is the
 * speaker's voice).
 *
 * Left out on purpose: contested naming (an outlet calling a state by its house name every time
 * is a naming convention, each use already flagged as such), reporting verbs and epistemic or
 * sourcing markers (attribution verbs recur in any report), scare quotes (weak by design) and the
 * sentence-shape construction rules ("!", "?", "we", comparisons: a device, not a term).
 * Repeated phrases no lexicon knows ("hardworking taxpayers" three times) are not found.
 *
 * Invariant: these flags are the one deliberate exception to "one flag per stretch of words":
 * they sit on top of the repeated use's own flag (which keeps its provenance), so a student sees
 * both why the word is loaded and that it is repeated.
 */
import type { Flag, FlagCategory, Token } from '../../model'
import { firstAtOrAfter } from '../../util/search'

/** Uses of one term, in one article, that make it repetition. */
export const REPETITION_MIN = 3
/** Confidence of a repetition flag: counted (≥ 0.5), as the repeated term is itself evaluative. */
export const REPETITION_CONFIDENCE = 0.6
export const REPETITION_RULE = 'rule:repetition'
export const REPETITION_DESCRIPTION =
  'The same loaded word or slogan used three or more times in one article: repetition drives a judgement home by insistence rather than argument (each use after the first is flagged).'

/** Framing categories whose terms can be repeated for effect. */
const REPEATABLE: ReadonlySet<FlagCategory> = new Set<FlagCategory>(['loaded', 'labeling', 'exaggeration', 'doubt', 'fear'])
/** Usually evaluative (the lexicon README's strength bar). */
const EVALUATIVE = 0.5

export type RepetitionFlag = Omit<Flag, 'id' | 'article' | 'text'>

/** Is this flag a word-level use of a term (lexicon, codebook or hyphen compound)? */
function isTermFlag(f: Flag): boolean {
  if (!REPEATABLE.has(f.category) || f.negated) return false
  if (f.rule.startsWith('rule:')) return f.rule.startsWith('rule:hyphen-compound/')
  return true
}

/** The stem sequence of the word tokens inside [start, end): the term's identity. */
function termKey(tokens: readonly Token[], start: number, end: number): string {
  const out: string[] = []
  for (let k = firstAtOrAfter(tokens, start); k < tokens.length && tokens[k]!.start < end; k++) {
    const t = tokens[k]!
    if (t.kind === 'word') out.push(t.stem)
  }
  return out.join(' ')
}

/**
 * Repetition flags for one article's flags (any order); offsets are those of the repeated uses'
 * flags, never found by searching the text.
 */
export function repetitionFlags(flags: readonly Flag[], tokens: readonly Token[], text: string): RepetitionFlag[] {
  const uses = new Map<string, Flag[]>()
  for (const f of flags) {
    if (!isTermFlag(f)) continue
    const key = termKey(tokens, f.start, f.end)
    if (key === '') continue
    const list = uses.get(key)
    if (list) list.push(f)
    else uses.set(key, [f])
  }
  const out: RepetitionFlag[] = []
  for (const list of uses.values()) {
    // One use per stretch of text (two sources never flag the same words, but be exact).
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end).filter((f, i, xs) => i === 0 || f.start >= xs[i - 1]!.end)
    if (sorted.length < REPETITION_MIN || !sorted.some((f) => f.confidence >= EVALUATIVE)) continue
    const n = sorted.length
    const first = text.slice(sorted[0]!.start, sorted[0]!.end)
    for (let i = 1; i < n; i++) {
      const f = sorted[i]!
      out.push({
        start: f.start,
        end: f.end,
        category: f.category,
        rule: REPETITION_RULE,
        explanation: `"${text.slice(f.start, f.end)}" is use ${i + 1} of ${n} of "${first}" in this article: repeating a loaded word or slogan drives the judgement home by insistence rather than argument (repetition).`,
        confidence: REPETITION_CONFIDENCE,
        inQuote: f.inQuote,
        negated: false
      })
    }
  }
  return out
}
