/**
 * Who is quoted or cited, with which verb (see quotes.ts for the quotation spans).
 *
 * Direct quotations, patterns tried in order:
 *   1. before the opening mark, in the same stretch of text:  X said: "…"  /  X said, "…"  /
 *      X called it "…"  /  according to X, "…"
 *   2. after the closing mark:  "…," X said.  /  "…," said X.  /  "…," he added.
 *   3. a quotation that follows another one with only spaces between inherits its speaker.
 * Indirect attributions (no marks) in sentences outside quotations, one per sentence and one more
 * per separate clause with its own subject and speech verb (', while X said', '; X warned'), each
 * with Quote.parts (exact offsets of source, verb and content):
 *   according to X, …     X reported/said/claimed that …     X indicate(s) that …
 *   X said the talks had failed (a speech verb, then a clause: subject + finite verb)
 *   X told reporters the talks had failed     X warned (Baku) of/against …     X urged Baku to …
 *   The talks had failed, X said.     …, said X.     …, he said, and …
 * (bareAttribution; never "the said agreement", "all told", passives, objects, relative clauses).
 *
 * Speaker resolution, in order: the nearest PERSON actor mention (or its coreference)
 * before the verb; else the noun phrase that is the verb's subject (from the previous clause
 * boundary up to the verb), with any actor it contains; else a capitalised name or pronoun
 * right after the verb ("said Kanaani", "said the Iranian spokesman"). A speaker phrase without
 * a person whose head (the word before a modifier preposition) is vague ("sources", "officials",
 * "observers in the region") is anonymous, unless an actor's own name covers the head ("Iran's
 * foreign ministry"). A nationality adjective gives an unnamed source its side ("a senior
 * Israeli diplomat", nationality.ts); "she said" and a bare surname stand for a person the
 * naming data does not know when the article gave them a title ("Foreign Minister Ana Costa").
 *
 * Impersonal constructions (speakerOfVerb): "it should be noted / it must be stressed / it is
 * worth recalling that" are the writer's own voice and attribute nothing; "it is said /
 * claimed / reported / believed that" are agentless: anonymous, speaker '', verb = the passive
 * group ("is said"), consistent with the sourcing lexicon's agentless group. Any other passive
 * credits only a "by" agent, never its subject.
 *
 * "according to X": X is the noun phrase only (sourcePhraseEnd): it ends before punctuation, a
 * relative or subordinating word, a finite auxiliary or an -ly adverb, so source spans never
 * end on a comma or full stop and never run into the rest of the clause.
 *
 * A reporting verb must be a verb (isNounUse): not after a determiner, number, adjective,
 * possessive or preposition ("the two states", "Cohen's remarks"). "call" stays a reporting
 * verb: "used the occasion to call for a 'united front'" reports a speech act (a demand, like
 * "urge"), and the quoted words are what was called for; Quote.verb records "call".
 */
import type { ActorMention, Quote, QuoteParts, Segmentation, Token } from '../../model'
import type { NamingResource } from '../../resources/naming'
import { ANONYMOUS_HEADS, isQuotingVerb, isReportingVerb, quoteIndexAt, SPEAKER_PRONOUNS, type QuotationSpan } from './quotes'
import { firstAtOrAfter } from '../../util/search'
import { resolveTitle, ROLE_NOUNS, titleReferenceKey, type TitleIndex } from './titles'
import { nationalityActor } from './nationality'

export interface AttributionContext {
  readonly text: string
  readonly tokens: readonly Token[]
  readonly segmentation: Segmentation
  readonly naming: NamingResource
  readonly mentions: readonly ActorMention[]
  readonly tokenSentence: Int32Array
  /**
   * Title holders of the article (titles.ts): a speaker phrase that is only a definite title
   * ("The foreign minister", "said the spokesman") with no actor in it is the one person the
   * article gave that title earlier, when exactly one was; coreference already turns references
   * to naming-class people into mentions, so this adds the people the resources do not know.
   */
  readonly titles?: () => TitleIndex
}

/** The speaker a definite title reference in tokens [a, b) stands for, or null (titles.ts). */
function titleSpeaker(ctx: AttributionContext, a: number, b: number): Speaker | null {
  if (!ctx.titles) return null
  const key = titleReferenceKey(ctx.tokens, a, b)
  const h = key === null ? null : resolveTitle(ctx.titles(), key, ctx.tokens[a]!.start)
  if (!h) return null
  const at = { start: ctx.tokens[a]!.start, end: ctx.tokens[b - 1]!.end }
  return h.actor !== '' ? actorSpeaker(ctx, h.actor, at) : { speaker: h.name, speakerActor: '', anonymous: false, ...at }
}

/** How far before an opening mark a reporting verb may stand (word tokens). */
const VERB_BEFORE_WINDOW = 14
/** How far after a closing mark a reporting verb may stand (word tokens). */
const VERB_AFTER_WINDOW = 5
const TERMINALS = new Set(['.', '!', '?', '…'])
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
/** Words skipped between a subject and its reporting verb ("the ministry has also said"). */
const SUBJECT_AUXILIARIES = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'also', 'then', 'later', 'once', 'previously', 'again', 'reportedly',
  // Modals and "be": part of the verb group, never of the subject ("It should be noted" has no
  // subject words left once these and the expletive "it" are skipped).
  'should', 'must', 'can', 'could', 'may', 'might', 'will', 'would', 'shall', 'be', 'been', 'being'
])
const SUBJECT_SKIP = new Set([
  'what', 'that', 'which', 'who', 'as', 'and', 'but', 'recall', 'to', 'it', 'is', 'was',
  // Subordinators opening the clause ("…, while Iran claimed the gunman had acted alone").
  'while', 'whereas', 'although', 'though', 'because', 'since', 'when', 'if', 'so', 'yet'
])
/**
 * Adverbs inside the verb group, between a subject and its reporting verb ("Azerbaijani
 * officials have repeatedly said", "security services have since announced"); lower-case -ly
 * adverbs count too (isVerbGroupWord).
 */
const VERB_GROUP_ADVERBS = new Set(['since', 'already', 'now', 'often', 'always', 'still', 'never', 'just', 'first', 'long', 'did', 'does', 'do', 'not'])

/** Is token t part of the verb group before a reporting verb (an auxiliary or an adverb)? */
function isVerbGroupWord(ctx: AttributionContext, t: Token): boolean {
  return (
    SUBJECT_AUXILIARIES.has(t.norm) ||
    VERB_GROUP_ADVERBS.has(t.norm) ||
    (t.kind === 'word' && t.norm.length > 4 && t.norm.endsWith('ly') && !LY_NOT_ADVERBS.has(t.norm) && !isCap(ctx, t))
  )
}

/**
 * Is the speaker phrase tokens [a, e) vague ("officials", "sources close to the ministry",
 * "observers in the region")? Its head is the word before the first modifier preposition (or
 * the last word); a vague head makes it anonymous unless a person is named in it or an
 * actor's name covers the head itself ("Iran's foreign ministry", "the Azerbaijani
 * authorities": an identified institution, unlike "Iranian officials").
 */
function vaguePhrase(ctx: AttributionContext, a: number, e: number, inPhrase: readonly ActorMention[]): boolean {
  const { tokens } = ctx
  let h = e - 1
  for (let j = a + 1; j < e; j++) {
    if (HEAD_PREPOSITIONS.has(tokens[j]!.norm)) {
      h = j - 1
      break
    }
  }
  const head = tokens[h]!
  if (!ANONYMOUS_HEADS.has(head.norm)) return false
  return !inPhrase.some((m) => isPerson(ctx, m) || (m.start <= head.start && head.end <= m.end))
}


interface Speaker {
  readonly speaker: string
  readonly speakerActor: string
  readonly anonymous: boolean
  /** Offsets of the source as written (Quote.parts.source), when it stands in the text. */
  readonly start?: number
  readonly end?: number
}

const NOBODY: Speaker = { speaker: '', speakerActor: '', anonymous: false }

function actorSpeaker(ctx: AttributionContext, actorId: string, at?: { readonly start: number; readonly end: number }): Speaker {
  const a = ctx.naming.actorById.get(actorId)
  const sp = { speaker: a?.label ?? actorId, speakerActor: actorId, anonymous: false }
  return at ? { ...sp, start: at.start, end: at.end } : sp
}

function isCap(ctx: AttributionContext, t: Token): boolean {
  const c = ctx.text[t.start]!
  return t.kind === 'word' && c !== c.toLowerCase()
}

/**
 * Per mentions array: is it in non-decreasing start order? resolveCoreference emits mentions in
 * text order, so the lookups below binary-search instead of scanning every mention of the
 * article for each reporting verb (quadratic on long articles); an unsorted array (another
 * caller) takes the plain scans, which give the same answers.
 */
const sortedByStart = new WeakMap<readonly ActorMention[], boolean>()

function isSortedByStart(ms: readonly ActorMention[]): boolean {
  let sorted = sortedByStart.get(ms)
  if (sorted === undefined) {
    sorted = true
    for (let i = 1; i < ms.length && sorted; i++) if (ms[i]!.start < ms[i - 1]!.start) sorted = false
    sortedByStart.set(ms, sorted)
  }
  return sorted
}


/** Does the mention name a person (a speaker by name), not a state, body or place? */
function isPerson(ctx: AttributionContext, m: ActorMention): boolean {
  return ctx.naming.actorById.get(m.actor)?.kind === 'person'
}

/** Mentions whose start lies in [start, end), nearest to `end` first. */
function mentionsIn(ctx: AttributionContext, start: number, end: number): ActorMention[] {
  const ms = ctx.mentions
  if (!isSortedByStart(ms)) return ms.filter((m) => m.start >= start && m.end <= end).sort((a, b) => b.start - a.start)
  // The same elements, in the same order, as the filter above (a mention starting after `end`
  // cannot end by `end`); then the same stable sort.
  const out: ActorMention[] = []
  for (let i = firstAtOrAfter(ms, start); i < ms.length && ms[i]!.start <= end; i++) if (ms[i]!.end <= end) out.push(ms[i]!)
  return out.sort((a, b) => b.start - a.start)
}

/** The first mention (in array order) starting at `a`, or at `b` when given; undefined if none. */
function firstMentionAt(ctx: AttributionContext, a: number, b: number | undefined): ActorMention | undefined {
  const ms = ctx.mentions
  if (!isSortedByStart(ms)) return ms.find((x) => x.start === a || (b !== undefined && x.start === b))
  // Sorted: the first index with start a, the first with start b; the earlier of the two.
  const ia = firstAtOrAfter(ms, a)
  const hitA = ia < ms.length && ms[ia]!.start === a ? ia : -1
  const ib = b === undefined ? -1 : firstAtOrAfter(ms, b)
  const hitB = ib >= 0 && ib < ms.length && ms[ib]!.start === b ? ib : -1
  const i = hitA < 0 ? hitB : hitB < 0 ? hitA : Math.min(hitA, hitB)
  return i < 0 ? undefined : ms[i]
}

