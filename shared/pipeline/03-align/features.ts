/**
 * Sentence features for alignment: what two sentences must share to "report the same thing".
 *
 * Each sentence becomes a SET of feature keys (binary presence: news sentences are short and a
 * repeated word says little more than one occurrence):
 *
 *   a:<actor>   a naming mention ("Zionist regime", "Israel", "the Jewish state" → a:israel);
 *               the tokens of the mention produce no other feature
 *   t:<stem7>   a content word (stop words out), keyed by its stem cut to 7 characters so
 *               derivational variants meet: establish/establishment, recognise/recognition,
 *               diplomatic/diplomacy, independent/independence; a capitalised place name and
 *               its demonym share one key (Russia/Russian, Egypt/Egyptian: `demonymBase`);
 *               "act" in a label ("terrorist act", "act of terror") is `t:~terror+act`
 *               (`labelledActKey`; align.dev sample F1 0.769 → 0.777, others unchanged);
 *               a hyphenated compound gives the features of its parts ("Azerbaijan-Israel
 *               ties" names both states; `compoundFeatures`; align.dev unchanged: the dev
 *               texts hold few compounds, real coverage many)
 *   n:<value>   a number, digits or spelled out ("a hundred" ≈ "100"; "1,000" ≈ "1000"), with
 *               its scale word ("$9.6bn" ≈ "9.6 billion"; "one/a billion" ≈ "1bn")
 *   d:<value>   a year (1800–2099), a month name, or a day of a month ("29 March" ≈
 *               "March 29" ≈ "29.03.2023" → d:march-29, besides d:march and n:29)
 *   q:<stem7>   a content word inside a quotation; shared only when both sides quote it, so
 *               verbatim quotations weigh roughly double
 *   f:<event>|<object>, f:<actor>|<event>|<object>
 *               an event frame (shared/resources/wording/events.json): an event word
 *               (open/establish/inaugurate, arrest/detain, sign/agree…) with an object head
 *               (embassy, ties, deal…) close by in the same clause, and the same with the
 *               nearest named actor. "The establishment of Azerbaijan's embassy" and
 *               "Azerbaijan formally opened its embassy" share both frames though their words
 *               differ; a frame is one event, so it is rarer (and weighs more) than its words.
 *               In the passive voice the object is the clause's subject however long its
 *               phrase ("The Embassy of the Republic of Azerbaijan in the State of Israel was
 *               officially inaugurated"; align.dev sample F1 0.750 → 0.754, others unchanged)
 *   …!not       a negated or deferred event word ("did not sign", "put off the opening"): its
 *               word key and frame event get a mark of their own (`NEGATORS`), so it never
 *               meets the event itself
 *
 * Speaker coreference (`addSpeakers`, whole articles only): a sentence whose subject is "he"/
 * "she", or that opens inside a quotation running on from the sentence before, gets the naming
 * feature of the one person named in the previous two sentences of its paragraph, so reported
 * speech split over two sentences ("Kanaani warned…" + "He said…") still shares its speaker.
 *
 * Weights are applied elsewhere (rarity × kind); this module only finds the features and the
 * surface form each came from (for Evidence).
 */
import type { EvidenceKind, Segmentation, Token } from '../../model'
import { findNamingMentions, type NamingResource } from '../../resources/naming'
import { builtinEvents, builtinSynonyms } from '../../resources/wording'
import { ATTRIBUTION, MONTHS, NUMBER_WORDS, STOP_WORDS } from './stopwords'
import { quoteMask } from '../../text/quoteMask'
import { tokenize } from '../../text/tokenize'

const synonymClasses = builtinSynonyms()
const eventFrames = builtinEvents()

export interface FeatureOcc {
  readonly kind: EvidenceKind
  /** Normalised surface form of the first occurrence in the sentence. */
  readonly surface: string
  /** +1 capitalised in non-initial position, -1 lower case, 0 sentence-initial/other. */
  readonly cap: number
}

