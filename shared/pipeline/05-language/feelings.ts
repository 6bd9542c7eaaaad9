/**
 * Reported feelings: an emotion word that describes how a person in the story feels
 * ("Families said they were devastated by the verdict", "Neighbors said they were shocked to
 * learn of the arrests", "'I feel betrayed,' she said") reports that person's state; it is not the outlet's judgement of
 * the events. Compare the writer's own evaluation, which keeps its full strength: "a devastating
 * attack on democracy", "shocking revelations", "outraged parents stormed the meeting".
 *
 * The construction (rule id `reported-feeling`): an experiencer-state word — the past participle
 * of a psychological verb ("devastated", "shocked", "frightened") or an emotion adjective
 * ("furious", "heartbroken") — right after a linking verb (be, feel, seem, look, become, remain,
 * get, "were left"), with at most two degree or time adverbs between ("were deeply shocked",
 * "was still visibly shaken"), whose subject is a person (a pronoun, a person noun or a name):
 * "the economy was devastated by the lockdowns" is damage the writer describes, and keeps its
 * flag. And the feeling must be reported, not asserted: a reporting word in the sentence, a
 * quotation, or a first-person subject ("Parents were outraged by the decision" in the writer's
 * voice characterises a group's mood, a framing choice, and keeps its flag). The -ing forms
 * ("devastating", "shocking") describe the event and are never matched, which is what keeps the
 * writer's evaluations.
 *
 * analyzeLanguage shows such a lexicon match as a weaker flag (below the metric's counting
 * threshold) with rule `rule:reported-feeling/<lexicon rule>` and an explanation saying why.
 */
import type { Token } from '../../model'

export const REPORTED_FEELING_RULE = 'reported-feeling'
/** A reported feeling is shown, but weaker than the metric's 0.5 counting threshold. */
export const REPORTED_FEELING_CONFIDENCE = 0.45

/**
 * States of an experiencer, by surface form (the -ed participles of psychological verbs and
 * emotion adjectives; the project's own list). Only the forms that describe the feeler: the
 * causative -ing forms ("devastating", "terrifying") are the writer's description of the cause.
 */
const EXPERIENCER_STATES = new Set([
  'devastated', 'shocked', 'frightened', 'horrified', 'appalled', 'stunned', 'outraged', 'angered', 'infuriated',
  'enraged', 'incensed', 'disgusted', 'sickened', 'saddened', 'heartbroken', 'dismayed', 'alarmed', 'terrified',
  'scared', 'thrilled', 'delighted', 'elated', 'overjoyed', 'disappointed', 'upset', 'furious', 'angry', 'livid',
  'distraught', 'traumatized', 'traumatised', 'shaken', 'rattled', 'troubled', 'disturbed', 'distressed',
  'worried', 'frustrated', 'exasperated', 'baffled', 'bewildered', 'mortified', 'embarrassed', 'humiliated',
  'gutted', 'relieved', 'astonished', 'astounded', 'amazed', 'flabbergasted', 'dumbfounded', 'aghast',
  'petrified', 'panicked', 'heartened', 'encouraged', 'ecstatic', 'betrayed', 'insulted', 'offended', 'hurt',
  'crushed', 'shattered', 'unsettled', 'intimidated', 'overwhelmed', 'disheartened', 'demoralized',
  'demoralised', 'bitter', 'indignant', 'irate', 'fuming', 'afraid', 'nervous', 'anxious', 'sad', 'grief-stricken'
])

/** Linking verbs that predicate a state of their subject (contracted forms are one token). */
const LINKING = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "i'm", "we're", "they're", "you're", "he's", "she's",
  'feel', 'feels', 'felt', 'feeling', 'seem', 'seems', 'seemed', 'look', 'looks', 'looked', 'appear', 'appears',
  'appeared', 'become', 'becomes', 'became', 'remain', 'remains', 'remained', 'get', 'gets', 'got', 'left', 'grew'
])

/** Degree and time adverbs that may stand between the linking verb and the state, or after the subject. */
const BETWEEN = new Set([
  'very', 'so', 'too', 'deeply', 'absolutely', 'utterly', 'completely', 'totally', 'really', 'truly', 'just',
  'still', 'all', 'both', 'particularly', 'extremely', 'visibly', 'clearly', 'understandably', 'obviously',
  'quite', 'rather', 'also', 'initially', 'now', 'increasingly', 'simply', 'genuinely', 'incredibly', 'not',
  'never', 'more', 'less', 'most', 'often', 'sometimes', 'reportedly'
])

/** Subject pronouns and quantifiers that stand for people. */
const PERSON_PRONOUNS = new Set(['i', 'we', 'they', 'he', 'she', 'you', 'who', 'everyone', 'everybody', 'many', 'some', 'others', 'few', 'none', 'several', 'most'])