/**
 * Subject phrase of the reporting verb at token `v`, searched back to token `lo`: the nearest
 * person mention wins; otherwise the words from the last clause boundary up to the verb.
 */
function subjectBefore(ctx: AttributionContext, v: number, lo: number): Speaker {
  const { tokens } = ctx
  if (v <= lo) return NOBODY
  // "Eli Cohen, who hosted … Jeyhun Bayramov …, called": a verb right after a closing comma
  // has its subject before the parenthetical, so a person named inside it is not the speaker.
  let a = v
  while (a > lo && isVerbGroupWord(ctx, tokens[a - 1]!)) a--
  if (a - 1 > lo && tokens[a - 1]!.norm === ',') {
    let j = a - 2
    while (j > lo && tokens[j]!.norm !== ',' && !TERMINALS.has(tokens[j]!.norm)) j--
    if (j > lo && tokens[j]!.norm === ',') {
      const outer = mentionsIn(ctx, tokens[lo]!.start, tokens[j]!.start)[0]
      if (outer && isPerson(ctx, outer) && outer.end === tokens[j - 1]!.end) return actorSpeaker(ctx, outer.actor, outer)
      // No naming-class person before the parenthetical ("Daniel Reyes, a spokesman for the
      // ministry, said", "Officials, speaking on condition of anonymity, said"): the short phrase
      // before it is the subject when it is a name (capitalised) or vague; the words inside the
      // commas would otherwise be searched, or nothing at all.
      let st = j
      while (st > lo && tokens[st - 1]!.kind !== 'punct' && j - st < 6) st--
      while (st < j && SUBJECT_SKIP.has(tokens[st]!.norm)) st++
      // An appositive that names a person ("Its spokesman, Nasser Kanaani, warned") is the
      // subject's name: the person search below takes it.
      const named = mentionsIn(ctx, tokens[j]!.end, tokens[a - 1]!.start).some((m) => isSubjectPerson(ctx, m))
      if (st < j && (st === lo || tokens[st - 1]!.kind === 'punct') && !named) {
        const sp = phraseSpeaker(ctx, st, j)
        if (sp.speaker !== '' && (isCap(ctx, tokens[st]!) || sp.anonymous)) return sp
      }
    }
  }
  // A possessive or object pronoun is no subject ("his office said": the office speaks, on the
  // person's side; see phraseSpeaker).
  const person = mentionsIn(ctx, tokens[lo]!.start, tokens[v]!.start).find((m) => isSubjectPerson(ctx, m))
  if (person) return actorSpeaker(ctx, person.actor, person)
  // Clause phrase right before the verb (skip auxiliaries like "has", "had").
  let end = v
  while (end > lo && isVerbGroupWord(ctx, tokens[end - 1]!)) end--
  let start = end
  while (start > lo) {
    const t = tokens[start - 1]!
    if (t.kind === 'punct' && (CLAUSE_BREAKS.has(t.norm) || TERMINALS.has(t.norm))) break
    if (end - start >= 8) break
    // "Ask anyone on the street and they will tell you": a pronoun after "and"/"but" opens a clause.
    if ((t.norm === 'and' || t.norm === 'but') && CLAUSE_PRONOUNS.has(tokens[start]?.norm ?? '') && start < end) break
    start--
  }
  while (start < end && (tokens[start]!.kind === 'punct' || SUBJECT_SKIP.has(tokens[start]!.norm))) start++
  // "in recent weeks the Republic of Azerbaijan has made …": a fronted adverbial (a preposition
  // and its words, no comma) is no part of the subject, which starts at the next determiner or
  // capitalised word.
  if (start < end && PREPOSITIONS.has(tokens[start]!.norm)) {
    for (let m = start + 2; m < end; m++) {
      const w = tokens[m]!
      if (w.norm === 'the' || w.norm === 'a' || w.norm === 'an' || isCap(ctx, w)) {
        start = m
        break
      }
    }
  }
  if (start >= end) return NOBODY
  return phraseSpeaker(ctx, start, end)
}

/**
 * The speaker named by the phrase tokens [start, end): a title reference, an unknown person's
 * pronoun or surname, else the phrase as written with the actor named in it (or the state of a
 * nationality adjective) and its vagueness. A lone lower-case word that is not a vague head is
 * no speaker (NOBODY).
 */
function phraseSpeaker(ctx: AttributionContext, start: number, end: number): Speaker {
  const { tokens, text } = ctx
  const phrase = text.slice(tokens[start]!.start, tokens[end - 1]!.end)
  const inPhrase = mentionsIn(ctx, tokens[start]!.start, tokens[end - 1]!.end)
  if (inPhrase.length === 0) {
    const titled = titleSpeaker(ctx, start, end)
    if (titled) return titled
  }
  if (inPhrase.length === 0 && end - start === 1) {
    const known = unknownPerson(ctx, start)
    if (known) return known
  }
  const hasName = inPhrase.length > 0 || tokens.slice(start, end).some((t, i) => i > 0 && isCap(ctx, t))
  const anonymous = vaguePhrase(ctx, start, end, inPhrase)
  // A lone lower-case word that is not a vague head ("it", "this") is no speaker at all.
  if (!hasName && !anonymous && end - start === 1 && !isCap(ctx, tokens[start]!)) return NOBODY
  const speakerActor = inPhrase[inPhrase.length - 1]?.actor ?? nationalityIn(ctx, start, end)
  return { speaker: phrase, speakerActor, anonymous, start: tokens[start]!.start, end: tokens[end - 1]!.end }
}

/**
 * A lone pronoun or surname at token `k` that stands for a person the naming data does not know:
 * "Foreign Minister Ana Costa arrived. … she said" / "Costa said". Coreference links pronouns
 * only to naming-class people, so without this the speaker of such quotations would be '' or
 * the bare surname, and the sourcing table would split one person in two or lose her. The
 * person is the latest unknown title holder (titles.ts) introduced before `k`: in the same
 * paragraph for "he"/"she" (the pronoun rule of coref.ts), anywhere before for a surname that
 * ends their name. The speaker has no actor and no side ("unknown side" in the table).
 */
function unknownPerson(ctx: AttributionContext, k: number): Speaker | null {
  const t = ctx.tokens[k]!
  const pronoun = SPEAKER_PRONOUNS.has(t.norm)
  if (!ctx.titles || !(pronoun || isCap(ctx, t))) return null
  const unknown = ctx.titles().unknown
  if (unknown.length === 0) return null
  const from = pronoun ? (ctx.segmentation.paragraphs.length > 0 ? paragraphStart(ctx, t.start) : 0) : 0
  const surface = ctx.text.slice(t.start, t.end)
  const before = firstAtOrAfter(unknown, t.start)
  for (let i = before - 1; i >= 0; i--) {
    const h = unknown[i]!
    if (h.start < from) break
    if (pronoun || (h.name.endsWith(` ${surface}`) && h.name !== surface)) return { speaker: h.name, speakerActor: '', anonymous: false, start: t.start, end: t.end }
  }
  if (!pronoun) return null
  // A pronoun whose paragraph names the person only by surname ('"Later," said Reyes. He told
  // reporters …'): the nearest capitalised word before it that ends an earlier holder's name.
  for (let j = k - 1; j >= 0 && ctx.tokens[j]!.start >= from; j--) {
    const w = ctx.tokens[j]!
    if (!isCap(ctx, w)) continue
    const name = ctx.text.slice(w.start, w.end)
    for (let i = before - 1; i >= 0; i--) {
      const h = unknown[i]!
      if (h.start < w.start && h.name.endsWith(` ${name}`)) return { speaker: h.name, speakerActor: '', anonymous: false, start: t.start, end: t.end }
    }
  }
  return null
}

/**
 * The state a nationality adjective in tokens [a, b) stands for ("The Israeli spokesman", "a
 * senior Israeli diplomat"), or '' (nationality.ts). Only for phrases in which no actor is
 * named: an unnamed official of that side is a source of that side in the sourcing table.
 */
function nationalityIn(ctx: AttributionContext, a: number, b: number): string {
  for (let j = b - 1; j >= a; j--) {
    const t = ctx.tokens[j]!
    if (t.kind !== 'word' || !isCap(ctx, t)) continue
    const state = nationalityActor(ctx.naming, t.norm)
    if (state !== '') return state
  }
  return ''
}

/** Words after which an unnamed source phrase may follow a verb ("said the Israeli spokesman", "said a senior official"). */
const SOURCE_DETERMINERS = new Set(['the', 'a', 'an'])

/**
 * "said the Israeli spokesman" / "said a senior Iranian official": an unnamed source after the
 * verb, a determiner and at most three words ending in a role noun or a vague head (never "the
 * minister of …", a new description). The side comes from an actor named in it or a
 * nationality adjective; the vagueness from its head (vaguePhrase).
 */
function unnamedSourceAfter(ctx: AttributionContext, d: number, hi: number): Speaker {
  const { tokens } = ctx
  for (let b = d + 2; b <= d + 4 && b <= hi; b++) {
    const w = tokens[b - 1]!
    if (w.kind !== 'word') break
    if (!(ROLE_NOUNS.has(w.stem) || ANONYMOUS_HEADS.has(w.norm))) continue
    if (tokens[b]?.norm === 'of') break
    const start = tokens[d]!.start
    const end = w.end
    const inPhrase = mentionsIn(ctx, start, end)
    return {
      speaker: ctx.text.slice(start, end),
      speakerActor: inPhrase[inPhrase.length - 1]?.actor ?? nationalityIn(ctx, d, b),
      anonymous: vaguePhrase(ctx, d, b, inPhrase),
      start,
      end
    }
  }
  return NOBODY
}

/** Forms of "be" that make a following participle passive ("is said", "has been reported"). */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being'])
const MODALS = new Set(['should', 'must', 'can', 'could', 'may', 'might', 'will', 'would', 'shall', 'ought', 'need', 'needs'])
/** Adverbs that may stand inside a passive verb group ("it is widely believed", "it should also be noted"). */
const PASSIVE_ADVERBS = new Set(['widely', 'generally', 'commonly', 'often', 'also', 'now', 'long', 'increasingly', 'repeatedly', 'already', 'further', 'again', 'once', 'still', 'frequently', 'sometimes', 'usually', 'not', 'never'])
/** Irregular past participles of reporting/belief verbs (regular ones end in -ed). */
const IRREGULAR_PARTICIPLES = new Set(['said', 'told', 'written', 'thought', 'known', 'understood', 'held', 'put', 'spoken', 'shown', 'heard', 'felt'])