/** Features of one sentence, by key. */
export type SentenceFeatures = Map<string, FeatureOcc>

/** Length at which stems are cut (see the header comment). */
const STEM_CUT = 7
const YEAR_RE = /^(?:18|19|20)\d\d$/

/** The text of `tokens[from,to)` as normalised words joined by single spaces. */
function surfaceOf(tokens: readonly Token[], from: number, to: number): string {
  let s = ''
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.kind === 'punct') continue
    s = s === '' ? t.norm : `${s} ${t.norm}`
  }
  return s
}

function put(map: SentenceFeatures, key: string, kind: EvidenceKind, surface: string, cap: number): void {
  const prev = map.get(key)
  if (!prev) map.set(key, { kind, surface, cap })
  else if (cap !== 0 && prev.cap === 0) map.set(key, { kind: prev.kind, surface: prev.surface, cap })
}

/**
 * Feature key of one content word, or null for stop words and one-letter tokens. Words of a
 * near-synonym class (shared/resources/wording/synonyms.json) share the key `t:~<class>`.
 */
export function wordKey(t: Token, capital = false, initial = false): string | null {
  if (t.kind !== 'word' || t.norm.length < 2 || STOP_WORDS.has(t.norm)) return null
  // Plain attribution ("said", "told", "according to") frames most news sentences and says
  // nothing about what was reported; as a shared feature it only joined unrelated statements.
  // (Reporting-verb changes are still classified by the diff stage.)
  if (ATTRIBUTION.has(t.norm)) return null
  // An -ly adverb is not a synonym of its base ("openly" is not "opened", "formally" not
  // "formed"): the stemmer strips -ly, so the class is only taken when the adverb's stem is
  // listed as such (a class word that itself ends in -ly, e.g. "secretly").
  const adverb = t.norm.endsWith('ly') && t.norm.length > t.stem.length + 1
  const cls = synonymClasses.get(t.stem)
  if (cls !== undefined && !adverb) return 't:~' + cls
  if (capital) {
    const d = demonymBase(t.norm, initial)
    if (d !== null) return 't:' + d
  }
  return 't:' + t.stem.slice(0, STEM_CUT)
}

/**
 * Place names and their adjectives/demonyms are one referent: "Russia"/"Russian(s)",
 * "Crimea"/"Crimean", "Egypt"/"Egyptian", "Israel"/"Israeli(s)", "China"/"Chinese",
 * "America"/"American". Outlets switch freely between "Russia launched" and "Russian forces
 * launched". For a capitalised word, the common English demonym endings (-ian, -ean, -ese,
 * -an, -i, with a plural -s) and the country-name endings they replace (-ia, -ea, -a) are cut,
 * and the rest (at least 4 letters, so short names are left alone) is the key. Only for
 * capitalised words (common nouns keep their stems; see INITIAL_DEMONYM_RE for the sentence
 * start), and never
 * for -e: capitalised common nouns in names ("Crimean Bridge", "Investigative Committee")
 * must keep meeting their lower-case uses, which costs "Ukraine"/"Ukrainian".
 */
export function demonymBase(norm: string, initial = false): string | null {
  const m = (initial ? INITIAL_DEMONYM_RE : DEMONYM_RE).exec(norm)
  if (!m) return null
  const base = norm.slice(0, norm.length - m[0].length)
  return base.length >= 4 && /^[a-z]+$/.test(base) ? base : null
}
const DEMONYM_RE = /(?:ians?|eans?|ese|ans?|is|ia|ea|i|a)$/
/**
 * At the sentence start every word is capitalised, so only the unmistakable demonym endings
 * apply there ("Russian forces…", "Egyptian officials…", "Israelis…"); "Veterans" or "Plans"
 * keep their stems.
 */
const INITIAL_DEMONYM_RE = /(?:ians?|eans?|ese|is?)$/

/**
 * Features of tokens `[from, to)` of a token array. `isQuoted(i)` tells whether token i is
 * inside a quotation; `mentions` are naming mentions (token ranges) within the range.
 */
