/**
 * The only module that imports the `sentiment` package (see eslint.config.mjs GATES).
 *
 * Why not `new Sentiment().analyze(text)` as documented:
 *  - `extras` mutate the package's shared English labels for every later call (STACK.md §4.2),
 *    so we never pass `extras`; instead we register our own language 'en-parallax' with a COPY
 *    of the English labels (the package then Object.assigns emoji into our copy, not theirs);
 *  - the package's negation looks only at the previous token; ours uses the stage's negation
 *    scope (up to four words after a negator, stopping at clause punctuation), computed on our
 *    own tokens and passed in through `negated`;
 *  - the package's tokenizer loses offsets; we feed it our word tokens joined by single spaces,
 *    with characters it would split on removed, so package token i == our word token i;
 *  - the stage scores every sentence, and `analyze` re-tokenizes a string we build from tokens
 *    we already have (lower-casing, four regular-expression passes, a split): ~15% of the
 *    stage. `scoreWords` therefore applies the package's scoring itself, word by word, with the
 *    labels the package registered for our language (its emoji included) and per-word lookups
 *    memoised. It gives what `analyze` gives (same words, scores, order and sum order);
 *    `scoreWordsWithPackage` runs the package and tests/.../sentiment.test.ts compares the two.
 *
 * AFINN-165 (Finn Årup Nielsen) is licensed under ODbL v1.0: see
 * shared/resources/lexicons/THIRD_PARTY.md.
 */
import Sentiment from 'sentiment'
import englishLabels from 'sentiment/languages/en/labels.json'

export const SENTIMENT_LANGUAGE = 'en-parallax'

/** Characters the package's tokenizer turns into spaces; stripping them keeps one token per word. */
const PACKAGE_SPLIT_RE = /[.,/#!?$%^&*;:{}=_`"~()\s]/g

/** Per-call context read by the scoring strategy (analysis is synchronous, so this is safe). */
let currentNegated: readonly boolean[] = []
let currentScores: Array<{ index: number; score: number }> = []

/** Our language's labels: a copy of AFINN, into which registerLanguage assigns the emoji. */
const registeredLabels: Record<string, number> = { ...(englishLabels as Record<string, number>) }

const analyzer = new Sentiment()
analyzer.registerLanguage(SENTIMENT_LANGUAGE, {
  // A copy: registerLanguage assigns emoji into the object it is given.
  labels: registeredLabels,
  scoringStrategy: {
    apply(_tokens: string[], cursor: number, tokenScore: number): number {
      const score = currentNegated[cursor] === true ? -tokenScore : tokenScore
      currentScores.push({ index: cursor, score })
      return score
    }
  }
})

export interface WordScore {
  /** Index into the `words` array that was scored. */
  readonly index: number
  readonly score: number
}

/** word → its label (null: unlisted), as the package looks it up; bounded like the tokenizer's memo. */
const labelMemo = new Map<string, number | null>()
const MAX_LABEL_MEMO = 200_000

/**
 * The label the package finds for one of our words in `scoreWords`' phrase: the package lower-
 * cases the phrase, splits it at spaces (our words hold none: the characters it splits on are
 * removed, an emptied word becomes "x") and looks each token up as an own property of the
 * labels. Lower-casing word by word equals lower-casing the phrase: the spaces between words
 * end every case context (the final-sigma rule included).
 */
function labelOf(word: string): number | null {
  let v = labelMemo.get(word)
  if (v === undefined) {
    const token = (word.replace(PACKAGE_SPLIT_RE, '') || 'x').toLowerCase()
    v = Object.prototype.hasOwnProperty.call(registeredLabels, token) ? registeredLabels[token]! : null
    if (labelMemo.size >= MAX_LABEL_MEMO) labelMemo.clear()
    labelMemo.set(word, v)
  }
  return v
}

/**
 * Score a sequence of words (already normalised, one entry per word token). `negated[i]` says
 * whether word i is inside a negation scope; its AFINN score is then inverted. Equals
 * `scoreWordsWithPackage` (see the module comment): the package walks the words right to left
 * and sums in that order, so this does too; words are reported left to right.
 */
export function scoreWords(words: readonly string[], negated: readonly boolean[]): { score: number; words: WordScore[] } {
  let score = 0
  const scored: WordScore[] = []
  for (let i = words.length - 1; i >= 0; i--) {
    const label = labelOf(words[i]!)
    if (label === null) continue
    const s = negated[i] === true ? -label : label
    scored.push({ index: i, score: s })
    score += s
  }
  scored.reverse()
  return { score, words: scored }
}

/** `scoreWords` through the package's own `analyze` (the reference the fast path is tested against). */
export function scoreWordsWithPackage(words: readonly string[], negated: readonly boolean[]): { score: number; words: WordScore[] } {
  if (words.length === 0) return { score: 0, words: [] }
  const phrase = words.map((w) => w.replace(PACKAGE_SPLIT_RE, '') || 'x').join(' ')
  currentNegated = negated
  currentScores = []
  try {
    const r = analyzer.analyze(phrase, { language: SENTIMENT_LANGUAGE })
    // The package walks tokens right to left; report left to right.
    const scored = currentScores.slice().sort((a, b) => a.index - b.index)
    return { score: r.score, words: scored }
  } finally {
    currentNegated = []
    currentScores = []
  }
}

/** Number of AFINN labels in the project's registered language (for About/diagnostics). */
export function sentimentLabelCount(): number {
  return Object.keys(englishLabels).length
}

const LABELS = englishLabels as Record<string, number>

/**
 * The AFINN-165 valence of one normalised word (−5..5; 0 when unlisted). Used by the
 * construction rules (constructions.ts) to tell an evaluative word after an intensifier
 * ("deeply flawed") from a neutral one ("deeply rooted"); never copied into our lexicons.
 */
export function afinnValence(word: string): number {
  return Object.prototype.hasOwnProperty.call(LABELS, word) ? LABELS[word]! : 0
}
