/**
 * Construction rules: signals of the writer's opinion that no single lexicon word carries, found
 * from the SHAPE of a phrase or sentence (Recasens et al. 2013 call these subjectivity cues; Da
 * San Martino et al. 2019 file exclamations and rhetorical questions under loaded language and
 * doubt). Each rule has an id (`rule:<id>`, listed in CONSTRUCTION_RULES for the README and the
 * UI), a one-sentence explanation a student understands, and a fixed confidence chosen on the
 * project's dev sets (tests/bench/language.dev.ts), never on evaluation data.
 *
 *  - `intensified-evaluation`: an intensifier ("deeply", "utterly", "so") right before a word with
 *    an evaluative valence ("deeply flawed", "utterly disastrous"). Valence comes from AFINN
 *    (already the stage's sentiment resource), so "deeply rooted" or "so far" stay unflagged.
 *  - `writer-exclamation`: an exclamation mark in the writer's own voice (outside quotations).
 *  - `rhetorical-question`: a sentence of reporting prose that ends in a question mark outside
 *    quotations; news reports state, so a question the writer asks is usually a device.
 *  - `writer-prescription`: "should", "must", "ought to", "deserve" in a sentence the writer does
 *    not attribute to anyone (no reporting or belief verb, no quotation): the writer prescribes
 *    ("Congress should end this program", "Americans deserve answers"). Procedural and advisory
 *    uses ("applicants must submit", "residents should expect delays") are skipped.
 *  - `writer-address`: "we", "our", "us", "you", "your" in an unattributed sentence: the writer
 *    speaks for a group or to the reader ("our leaders have forgotten"). Newsroom "we/our"
 *    ("our reporter", "we have updated this story") and service "you" ("if you were born…") are
 *    skipped.
 *    Both writer-voice rules are FALLBACKS: they fire only in a sentence that holds no usually-
 *    evaluative (strength ≥ 0.5) framing flag yet, so a sentence is explained once, by its words
 *    when it has loaded words, by its construction when it has none.
 *  - `hyphen-compound`: a hyphenated word the lexicons do not know as a whole ("Trump-hating",
 *    "greed-fuelled") whose part is a one-word lexicon entry; the compound inherits that entry's
 *    category and strength (its context rules are applied to the part on its own).
 *
 * Invariants: rules only read tokens of one paragraph, never text inside quotation marks for the
 * sentence-level rules (an outlet quoting an exclamation is not exclaiming), and never emit a
 * flag over tokens an earlier, more specific source (codebook, naming, lexicon) already flagged.
 */
import type { Token } from '../../model'
import type { CompiledLexicons, LexiconEntry } from '../../resources/lexicons'
import { CONTEXT_RULE_BY_ID } from '../../resources/lexicons/rules'
import { stem } from '../../text/stem'
import { afinnValence } from './sentiment/afinn'
import { isReportingVerb } from './quotes'

export interface ConstructionRule {
  readonly id: string
  readonly description: string
  /** Flag confidence; ≥ 0.5 counts as a bias prediction in the spans metric. */
  readonly confidence: number
}

/**
 * Confidences, calibrated on the project's dev sets: a construction counts (≥ 0.5) only when
 * it was right most of the time there.
 */
export const CONSTRUCTION_RULES: readonly ConstructionRule[] = [
  {
    id: 'intensified-evaluation',
    description: 'An intensifier ("deeply", "utterly", "so", "extremely") right before an evaluative word ("deeply flawed") turns a description into the writer\'s judgement.',
    confidence: 0.6
  },
  {
    id: 'writer-exclamation',
    description: 'An exclamation mark outside quotation marks: the writer, not a source, is exclaiming.',
    confidence: 0.6
  },
  {
    id: 'rhetorical-question',
    description: 'A question in the writer\'s own voice (outside quotation marks) that the report does not answer: a device to lead the reader.',
    confidence: 0.55
  },
  {
    id: 'writer-prescription',
    description: '"Should", "must" or "deserve" in a sentence nobody is said to have spoken: the writer tells the reader what ought to happen, which is opinion, not report.',
    confidence: 0.55
  },
  {
    id: 'writer-address',
    description: '"We", "our" or "you" in a sentence nobody is said to have spoken: the writer speaks for a group or to the reader, as opinion writing does.',
    confidence: 0.55
  },
  {
    id: 'hyphen-compound',
    description: 'A hyphenated word whose part is a lexicon entry ("Trump-hating" contains "hating"); the compound carries the same judgement.',
    confidence: 0 // each flag takes the confidence of the entry matched inside the compound
  }
]
export const CONSTRUCTION_RULE_BY_ID: ReadonlyMap<string, ConstructionRule> = new Map(CONSTRUCTION_RULES.map((r) => [r.id, r]))