export function featuresOfRange(
  tokens: readonly Token[],
  text: string | null,
  from: number,
  to: number,
  mentions: readonly { tokenStart: number; tokenEnd: number; actor: string; nested?: readonly { tokenStart: number; tokenEnd: number; actor: string }[] }[],
  isQuoted: (i: number) => boolean,
  naming?: NamingResource | null
): SentenceFeatures {
  const out: SentenceFeatures = new Map()
  let m = 0
  let firstWord = true
  for (let i = from; i < to; i++) {
    while (m < mentions.length && mentions[m]!.tokenEnd <= i) m++
    const mention = mentions[m]
    if (mention && mention.tokenStart === i) {
      put(out, 'a:' + mention.actor, 'naming', surfaceOf(tokens, mention.tokenStart, mention.tokenEnd), 0)
      // An actor named inside a longer name ("Azerbaijan's" in "Azerbaijan's State Security
      // Service") is still a mention of that actor for alignment.
      for (const n of mention.nested ?? []) put(out, 'a:' + n.actor, 'naming', surfaceOf(tokens, n.tokenStart, n.tokenEnd), 0)
      i = mention.tokenEnd - 1
      firstWord = false
      continue
    }
    const t = tokens[i]!
    if (t.kind === 'punct') continue
    if (t.kind === 'number') {
      const v = t.norm.replace(/,/g, '')
      const dmy = NUMERIC_DATE_RE.exec(v)
      if (YEAR_RE.test(v)) put(out, 'd:' + v, 'date', t.norm, 0)
      else if (dmy && MONTH_BY_NUMBER[Number(dmy[2]) - 1] !== undefined && Number(dmy[1]) >= 1 && Number(dmy[1]) <= 31) {
        // "29.03.2023" / "29/03/2023" (day first, as in most of the world's press) gives the
        // same features as "29 March 2023": month, day-of-month and year.
        const month = MONTH_BY_NUMBER[Number(dmy[2]) - 1]!
        put(out, 'd:' + month, 'date', t.norm, 0)
        put(out, `d:${month}-${Number(dmy[1])}`, 'date', t.norm, 0)
        put(out, 'n:' + Number(dmy[1]), 'number', t.norm, 0)
        if (YEAR_RE.test(dmy[3]!)) put(out, 'd:' + dmy[3], 'date', t.norm, 0)
      } else {
        // A number followed by a scale word is one quantity: "$9.6bn" ≈ "9.6 billion" ≈
        // "9,600 million". The scale word is consumed.
        const scale = scaleAt(tokens, i + 1, to)
        const value = Number(v.replace(/%$/, ''))
        if (scale !== 0 && Number.isFinite(value)) {
          put(out, 'n:' + quantityKey(value * scale), 'number', t.norm, 0)
          i++
        } else put(out, 'n:' + v.replace(/%$/, ''), 'number', t.norm, 0)
        // A day number beside a month name ("29 March", "March 29") is one date.
        const day = Number(v)
        if (Number.isInteger(day) && day >= 1 && day <= 31) {
          const back = tokens[i - 1]?.norm === '.' ? i - 2 : i - 1 // "Dec. 25"
          const m = monthAt(tokens, text, i + 1, to) ?? monthAt(tokens, text, back, to, from)
          if (m !== undefined) put(out, `d:${m}-${day}`, 'date', t.norm, 0)
        }
      }
      firstWord = false
      continue
    }
    const month = monthAt(tokens, text, i, to)
    const capital = text !== null ? /\p{Lu}/u.test(text[t.start] ?? '') : false
    if (month !== undefined) {
      put(out, 'd:' + month, 'date', t.norm, 0)
      firstWord = false
      continue
    }
    // Spelled-out quantities: "one billion", "a billion", "thirty thousand" ≈ "30,000".
    const num = NUMBER_WORDS.get(t.norm) ?? (t.norm === 'one' ? '1' : undefined)
    if (num !== undefined) {
      const scale = t.norm === 'one' || Number(num) < 1000 ? scaleAt(tokens, i + 1, to) : 0
      if (scale !== 0) {
        put(out, 'n:' + quantityKey(Number(num) * scale), 'number', t.norm, 0)
        i++
      } else if (t.norm !== 'one') put(out, 'n:' + num, 'number', t.norm, 0)
      firstWord = false
      continue
    }
    if (text !== null && t.norm.includes('-') && COMPOUND_RE.test(t.norm)) {
      compoundFeatures(out, t, text, firstWord, isQuoted(i), naming ?? null)
      firstWord = false
      continue
    }
    let key = labelledActKey(tokens, i, from, to, capital) ?? wordKey(t, capital, firstWord)
    if (key === null) { firstWord = false; continue }
    // A negated or deferred event is another fact than the event ("put off the opening of its
    // embassy" is not "opened its embassy"): its word gets a key of its own (NEGATORS).
    if (eventFrames.events.has(t.stem) && negatedAt(tokens, i, from)) key += '!not'
    const cap = firstWord ? 0 : capital ? 1 : -1
    put(out, key, 'term', t.norm, cap)
    if (isQuoted(i)) put(out, 'q:' + key.slice(2), 'quote', t.norm, 0)
    firstWord = false
  }
  addFrames(out, tokens, from, to, mentions)
  return out
}