/**
 * The passive verb group ending at the participle at token `v`, searched back to `lo`:
 * `it is said`, `it has been reported`, `it should be noted`, `Cohen was told`. Null when `v` is
 * not a participle preceded by a form of "be". `expletive`: the subject is the dummy "it"
 * (nobody in the text is the speaker); `modal`: a modal precedes the "be" ("it must be
 * stressed"), which makes the construction the writer's own emphasis rather than hearsay.
 */
function passiveGroup(tokens: readonly Token[], v: number, lo: number): { start: number; expletive: boolean; modal: boolean } | null {
  const t = tokens[v]!
  if (!(t.norm.endsWith('ed') || IRREGULAR_PARTICIPLES.has(t.norm))) return null
  let k = v - 1
  while (k >= lo && PASSIVE_ADVERBS.has(tokens[k]!.norm)) k--
  if (k < lo || !BE_FORMS.has(tokens[k]!.norm)) return null
  let start = k
  let modal = false
  // Walk back over the rest of the verb group: "has been", "should be", "ought to be", "will have been".
  for (let j = k - 1; j >= lo; j--) {
    const n = tokens[j]!.norm
    if (MODALS.has(n)) modal = true
    else if (n === 'to' && tokens[j - 1]?.norm === 'ought') continue
    else if (!(n === 'has' || n === 'have' || n === 'had' || PASSIVE_ADVERBS.has(n))) break
    start = j
  }
  const subject = tokens[start - 1]
  return { start, expletive: start - 1 >= lo && subject !== undefined && subject.norm === 'it', modal }
}

/** What a reporting verb attributes: a speaker, an agentless claim, or the writer's own voice. */
interface VerbSpeaker {
  readonly sp: Speaker
  /** The verb as reported in Quote.verb ("said", or the passive group "is said"). */
  readonly verb: string
  /** The writer's own voice ("it should be noted that", "it is worth recalling"): no attribution. */
  readonly writer: boolean
  /** A passive without an agent ("it is said that"): the source is hidden, so never inherited. */
  readonly agentless: boolean
  /** First token of the verb group (the "is" of "it is said"; the verb itself otherwise). */
  readonly verbFrom: number
}

/**
 * Who speaks through the reporting verb at token `v` (subject searched back to `lo`, a speaker
 * after the verb up to `hi`). Impersonal constructions are decided first because their
 * grammatical subject is no speaker: "it should be noted / it must be stressed / it is worth
 * recalling that" are the writer's voice; "it is said / claimed / reported / believed that" are
 * agentless (anonymous, speaker ''); any other passive ("Cohen was told that", "was called
 * 'historic' by Cohen") has its speaker only in a "by" phrase, never in its subject.
 */
function speakerOfVerb(ctx: AttributionContext, v: number, lo: number, hi: number): VerbSpeaker {
  const { tokens } = ctx
  const t = tokens[v]!
  if (v - 1 >= lo && tokens[v - 1]!.norm === 'worth' && t.norm.endsWith('ing')) return { sp: NOBODY, verb: '', writer: true, agentless: false, verbFrom: v }
  const p = passiveGroup(tokens, v, lo)
  if (p) {
    const by = tokens[v + 1]?.norm === 'by' ? subjectAfter(ctx, v + 1, hi) : NOBODY
    if (by.speaker !== '') return { sp: by, verb: t.norm, writer: false, agentless: false, verbFrom: v }
    if (p.expletive && p.modal) return { sp: NOBODY, verb: '', writer: true, agentless: false, verbFrom: v }
    if (p.expletive) {
      const verb = ctx.text.slice(tokens[p.start]!.start, t.end).toLowerCase()
      return { sp: { speaker: '', speakerActor: '', anonymous: true }, verb, writer: false, agentless: true, verbFrom: p.start }
    }
    return { sp: NOBODY, verb: t.norm, writer: false, agentless: false, verbFrom: v }
  }
  let sp = subjectBefore(ctx, v, lo)
  if (sp.speaker === '') sp = subjectAfter(ctx, v, hi)
  return { sp, verb: t.norm, writer: false, agentless: false, verbFrom: v }
}

/** Speaker right after a verb ("said Kanaani", "said the minister"). */
function subjectAfter(ctx: AttributionContext, v: number, hi: number): Speaker {
  const { tokens } = ctx
  const next = tokens[v + 1]
  if (!next || v + 1 >= hi) return NOBODY
  const m = firstMentionAt(ctx, next.start, next.norm === 'the' ? tokens[v + 2]?.start : undefined)
  // A state named as the nationality of an unnamed official ("said the Iranian spokesman") is
  // that official's side, not the speaker: the phrase is (unnamedSourceAfter).
  if (m && !(next.norm === 'the' && ctx.naming.actorById.get(m.actor)?.kind === 'state' && nationalityActor(ctx.naming, tokens[v + 2]!.norm) === m.actor)) return actorSpeaker(ctx, m.actor, m)
  // "said the spokesman" / "said the foreign minister" (not "the minister of …").
  if (next.norm === 'the') {
    for (let b = v + 3; b <= v + 4 && b <= hi; b++) {
      if (tokens[b]?.norm === 'of') break
      const titled = titleSpeaker(ctx, v + 1, b)
      if (titled) return titled
    }
  }
  if (SOURCE_DETERMINERS.has(next.norm)) {
    const unnamed = unnamedSourceAfter(ctx, v + 1, hi)
    if (unnamed.speaker !== '') return unnamed
  }
  if (isCap(ctx, next)) {
    let e = v + 1
    while (e < hi && isCap(ctx, tokens[e]!)) e++
    if (e === v + 2) {
      const known = unknownPerson(ctx, v + 1)
      if (known) return known
    }
    return { speaker: ctx.text.slice(next.start, tokens[e - 1]!.end), speakerActor: '', anonymous: false, start: next.start, end: tokens[e - 1]!.end }
  }
  return NOBODY
}

/** Words after which a reporting-verb form is a noun: determiners, possessives, quantifiers, adjectives. */
const NOUN_MARKERS = new Set([
  'a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those',
  'such', 'no', 'any', 'some', 'many', 'several', 'few', 'both', 'all', 'each', 'every', 'other', 'more',
  'most', 'unfounded', 'baseless', 'false', 'made', 'recent', 'earlier', 'previous', 'latest', 'new',
  'repeated', 'similar', 'further', 'official', 'public', 'first', 'last', 'whose'
])
/** Perfect auxiliaries: "had earlier warned" is a verb group, unlike "earlier warnings". */
const PERFECT_AUX = new Set(['has', 'have', 'had'])
/** Number words: "the two states", "three reports" (digits are tokens of kind 'number'). */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands'])
/**
 * Prepositions: a finite verb cannot follow one ("between the states", "in reports"), but a
 * gerund can ("by saying that"), and "to" introduces an infinitive ("to call for").
 */
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'between', 'among', 'for', 'with', 'from', 'about', 'by', 'over', 'under', 'against', 'amid', 'despite', 'without', 'into', 'after', 'before', 'during', 'through'])
/** Finite auxiliaries that follow a plural-noun subject ("the states were", "claims have"), never a reporting verb. */
const FINITE_AFTER_SUBJECT = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might'])
/** Bare reporting-verb forms that are as often nouns ("state media", "a call", "the report"). */
const NOUNY_BASE = new Set(['state', 'report', 'call', 'claim', 'comment', 'answer', 'reply', 'charge', 'demand', 'promise', 'pledge', 'point', 'post', 'brief', 'estimate', 'remark', 'counter', 'vow', 'joke', 'statement'])
/** Subjects of a bare (plural) verb form that do not end in -s: "They state", "Police report". */
const PLURAL_SUBJECTS = new Set(['i', 'we', 'they', 'you', 'people', 'police', 'men', 'women', 'children', 'others', 'many', 'some', 'few', 'both', 'all'])
/** Present -s forms that are verbs far more often than plural nouns ("says", unlike "states", "remarks"). */
const VERB_S_FORMS = new Set(['says', 'tells', 'adds', 'insists', 'argues', 'explains', 'warns', 'asks', 'writes', 'admits', 'concedes', 'suggests', 'urges', 'alleges', 'contends', 'maintains', 'declares', 'denies', 'acknowledges', 'testifies'])

/**
 * Is the reporting-verb form at token `v` a noun here? "a warning", "the report", "the two
 * states", "Cohen's remarks", "the "united front" remarks", "claims were": a reporting verb must
 * be a verb, so one standing after a determiner, number, adjective, possessive or preposition,
 * or (for an -s form that is also a plural noun) after a closing quotation mark or before a
 * finite auxiliary, is not one.
 */