/**
 * Degree adverbs that intensify the next word. The project's own list of common English degree
 * modifiers; hedged or comparative ones ("rather", "more") are left out.
 */
const INTENSIFIERS = new Set([
  'very', 'so', 'deeply', 'utterly', 'incredibly', 'extremely', 'wildly', 'truly', 'absolutely',
  'downright', 'thoroughly', 'hopelessly', 'staggeringly', 'woefully', 'grossly', 'painfully',
  'blatantly', 'profoundly', 'totally', 'completely', 'shockingly', 'astonishingly', 'insanely',
  'ridiculously', 'terribly', 'awfully', 'horribly', 'desperately', 'dangerously', 'fundamentally',
  'outright', 'patently', 'strikingly', 'extraordinarily', 'exceedingly', 'remarkably', 'stunningly',
  'unbelievably', 'outrageously', 'breathtakingly', 'laughably', 'spectacularly', 'notoriously'
])

/** Confidence of a construction shown as a weaker flag (below the metric's 0.5). */
const WEAK_CONSTRUCTION = 0.45

/** |AFINN valence| at or above this makes the intensified word evaluative. */
const MIN_VALENCE = 2

/** Parts of a hyphenated word that never carry the judgement themselves. */
const COMPOUND_SKIP = new Set(['anti', 'pro', 'non', 'co', 're', 'ex', 'self', 'post', 'pre', 'mid', 'semi', 'well', 'half', 'all', 'so'])

export interface ConstructionFlag {
  readonly tokenStart: number
  readonly tokenEnd: number
  readonly rule: string
  readonly category: 'loaded' | 'doubt' | LexiconEntry['category']
  readonly confidence: number
  readonly explanation: string
  /** For hyphen compounds: the lexicon entry matched inside the compound. */
  readonly entry?: LexiconEntry
}

export interface ConstructionInput {
  readonly tokens: readonly Token[]
  readonly text: string
  /** Token range of one paragraph. */
  readonly from: number
  readonly to: number
  /** Sentence token ranges inside the paragraph, in order. */
  readonly sentences: ReadonlyArray<{ readonly tokenStart: number; readonly tokenEnd: number }>
  readonly lexicons: CompiledLexicons
  /** Is the character range inside a quotation? */
  readonly inQuote: (start: number, end: number) => boolean
  /** Is token range [a, b) already flagged by a more specific source? */
  readonly taken: (a: number, b: number) => boolean
  /** Is token i inside a negation scope? */
  readonly negated: (i: number) => boolean
  /**
   * Does the character range already hold a word-level framing flag that is usually evaluative
   * (strength ≥ 0.5)? The writer-voice rules are fallbacks: they explain why a sentence with no
   * loaded word reads as opinion, and stay silent where loaded words already explain it.
   */
  readonly explained: (start: number, end: number) => boolean
}

const rule = (id: string): ConstructionRule => CONSTRUCTION_RULE_BY_ID.get(id)!