/** A word token joining two or more words with hyphens ("Azerbaijan-Israel", "Shia-majority"). */
const COMPOUND_RE = /^[^-‐‑]+(?:[-‐‑][^-‐‑]+)+$/u

/**
 * Hyphenated compounds are one token, but their parts are what other outlets write apart:
 * "Azerbaijan-Israel ties" names both states ("ties between Azerbaijan and Israel"), the
 * "Shia-majority country" is the "country with a Shia Muslim majority", "Israeli-made drones"
 * are Israeli. Keyed whole, the compound met only the same compound (and its 7-character cut
 * mixed parts: "azerbaijan-israel" became t:azerbai). Each part gets the features it would
 * have as a word of its own: a naming actor when the part is a one-word form of one (with the
 * resource, which align() and `passageSimilarity` pass), else its word key,
 * capitalised as written; quoted parts also get their quote key.
 */
function compoundFeatures(out: SentenceFeatures, t: Token, text: string, initial: boolean, quoted: boolean, naming: NamingResource | null): void {
  // A story repeats its compounds ("Azerbaijan-Israel"), and splitting one (tokenizer and
  // naming matcher per part) costs far more than a word's key: the part features are cached
  // per naming resource, written form and sentence-initial position.
  const cacheKey = (initial ? '1' : '0') + text.slice(t.start, t.end)
  let cache = compoundCache.get(naming ?? NO_NAMING)
  if (cache === undefined) {
    cache = new Map()
    compoundCache.set(naming ?? NO_NAMING, cache)
  }
  let feats = cache.get(cacheKey)
  if (feats === undefined) {
    feats = splitCompound(t, text, initial, naming)
    if (cache.size < COMPOUND_CACHE_MAX) cache.set(cacheKey, feats)
  }
  for (const f of feats) {
    put(out, f.key, f.kind, f.surface, f.cap)
    if (quoted && f.kind === 'term') put(out, 'q:' + f.key.slice(2), 'quote', f.surface, 0)
  }
}

interface PartFeature {
  readonly key: string
  readonly kind: EvidenceKind
  readonly surface: string
  readonly cap: number
}
const NO_NAMING = {}
const COMPOUND_CACHE_MAX = 10000
const compoundCache = new WeakMap<object, Map<string, readonly PartFeature[]>>()