function isNounUse(ctx: AttributionContext, v: number): boolean {
  const { tokens } = ctx
  const prev = tokens[v - 1]
  const t = tokens[v]!
  if (!prev) return false
  // "had earlier warned", "has also said": an adverb-like marker inside a perfect verb group.
  if ((prev.norm === 'earlier' || prev.norm === 'also') && PERFECT_AUX.has(tokens[v - 2]?.norm ?? '')) return false
  if (NOUN_MARKERS.has(prev.norm) || NUMBER_WORDS.has(prev.norm) || prev.kind === 'number') return true
  // Possessive: the tokenizer keeps "'s" on its word ("cohen's"; curly marks are normalised).
  if (prev.kind === 'word' && /'s?$/.test(prev.norm) && prev.norm.length > 2) return true
  if (PREPOSITIONS.has(prev.norm) && !t.norm.endsWith('ing')) return true
  // A bare form that is also a common noun, after a capitalised modifier ("Iranian state
  // media", "the Kremlin report"): as a verb it would need a plural or pronoun subject, and a
  // capitalised word without -s is neither unless it is one of the plural words below or ends
  // a coordination ("Cohen and Bayramov state", "Baku and Eli Cohen state").
  if (
    NOUNY_BASE.has(t.norm) && prev.kind === 'word' && !prev.norm.endsWith('s') && !PLURAL_SUBJECTS.has(prev.norm) && isCap(ctx, prev) &&
    tokens[v - 2]?.norm !== 'and' && tokens[v - 3]?.norm !== 'and'
  ) return true
  const pluralNoun = t.norm.endsWith('s') && !VERB_S_FORMS.has(t.norm)
  if (pluralNoun && prev.kind === 'punct' && (prev.norm === '"' || prev.norm === '”' || prev.norm === "'")) return true
  if (pluralNoun && FINITE_AFTER_SUBJECT.has(tokens[v + 1]?.norm ?? '')) return true
  return false
}

/** Relative and subordinating words: the source noun phrase of "according to X" ends before one. */
const PHRASE_STOPS = new Set([
  'who', 'whom', 'whose', 'which', 'that', 'where', 'when', 'while', 'because', 'although', 'though',
  'if', 'as', 'since', 'unless', 'until', 'whereas', 'than', 'but', 'so', 'yet'
])
/** Prepositions that attach a modifier to the source ("researchers at the institute"): the head is before them. */
const HEAD_PREPOSITIONS = new Set(['of', 'at', 'in', 'from', 'with', 'for', 'on', 'close', 'familiar'])

/** -ly words that are adjectives or nouns inside a source name ("the Zionist daily Haaretz"), not adverbs. */
const LY_NOT_ADVERBS = new Set(['daily', 'weekly', 'monthly', 'yearly', 'quarterly', 'family', 'early', 'elderly', 'friendly', 'holy', 'ally', 'assembly', 'supply', 'likely', 'lonely', 'deadly', 'costly', 'only'])

/**
 * The source of "according to X": the noun phrase starting at token `from`, at most 8 words,
 * ending before punctuation (a comma, the sentence's full stop), a relative or subordinating
 * word ("who according to rights groups routinely jail…"), an -ly adverb or a finite auxiliary
 * (a verb has begun). Returns the exclusive end token (`from` when there is no phrase), so the
 * source span ends on a word, never on punctuation.
 */
function sourcePhraseEnd(ctx: AttributionContext, from: number, limit: number): number {
  const { tokens } = ctx
  let e = from
  while (e < limit && e - from < 8) {
    const t = tokens[e]!
    if (t.kind === 'punct') break
    if (PHRASE_STOPS.has(t.norm) || FINITE_AFTER_SUBJECT.has(t.norm)) break
    if (t.kind === 'word' && t.norm.length > 4 && t.norm.endsWith('ly') && !LY_NOT_ADVERBS.has(t.norm) && !isCap(ctx, t)) break
    e++
  }
  // A phrase never ends on a preposition or conjunction left dangling by the word limit.
  while (e > from && (PREPOSITIONS.has(tokens[e - 1]!.norm) || tokens[e - 1]!.norm === 'and' || tokens[e - 1]!.norm === 'or')) e--
  return e
}

/** The speaker of "according to X" with X = tokens [from, end) (see sourcePhraseEnd). */
function accordingToSpeaker(ctx: AttributionContext, from: number, end: number): Speaker {
  const { tokens } = ctx
  const startOff = tokens[from]!.start
  const endOff = tokens[end - 1]!.end
  const ms = mentionsIn(ctx, startOff, endOff)
  const person = ms.find((m) => isPerson(ctx, m))
  // The source as written is the whole phrase ("the Zionist daily Haaretz"), whoever it names.
  const at = { start: startOff, end: endOff }
  if (person) return actorSpeaker(ctx, person.actor, at)
  const anonymous = vaguePhrase(ctx, from, end, ms)
  return { speaker: ctx.text.slice(startOff, endOff), speakerActor: ms[0]?.actor ?? '', anonymous, ...at }
}

function sideOf(ctx: AttributionContext, actor: string): string {
  return actor ? (ctx.naming.actorById.get(actor)?.side ?? '') : ''
}

/** One Quote per quotation span, in the same order (speaker '' when none was found). */
export function attributeQuotes(ctx: AttributionContext, spans: readonly QuotationSpan[], article: string): Quote[] {
  const { tokens, text } = ctx
  const out: Quote[] = []
  for (let i = 0; i < spans.length; i++) {
    const q = spans[i]!
    const open = firstAtOrAfter(tokens, q.start)
    const close = firstAtOrAfter(tokens, q.end)
    let sp: Speaker = NOBODY
    let verb = ''
    let agentless = false

    // 1. Before the opening mark, back to a sentence end outside quotes or the previous quotation.
    const prevEnd = i > 0 ? spans[i - 1]!.end : -1
    let lo = open
    let words = 0
    const pStart = ctx.segmentation.paragraphs.length > 0 ? paragraphStart(ctx, q.start) : -1
    while (lo > 0 && words < VERB_BEFORE_WINDOW) {
      const t = tokens[lo - 1]!
      if (t.start < prevEnd) break
      if (t.kind === 'punct' && TERMINALS.has(t.norm)) break
      if (pStart >= 0 && t.end <= pStart) break
      if (t.kind === 'word') words++
      lo--
    }
    // The subject may stand further back than the verb window ("Kanaani, the spokesman for
    // Iran's Ministry of Foreign Affairs, said"): search back to the sentence start.
    let subjectLo = lo
    for (let w2 = 0; subjectLo > 0 && w2 < 30; ) {
      const t = tokens[subjectLo - 1]!
      if (t.start < prevEnd || (t.kind === 'punct' && TERMINALS.has(t.norm))) break
      if (t.kind === 'word') w2++
      subjectLo--
    }
    // `Cohen's "united front" remarks`: words owned by the possessor before the opening mark
    // and named by a speech noun after the closing one are the possessor's, whoever the
    // sentence's verb reports ("Iran condemned Cohen's … remarks"): step 2 credits them.
    // Without a possessor ('Iran condemned the "united front" remarks') the words are still
    // someone else's, so a stance verb ("condemned") does not make them the subject's; a neutral
    // reporting verb keeps attributing as before.
    const nounAfter = q.closed && isReportingVerb(tokens[close]) && isNounUse(ctx, close)
    const owned = nounAfter && open > 0 && /'s?$/.test(tokens[open - 1]!.norm) && tokens[open - 1]!.norm.length > 2
    for (let v = open - 1; v >= lo && !owned; v--) {
      const t = tokens[v]!
      if (isNounUse(ctx, v)) continue
      if (t.norm === 'according' && tokens[v + 1]?.norm === 'to') {
        const m = mentionsIn(ctx, tokens[v + 1]!.end, q.start).pop()
        const e = sourcePhraseEnd(ctx, v + 2, open)
        sp = m ? actorSpeaker(ctx, m.actor) : e > v + 2 ? accordingToSpeaker(ctx, v + 2, e) : NOBODY
        verb = 'according to'
        break
      }
      if (nounAfter ? isReportingVerb(t) : isQuotingVerb(t)) {
        const r = speakerOfVerb(ctx, v, subjectLo, open)
        // The writer's own emphasis ("it must be stressed that") attributes nothing: the
        // quotation keeps no speaker and no verb (so short quoted words stay scare quotes).
        if (r.writer) break
        sp = r.sp
        verb = r.verb
        agentless = r.agentless
        // A second verb coordinated with the previous quotation's ("Cohen called the opening
        // "historic" and described the bond as "strategic""): the subject search stops at that
        // quotation, so take its speaker when only "and" (and adverbs) stands before the verb
        // and both quotations are in one sentence.
        let c = v - 1
        while (c > lo && PASSIVE_ADVERBS.has(tokens[c]!.norm)) c--
        if (sp.speaker === '' && !agentless && i > 0 && tokens[c]?.norm === 'and' && c <= lo + 1) {
          const p = out[i - 1]!
          const pOpen = firstAtOrAfter(tokens, p.start)
          if (p.speaker !== '' && ctx.tokenSentence[pOpen] === ctx.tokenSentence[open]) sp = { speaker: p.speaker, speakerActor: p.speakerActor, anonymous: p.anonymous }
        }
        break
      }
    }

    // 2. After the closing mark: "…," X said / said X / he added.
    if (verb === '' && q.closed) {
      let w = 0
      const pEnd = paragraphEnd(ctx, q.end)
      for (let v = close; v < tokens.length && w < VERB_AFTER_WINDOW; v++) {
        const t = tokens[v]!
        if (t.start >= pEnd) break
        if (t.kind === 'punct') {
          if (TERMINALS.has(t.norm) || t.norm === '"' || t.norm === '“') break
          continue
        }
        w++
        // `Cohen's "united front" remarks`: a speech noun right after the quotation names it as
        // someone's words; the speaker is the possessor just before the opening mark, if any.
        // The noun is no reporting verb, so Quote.verb stays '' (exports list verbs by it).
        if (w === 1 && v === close && isReportingVerb(t) && isNounUse(ctx, v)) {
          const owner = tokens[open - 1]
          // The mention ends in the possessive token ("Eli Cohen's", whose mention starts earlier).
          const m = owner && /'s?$/.test(owner.norm) ? mentionsIn(ctx, tokens[Math.max(0, open - 6)]!.start, owner.end).find((x) => x.end > owner.start) : undefined
          if (m) sp = actorSpeaker(ctx, m.actor)
          break
        }
        if (isQuotingVerb(t) && !isNounUse(ctx, v)) {
          const r = speakerOfVerb(ctx, v, close, Math.min(tokens.length, v + 6))
          if (r.writer) break
          sp = r.sp
          verb = r.verb
          agentless = r.agentless
          break
        }
      }
    }

    // 3. Consecutive quotations: inherit the previous speaker, when only space separates them
    // or only the previous one's attribution sentence does ('"…," a senior Israeli diplomat said
    // on Wednesday. "Others in the region are watching."': the news convention for one speaker's
    // next quoted sentence), within the paragraph (an unclosed quotation ends there).
    if (sp.speaker === '' && verb === '' && !agentless && i > 0 && out[i - 1]!.speaker !== '' && continuesQuote(text.slice(spans[i - 1]!.end, q.start), out[i - 1]!.verb)) {
      const p = out[i - 1]!
      sp = { speaker: p.speaker, speakerActor: p.speakerActor, anonymous: p.anonymous }
      verb = p.verb
    }

    out.push({
      article,
      start: q.start,
      end: q.end,
      speaker: sp.speaker,
      speakerActor: sp.speakerActor,
      side: sideOf(ctx, sp.speakerActor),
      verb,
      anonymous: sp.anonymous,
      direct: true
    })
  }
  return out
}

/** Text between two quotations after which the second continues the first's speaker (see step 3). */
function continuesQuote(between: string, prevVerb: string): boolean {
  if (/^\s*$/.test(between)) return true
  // ', X said on Wednesday. ': the attribution of the first quotation and one sentence end, no
  // other sentence, marks or line breaks; at most 12 words.
  return prevVerb !== '' && between.length <= 100 && !between.includes('\n') && /^,?\s[^"“”«»\n.!?]*[.!?]\s+$/.test(between) && between.split(/\s+/).length <= 14
}

/*
 * The paragraph around a quotation's start / end, by binary search: paragraphs are lines, sorted
 * and disjoint, so the only one that can hold `offset` is the last one starting at or before it
 * (paragraphStart) or before it (paragraphEnd). Called for every quotation; a scan of all
 * paragraphs made attribution quadratic in long articles.
 */
function paragraphStart(ctx: AttributionContext, offset: number): number {
  const ps = ctx.segmentation.paragraphs
  const p = ps[firstAtOrAfter(ps, offset + 1) - 1]
  return p !== undefined && offset < p.end ? p.start : 0
}

function paragraphEnd(ctx: AttributionContext, offset: number): number {
  const ps = ctx.segmentation.paragraphs
  const p = ps[firstAtOrAfter(ps, offset) - 1]
  return p !== undefined && offset <= p.end ? p.end : ctx.text.length
}

/** Verbs that introduce indirect speech when followed by "that" (exact norms). */
const INDIRECT_VERBS = new Set([
  'say', 'says', 'said', 'report', 'reports', 'reported', 'claim', 'claims', 'claimed', 'announce',
  'announces', 'announced', 'indicate', 'indicates', 'indicated', 'state', 'states', 'stated',
  'insist', 'insists', 'insisted', 'allege', 'alleges', 'alleged', 'warn', 'warns', 'warned',
  'admit', 'admits', 'admitted', 'suggest', 'suggests', 'suggested', 'argue', 'argues', 'argued',
  'believe', 'believes', 'believed', 'assert', 'asserts', 'asserted', 'confirm', 'confirms',
  'confirmed', 'deny', 'denies', 'denied', 'reveal', 'reveals', 'revealed', 'tell', 'tells',
  'told', 'write', 'writes', 'wrote', 'note', 'notes', 'noted', 'acknowledge', 'acknowledged',
  'concede', 'conceded', 'maintain', 'maintained', 'contend', 'contended',
  // Speech verbs whose "that" clause is as plainly reported ("Bayramov stressed that …", "Official
  // Baku has demanded that …", "boasted that …").
  'stress', 'stresses', 'stressed', 'emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes',
  'emphasized', 'underline', 'underlines', 'underlined', 'underscore', 'underscores', 'underscored', 'add',
  'adds', 'added', 'explain', 'explains', 'explained', 'declare', 'declares', 'declared', 'vow', 'vows',
  'vowed', 'pledge', 'pledged', 'promise', 'promised', 'predict', 'predicts', 'predicted', 'reiterate',
  'reiterates', 'reiterated', 'boast', 'boasts', 'boasted', 'demand', 'demands', 'demanded', 'complain',
  'complains', 'complained', 'acknowledges', 'concedes', 'maintains', 'contends'
])

/**
 * Participles that attribute only in the agentless passive ("it is thought / understood /
 * rumoured that", the sourcing lexicon's agentless group); active "he thought that" is belief,
 * not speech.
 */
const AGENTLESS_ONLY = new Set(['thought', 'understood', 'rumoured', 'rumored'])

/**
 * Speech verbs that take a bare reported clause, without "that": "The foreign minister said the
 * two countries would expand trade", "He told reporters the talks had failed". Speech only:
 * belief verbs ("believe", "think") without "that" are too often not attributions at all.
 */
const BARE_CLAUSE_VERBS = new Set([
  'say', 'says', 'said', 'tell', 'tells', 'told', 'add', 'adds', 'added', 'claim', 'claims', 'claimed',
  'announce', 'announces', 'announced', 'insist', 'insists', 'insisted', 'warn', 'warns', 'warned',
  'argue', 'argues', 'argued', 'state', 'states', 'stated', 'allege', 'alleges', 'alleged', 'admit',
  'admits', 'admitted', 'acknowledge', 'acknowledges', 'acknowledged', 'concede', 'concedes', 'conceded',
  'note', 'notes', 'noted', 'report', 'reports', 'reported', 'reveal', 'reveals', 'revealed', 'confirm',
  'confirms', 'confirmed', 'assert', 'asserts', 'asserted', 'maintain', 'maintains', 'maintained',
  'contend', 'contends', 'contended', 'write', 'writes', 'wrote', 'suggest', 'suggests', 'suggested',
  'explain', 'explains', 'explained', 'predict', 'predicts', 'predicted', 'complain', 'complains', 'complained'
])
/** Verbs whose listener may stand between verb and clause ("told reporters the talks had failed"). */
const OBJECT_FIRST_VERBS = new Set(['tell', 'tells', 'told', 'warn', 'warns', 'warned', 'assure', 'assures', 'assured', 'inform', 'informs', 'informed', 'remind', 'reminds', 'reminded'])
/** Warnings reported by their topic rather than a clause: "warned of a storm", "warned Baku against …". */
const WARN_VERBS = new Set(['warn', 'warns', 'warned', 'caution', 'cautions', 'cautioned'])
const WARN_PREPOSITIONS = new Set(['of', 'against', 'about', 'over'])
/** Demands reported by the demanded act: "Tehran urged Baku to expel …". */
const URGE_VERBS = new Set(['urge', 'urges', 'urged'])
/** Relative pronouns: a reporting verb after one ("the attack that X claimed") reports no content of its own. */
const RELATIVE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when'])
/** Accusations by the preposition they govern: "accused X of …", "blamed X for …". */
const ACCUSE_VERBS: ReadonlyMap<string, string> = new Map([
  ['accuse', 'of'], ['accuses', 'of'], ['accused', 'of'], ['blame', 'for'], ['blames', 'for'], ['blamed', 'for']
])
/** Characterisations reported as someone's words: "described X as …", "dismissed X as …". */
const AS_VERBS = new Set([
  'describe', 'describes', 'described', 'dismiss', 'dismisses', 'dismissed', 'brand', 'brands', 'branded',
  'portray', 'portrays', 'portrayed', 'characterise', 'characterised', 'characterize', 'characterized'
])
/** Reports about a topic: "Haaretz reported on cargo flights". */
const REPORT_VERBS = new Set(['report', 'reports', 'reported'])
/**
 * Participles of speech verbs that open a participle clause after a comma or "by" (", adding
 * that …", ", saying the talks had failed", "ended by saying …"), with their finite form, so
 * the finite verb's patterns apply. The speaker is the main clause's subject
 * (participleSpeaker), not the nearest noun before the participle.
 */
const PARTICIPLE_FINITE: ReadonlyMap<string, string> = new Map([
  ['adding', 'added'], ['saying', 'said'], ['noting', 'noted'], ['stressing', 'stressed'], ['claiming', 'claimed'],
  ['insisting', 'insisted'], ['warning', 'warned'], ['arguing', 'argued'], ['stating', 'stated'], ['explaining', 'explained'],
  ['announcing', 'announced'], ['emphasising', 'emphasised'], ['emphasizing', 'emphasized'], ['boasting', 'boasted'],
  ['suggesting', 'suggested'], ['acknowledging', 'acknowledged'], ['admitting', 'admitted'], ['alleging', 'alleged'],
  ['asserting', 'asserted'], ['declaring', 'declared'], ['telling', 'told'], ['urging', 'urged'], ['accusing', 'accused'],
  ['blaming', 'blamed'], ['describing', 'described']
])
/** Subject pronouns that open a reported clause ("said he would", "said it was"). */
const CLAUSE_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there', 'this', 'nothing', 'nobody', 'everyone', 'everything', 'someone', 'no-one'])
const SINGULAR_PRONOUNS = new Set(['he', 'she', 'it', 'there', 'this', 'nothing', 'nobody', 'everyone', 'everything', 'someone', 'no-one'])
/** Finite auxiliaries and modals: after a subject they show that a clause has begun. */
const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall', 'did', 'does', 'do', "won't", "wouldn't", "can't", "couldn't", "isn't", "wasn't", "weren't", "hasn't", "hadn't", "didn't", "doesn't"])
/** Common irregular past forms (regular ones end in -ed) and -s forms that are verbs after a subject. */
const FINITE_IRREGULAR = new Set([
  'went', 'made', 'took', 'gave', 'met', 'sold', 'saw', 'came', 'left', 'won', 'lost', 'sent', 'bought', 'got', 'began',
  'knew', 'found', 'held', 'led', 'paid', 'brought', 'fought', 'kept', 'spent', 'stood', 'built', 'fell', 'ran', 'became',
  'chose', 'rose', 'shot', 'struck', 'broke', 'drove', 'flew', 'meant', 'sought', 'seeks', 'remains', 'seems', 'plans',
  'wants', 'needs', 'continues', 'intends', 'means', 'appears', 'expects', 'hopes', 'aims', 'poses', 'lies', 'gets'
])
/** Words that may stand between a clause's subject and its verb ("Azerbaijan would never", "the talks also failed"). */
const CLAUSE_ADVERBS = new Set(['also', 'never', 'not', 'still', 'already', 'now', 'soon', 'again', 'only', 'just', 'ever', 'always', 'even', 'then'])
/** Words that never belong to a clause's subject noun phrase. */
const NOT_IN_SUBJECT = new Set([
  'to', 'that', 'which', 'who', 'whom', 'whose', 'what', 'where', 'when', 'while', 'whether', 'if', 'because', 'as', 'but',
  'or', 'nor', 'so', 'not', 'no', 'yes', 'how', 'why', 'by', 'in', 'on', 'at', 'for', 'with', 'from', 'about', 'into',
  'over', 'against', 'after', 'before', 'during', 'since', 'until', 'between', 'among', 'through', 'under', 'without'
])
/** Determiners: a word right after one is a noun or adjective, never the clause's verb ("the published report"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some', 'all', 'both', 'each', 'every', 'any', 'such', 'no'])
const ADJUNCT_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our'])
const ADJUNCT_NOUNS = new Set(['statement', 'statements', 'interview', 'speech', 'briefing', 'post', 'tweet', 'letter', 'report', 'filing', 'remarks', 'address'])
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
const TIME_WORDS = new Set(['yesterday', 'today', 'tonight', 'earlier', 'later', 'again', 'also', 'repeatedly', 'publicly', 'privately', 'recently'])

/**
 * Token after a time or manner adjunct between a reporting verb and its content, starting at
 * `i`: "said on Tuesday", "said Tuesday", "said yesterday", "said in a statement", "told
 * reporters late on Monday". Returns `i` when there is none.
 */
function skipAdjunct(tokens: readonly Token[], i: number, hi: number): number {
  let j = i
  for (let guard = 0; guard < 3 && j < hi; guard++) {
    const n = tokens[j]!.norm
    if (WEEKDAYS.has(n) || TIME_WORDS.has(n)) j++
    else if (n === 'late' && tokens[j + 1]?.norm === 'on') j++
    else if (n === 'on' && WEEKDAYS.has(tokens[j + 1]?.norm ?? '')) j += 2
    else if (n === 'in' && ADJUNCT_DETERMINERS.has(tokens[j + 1]?.norm ?? '')) {
      // "in a statement", "in their annual report", "in an interview": a determiner, at most one
      // modifier, a document or speech noun.
      const e = ADJUNCT_NOUNS.has(tokens[j + 2]?.norm ?? '') ? j + 3 : ADJUNCT_NOUNS.has(tokens[j + 3]?.norm ?? '') && tokens[j + 2]?.kind === 'word' ? j + 4 : -1
      if (e < 0) break
      j = e
    } else break
  }
  return j
}

/**
 * Does a reported clause, a subject followed by a finite verb, start at token `i` (before `hi`)?
 * The subject is a pronoun ("he would"), or a noun phrase of at most six words without
 * prepositions other than "of" ("the two countries would", "Azerbaijan had", "the foreign
 * minister of Iran has"); the verb a finite auxiliary or modal, a past form in -ed that does not
 * follow a determiner, or a common irregular past or -s form. Adverbs may stand between
 * ("Azerbaijan would never"). Deliberately strict: an object noun phrase ("said the words
 * slowly", "told the story of the war") has no verb after it, so it is not a clause.
 */
function clauseAt(ctx: AttributionContext, i: number, hi: number): boolean {
  const { tokens } = ctx
  const first = tokens[i]
  if (!first || i >= hi || first.kind === 'punct' || NOT_IN_SUBJECT.has(first.norm) || NP_PREPOSITIONS.has(first.norm) || FINITE_AUX.has(first.norm)) return false
  const finiteAt = (j: number, afterPronoun: string | null): boolean => {
    while (j < hi && (CLAUSE_ADVERBS.has(tokens[j]!.norm) || (tokens[j]!.norm.length > 4 && tokens[j]!.norm.endsWith('ly') && !isCap(ctx, tokens[j]!)))) j++
    const t = tokens[j]
    if (!t || j >= hi || t.kind !== 'word') return false
    if (FINITE_AUX.has(t.norm) || FINITE_IRREGULAR.has(t.norm)) return true
    if (isCap(ctx, t)) return false
    if (t.norm.endsWith('ed') && t.norm.length > 4 && !DETERMINERS.has(tokens[j - 1]!.norm)) return true
    // "he wants", "it works": an -s verb after a singular pronoun (a noun phrase's -s word is as
    // often a plural noun: "the two states").
    return afterPronoun !== null && SINGULAR_PRONOUNS.has(afterPronoun) && t.norm.endsWith('s') && !t.norm.endsWith('ss')
  }
  if (CLAUSE_PRONOUNS.has(first.norm)) return finiteAt(i + 1, first.norm)
  for (let j = i + 1; j < hi && j - i <= 8; j++) {
    const t = tokens[j]!
    if (t.kind === 'punct') return false
    if (finiteAt(j, null) || presentVerbAt(ctx, i, j, hi)) return true
    // Prepositions may join the phrase after its first word ("ties between Azerbaijan and
    // Israel were", "the foreign minister of Iran has"); relative and subordinating words end it.
    if (NOT_IN_SUBJECT.has(t.norm) && !NP_PREPOSITIONS.has(t.norm)) return false
    if (FINITE_AUX.has(t.norm)) return false
    // A determiner inside the phrase starts a second one ("reporters the talks"): the first was
    // an object, so no clause starts at `i` (only after a preposition: "the head of the ministry").
    if (DETERMINERS.has(t.norm) && !NP_PREPOSITIONS.has(tokens[j - 1]!.norm) && tokens[j - 1]!.norm !== 'and') return false
  }
  return false
}

/** Prepositions inside a clause's subject ("ties between Azerbaijan and Israel", "officials in Baku"). */
const NP_PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'for', 'with', 'from', 'between', 'among', 'about', 'over', 'against'])
/** Words after which a present -s verb has its object or complement ("rests on", "formalises a relationship"). */
const AFTER_PRESENT_VERB = new Set([...NP_PREPOSITIONS, ...DETERMINERS, 'to', 'that', 'into', 'by', 'no', 'not', 'more', 'little', 'much'])