/** Person nouns that do not end in a person suffix (see isPersonNoun). */
const PERSON_NOUNS = new Set([
  'family', 'families', 'people', 'person', 'man', 'men', 'woman', 'women', 'child', 'children', 'kids', 'parent',
  'relatives', 'friends', 'friend', 'neighbors', 'neighbours', 'neighbor', 'neighbour', 'fans', 'fan', 'public',
  'community', 'crowd', 'staff', 'crew', 'team', 'coach', 'victim', 'victims', 'survivors', 'wife', 'husband',
  'mother', 'father', 'son', 'daughter', 'brother', 'sister', 'mom', 'dad', 'official', 'officials', 'police',
  'doctors', 'nurses', 'patients', 'residents', 'locals', 'citizens', 'colleagues', 'allies', 'officer', 'aide',
  'aides', 'senator', 'minister', 'president', 'mayor', 'governor', 'spokesman', 'spokeswoman', 'couple', 'guests',
  'audience', 'congregation', 'class', 'students', 'pupils', 'athletes', 'players', 'shareholders', 'investors'
])

/**
 * A person as subject: a pronoun, a person noun, a plural in a person suffix ("voters",
 * "protesters", "activists", "politicians", "employees", "residents"), or a capitalised word that
 * does not open the sentence (a name: "… Smith was shocked"). "The economy was devastated" and
 * "the crops were devastated" are not reported feelings: damage, which the writer describes.
 */
function isPersonSubject(tokens: readonly Token[], k: number, from: number, text: string): boolean {
  const t = tokens[k]!
  if (t.kind !== 'word') return false
  const n = t.norm
  if (PERSON_PRONOUNS.has(n) || PERSON_NOUNS.has(n)) return true
  if (/(?:ers|ors|ists|ians|ents|ees|eers)$/.test(n) && n.length > 5) return true
  const s = text.slice(t.start, t.end)
  const opens = k === from || tokens[k - 1]!.kind === 'punct'
  return !opens && s !== s.toLowerCase()
}

/**
 * Words that attribute the sentence to someone: the feeling is then that person's report, which
 * the writer relays ("families said they were devastated", "according to neighbours").
 */
const REPORTING = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'according', 'added', 'adds', 'recalled', 'recalls',
  'described', 'describes', 'explained', 'explains', 'wrote', 'writes', 'testified', 'acknowledged', 'admitted',
  'insisted', 'complained', 'posted', 'recounted', 'reported'
])

/**
 * Is the one-token match at `i` a reported feeling: an experiencer's state after a linking verb,
 * with a person as subject (see the module comment), that the person reports — the sentence has
 * a reporting word ("said", "told", "according to"), the match is inside a quotation (`quoted`),
 * or the subject is "I"/"we" (the speaker's own words)? The sentence is tokens `[a, b)`; the
 * look back from the match stops at punctuation.
 */
export function isReportedFeeling(tokens: readonly Token[], i: number, a: number, b: number, text: string, quoted: boolean): boolean {
  const subject = feelerAt(tokens, i, a, text)
  if (subject < 0) return false
  if (quoted) return true
  const n = tokens[subject]!.norm
  if (n === 'i' || n === 'we') return true
  for (let k = a; k < b; k++) if (REPORTING.has(tokens[k]!.norm)) return true
  return false
}

/** The subject token of an experiencer state at `i` (linking verb, person subject), or -1. */
function feelerAt(tokens: readonly Token[], i: number, from: number, text: string): number {
  const t = tokens[i]
  if (!t || t.kind !== 'word' || !EXPERIENCER_STATES.has(t.norm)) return -1
  let k = i - 1
  let skipped = 0
  for (; k >= from; k--) {
    const w = tokens[k]!
    if (w.kind !== 'word') return -1
    if (LINKING.has(w.norm)) break
    if (!BETWEEN.has(w.norm) || ++skipped > 2) return -1
  }
  // Linking verbs may chain ("had been left", "have been"): step over them and auxiliaries.
  while (k - 1 >= from && (LINKING.has(tokens[k - 1]!.norm) || AUXILIARY.has(tokens[k - 1]!.norm))) k--
  // The subject, skipping a floating quantifier or adverb ("they were all", "residents also felt").
  let s = k - 1
  if (s >= from && BETWEEN.has(tokens[s]!.norm) && !PERSON_PRONOUNS.has(tokens[s]!.norm)) s--
  return s >= from && isPersonSubject(tokens, s, from, text) ? s : -1
}

/** Auxiliaries before a linking verb ("had been", "would feel", "have become"). */
const AUXILIARY = new Set(['has', 'have', 'had', 'would', 'will', 'could', 'might', 'may', 'must', 'should', 'did', 'do', 'does', "didn't", "don't", "doesn't", 'not', 'never'])