function splitCompound(t: Token, text: string, initial: boolean, naming: NamingResource | null): PartFeature[] {
  // The tokenizer keeps inner hyphens, so each part is tokenized by itself (offsets stay
  // those of the article text).
  const parts: Token[] = []
  for (const m of text.slice(t.start, t.end).matchAll(/[^-‐‑]+/gu)) {
    const at = t.start + m.index
    for (const p of tokenize(text, at, at + m[0].length)) if (p.kind === 'word') parts.push(p)
  }
  const feats: PartFeature[] = []
  parts.forEach((p, k) => {
    if (naming) {
      const m = findNamingMentions([p], naming)[0]
      if (m !== undefined) {
        feats.push({ key: 'a:' + m.actor, kind: 'naming', surface: p.norm, cap: 0 })
        return
      }
    }
    const capital = /\p{Lu}/u.test(text[p.start] ?? '')
    const key = wordKey(p, capital, initial && k === 0)
    if (key !== null) feats.push({ key, kind: 'term', surface: p.norm, cap: initial && k === 0 ? 0 : capital ? 1 : -1 })
  })
  return feats
}

/**
 * Labelled acts: "a terrorist act", "an act of terror", "acts of terrorism" are one label, and
 * the label is more specific than its adjective alone ("terrorist" also describes groups and
 * attacks). Such an "act" gets the key of the label word with "+act" ("t:~terror+act"), so the
 * paraphrases of one label meet on it, while "act" used otherwise ("repugnant acts committed by
 * the government") keeps its own key and no longer meets the label: as a plain shared word it
 * joined sentences that only share the light noun. Only the lower-case nouns "act"/"acts" (not
 * "Act", a law; not the verb "acted") next to a word of LABELLED_ACTS' classes: the word before
 * ("terrorist act") or after "of" ("act of terror").
 */
const ACT_NOUNS = new Set(['act', 'acts'])
/** Keys of the words that make "act" a label (synonym classes, so all their forms count). */
const LABELLED_ACTS = new Set(['t:~terror', 't:~war', 't:~hostile', 't:~attack', 't:aggress', 't:sabotag', 't:provoca', 't:vandali', 't:genocid', 't:barbari', 't:heroism', 't:violenc', 't:~spy'])

function labelledActKey(tokens: readonly Token[], i: number, from: number, to: number, capital: boolean): string | null {
  const t = tokens[i]!
  if (capital || !ACT_NOUNS.has(t.norm)) return null
  const of = i + 2 < to && tokens[i + 1]!.norm === 'of' ? tokens[i + 2]! : undefined
  const before = i - 1 >= from ? tokens[i - 1]! : undefined
  for (const w of [before, of]) {
    if (w === undefined) continue
    const k = wordKey(w)
    if (k !== null && LABELLED_ACTS.has(k)) return k + '+act'
  }
  return null
}

/**
 * Words that, up to NEGATED_WITHIN words before an event word (events.json) in its clause, say
 * the event did not (yet) happen: negation ("did not sign", "never recognised", "no deal was
 * signed"), deferral and refusal ("postponed the opening", "refused to recognise", "has yet to
 * open", "failed to reach"), and the phrasal "put off" / "held off". Outlets report both that
 * something happened and that it long did not ("Baku put off the formal opening of its
 * embassy" in a history of the ties vs "Azerbaijan formally opened its embassy"); sharing the
 * event word and its frame joined the two as one fact. Such an event word keeps a key of its
 * own (`…!not`) and its frame is `not-<event>`, so a negated event meets only negated ones.
 * Measured (align.dev.ts, sample / Crimean Bridge / Suez F1 from 0.804 / 0.735 / 0.813): 0.810
 * (P 0.871 → 0.885: three false links of one deferral sentence gone) / 0.735 / 0.813.
 */