/**
 * A present -s verb at token j after the subject phrase [i, j): "the partnership rests on",
 * "the embassy formalises a relationship". An -s word after a noun is as often a plural noun
 * ("the peace talks", "the two states"), so only when the phrase has a head word that is not
 * itself plural or a determiner or number, and the word after it opens an object or complement.
 */
function presentVerbAt(ctx: AttributionContext, i: number, j: number, hi: number): boolean {
  const { tokens } = ctx
  const t = tokens[j]!
  if (t.kind !== 'word' || !t.norm.endsWith('s') || t.norm.endsWith('ss') || t.norm.length < 4 || isCap(ctx, t) || j + 1 >= hi) return false
  const head = tokens[j - 1]!
  if (j - i < 2 && !isCap(ctx, head)) return false
  if (head.kind !== 'word' || head.norm.endsWith('s') || DETERMINERS.has(head.norm) || NUMBER_WORDS.has(head.norm) || NOT_IN_SUBJECT.has(head.norm)) return false
  return AFTER_PRESENT_VERB.has(tokens[j + 1]!.norm)
}

/** Index of the last word token of sentence tokens [a, b) (skipping closing punctuation), or a - 1. */
function lastWordIndex(tokens: readonly Token[], a: number, b: number): number {
  let e = b - 1
  while (e >= a && tokens[e]!.kind === 'punct') e--
  return e
}