/** All construction flags of one paragraph (see module comment). */
export function constructionFlags(input: ConstructionInput): ConstructionFlag[] {
  const { tokens, text, from, to, lexicons, inQuote, taken, negated } = input
  const out: ConstructionFlag[] = []

  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.kind !== 'word') continue

    // Intensifier + evaluative word: "deeply flawed", "utterly disastrous".
    if (INTENSIFIERS.has(t.norm) && i + 1 < to) {
      const n = tokens[i + 1]!
      if (n.kind === 'word' && !n.norm.endsWith('ly') && Math.abs(afinnValence(n.norm)) >= MIN_VALENCE && !taken(i, i + 2) && !negated(i) && !inQuote(t.start, n.end)) {
        const r = rule('intensified-evaluation')
        out.push({
          tokenStart: i,
          tokenEnd: i + 2,
          rule: `rule:${r.id}`,
          category: 'loaded',
          // A verdict on the subject ("the plan is deeply flawed.", "so bad that") counts; an
          // attributive use ("very good news") is often a description of the facts: weaker.
          confidence: isPredicative(tokens, i, from, to) ? r.confidence : WEAK_CONSTRUCTION,
          explanation: `"${text.slice(t.start, n.end)}" intensifies an evaluative word: the writer is judging, not only describing.`
        })
        i++
        continue
      }
    }

    // Hyphenated compound whose part is a one-word lexicon entry: "Trump-hating".
    if (t.norm.includes('-') && !taken(i, i + 1)) {
      const hit = compoundHit(t, lexicons)
      if (hit) {
        const conf = negated(i) ? hit.strength * 0.5 : hit.strength
        out.push({
          tokenStart: i,
          tokenEnd: i + 1,
          rule: `rule:${rule('hyphen-compound').id}/${hit.rule}`,
          category: hit.category,
          confidence: conf,
          explanation: `The compound "${text.slice(t.start, t.end)}" is built on "${hit.term}", a word the ${hit.category} lexicon flags, so it carries the same judgement.`,
          entry: hit
        })
      }
    }
  }

  // Sentence-level devices in the writer's voice: prescription, address, exclamations and questions.
  for (const s of input.sentences) {
    const sStart = tokens[s.tokenStart]?.start ?? 0
    const sEnd = tokens[s.tokenEnd - 1]?.end ?? 0
    if (!input.explained(sStart, sEnd) && writerVoice(tokens, s.tokenStart, s.tokenEnd, text, inQuote)) {
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        const w = tokens[k]!
        if (w.kind !== 'word' || taken(k, k + 1)) continue
        let id = ''
        if (PRESCRIPTIVE.has(w.norm) && isPrescription(tokens, k, s.tokenEnd)) id = 'writer-prescription'
        else if (ADDRESS.has(w.norm) && !isCountryUS(text, w) && !isInName(text, w, k === firstWord(tokens, s.tokenStart, s.tokenEnd)) && !isNewsroomOrService(tokens, k, s.tokenStart, s.tokenEnd)) id = 'writer-address'
        if (id === '') continue
        const r = rule(id)
        out.push({
          tokenStart: k,
          tokenEnd: k + 1,
          rule: `rule:${r.id}`,
          category: 'loaded',
          confidence: r.confidence,
          explanation:
            id === 'writer-prescription'
              ? `"${text.slice(w.start, w.end)}" in a sentence nobody is quoted or cited in: the writer is telling the reader what ought to happen, which is opinion rather than report.`
              : `"${text.slice(w.start, w.end)}" in a sentence nobody is quoted or cited in: the writer speaks for a group or to the reader, as opinion writing does.`
        })
        break // one flag of this kind per sentence is enough to show the device
      }
    }
    let last = s.tokenEnd - 1
    // Skip closing brackets after the final mark: "… (really?)" keeps its mark.
    while (last > s.tokenStart && tokens[last]!.kind === 'punct' && /^[)\]]$/.test(tokens[last]!.norm)) last--
    for (let k = s.tokenStart; k <= last; k++) {
      const p = tokens[k]!
      if (p.kind !== 'punct' || (p.norm !== '!' && p.norm !== '?')) continue
      if (inQuote(p.start, p.end)) continue
      // A question mark counts only as the sentence's final mark (a "?" inside a title or
      // parenthesis mid-sentence is not the writer asking); an exclamation mark anywhere counts.
      if (p.norm === '?' && !isFinalMark(tokens, k, last)) continue
      if (taken(k, k + 1)) continue
      const r = rule(p.norm === '!' ? 'writer-exclamation' : 'rhetorical-question')
      // A question the next sentence of the paragraph answers is an explainer's device ("When
      // will the line open? Officials expect…"), not a rhetorical one: shown as weaker.
      const answered = p.norm === '?' && s !== input.sentences[input.sentences.length - 1]
      out.push({
        tokenStart: k,
        tokenEnd: k + 1,
        rule: `rule:${r.id}`,
        category: p.norm === '!' ? 'loaded' : 'doubt',
        confidence: answered ? WEAK_CONSTRUCTION : r.confidence,
        explanation:
          p.norm === '!'
            ? 'An exclamation mark in the writer\'s own words (not in a quotation) expresses the writer\'s emotion.'
            : 'The writer asks a question in their own voice instead of reporting: a rhetorical question steers the reader toward an answer.'
      })
    }
  }
  return out
}

/** Copulas and linking verbs before a predicative adjective ("is deeply flawed"). */
const COPULAS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", 'seems', 'seemed', 'looks', 'looked', 'remains', 'remained', 'became', 'becomes', 'sounds', 'sounded', 'appears', 'appeared', 'proved', 'proves'])
/** Words that may follow a predicative adjective without making it attributive. */
const AFTER_PREDICATE = new Set(['that', 'and', 'but', 'or', 'to', 'for', 'in', 'as', 'about', 'with', 'than', 'at', 'on', 'by'])