const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'without', 'yet', 'cannot', "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't",
  "wasn't", "weren't", "isn't", "aren't", "can't", "couldn't",
  'postpone', 'postponed', 'postpones', 'postponing', 'delay', 'delayed', 'delays', 'delaying', 'defer', 'deferred',
  'refuse', 'refused', 'refuses', 'refusing', 'decline', 'declined', 'declines', 'fail', 'failed', 'fails', 'reluctant',
  'hesitate', 'hesitated', 'hesitates'
])
/** Verbs that with a following "off" defer ("put off", "held off"). */
const PARTICLE_OFF: ReadonlySet<string> = new Set(['put', 'puts', 'putting', 'hold', 'holds', 'held', 'holding'])
const NEGATED_WITHIN = 4
/** Is the event word at i negated or deferred by a word just before it in its clause (NEGATORS)? */
function negatedAt(tokens: readonly Token[], i: number, from: number): boolean {
  let words = 0
  for (let k = i - 1; k >= from && words < NEGATED_WITHIN; k--) {
    const t = tokens[k]!
    if (t.kind === 'punct') {
      if (CLAUSE_BREAK.has(t.norm)) return false
      continue
    }
    words++
    if (NEGATORS.has(t.norm)) return true
    if (t.norm === 'off' && k > from && PARTICLE_OFF.has(tokens[k - 1]!.norm)) return true
  }
  return false
}

/** Auxiliaries of the passive voice (see addFrames). */
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'is', 'are', 'be', 'being'])
/** Content words an object head may lie after its event word ("opened its new embassy": 3). */
const FRAME_AFTER = 4
/** ...or before it ("the embassy was opened", "the embassy opening"). */
const FRAME_BEFORE = 3
/** Words before the event word in which its actor (subject) is looked for. */
const ACTOR_BEFORE = 6
/** Punctuation that ends a clause: a frame never spans it. Apostrophes and hyphens do not. */
const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '—', '–', '.', '!', '?'])

/**
 * Event frames of tokens `[from, to)` (see the header comment). Distances count word and
 * number tokens, a naming mention counting as one; a frame never crosses clause punctuation.
 * The actor of a frame is the naming mention between the event word and its object (a
 * possessor: "the opening of Azerbaijan's embassy"), else the nearest one before the event word
 * within ACTOR_BEFORE words (its subject), else none (the frame without actor still counts).
 */
function addFrames(
  out: SentenceFeatures,
  tokens: readonly Token[],
  from: number,
  to: number,
  mentions: readonly { tokenStart: number; tokenEnd: number; actor: string }[]
): void {
  // Positions: one slot per word/number token or mention; -1 marks a clause break.
  const slotTok: number[] = []
  const slotEnd: number[] = []
  const slotActor: (string | null)[] = []
  let m = 0
  for (let i = from; i < to; i++) {
    while (m < mentions.length && mentions[m]!.tokenEnd <= i) m++
    const mention = mentions[m]
    if (mention && mention.tokenStart === i) {
      slotTok.push(i)
      slotEnd.push(mention.tokenEnd)
      slotActor.push(mention.actor)
      i = mention.tokenEnd - 1
      continue
    }
    const t = tokens[i]!
    if (t.kind === 'punct') {
      if (CLAUSE_BREAK.has(t.norm)) {
        slotTok.push(-1)
        slotEnd.push(-1)
        slotActor.push(null)
      }
      continue
    }
    slotTok.push(i)
    slotEnd.push(i + 1)
    slotActor.push(null)
  }
  const n = slotTok.length
  const eventAt = (s: number): string | undefined => {
    const ti = slotTok[s]!
    if (ti < 0 || slotActor[s] !== null) return undefined
    const ev = eventFrames.events.get(tokens[ti]!.stem)
    return ev !== undefined && negatedAt(tokens, ti, from) ? 'not-' + ev : ev
  }
  const objectAt = (s: number): string | undefined => {
    const ti = slotTok[s]!
    return ti < 0 || slotActor[s] !== null ? undefined : eventFrames.objects.get(tokens[ti]!.stem)
  }
  const passiveAt = (s: number): boolean => {
    for (let k = s - 1; k >= 0 && k >= s - 2 && slotTok[k]! >= 0; k--) if (slotActor[k] === null && PASSIVE_AUX.has(tokens[slotTok[k]!]!.norm)) return true
    return false
  }
  for (let s = 0; s < n; s++) {
    const ev = eventAt(s)
    if (ev === undefined) continue
    const found: number[] = []
    for (let k = s + 1; k < n && k <= s + FRAME_AFTER && slotTok[k]! >= 0; k++) if (objectAt(k) !== undefined) found.push(k)
    for (let k = s - 1; k >= 0 && k >= s - FRAME_BEFORE && slotTok[k]! >= 0; k--) if (objectAt(k) !== undefined) found.push(k)
    // Passive voice ("The Embassy of the Republic of Azerbaijan in the State of Israel was
    // officially inaugurated"): the object is the clause's subject, which a long noun phrase
    // can push far beyond FRAME_BEFORE. After an auxiliary (at most one word, an adverb, in
    // between), the nearest object head back to the clause start is taken.
    if (found.length === 0 && passiveAt(s)) {
      for (let k = s - 1; k >= 0 && slotTok[k]! >= 0; k--) {
        if (objectAt(k) !== undefined) {
          found.push(k)
          break
        }
      }
    }
    for (const o of found) {
      const obj = objectAt(o)!
      const lo = Math.min(s, o)
      const hi = Math.max(s, o)
      const surface = surfaceOf(tokens, slotTok[lo]!, slotEnd[hi]!)
      put(out, `f:${ev}|${obj}`, 'term', surface, 0)
      let actor: string | null = null
      for (let k = lo + 1; k < hi && actor === null; k++) actor = slotActor[k]!
      for (let k = s - 1; actor === null && k >= 0 && k >= s - ACTOR_BEFORE && slotTok[k]! >= 0; k--) actor = slotActor[k]!
      if (actor !== null) put(out, `f:${actor}|${ev}|${obj}`, 'term', surface, 0)
    }
  }
}