/** Quote.parts for an attribution: the source (when it stands in the text), the verb tokens, the content tokens. */
function partsOf(ctx: AttributionContext, sp: Speaker, verbFrom: number, verbTo: number, contentFrom: number, contentTo: number): QuoteParts {
  const { tokens } = ctx
  const verb = { start: tokens[verbFrom]!.start, end: tokens[verbTo]!.end }
  const content = { start: tokens[contentFrom]!.start, end: tokens[contentTo]!.end }
  return sp.start !== undefined && sp.end !== undefined ? { source: { start: sp.start, end: sp.end }, verb, content } : { verb, content }
}

/**
 * The content of a reporting verb at token `k` without "that", or null: the first token of the
 * reported clause or demand after the verb. Patterns: "said [adjunct] CLAUSE", "said: CLAUSE",
 * "told [listener] CLAUSE", "warned [listener] of/against/about/over …", "urged LISTENER to …".
 * The listener is one to three words ("reporters", "Baku", "the ministry's envoy").
 */
function bareContentStart(ctx: AttributionContext, k: number, hi: number, n: string = ctx.tokens[k]!.norm): number | null {
  const { tokens } = ctx
  let i = skipAdjunct(tokens, k + 1, hi)
  if (tokens[i]?.norm === ':') i++
  if (WARN_VERBS.has(n) && WARN_PREPOSITIONS.has(tokens[i]?.norm ?? '')) return i + 1 < hi ? i : null
  // "Haaretz reported on cargo flights …": a report about a topic ("reported on Monday" is an adjunct, skipped above).
  if (REPORT_VERBS.has(n) && (tokens[i]?.norm === 'on' || tokens[i]?.norm === 'about') && i + 1 < hi && tokens[i + 1]!.kind === 'word') return i + 1
  // "accused Israel of trying to sow division", "blamed an Azerbaijani national for …",
  // "described the opening as a historic event", "dismiss such statements as propaganda":
  // the listener or object (one to eight words, no punctuation) and the governed preposition.
  const governed = ACCUSE_VERBS.get(n) ?? (AS_VERBS.has(n) ? 'as' : '')
  if (governed !== '') {
    if (tokens[i]?.kind !== 'word' || NOT_IN_SUBJECT.has(tokens[i]!.norm)) return null
    for (let o = i + 1; o <= i + 8 && o < hi; o++) {
      const w = tokens[o]!
      if (w.kind !== 'word') return null
      if (w.norm === governed) return o + 1 < hi ? i : null
    }
    return null
  }
  // "tell", "inform", "assure", "remind" always name the listener first ("told reporters the
  // talks had failed"; "told Cohen Iran had agreed" is never a clause "Cohen Iran had").
  const listenerRequired = OBJECT_FIRST_VERBS.has(n) && !WARN_VERBS.has(n)
  if (BARE_CLAUSE_VERBS.has(n) && !listenerRequired && clauseAt(ctx, i, hi)) return i
  const objectFirst = OBJECT_FIRST_VERBS.has(n) || URGE_VERBS.has(n)
  if (!objectFirst || tokens[i]?.kind !== 'word' || NOT_IN_SUBJECT.has(tokens[i]!.norm)) return null
  for (let o = i + 1; o <= i + 3 && o < hi; o++) {
    if (tokens[o - 1]!.kind !== 'word') break
    const j = skipAdjunct(tokens, o, hi)
    const next = tokens[j]?.norm ?? ''
    if (URGE_VERBS.has(n)) {
      if (next === 'to') return i
      continue
    }
    if (WARN_VERBS.has(n) && (WARN_PREPOSITIONS.has(next) || next === 'to' || next === 'not')) return i
    if (OBJECT_FIRST_VERBS.has(n) && !WARN_VERBS.has(n) && clauseAt(ctx, j, hi)) return j
    if (WARN_VERBS.has(n) && clauseAt(ctx, j, hi)) return j
  }
  return null
}

/**
 * "to settle claims that …", "to deny reports that …": a word right after an infinitive's verb
 * is its object, a noun, never a reporting verb of its own.
 */
function objectOfInfinitive(tokens: readonly Token[], k: number): boolean {
  return tokens[k - 2]?.norm === 'to' && tokens[k - 1]!.kind === 'word' && tokens[k]!.norm.endsWith('s')
}

/** Speech nouns whose "that" clause is what was said ("made unfounded claims that …"). */
const SPEECH_NOUNS = new Set(['claim', 'claims', 'allegation', 'allegations', 'assertion', 'assertions', 'accusation', 'accusations', 'warning', 'warnings', 'statement', 'statements'])
/** Verbs that make the subject the author of a speech noun ("has made claims that", "issued a warning that"). */
const AUTHOR_VERBS = new Set(['make', 'makes', 'made', 'making', 'repeat', 'repeats', 'repeated', 'issue', 'issues', 'issued', 'voice', 'voices', 'voiced', 'level', 'levelled', 'leveled', 'renew', 'renewed'])

/**
 * "the Republic of Azerbaijan has made unfounded claims that …", "Tehran issued a warning that
 * …": a speech noun with a "that" clause whose author is the subject of a verb of making or
 * voicing it, at most three words before the noun. The verb recorded is that verb and the noun
 * ("made claims"). Without such a verb ("the claims that …", "settle claims that …") the noun
 * names no source, and nothing is attributed.
 */