/** Is the intensifier at i predicative: after a copula, and its adjective not before a noun? */
function isPredicative(tokens: readonly Token[], i: number, from: number, to: number): boolean {
  const prev = i - 1 >= from ? tokens[i - 1]! : undefined
  if (!prev || prev.kind !== 'word' || !COPULAS.has(prev.norm)) return false
  const after = i + 2 < to ? tokens[i + 2]! : undefined
  return !after || after.kind === 'punct' || AFTER_PREDICATE.has(after.norm)
}

/** Deontic words: the writer prescribing. */
const PRESCRIPTIVE = new Set(['should', 'must', 'ought', "shouldn't", "mustn't", 'deserve', 'deserves', 'deserved', 'deserving'])
/**
 * Verbs that make a modal procedural or advisory (instructions, rules, forecasts of schedule):
 * "applicants must submit", "residents should expect", "the bill must pass both chambers".
 */
const PROCEDURAL_VERBS = new Set([
  'expect', 'submit', 'pay', 'apply', 'register', 'bring', 'check', 'call', 'contact', 'consult', 'wear',
  'arrive', 'receive', 'take', 'file', 'show', 'present', 'keep', 'follow', 'avoid', 'use', 'pass',
  'complete', 'allow', 'plan', 'prepare', 'remain', 'stay', 'reach', 'sign', 'obtain', 'provide', 'notify'
])
/** First and second person: the writer speaking for a group or to the reader. */
const ADDRESS = new Set(['we', 'our', 'us', 'ourselves', 'you', 'your', 'yourself'])
/** Words near which "we/our" is the newsroom speaking ("our reporter", "we have updated this story"). */
const NEWSROOM = new Set([
  'reporter', 'reporters', 'correspondent', 'correspondents', 'newsroom', 'story', 'article', 'newspaper',
  'analysis', 'poll', 'survey', 'readers', 'editors', 'editor', 'staff', 'updated', 'contacted', 'reached',
  'requested', 'review', 'reporting', 'coverage', 'newsletter', 'podcast', 'website', 'site'
])
/** Openers of service and conditional "you" ("if you", "you can", "you may"). */
const SERVICE_AFTER_YOU = new Set(['can', 'may', 'will', 'need', 'should', 'must', 'might', 'could'])
/** Verbs of belief or wish that attribute the clause to the subject ("Republicans believe…"). */
const BELIEF_VERBS = new Set(['believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'feel', 'feels', 'felt', 'want', 'wants', 'wanted', 'hope', 'hopes', 'hoped', 'according'])

/**
 * Is the sentence in the writer's own voice: no reporting or belief verb and no quotation?
 * (A sentence that quotes or cites anyone may be prescribing in that person's name.)
 */
function writerVoice(tokens: readonly Token[], a: number, b: number, text: string, inQuote: (s: number, e: number) => boolean): boolean {
  for (let k = a; k < b; k++) {
    const t = tokens[k]!
    if (t.kind === 'punct') {
      if (/^["“”]$/.test(t.norm)) return false
      continue
    }
    if (isAttributingVerb(t) || BELIEF_VERBS.has(t.norm) || inQuote(t.start, t.end)) return false
  }
  return text.length >= 0
}

/** Irregular past forms of reporting verbs (the -ed forms are recognised by their ending). */
const REPORTING_PAST = new Set(['said', 'told', 'wrote', 'spoke', 'put'])
/** Present -s forms of reporting verbs that are rarely nouns ("says", unlike "answers", "states"). */
const REPORTING_PRESENT = new Set(['says', 'tells', 'writes', 'argues', 'insists', 'claims', 'warns', 'urges', 'adds', 'asks', 'alleges', 'contends', 'maintains', 'predicts', 'suggests', 'explains', 'admits', 'concedes', 'acknowledges', 'denies', 'declares', 'testifies'])

/**
 * A reporting verb in a form that is a verb, not a noun: "said", "argued", "says" attribute the
 * sentence; "the state", "a say", "answers" do not.
 */
function isAttributingVerb(t: Token): boolean {
  if (!isReportingVerb(t)) return false
  return REPORTING_PAST.has(t.norm) || REPORTING_PRESENT.has(t.norm) || t.norm.endsWith('ed')
}

/** A prescriptive use: not followed (within three words) by a procedural verb or a neutral passive. */
function isPrescription(tokens: readonly Token[], i: number, end: number): boolean {
  const t = tokens[i]!
  if (t.norm === 'ought' && tokens[i + 1]?.norm !== 'to') return false
  for (let k = i + 1, seen = 0; k < end && seen < 3; k++) {
    const n = tokens[k]!
    if (n.kind !== 'word') break
    seen++
    if (PROCEDURAL_VERBS.has(n.norm)) return false
    // "should be completed" (a schedule) vs "should be ashamed" (a verdict): a passive counts
    // only when its participle carries a valence.
    if (seen === 2 && tokens[k - 1]!.norm === 'be' && n.norm.endsWith('ed') && afinnValence(n.norm) === 0) return false
  }
  return true
}

/**
 * "US" written in capitals is the country ("under US law", "US troops"), not the pronoun "us";
 * the tokenizer lower-cases both, so the surface decides. (A sentence set in all capitals, such
 * as a headline, loses the pronoun reading too: acceptable, headlines are not prose.)
 */
function isCountryUS(text: string, t: Token): boolean {
  return text.slice(t.start, t.end) === 'US'
}

/**
 * A capitalised "Our"/"We"/"You" that does not open the sentence belongs to a title or name
 * ("the March for Our Lives", "the We Are One campaign"), not to the writer.
 */
function isInName(text: string, t: Token, opensSentence: boolean): boolean {
  return !opensSentence && /^[A-Z]/.test(text.slice(t.start, t.end))
}

/** Index of the first word token of a sentence (-1 if none). */
function firstWord(tokens: readonly Token[], a: number, b: number): number {
  for (let k = a; k < b; k++) if (tokens[k]!.kind === 'word') return k
  return -1
}

/** Is this first/second-person word the newsroom or a service instruction? */
function isNewsroomOrService(tokens: readonly Token[], i: number, a: number, b: number): boolean {
  const t = tokens[i]!
  if (t.norm === 'you' || t.norm === 'your' || t.norm === 'yourself') {
    const prev = i - 1 >= a ? tokens[i - 1]! : undefined
    const next = i + 1 < b ? tokens[i + 1]! : undefined
    if (prev && (prev.norm === 'if' || prev.norm === 'when' || prev.norm === 'unless')) return true
    if (next && SERVICE_AFTER_YOU.has(next.norm)) return true
    return false
  }
  for (let k = Math.max(a, i - 3); k < Math.min(b, i + 4); k++) if (NEWSROOM.has(tokens[k]!.norm)) return true
  return false
}

/** Is token k the sentence's last mark (only other marks such as "?!" follow, up to `last`)? */
function isFinalMark(tokens: readonly Token[], k: number, last: number): boolean {
  for (let j = k + 1; j <= last; j++) {
    const t = tokens[j]!
    if (t.kind !== 'punct' || !/^[!?.'"’”]$/.test(t.norm)) return false
  }
  return true
}

/**
 * First parts that make a descriptive compound of position, size or speed ("low-lying",
 * "high-flying", "long-running", "fast-growing"): the participle after them is literal.
 */
const DIMENSION_PARTS = new Set(['low', 'high', 'long', 'short', 'deep', 'far', 'fast', 'slow', 'wide', 'late', 'early', 'free', 'never', 'ever'])

/**
 * The lexicon entry matched by one part of a hyphenated word, or null. Parts are checked right
 * to left (the head of an English compound is its last part: "Trump-hating", "crisis-ridden").
 * All parts become stand-alone tokens, so the entry's context rules still see the other parts
 * ("fire-damaged": literal-sense drops "damaged" next to "fire"); `compound-part` entries, which
 * never match alone, are accepted here.
 */
function compoundHit(t: Token, lexicons: CompiledLexicons): LexiconEntry | null {
  const parts = t.norm.split('-').filter((p) => p !== '')
  if (parts.length < 2 || DIMENSION_PARTS.has(parts[0]!)) return null
  let at = 0
  const fake: Token[] = parts.map((p) => {
    const tok: Token = { start: at, end: at + p.length, kind: 'word', norm: p, stem: stem(p) }
    at += p.length + 1
    return tok
  })
  for (let j = parts.length - 1; j >= 0; j--) {
    const p = parts[j]!
    if (p.length < 3 || COMPOUND_SKIP.has(p) || !/^[a-z]+$/.test(p)) continue
    for (const m of lexicons.matcher.match(fake, j, j + 1)) {
      const e = m.payload
      if (e.category === 'hedge' || e.category === 'factive' || e.category === 'vague-source') continue
      if (e.context.every((c) => c === 'compound-part' || CONTEXT_RULE_BY_ID.get(c)!.keep(fake, m.tokenStart, m.tokenEnd, ''))) return e
    }
  }
  return null
}