/**
 * "29.03.2023", "29/03/2023": day, month, year (day first). The year is required: "9.6" is a
 * decimal and "3/4" a fraction far more often than a date.
 */
const NUMERIC_DATE_RE = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/
const MONTH_BY_NUMBER = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
/** Scale words after a number ("bn", "billion", "m", "million", "thousand", "trillion"). */
const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['millions', 1e6], ['m', 1e6], ['mn', 1e6], ['mln', 1e6],
  ['billion', 1e9], ['billions', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12]
])

function scaleAt(tokens: readonly Token[], i: number, to: number): number {
  if (i >= to) return 0
  const t = tokens[i]!
  return t.kind === 'word' ? SCALES.get(t.norm) ?? 0 : 0
}

/** Canonical key of a quantity (12 significant digits, so 9.6 × 1e9 and 9600 × 1e6 agree). */
function quantityKey(v: number): string {
  return String(Number(v.toPrecision(12)))
}

/**
 * Month key of token i when it is a month name: capitalised (so "march" the verb and "may"
 * the modal are not dates), and "May" only beside a number.
 */
function monthAt(tokens: readonly Token[], text: string | null, i: number, to: number, from = 0): string | undefined {
  if (i < from || i >= to) return undefined
  const t = tokens[i]!
  if (t.kind !== 'word') return undefined
  const month = MONTHS.get(t.norm)
  if (month === undefined) return undefined
  const capital = text !== null ? /\p{Lu}/u.test(text[t.start] ?? '') : true
  if (!capital) return undefined
  if (t.norm === 'may' && tokens[i + 1]?.kind !== 'number' && tokens[i - 1]?.kind !== 'number') return undefined
  return month
}