function speechNounAttribution(ctx: AttributionContext, k: number, a: number, b: number, last: number): { sp: Speaker; verb: string; parts: QuoteParts } | null {
  const { tokens } = ctx
  for (let j = k - 1; j >= a && k - j <= 4; j--) {
    const w = tokens[j]!
    if (w.kind !== 'word') return null
    if (!AUTHOR_VERBS.has(w.norm)) continue
    if (k + 2 > last) return null
    const r = speakerOfVerb(ctx, j, a, j + 1)
    if (r.writer || r.agentless || r.sp.speaker === '' || r.verbFrom !== j) return null
    return { sp: r.sp, verb: `${w.norm} ${tokens[k]!.norm}`, parts: partsOf(ctx, r.sp, j, k, k + 2, last) }
  }
  return null
}

/** Every word that can start an indirect attribution: "according" and the verbs of all patterns. */
const CANDIDATE_WORDS: ReadonlySet<string> = new Set([
  'according', ...SPEECH_NOUNS, ...INDIRECT_VERBS, ...AGENTLESS_ONLY, ...PARTICIPLE_FINITE.keys(), ...BARE_CLAUSE_VERBS, ...WARN_VERBS,
  ...URGE_VERBS, ...ACCUSE_VERBS.keys(), ...AS_VERBS
])

/**
 * Attributions without quotation marks (span = the sentence): the sentence's first one, then one
 * per later clause with its own subject and speech verb (nextClauseAttribution).
 * `direct`: the quotations (attributeQuotes). An attribution whose sentence holds a quotation
 * credited to the same speaker with the same verb reports that one statement ('He said Israel
 * was seeking to "promote discord …"'): the quotation stands for it, and the search goes on to
 * the sentence's next attribution ('… and warned Iran against …'), so the sourcing table counts
 * each statement once.
 */
export function indirectAttributions(ctx: AttributionContext, spans: readonly QuotationSpan[], article: string, direct: readonly Quote[] = []): Quote[] {
  const { tokens } = ctx
  const out: Quote[] = []
  for (const s of ctx.segmentation.sentences) {
    if (quoteIndexAt(spans, s.start, s.start + 1) >= 0 || quoteIndexAt(spans, s.end - 1, s.end) >= 0) continue
    const last = lastWordIndex(tokens, s.tokenStart, s.tokenEnd)
    // The sentence's quotations: direct[qFrom, qTo) (sorted by start, like the sentences).
    const qFrom = direct.length > 0 ? firstAtOrAfter(direct, s.start) : 0
    let qTo = qFrom
    while (qTo < direct.length && direct[qTo]!.end <= s.end) qTo++
    const found: Found[] = []
    let f = firstAttributionIn(ctx, s.tokenStart, s.tokenStart, s.tokenEnd, last, direct, qFrom, qTo)
    // Further attributions: a separate clause with its own subject and speech verb inside the
    // previous one's content ("Cohen said …, while Bayramov said …", "Aliyev said …; Kanaani
    // warned that …"); the previous content then ends before the separator.
    while (f) {
      const next = nextClauseAttribution(ctx, f, s.tokenEnd, last, direct, qFrom, qTo)
      if (!next) {
        found.push(f)
        break
      }
      found.push({ ...f, parts: { ...f.parts, content: { start: f.parts.content.start, end: tokens[next.contentEnd]!.end } } })
      f = next.f
    }
    for (const x of found) {
      out.push({
        article,
        start: s.start,
        end: s.end,
        speaker: x.sp.speaker,
        speakerActor: x.sp.speakerActor,
        side: sideOf(ctx, x.sp.speakerActor),
        verb: x.verb,
        anonymous: x.sp.anonymous,
        direct: false,
        parts: x.parts
      })
    }
  }
  return out
}

/** One unquoted attribution: speaker, verb, exact parts; `verbAt` is the reporting verb's (first) token. */
interface Found {
  readonly sp: Speaker
  readonly verb: string
  readonly parts: QuoteParts
  readonly verbAt: number
}

/** Subordinators that open a contrasting clause after a comma (", while Bayramov said …"). */
const CLAUSE_SEPARATORS = new Set(['while', 'whereas', 'but'])

/**
 * The attribution of a separate clause inside `f`'s content, or null. A clause starts after
 * "; ", ", while", ", whereas", ", but", or "and" before a capitalised name, and must open with
 * its own subject (the source starts within its first two tokens) followed at once by the speech
 * verb (at most two adverbs or auxiliaries between): "…, while Bayramov said ties would deepen",
 * "…; Kanaani warned that …", "… and Bayramov said …". So "X said A and B" (no speech verb after
 * "and"), ", adding that" (a participle: no separator) and a content that merely names a
 * person keep one attribution. `contentEnd`: the last word of `f`'s content, before the separator.
 */
function nextClauseAttribution(ctx: AttributionContext, f: Found, b: number, last: number, direct: readonly Quote[], qFrom: number, qTo: number): { f: Found; contentEnd: number } | null {
  const { tokens } = ctx
  // Only content that follows the verb can hold a later clause ("The talks had failed, X said"
  // has its content before the verb).
  if (f.parts.content.start < f.parts.verb.end) return null
  let c = f.verbAt + 1
  while (c <= last && tokens[c]!.start < f.parts.content.start) c++
  for (let j = c + 1; j < last; j++) {
    const n = tokens[j]!.norm
    let from = -1
    if (n === ';') from = j + 1
    else if (n === ',' && CLAUSE_SEPARATORS.has(tokens[j + 1]!.norm)) from = j + 2
    // "and" joins two clauses only when a whole clause stands before it: in "adding that
    // Azerbaijan and Israel have maintained …" the names are one compound subject.
    else if (n === 'and' && tokens[j + 1]!.kind === 'word' && (isCap(ctx, tokens[j + 1]!) || tokens[j + 1]!.norm === 'the') && clauseAt(ctx, c, j)) from = j + 1
    if (from < 0 || from > last) continue
    const g = firstAttributionIn(ctx, from, from, b, last, direct, qFrom, qTo)
    if (!g || !g.parts.source || g.parts.source.start > tokens[Math.min(from + 1, last)]!.start) continue
    // The verb follows the subject at once (adverbs or auxiliaries may stand between).
    let v = from
    while (v < g.verbAt && tokens[v]!.end <= g.parts.source.end) v++
    if (g.verbAt - v > 2) continue
    let ce = j - 1
    while (ce >= c && tokens[ce]!.kind === 'punct') ce--
    if (ce < c) return null
    return { f: g, contentEnd: ce }
  }
  return null
}

/**
 * The first attribution whose verb is at or after token `from` in the clause tokens [a, b) (last
 * word `last`); speakers are searched no further back than `a`. An attribution repeating a
 * quotation of direct[qFrom, qTo) is skipped for the next one.
 */
function firstAttributionIn(ctx: AttributionContext, from: number, a: number, b: number, last: number, direct: readonly Quote[], qFrom: number, qTo: number): Found | null {
  const { tokens } = ctx
  let found: { sp: Speaker; verb: string; parts: QuoteParts } | null = null
  for (let k = from; k < b - 1; k++) {
    const t = tokens[k]!
    // Runs over every word of the article: one set look-up rejects all but the candidate
    // verbs (and "according") before any pattern is tried.
    if (t.kind !== 'word' || !CANDIDATE_WORDS.has(t.norm)) continue
    if (t.norm === 'according' && tokens[k + 1]!.norm === 'to') {
      const e = sourcePhraseEnd(ctx, k + 2, b)
      if (e <= k + 2) continue
      const sp = accordingToSpeaker(ctx, k + 2, e)
      // The content is the rest of the sentence after the source ("According to X, …"), or,
      // when nothing follows it, the part before "according to" ("…, according to X.").
      let c = e
      while (c <= last && tokens[c]!.kind === 'punct') c++
      let ce = last
      if (c > last) {
        c = a
        ce = k - 1
        while (ce >= c && tokens[ce]!.kind === 'punct') ce--
        if (ce < c) continue
      }
      found = { sp, verb: 'according to', parts: partsOf(ctx, sp, k, k + 1, c, ce) }
    } else if (thatAfter(tokens, k, b) >= 0 && (INDIRECT_VERBS.has(t.norm) || AGENTLESS_ONLY.has(t.norm)) && !isNounUse(ctx, k) && !objectOfInfinitive(tokens, k)) {
      const th = thatAfter(tokens, k, b)
      const coordinated = coordinatedSpeaker(ctx, k, a)
      const r = coordinated ? { sp: coordinated, verb: t.norm, writer: false, agentless: false, verbFrom: k } : speakerOfVerb(ctx, k, a, b)
      if (AGENTLESS_ONLY.has(t.norm) && !r.agentless) continue
      // Writer's voice ("it should be noted that") is no attribution; keep looking for one
      // later in the sentence. An agentless passive is one, with a hidden (anonymous) source.
      if (!r.writer && (r.sp.speaker !== '' || r.agentless) && th + 1 <= last) found = { sp: r.sp, verb: r.verb, parts: partsOf(ctx, r.sp, r.verbFrom, k, th + 1, last) }
    } else if (SPEECH_NOUNS.has(t.norm) && tokens[k + 1]!.norm === 'that') {
      found = speechNounAttribution(ctx, k, a, b, last)
    } else if (PARTICIPLE_FINITE.has(t.norm)) {
      found = participleAttribution(ctx, k, a, b, last)
    } else if ((BARE_CLAUSE_VERBS.has(t.norm) || WARN_VERBS.has(t.norm) || URGE_VERBS.has(t.norm) || ACCUSE_VERBS.has(t.norm) || AS_VERBS.has(t.norm)) && !isNounUse(ctx, k)) {
      found = bareAttribution(ctx, k, a, b, last)
    }
    if (found && qTo > qFrom && repeatsQuote(direct, qFrom, qTo, found)) found = null
    if (found) return { ...found, parts: jointSource(ctx, found.parts, a), verbAt: k }
  }
  return null
}

/**
 * "Cohen and Bayramov said …": the source as written covers both people joined by "and" (one
 * attribution, one statement). The speaker stays the person next to the verb (Quote has one
 * speakerActor); only parts.source widens, and never before the clause start `a`.
 */
function jointSource(ctx: AttributionContext, parts: QuoteParts, a: number): QuoteParts {
  const { tokens } = ctx
  const src = parts.source
  if (!src || src.end > parts.verb.start) return parts
  let i = a
  while (i < tokens.length && tokens[i]!.start < src.start) i++
  if (i - 2 < a || tokens[i]?.start !== src.start || tokens[i - 1]!.norm !== 'and') return parts
  const prev = tokens[i - 2]!
  const m = mentionsIn(ctx, tokens[a]!.start, prev.end).find((x) => isSubjectPerson(ctx, x) && x.end === prev.end)
  if (!m || !mentionsIn(ctx, src.start, src.end).some((x) => isPerson(ctx, x))) return parts
  return { ...parts, source: { start: m.start, end: src.end } }
}

