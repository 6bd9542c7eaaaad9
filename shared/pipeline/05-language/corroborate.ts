/**
 * Sentence-level calibration of weak flags: two independent weak signs of judgement in one
 * sentence, in the writer's own voice, count together.
 *
 * A weak flag (confidence below EVALUATIVE_STRENGTH, the metric's counting threshold) says "this
 * word is often conventional or literal": alone it is shown but not counted. Two such signs from
 * different entries in the same sentence are independent evidence about the same question (is
 * the writer judging here?), so they are combined like independent probabilities (noisy-OR:
 * 1 − (1 − c1)(1 − c2)…): two 0.45 cues give 0.70. Both flags then carry that confidence, keep
 * their category, and get the rule id `rule:corroborated/<original rule>` and an explanation
 * naming the other cue.
 *
 * What is a cue (invariants):
 *  - category loaded, labeling, exaggeration, doubt or fear, confidence in [CUE_MIN, 0.5);
 *  - not negated (a negated match is already halved on purpose), not inside a quotation (a
 *    speaker's words are not the writer's voice);
 *  - NOT neutral speech verbs (`reporting-verb` below 0.5: "vowed", "denied" attribute, they do
 *    not judge) and NOT unloaded naming choices (`contested-naming` below 0.5: conventional
 *    metonyms such as "Tel Aviv"): both are weak because they are routine, not because their
 *    sense is ambiguous, so two of them are no more telling than one;
 *  - the cues must come from at least two different entries (the same word twice is one sign)
 *    and must not overlap;
 *  - a sentence that already holds a counted framing flag is left alone: it is already explained
 *    by a usually-evaluative word, and raising its weak flags would only widen the highlight.
 */
import type { Flag, FlagCategory, Sentence } from '../../model'

/** Flags at or above this confidence count as bias predictions (shared/eval/spans.ts). */
export const EVALUATIVE_STRENGTH = 0.5
/** Weakest flag that can act as a cue (below: ideology descriptors such as "liberal" 0.3). */
export const CUE_MIN = 0.4
/** Categories whose weak flags are signs of judgement (see module comment for the two left out). */
const CUE_CATEGORIES: ReadonlySet<FlagCategory> = new Set<FlagCategory>(['loaded', 'labeling', 'exaggeration', 'doubt', 'fear'])
/** Categories that make a sentence "already explained" when a flag of theirs counts. */
const FRAMING: ReadonlySet<FlagCategory> = new Set<FlagCategory>(['loaded', 'labeling', 'exaggeration', 'doubt', 'fear', 'contested-naming', 'reporting-verb'])

export const CORROBORATED_RULE = 'corroborated'

function isCue(f: Flag): boolean {
  return CUE_CATEGORIES.has(f.category) && f.confidence >= CUE_MIN && f.confidence < EVALUATIVE_STRENGTH && f.negated !== true && !f.inQuote
}

/**
 * Returns `flags` with the cues of every corroborated sentence raised (new Flag objects; the
 * input is not mutated). `flags` must be sorted by start; `sentences` in text order.
 */
export function corroborateWeakCues(flags: readonly Flag[], sentences: readonly Sentence[]): Flag[] {
  const out = flags.slice()
  let i = 0
  for (const s of sentences) {
    while (i < out.length && out[i]!.start < s.start) i++
    let j = i
    while (j < out.length && out[j]!.start < s.end) j++
    // out[i..j) are the flags starting in this sentence.
    let counted = false
    const cues: number[] = []
    for (let k = i; k < j; k++) {
      const f = out[k]!
      if (FRAMING.has(f.category) && f.confidence >= EVALUATIVE_STRENGTH) counted = true
      else if (isCue(f) && !cues.some((c) => out[c]!.start < f.end && f.start < out[c]!.end)) cues.push(k)
    }
    i = j
    if (counted || new Set(cues.map((k) => out[k]!.rule)).size < 2) continue
    const combined = Math.round((1 - cues.reduce((p, k) => p * (1 - out[k]!.confidence), 1)) * 100) / 100
    for (const k of cues) {
      const f = out[k]!
      const others = cues.filter((c) => c !== k && out[c]!.rule !== f.rule).map((c) => `"${out[c]!.text}"`)
      const rule = `rule:${CORROBORATED_RULE}/${f.rule}`
      out[k] = {
        ...f,
        id: `${f.article}:${f.start}-${f.end}:${rule}`,
        rule,
        confidence: combined,
        explanation: `${f.explanation} On its own this word is often used neutrally, but the same sentence also has ${others.join(' and ')}: two weak signs of the writer's judgement together are stronger than either alone.`
      }
    }
  }
  return out
}