/** Features of every sentence of one segmented article. */
export function articleFeatures(seg: Segmentation, text: string, naming: NamingResource | null, continues?: Uint8Array): SentenceFeatures[] {
  const mentions = naming ? findNamingMentions(seg.tokens, naming) : []
  const mask = quoteMask(seg)
  const quoted = (i: number): boolean => mask[i] === 1
  const out: SentenceFeatures[] = []
  let m = 0
  for (const s of seg.sentences) {
    // Mentions are sorted and disjoint; hand each sentence the slice that lies inside it.
    while (m < mentions.length && mentions[m]!.tokenStart < s.tokenStart) m++
    let e = m
    while (e < mentions.length && mentions[e]!.tokenEnd <= s.tokenEnd) e++
    out.push(featuresOfRange(seg.tokens, text, s.tokenStart, s.tokenEnd, mentions.slice(m, e), quoted, naming))
    m = e
  }
  if (naming) addSpeakers(seg, naming, mentions, mask, out, continues)
  return out
}

/** Subject pronouns that refer back to a person ("He said…", "…, she added"). */
const PERSON_PRONOUNS = new Set(['he', 'she'])
/** Sentences back (in one paragraph) in which a pronoun's person is looked for. */
const COREF_BACK = 2

/**
 * Simple coreference for reported speech, the commonest way outlets split one statement:
 * "Nasser Kanaani … warned Azerbaijan." + "He said Israel was seeking…" vs one sentence that
 * names him. A sentence that names no person but has a subject pronoun (he/she), or opens
 * inside a quotation continued from the previous sentence, gets the naming feature of the
 * last person (a naming actor of kind "person") named in the previous COREF_BACK sentences of
 * its paragraph, with the pronoun (or the quotation) as its surface form. Nothing is added
 * when no person was named nearby, or when two different persons were (ambiguous).
 */
function addSpeakers(
  seg: Segmentation,
  naming: NamingResource,
  mentions: readonly { tokenStart: number; tokenEnd: number; actor: string }[],
  mask: Uint8Array,
  out: SentenceFeatures[],
  continues: Uint8Array | undefined
): void {
  const persons: (string[])[] = seg.sentences.map(() => [])
  let m = 0
  seg.sentences.forEach((s, si) => {
    while (m < mentions.length && mentions[m]!.tokenStart < s.tokenStart) m++
    for (let e = m; e < mentions.length && mentions[e]!.tokenEnd <= s.tokenEnd; e++) {
      const a = mentions[e]!.actor
      if (naming.actorById.get(a)?.kind === 'person' && !persons[si]!.includes(a)) persons[si]!.push(a)
    }
  })
  seg.sentences.forEach((s, si) => {
    if (persons[si]!.length > 0) return
    let surface: string | null = null
    const first = seg.tokens.slice(s.tokenStart, s.tokenEnd).findIndex((t) => t.kind !== 'punct')
    if (first >= 0 && mask[s.tokenStart + first] === 1 && si > 0 && seg.sentences[si - 1]!.paragraph === s.paragraph) surface = 'quotation continued'
    for (let i = s.tokenStart; i < s.tokenEnd && surface === null; i++) {
      const t = seg.tokens[i]!
      if (t.kind === 'word' && PERSON_PRONOUNS.has(t.norm) && mask[i] !== 1) surface = t.norm
    }
    if (surface === null) return
    let found: string[] = []
    let at = -1
    for (let b = si - 1; b >= 0 && b >= si - COREF_BACK && seg.sentences[b]!.paragraph === s.paragraph && found.length === 0; b--) {
      found = persons[b]!
      at = b
    }
    if (found.length !== 1) return
    const actor = found[0]!
    const label = naming.actorById.get(actor)?.label ?? actor
    put(out[si]!, 'a:' + actor, 'naming', `${surface} (${label})`, 0)
    // The sentence goes on with the statement of the one just before it (align.ts: growth).
    if (continues && at === si - 1) continues[si] = 1
  })
}

/** Kind multipliers on top of rarity: exact, checkable facts outweigh ordinary words. */
export const KIND_WEIGHT: Readonly<Record<EvidenceKind, number>> = {
  // 'order' is never a feature (it is evidence added after scoring); listed for completeness.
  order: 0,
  term: 1,
  entity: 1.5,
  naming: 1.5,
  number: 2,
  date: 1.5,
  quote: 1
}