/** Words after which the subject of the clause stands (a new clause starts there). */
const CLAUSE_OPENERS = new Set([';', 'while', 'whereas', 'but', 'although', 'though', 'because'])

/**
 * The speaker of a reporting verb coordinated with an earlier verb ("Cohen met Bayramov and
 * said that …", "Cohen, who hosted Bayramov, called the opening historic and described the bond
 * as …"): the subject of the first verb, not the nearest name (the earlier verb's object).
 * Searched back from the "and" before the verb (adverbs between allowed) to the clause start
 * (the sentence start, a semicolon or a subordinator): after a "who", the person right before it
 * (the relative's antecedent); otherwise the first person named in the clause. Null when the
 * verb is not coordinated or no person stands there (the caller's rules apply).
 */
function coordinatedSpeaker(ctx: AttributionContext, k: number, a: number): Speaker | null {
  const { tokens } = ctx
  let c = k - 1
  while (c > a && PASSIVE_ADVERBS.has(tokens[c]!.norm)) c--
  if (c <= a || tokens[c]!.norm !== 'and') return null
  let from = a
  let who = -1
  for (let j = c - 1; j >= a; j--) {
    const n = tokens[j]!.norm
    if (CLAUSE_OPENERS.has(n)) {
      from = j + 1
      break
    }
    if (n === 'who' && who < 0) who = j
  }
  if (from >= c) return null
  if (who >= from) {
    // The antecedent ends right before "who" or its comma ("Eli Cohen, who …").
    const e = tokens[who - 1]?.norm === ',' ? who - 1 : who
    const m = e > from ? mentionsIn(ctx, tokens[from]!.start, tokens[e - 1]!.end).find((x) => isPerson(ctx, x) && x.end === tokens[e - 1]!.end) : undefined
    return m ? actorSpeaker(ctx, m.actor, m) : null
  }
  const ms = mentionsIn(ctx, tokens[from]!.start, tokens[c]!.start)
  for (let i = ms.length - 1; i >= 0; i--) if (isSubjectPerson(ctx, ms[i]!)) return actorSpeaker(ctx, ms[i]!.actor, ms[i])
  // No person: the words before the clause's first verb ("The White House called the ruling
  // disappointing and said …", "The minister denied the allegations and said …").
  let f = from
  while (f < c && (tokens[f]!.kind === 'punct' || SUBJECT_SKIP.has(tokens[f]!.norm))) f++
  for (let j = f + 1; j < c && j - f <= 6; j++) {
    const w = tokens[j]!
    if (w.kind !== 'word') return null
    const verbish = FINITE_AUX.has(w.norm) || FINITE_IRREGULAR.has(w.norm) || VERB_S_FORMS.has(w.norm) || (!isCap(ctx, w) && w.norm.length > 4 && w.norm.endsWith('ed'))
    if (verbish) {
      const sp = phraseSpeaker(ctx, f, j)
      return sp.speaker === '' ? null : sp
    }
  }
  return null
}

/**
 * A person mention that can be a clause's subject: not a possessive or object pronoun ("His
 * Azerbaijani counterpart, Jeyhun Bayramov, …" has Bayramov as subject, "His" is Cohen's).
 */
function isSubjectPerson(ctx: AttributionContext, m: ActorMention): boolean {
  return isPerson(ctx, m) && m.term !== 'coref:his' && m.term !== 'coref:her' && m.term !== 'coref:him'
}

/** Does a quotation in direct[from, to) credit the same speaker with the same verb? */
function repeatsQuote(direct: readonly Quote[], from: number, to: number, f: { readonly sp: Speaker; readonly verb: string }): boolean {
  for (let i = from; i < to; i++) {
    const q = direct[i]!
    if (q.verb === f.verb && q.speaker === f.sp.speaker && q.speakerActor === f.sp.speakerActor) return true
  }
  return false
}

/** Words that may open an adjunct between a verb and its "that" ("reported on Monday that"). */
const ADJUNCT_FIRST = new Set([...WEEKDAYS, ...TIME_WORDS, 'late', 'on', 'in'])

/**
 * Index of the "that" opening the verb at token k's reported clause: the next token, or the one
 * after a time or manner adjunct ("said on Tuesday that", "said in a statement that"); -1 if
 * none. Runs on every word: the next token is tested before any set look-up.
 */
function thatAfter(tokens: readonly Token[], k: number, hi: number): number {
  const next = tokens[k + 1]!.norm
  if (next === 'that') return k + 1
  if (!ADJUNCT_FIRST.has(next)) return -1
  const j = skipAdjunct(tokens, k + 1, hi)
  return j > k + 1 && tokens[j]?.norm === 'that' ? j : -1
}

/**
 * A participle clause of a speech verb (", adding that …", ", saying the talks had failed",
 * "by saying …"): the content by the finite verb's patterns (or "that"), the speaker the main
 * clause's subject: the first person named in the sentence before the participle, else an actor
 * named at the sentence's start ("Iran's foreign ministry …, saying …"). Never after anything
 * but a comma or "by" (a gerund subject, "Saying no is hard", is no attribution).
 */
function participleAttribution(ctx: AttributionContext, k: number, a: number, b: number, last: number): { sp: Speaker; verb: string; parts: QuoteParts } | null {
  const { tokens } = ctx
  const prev = tokens[k - 1]?.norm
  if (k <= a || (prev !== ',' && prev !== 'by')) return null
  const th = thatAfter(tokens, k, b)
  const c = th >= 0 ? th + 1 : bareContentStart(ctx, k, b, PARTICIPLE_FINITE.get(tokens[k]!.norm)!)
  if (c === null || c > last) return null
  const from = tokens[a]!.start
  const ms = mentionsIn(ctx, from, tokens[k]!.start)
  let m: ActorMention | undefined
  for (let i = ms.length - 1; i >= 0 && !m; i--) if (isSubjectPerson(ctx, ms[i]!)) m = ms[i]
  if (!m) {
    const first = ms[ms.length - 1]
    // An actor opening the sentence, possibly after "The" ("The Iranian government, saying …").
    if (first && (first.start === from || (tokens[a]!.norm === 'the' && first.start === tokens[a + 1]?.start))) m = first
  }
  if (!m) return null
  const sp = actorSpeaker(ctx, m.actor, m)
  return { sp, verb: tokens[k]!.norm, parts: partsOf(ctx, sp, k, k, c, last) }
}

/**
 * Indirect speech without "that" at the reporting verb `k` of the sentence tokens [a, b) whose
 * last word is `last`:
 *   - content after the verb: "X said the talks had failed", "X told reporters …", "X warned
 *     Baku against …" (bareContentStart);
 *   - content before it, closed by a comma: "The talks had failed, X said." / "…, said X." /
 *     "…, X told reporters." The subject is then searched only between the comma and the verb,
 *     so a person named in the content is never taken for the speaker.
 * A verb after "to" ("needless to say", "refused to say") or in a passive ("was told") has no
 * speaker of its own here; neither has an attribution whose subject is not found.
 */
function bareAttribution(ctx: AttributionContext, k: number, a: number, b: number, last: number): { sp: Speaker; verb: string; parts: QuoteParts } | null {
  const { tokens } = ctx
  if (tokens[k - 1]?.norm === 'to') return null
  // A capitalised form inside the sentence is part of a name ("the United States, Baku …").
  if (k > a && isCap(ctx, tokens[k]!)) return null
  // A bare form that is as often a noun ("state", "report", "claim") after a lower-case word
  // that is neither plural nor a plural pronoun is the noun ("the disgraceful state of",
  // "a damning report on", "their annual report"): as a verb it would need such a subject.
  const prev = tokens[k - 1]
  if (NOUNY_BASE.has(tokens[k]!.norm) && prev && prev.kind === 'word' && !isCap(ctx, prev) && !prev.norm.endsWith('s') && !PLURAL_SUBJECTS.has(prev.norm)) return null
  const c = bareContentStart(ctx, k, b)
  if (c !== null && c <= last) {
    const coordinated = coordinatedSpeaker(ctx, k, a)
    const r = coordinated ? { sp: coordinated, verb: tokens[k]!.norm, writer: false, agentless: false, verbFrom: k } : speakerOfVerb(ctx, k, a, c)
    if (r.writer || r.agentless || r.sp.speaker === '' || r.verbFrom !== k) return null
    return { sp: r.sp, verb: r.verb, parts: partsOf(ctx, r.sp, k, k, c, last) }
  }
  if (!BARE_CLAUSE_VERBS.has(tokens[k]!.norm)) return null
  // Content before the verb: the verb (with its subject after it, a listener or an adjunct)
  // ends the sentence, and a comma closes the content.
  let after = k + 1
  if (OBJECT_FIRST_VERBS.has(tokens[k]!.norm) && after <= last && tokens[after]!.kind === 'word' && !NOT_IN_SUBJECT.has(tokens[after]!.norm)) after++
  after = skipAdjunct(tokens, after, b)
  let comma = -1
  let speakerAfter = false
  if (tokens[k - 1]?.norm === ',') {
    // "…, said Kanaani." / "…, said the spokesman.": the subject follows; the sentence ends within five words.
    comma = k - 1
    speakerAfter = true
    if (last - k > 5 || last === k) return null
  } else {
    // The verb ends the sentence ("…, the spokesman said."), or a parenthetical ("…, he said,
    // and …") closes after it, with a subject of at most three words before it.
    const parenthetical = after <= last && tokens[after]!.norm === ',' && k - 4 >= a && (tokens[k - 2]?.norm === ',' || tokens[k - 3]?.norm === ',' || tokens[k - 4]?.norm === ',')
    if (after <= last && !parenthetical) return null
    for (let j = k - 1; j >= a && k - j <= 8; j--) {
      const t = tokens[j]!
      if (t.norm === ',') {
        comma = j
        break
      }
      if (t.kind === 'punct') return null
      // "…, an attack that the Islamic State group claimed.": the verb is in a relative clause
      // whose object is the noun before it; nothing is attributed.
      if (RELATIVE_WORDS.has(t.norm)) return null
    }
  }
  if (comma < 0) return null
  let contentEnd = comma - 1
  while (contentEnd >= a && tokens[contentEnd]!.kind === 'punct') contentEnd--
  let words = 0
  for (let j = a; j <= contentEnd; j++) if (tokens[j]!.kind === 'word') words++
  if (words < 3) return null
  const r = speakerAfter ? { sp: subjectAfter(ctx, k, b), verb: tokens[k]!.norm, writer: false, agentless: false, verbFrom: k } : speakerOfVerb(ctx, k, comma + 1, k + 1)
  if (r.writer || r.agentless || r.sp.speaker === '' || r.verbFrom !== k) return null
  return { sp: r.sp, verb: r.verb, parts: partsOf(ctx, r.sp, k, k, a, contentEnd) }
}
