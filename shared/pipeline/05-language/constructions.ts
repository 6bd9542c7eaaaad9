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
 *    uses ("applicants must submit", "residents should expect delays") and sentences that report
 *    what a rule requires ("under the policy, asylum seekers must wait") are skipped.
 *  - `writer-address`: "we", "our", "us", "you", "your" in an unattributed sentence: the writer
 *    speaks for a group or to the reader ("our leaders have forgotten"). Newsroom "we/our"
 *    ("our reporter", "we have updated this story") and service "you" ("if you were born…") are
 *    skipped.
 *    Both writer-voice rules are FALLBACKS: they fire only in a sentence that holds no usually-
 *    evaluative (strength ≥ 0.5) framing flag yet, so a sentence is explained once, by its words
 *    when it has loaded words, by its construction when it has none.
 *  - `reductio-ad-hitlerum` / `loaded-comparison`: a comparison verb or noun ("likened",
 *    "compared", "equated", "parallels") governing an object of a few words and then "to"/"with"/
 *    "between … and" a loaded comparandum (Hitler, the Nazis, a dictator, terrorists; or apartheid,
 *    slavery, gulags), or a comparison phrase right before one ("akin to apartheid", "no
 *    different from slavery"). Single words and fixed phrases ("like Hitler", "Gestapo tactics")
 *    stay in the propaganda lexicon; this rule catches the words in between, which a phrase list
 *    cannot. Historical comparisons (the object is itself a comparandum) are skipped.
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
    id: 'reductio-ad-hitlerum',
    description: 'A comparison verb or phrase ("likened … to", "compared … to", "equated … with", "akin to") whose other side is Hitler, the Nazis, a dictator or a terrorist group: condemning by association instead of argument (Da San Martino et al. 2019).',
    confidence: 0.7
  },
  {
    id: 'loaded-comparison',
    description: 'A comparison verb or phrase whose other side is an atrocity or a byword for oppression ("compared the policy to apartheid", "likened the camps to gulags"): the comparison passes judgement by borrowing the horror of the thing named.',
    confidence: 0.6
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
      // A compound the lexicons know as a whole ("Nazi-style") is theirs: when its context rule
      // drops it ("a Nazi-style salute"), its parts must not flag it again. Asked only when a
      // part is an entry (few compounds), not of every hyphenated word.
      if (hit && lexicons.matcher.match(tokens, i, i + 1).length === 0) {
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

  // Loaded comparisons ("likened the minister to Hitler", "compared the policy to apartheid"):
  // after the word rules, so a comparison span stops short of their flags too.
  for (const s of input.sentences) {
    for (const c of comparisonFlags(tokens, text, s.tokenStart, s.tokenEnd, (a, b) => taken(a, b) || out.some((f) => a < f.tokenEnd && f.tokenStart < b))) {
      out.push({ ...c, confidence: negated(c.tokenStart) ? c.confidence * 0.5 : c.confidence })
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
        if (PRESCRIPTIVE.has(w.norm) && isPrescription(tokens, k, s.tokenEnd) && !describesRule(tokens, s.tokenStart, s.tokenEnd)) id = 'writer-prescription'
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

/** Nouns for a rule whose requirements a sentence may report ("under the policy, asylum seekers must wait"). */
const RULE_NOUNS = new Set([
  'law', 'laws', 'policy', 'policies', 'rule', 'rules', 'plan', 'proposal', 'bill', 'order', 'agreement', 'deal',
  'program', 'programme', 'measure', 'regulation', 'regulations', 'guidelines', 'terms', 'settlement', 'ruling',
  'treaty', 'legislation', 'ordinance', 'mandate', 'scheme', 'requirements', 'constitution', 'contract'
])

/**
 * Does the sentence say what a rule requires ("under the policy", "under the new law", "under
 * the terms of the deal")? Then its "must"/"should" reports that rule, not the writer's wish.
 */
function describesRule(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (tokens[k]!.norm !== 'under') continue
    // "under the [new|proposed|…] policy": a rule noun within the next three words.
    for (let j = k + 1; j < b && j <= k + 3; j++) {
      const w = tokens[j]!
      if (w.kind !== 'word') break
      if (RULE_NOUNS.has(w.norm)) return true
    }
  }
  return false
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

/**
 * What a comparison sets its subject beside. `hitler`: Hitler, the Nazis, dictators, terrorist
 * groups (reductio ad hitlerum, a labeling device); `atrocity`: atrocities and bywords for
 * oppression (a loaded comparison). The project's own list from general knowledge of political
 * rhetoric; country names ("the Soviet Union", "North Korea") are left out because economic
 * and historical comparisons with them are routine ("compared with the Soviet Union in 1985").
 * Keys are token norms, possessive "'s" stripped, joined by single spaces.
 */
const COMPARANDA: ReadonlyMap<string, 'hitler' | 'atrocity'> = new Map([
  ...[
    'hitler', 'adolf hitler', 'nazi', 'nazis', 'nazism', 'nazi germany', 'the third reich', 'third reich', 'gestapo',
    'the gestapo', 'stasi', 'the stasi', 'kgb', 'the kgb', 'stalin', 'joseph stalin', 'stalinism', 'stalinist',
    'stalinists', 'mussolini', 'benito mussolini', 'fascism', 'fascist', 'fascists', 'fascist italy', 'mao',
    'chairman mao', 'mao zedong', 'pol pot', 'khmer rouge', 'the khmer rouge', 'goebbels', 'joseph goebbels',
    'josef goebbels', 'himmler', 'mengele', 'josef mengele', 'eichmann', 'brownshirts', 'storm troopers',
    'stormtroopers', 'the taliban', 'taliban', 'isis', 'al-qaeda', 'al qaeda', 'the islamic state', 'jihadists',
    'terrorists', 'a terrorist', 'suicide bombers', 'the kkk', 'kkk', 'the ku klux klan', 'ku klux klan',
    'the klan', 'dictator', 'dictators', 'a dictator', 'dictatorship', 'dictatorships', 'tyrant', 'tyrants',
    'a tyrant', 'despot', 'despots', 'a despot', 'kim jong un', 'kim jong-un', 'saddam hussein', 'idi amin',
    'the mafia', 'mafia', 'mobsters', 'gangsters', 'a mob boss', 'mob boss'
  ].map((k) => [k, 'hitler'] as const),
  ...[
    'apartheid', 'slavery', 'slaves', 'slave owners', 'slaveholders', 'jim crow', 'segregation', 'the holocaust',
    'holocaust', 'genocide', 'a genocide', 'ethnic cleansing', 'concentration camps', 'concentration camp',
    'death camps', 'a death camp', 'gulag', 'gulags', 'a gulag', 'the gulag', 'auschwitz', 'internment camps',
    'serfdom', 'serfs', 'the inquisition', 'inquisition', 'mccarthyism', 'a witch hunt', 'witch hunt',
    'the salem witch trials', 'witch trials', 'kristallnacht', 'the nuremberg rallies', 'a nuremberg rally',
    'nuremberg rally', 'a police state', 'police state', 'a banana republic', 'banana republic', 'the dark ages',
    'a cult', 'a war zone', 'war zone', 'a prison camp', 'prison camps'
  ].map((k) => [k, 'atrocity'] as const)
])
/*
 * Left out on purpose: words that are also literal topics or modifiers next to a comparison
 * ("compared with a placebo in cancer patients", "terrorist attacks compared with 2015", "cult
 * films", "the plague"); bare "terrorist" and "cult" modify a noun more often than they name one.
 */
/** Longest comparandum in words. */
const COMPARANDUM_MAX = 4

/** Verbs and nouns of comparison that take an object before their preposition. */
const COMPARE_WORDS = new Set([
  'compare', 'compared', 'compares', 'comparing', 'liken', 'likened', 'likens', 'likening', 'equate', 'equated',
  'equates', 'equating', 'comparison', 'comparisons', 'parallel', 'parallels', 'analogy', 'analogies'
])
/** Prepositions that introduce the other side of a comparison ("between" takes "X and Y"). */
const COMPARE_PREPS = new Set(['to', 'with', 'between'])
/**
 * Comparison phrases whose other side follows directly ("akin to apartheid", "tantamount to
 * slavery"): head word → the preposition(s) it needs. "different"/"better" count only after "no".
 */
const COMPARE_PHRASES: ReadonlyMap<string, readonly string[]> = new Map([
  ['akin', ['to']],
  ['tantamount', ['to']],
  ['amount', ['to']],
  ['amounts', ['to']],
  ['amounted', ['to']],
  ['amounting', ['to']],
  ['reminiscent', ['of']],
  ['comparable', ['to', 'with']],
  ['equivalent', ['of', 'to']],
  ['different', ['from', 'than']],
  ['better', ['than']]
])
/**
 * Every word that can open a comparison (COMPARE_WORDS and COMPARE_PHRASES' heads): the one
 * look-up comparisonFlags makes on each word of the article before trying either shape.
 */
const COMPARISON_CUES: ReadonlySet<string> = new Set([...COMPARE_WORDS, ...COMPARE_PHRASES.keys()])
/** Most words between a comparison verb and its preposition (the object: "the new voter rules"). */
const OBJECT_MAX_WORDS = 8
/** Most words between the preposition and the comparandum ("to those of Stalin", "to a modern Gestapo"). */
const LEAD_MAX_WORDS = 3
/** Punctuation that ends the comparison's clause (quotation marks and hyphens do not). */
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '!', '?', '(', ')', '…', '-', '\u2013', '\u2014'])

/** Function words a shortened comparison span does not end on. */
const SPAN_TAIL = new Set(['the', 'a', 'an', 'and', 'of', 'those', 'that', 'modern-day', 'new'])

/** Norm of a word without a possessive ending ("stalin's" → "stalin"; norms fold ’ to '). */
function bareNorm(t: Token): string {
  return t.norm.endsWith("'s") ? t.norm.slice(0, -2) : t.norm
}

/**
 * The comparandum starting at word token k (longest first): its kind and end token, or null.
 * Only word tokens take part; punctuation inside the range ends the attempt.
 */
function comparandumAt(tokens: readonly Token[], k: number, end: number): { kind: 'hitler' | 'atrocity'; end: number } | null {
  let key = ''
  let best: { kind: 'hitler' | 'atrocity'; end: number } | null = null
  for (let j = k, n = 0; j < end && n < COMPARANDUM_MAX; j++, n++) {
    const t = tokens[j]!
    if (t.kind !== 'word') break
    key = n === 0 ? bareNorm(t) : `${key} ${bareNorm(t)}`
    const kind = COMPARANDA.get(key)
    if (kind) best = { kind, end: j + 1 }
    // A possessive closes the name ("Stalin's methods"): nothing longer can start with it.
    if (bareNorm(t) !== t.norm) break
  }
  return best
}

/** Word tokens from i (inclusive) up to `max` of them, stopping at a clause break; indices. */
function wordsFrom(tokens: readonly Token[], i: number, end: number, max: number): number[] {
  const out: number[] = []
  for (let k = i; k < end && out.length < max; k++) {
    const t = tokens[k]!
    if (t.kind === 'word' || t.kind === 'number') out.push(k)
    else if (CLAUSE_BREAK.has(t.norm)) break
  }
  return out
}

/**
 * Words that end the lead-in to a comparandum: another preposition or a conjunction opens a new
 * phrase ("compared with a placebo in cancer patients"), while "of" stays inside ("to those of
 * Stalin", "to the days of Jim Crow").
 */
const LEAD_STOP = new Set(['in', 'on', 'at', 'for', 'from', 'by', 'during', 'among', 'after', 'before', 'with', 'to', 'into', 'over', 'under', 'and', 'or', 'but', 'than', 'since', 'who', 'which', 'that'])

/** The first comparandum among the given word indices whose start lies in the first `lead + 1` of them. */
function comparandumAfter(tokens: readonly Token[], idx: readonly number[], end: number): { start: number; kind: 'hitler' | 'atrocity'; end: number } | null {
  for (let n = 0; n < idx.length && n <= LEAD_MAX_WORDS; n++) {
    const c = comparandumAt(tokens, idx[n]!, end)
    if (c) return { start: idx[n]!, ...c }
    if (LEAD_STOP.has(tokens[idx[n]!]!.norm)) return null
  }
  return null
}

/**
 * Loaded comparisons in one sentence [a, b): a comparison verb/noun, an object of at most
 * OBJECT_MAX_WORDS words, "to"/"with" (or "between X and"), then a comparandum within
 * LEAD_MAX_WORDS words; or a comparison phrase ("akin to", "no different from") right before
 * one. A comparison whose object already names a comparandum is a historical one ("compared
 * the rise of Hitler with Mussolini's", "compared apartheid with segregation") and is skipped.
 * The flag runs from the cue to the comparandum and stops before any token `taken` already
 * (a lexicon word such as "concentration camps" keeps its own flag); a taken cue is skipped.
 */
function comparisonFlags(tokens: readonly Token[], text: string, a: number, b: number, taken: (x: number, y: number) => boolean): ConstructionFlag[] {
  const out: ConstructionFlag[] = []
  for (let i = a; i < b; i++) {
    const t = tokens[i]!
    if (t.kind !== 'word' || !COMPARISON_CUES.has(t.norm)) continue
    let cueStart = i
    let object: number[] = []
    let hit: { start: number; kind: 'hitler' | 'atrocity'; end: number } | null
    if (COMPARE_WORDS.has(t.norm)) {
      const after = wordsFrom(tokens, i + 1, b, OBJECT_MAX_WORDS + 1)
      const p = after.findIndex((k) => COMPARE_PREPS.has(tokens[k]!.norm))
      if (p < 0) continue
      object = after.slice(0, p)
      let rest = wordsFrom(tokens, after[p]! + 1, b, LEAD_MAX_WORDS + COMPARANDUM_MAX + OBJECT_MAX_WORDS)
      if (tokens[after[p]!]!.norm === 'between') {
        // "parallels between the policy and apartheid": the first side is the object.
        const and = rest.findIndex((k) => tokens[k]!.norm === 'and')
        if (and < 0) continue
        object = rest.slice(0, and)
        rest = rest.slice(and + 1)
      }
      hit = comparandumAfter(tokens, rest, b)
    } else {
      const preps = COMPARE_PHRASES.get(t.norm)
      if (!preps) continue
      const next = wordsFrom(tokens, i + 1, b, 1)[0]
      if (next === undefined || next !== i + 1 || !preps.includes(tokens[next]!.norm)) continue
      if (t.norm === 'different' || t.norm === 'better') {
        if (i - 1 < a || tokens[i - 1]!.norm !== 'no') continue
        cueStart = i - 1
      }
      hit = comparandumAfter(tokens, wordsFrom(tokens, next + 1, b, LEAD_MAX_WORDS + 1), b)
    }
    if (!hit) continue
    if (object.some((k) => comparandumAt(tokens, k, b) !== null)) continue
    if (taken(cueStart, i + 1)) continue
    let end = hit.end
    for (let k = i + 1; k < end; k++) {
      if (taken(k, k + 1)) {
        end = k
        // Cut short by a flagged comparandum: end on a content word ("… between the lockdown").
        while (end - 1 > i && (tokens[end - 1]!.kind !== 'word' || SPAN_TAIL.has(tokens[end - 1]!.norm))) end--
        break
      }
    }
    const id = hit.kind === 'hitler' ? 'reductio-ad-hitlerum' : 'loaded-comparison'
    const r = rule(id)
    const what = text.slice(tokens[hit.start]!.start, tokens[hit.end - 1]!.end)
    const surface = text.slice(tokens[cueStart]!.start, tokens[hit.end - 1]!.end)
    out.push({
      tokenStart: cueStart,
      tokenEnd: end,
      rule: `rule:${r.id}`,
      category: hit.kind === 'hitler' ? 'labeling' : 'loaded',
      confidence: r.confidence,
      explanation:
        hit.kind === 'hitler'
          ? `"${surface}" compares its target to ${what}: condemning someone by association with Hitler, the Nazis, a dictator or terrorists replaces argument with a smear (reductio ad hitlerum).`
          : `"${surface}" compares its target to ${what}: the comparison judges by borrowing the horror of ${what} instead of showing what the two have in common.`
    })
    i = hit.end - 1
  }
  return out
}
