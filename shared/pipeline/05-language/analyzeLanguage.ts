/**
 * Stage 05-language: flags with provenance, per-sentence sentiment, quotations with speakers,
 * and actor mentions, for one article.
 *
 * Order matters (as in wink-nlp's fixed pipeline): quotation spans first (every flag records
 * whether it is inside one), then naming mentions and coreference (speakers resolve to actors),
 * then lexicon and codebook matching with negation scope, then sentiment, which reuses the
 * same negation scope.
 *
 * Precedence when spans overlap (one flag per stretch of words, most specific source wins):
 *   codebook hit  >  loaded/non-neutral naming term  >  built-in lexicon hit.
 * Two deliberate exceptions sit on top of another flag: scare quotes (around quoted words that
 * may hold their own flags) and repetition (on each repeated use of a loaded term, see
 * repetition.ts), so a use keeps its own provenance and also says it is repeated.
 * A lexicon hit is dropped when it overlaps a codebook hit or lies inside a flagged naming
 * mention ("regime" inside "Zionist regime" is explained once, by the naming class).
 */
import type {
  ActorMention,
  Article,
  Codebook,
  Flag,
  FlagCategory,
  LanguageResult,
  Quote,
  Segmentation,
  SentenceSentiment,
  Token
} from '../../model'
import { builtinLexicons, explainEntry, headRange, lexiconHits, LEXICON_VERSION, negationIndex } from '../../resources/lexicons'
import { findCompoundMentions, findNamingMentions, namingHeadRange, type NamingMention, type NamingResource } from '../../resources/naming'
import { codebookHits } from './codebookHits'
import { attributeQuotes, indirectAttributions, type AttributionContext } from './attribution'
import { quotationSpans, quoteIndexAt } from './quotes'
import { scoreWords } from './sentiment/afinn'
import { nestedActorMentions, resolveCoreference } from './coref'
import { constructionFlags } from './constructions'
import { repetitionFlags } from './repetition'
import { indexTitles, titleHolders, type TitleIndex } from './titles'
import { isReportedFeeling, REPORTED_FEELING_CONFIDENCE, REPORTED_FEELING_RULE } from './feelings'
import { firstAtOrAfter } from '../../util/search'

export { LEXICON_VERSION }

export interface LanguageInput {
  readonly article: Article
  readonly segmentation: Segmentation
  readonly naming: NamingResource
  readonly codebook: Codebook | null
}

/** Confidence multiplier for a match inside a negation scope ("not a malicious act"). */
const NEGATED_FACTOR = 0.5
/**
 * A non-loaded but non-neutral naming choice (metonyms such as "Tel Aviv" for Israel's
 * government, "Azeri") is shown as a weaker flag: below the metric's counting threshold
 * (shared/eval/spans.ts COUNT_MIN_CONFIDENCE), because the choice is usually conventional.
 */
const NAMING_UNLOADED_CONFIDENCE = 0.45
/** Scare quotes: a quotation of at most this many words with no speaker found. */
const SCARE_QUOTE_MAX_WORDS = 4
/**
 * Scare quotes are shown as weaker flags (below the metric's counting threshold): a short quote
 * whose speaker the attribution step missed looks the same, and on the dev sets these flags
 * were mostly attributed titles or terms ("smart village"), not the writer's distancing.
 */
const SCARE_QUOTE_CONFIDENCE = 0.45

/** Lexicon README: strength ≥ 0.5 means "usually evaluative in news" (below: often conventional). */
const EVALUATIVE_STRENGTH = 0.5
/** Epistemic and sourcing markers: shown, but they do not make a sentence opinion. */
const NON_FRAMING: ReadonlySet<FlagCategory> = new Set<FlagCategory>(['hedge', 'factive', 'vague-source'])

/** Categories whose one-word matches may be a person's reported feeling (feelings.ts). */
const FEELING_CATEGORIES: ReadonlySet<FlagCategory> = new Set<FlagCategory>(['loaded', 'fear'])

/** Function words trimmed from the edges of a matched lexicon phrase before highlighting. */
const EDGE_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'as', 'that', 'is', 'are', 'was', 'were', 'be', 'it', 'its', 'their', 'his', 'her', 'our'])

function isFlaggedNaming(m: NamingMention): boolean {
  return m.term.loaded || !m.term.viewpoint.startsWith('neutral')
}

export function analyzeLanguage(input: LanguageInput): LanguageResult {
  const { article, segmentation, naming, codebook } = input
  const text = article.text
  const tokens = segmentation.tokens
  const id = article.id
  const lex = builtinLexicons()

  // Token → sentence index, for mentions and sentiment.
  const tokenSentence = new Int32Array(tokens.length)
  for (const s of segmentation.sentences) tokenSentence.fill(s.index, s.tokenStart, s.tokenEnd)

  const qspans = quotationSpans(text, segmentation.paragraphs)
  const inQuote = (start: number, end: number): boolean => quoteIndexAt(qspans, start, end) >= 0
  // isNegatedAt(tokens, i, from), answered without a scan where no negator precedes i.
  const negatedAt = negationIndex(tokens)

  /** Is the one-word match at token k (offsets start..end) a feeling someone reports (feelings.ts)? */
  const reportedFeeling = (k: number, start: number, end: number): boolean => {
    const s = segmentation.sentences[tokenSentence[k]!]!
    return isReportedFeeling(tokens, k, s.tokenStart, s.tokenEnd, text, inQuote(start, end))
  }

  // Per paragraph: naming mentions, lexicon hits and codebook hits never cross a line break.
  const namingMentions: NamingMention[] = []
  /** Actors inside hyphenated labels ("anti-Israel", "Iran-backed"): nested mentions, never flags. */
  const compoundLabels: ActorMention[] = []
  const flags: Flag[] = []
  /**
   * The flags that explain a sentence for the writer-voice fallbacks (usually evaluative word-
   * level framing flags), in push order, with the largest end among those pushed before the
   * current paragraph: `explained` then looks only at the current paragraph's ones unless an
   * earlier flag reaches past the sentence start (never, as flags stay inside their paragraph;
   * the check keeps the answer exact without relying on that).
   */
  const framing: Flag[] = []
  let paraFraming = 0
  let earlierFramingEnd = -1
  const pushFlag = (f: Omit<Flag, 'id' | 'article' | 'text' | 'inQuote'> & { inQuote?: boolean }): void => {
    const flag = {
      id: `${id}:${f.start}-${f.end}:${f.rule}`,
      article: id,
      text: text.slice(f.start, f.end),
      inQuote: f.inQuote ?? inQuote(f.start, f.end),
      ...f
    } as Flag
    flags.push(flag)
    if (flag.confidence >= EVALUATIVE_STRENGTH && !NON_FRAMING.has(flag.category)) framing.push(flag)
  }
  const explained = (a: number, b: number): boolean => {
    const from = earlierFramingEnd > a ? 0 : paraFraming
    for (let k = from; k < framing.length; k++) {
      const f = framing[k]!
      if (f.start < b && a < f.end) return true
    }
    return false
  }

  for (const p of segmentation.paragraphs) {
    const first = segmentation.sentences[p.sentenceStart]
    const last = segmentation.sentences[p.sentenceEnd - 1]
    if (!first || !last) continue
    const from = first.tokenStart
    const to = last.tokenEnd
    for (; paraFraming < framing.length; paraFraming++) earlierFramingEnd = Math.max(earlierFramingEnd, framing[paraFraming]!.end)

    // With the text, so a bare all-caps dateline ("TEHRAN —") is not taken for a mention.
    const whole = findNamingMentions(tokens, naming, from, to, text)
    // Actors inside hyphenated compounds, which the matcher sees as one word: parts that name
    // actors ("Azerbaijan-Israel ties", "Baku-Tel Aviv") are naming choices like any mention;
    // actors inside a label ("anti-Israel", "Iran-backed") count as mentions, not choices.
    const compound = findCompoundMentions(tokens, naming, whole, from, to, text)
    const names = compound.names.length === 0 ? whole : [...whole, ...compound.names].sort((x, y) => x.start - y.start)
    namingMentions.push(...names)
    for (const m of compound.labels) {
      compoundLabels.push({ article: id, start: m.start, end: m.end, actor: m.actor, sentence: tokenSentence[m.tokenStart]!, term: m.term.id, within: m.within })
    }
    const cb = codebook && codebook.entries.length > 0 ? codebookHits(codebook, tokens, from, to) : []
    const taken: Array<[number, number]> = cb.map((h) => [h.tokenStart, h.tokenEnd])
    const overlapsTaken = (a: number, b: number): boolean => taken.some(([s, e]) => a < e && s < b)

    for (const h of cb) {
      const start = tokens[h.tokenStart]!.start
      const end = tokens[h.tokenEnd - 1]!.end
      const negated = negatedAt(h.tokenStart, from)
      const surface = text.slice(start, end)
      pushFlag({
        start,
        end,
        category: h.entry.category,
        rule: `codebook:${h.entry.term}`,
        explanation: h.entry.note
          ? `Your codebook marks "${surface}" as ${h.entry.category}: ${h.entry.note}`
          : `Your codebook marks "${surface}" as ${h.entry.category}.`,
        confidence: negated ? NEGATED_FACTOR : 1,
        negated
      })
    }

    // Mentions inside a compound share its token ("Baku" and "Tel Aviv" in "Baku-Tel Aviv"):
    // they are checked against what was taken before any of them, and taken afterwards.
    const partTaken: Array<[number, number]> = []
    for (const m of names) {
      const part = m.start !== tokens[m.tokenStart]!.start || m.end !== tokens[m.tokenEnd - 1]!.end
      if (!isFlaggedNaming(m) || overlapsTaken(m.tokenStart, m.tokenEnd)) continue
      ;(part ? partTaken : taken).push([m.tokenStart, m.tokenEnd])
      const actor = naming.actorById.get(m.actor)
      const surface = text.slice(m.start, m.end)
      // The flag highlights the term's head when it has one ("regime" in "Israeli regime"); the
      // whole mention stays taken, so a lexicon hit on the other words is still explained once.
      // A part of a compound is highlighted exactly, never its whole token.
      const [ha, hb] = namingHeadRange(tokens, m)
      pushFlag({
        start: part ? m.start : tokens[ha]!.start,
        end: part ? m.end : tokens[hb - 1]!.end,
        category: 'contested-naming',
        rule: `${naming.id}:${m.term.id}`,
        explanation:
          m.term.explanation ||
          `"${surface}" is one of several names for ${actor?.label ?? m.actor}; this choice signals a ${m.term.viewpoint} viewpoint.`,
        confidence: m.term.loaded ? 0.85 : NAMING_UNLOADED_CONFIDENCE,
        referent: m.actor,
        viewpoint: m.term.viewpoint,
        negated: false
      })
    }

    taken.push(...partTaken)
    const lexTaken: Array<[number, number]> = []
    for (const h of lexiconHits(tokens, from, to, { lexicons: lex, text })) {
      if (overlapsTaken(h.tokenStart, h.tokenEnd)) continue
      lexTaken.push([h.tokenStart, h.tokenEnd])
      // Highlight the evaluative head when the entry names one ("illegal" in "illegal
      // immigrants"; a fixed expression names itself whole: "it is what it is"), else the
      // content words of the phrase: "a handful of" → "handful".
      let [a, b] = headRange(tokens, h)
      if (h.entry.headStems.length === 0) {
        while (b - a > 1 && EDGE_FUNCTION_WORDS.has(tokens[a]!.norm)) a++
        while (b - a > 1 && EDGE_FUNCTION_WORDS.has(tokens[b - 1]!.norm)) b--
      }
      const start = tokens[a]!.start
      const end = tokens[b - 1]!.end
      const e = h.entry
      // The explanation quotes the whole matched phrase, even when only its head is highlighted.
      const surface = text.slice(tokens[h.tokenStart]!.start, tokens[h.tokenEnd - 1]!.end)
      const confidence = h.negated ? e.strength * NEGATED_FACTOR : e.strength
      // A feeling reported of a person ("families said they were devastated") is that person's
      // state, not the writer's judgement of the events (feelings.ts): a weaker flag that says so.
      const feeling = FEELING_CATEGORIES.has(e.category as FlagCategory) && h.tokenEnd - h.tokenStart === 1 && reportedFeeling(h.tokenStart, start, end)
      const base: Omit<Flag, 'id' | 'article' | 'text' | 'inQuote'> = feeling
        ? {
            start,
            end,
            category: e.category as FlagCategory,
            rule: `rule:${REPORTED_FEELING_RULE}/${e.rule}`,
            explanation: `"${surface}" describes how someone in the story feels (a reported feeling), not the writer's own judgement of the events, so it is shown as a weaker flag; the same word used to describe an event ("a devastating attack") would be loaded wording.`,
            confidence: Math.min(confidence, REPORTED_FEELING_CONFIDENCE),
            negated: h.negated
          }
        : {
            start,
            end,
            category: e.category as FlagCategory,
            rule: e.rule,
            explanation: explainEntry(e, surface),
            confidence,
            negated: h.negated
          }
      pushFlag(e.viewpoint ? { ...base, viewpoint: e.viewpoint } : base)
    }

    // Construction rules (constructions.ts): opinion signalled by a phrase's or sentence's shape
    // (intensified evaluation, the writer's exclamations and questions, hyphenated compounds
    // built on a lexicon word). They never overlap a codebook, naming or lexicon flag.
    taken.push(...lexTaken)
    for (const c of constructionFlags({
      tokens,
      text,
      from,
      to,
      sentences: segmentation.sentences.slice(p.sentenceStart, p.sentenceEnd),
      lexicons: lex,
      inQuote,
      taken: overlapsTaken,
      negated: (i) => negatedAt(i, from),
      explained
    })) {
      const base: Omit<Flag, 'id' | 'article' | 'text' | 'inQuote'> = {
        start: tokens[c.tokenStart]!.start,
        end: tokens[c.tokenEnd - 1]!.end,
        category: c.category as FlagCategory,
        rule: c.rule,
        explanation: c.explanation,
        confidence: c.confidence,
        negated: c.entry ? negatedAt(c.tokenStart, from) : false
      }
      pushFlag(c.entry?.viewpoint ? { ...base, viewpoint: c.entry.viewpoint } : base)
    }
  }

  // Actors: naming mentions plus simple coreference (pronouns/role nouns within a paragraph).
  // Who holds which title ("Foreign Minister Ana Costa"), for definite titles used later; found
  // on first demand (a scan of every token), as most articles never need it.
  let titleIndex: TitleIndex | undefined
  const titles = (): TitleIndex => (titleIndex ??= indexTitles(titleHolders(text, tokens, namingMentions, naming)))
  const mentions: ActorMention[] = resolveCoreference({ article: id, tokens, segmentation, naming, mentions: namingMentions, tokenSentence, titles })
  // Actors named inside other actors' names: a separate list, so `mentions` stays disjoint with
  // unique starts (what attribution's binary search and the highlights rely on) and no flag is
  // ever made from them (flags above come from the top-level naming mentions only).
  const nestedMentions = nestedActorMentions(id, namingMentions, mentions)
  if (compoundLabels.length > 0) {
    nestedMentions.push(...compoundLabels)
    nestedMentions.sort((a, b) => a.start - b.start || a.end - b.end)
  }

  // Quotations and attributions.
  const ctx: AttributionContext = { text, tokens, segmentation, naming, mentions, tokenSentence, titles }
  const direct = attributeQuotes(ctx, qspans, id)
  // With the quotations, so an attribution that only repeats one of them is not counted twice.
  const quotes: Quote[] = [...direct, ...indirectAttributions(ctx, qspans, id, direct)].sort((a, b) => a.start - b.start || a.end - b.end)

  // Scare quotes: short quoted words nobody is said to have spoken are the writer's distancing.
  for (let i = 0; i < qspans.length; i++) {
    const q = qspans[i]!
    const quote = direct[i]!
    // A reporting verb attributes the quotation even when its pronoun speaker is unresolved
    // ('"These thugs must go," she said' with no earlier name): a quotation, not distancing.
    if (quote.speaker !== '' || quote.verb !== '' || !q.closed) continue
    let words = 0
    for (const t of tokensIn(tokens, q.innerStart, q.innerEnd)) if (t.kind === 'word') words++
    if (words === 0 || words > SCARE_QUOTE_MAX_WORDS) continue
    if (/[.!?]\s*$/.test(text.slice(q.innerStart, q.innerEnd))) continue
    pushFlag({
      start: q.start,
      end: q.end,
      category: 'doubt',
      rule: 'rule:scare-quotes',
      explanation: `Putting "${text.slice(q.innerStart, q.innerEnd)}" in quotation marks without saying who said it distances the writer from the words and hints they are not to be taken at face value.`,
      confidence: SCARE_QUOTE_CONFIDENCE,
      inQuote: false,
      negated: false
    })
  }

  // Repetition is article-level: the same loaded term used REPETITION_MIN+ times anywhere in the
  // article (repetition.ts). It reads the finished word-level flags and reuses their offsets.
  for (const r of repetitionFlags(flags, tokens, text)) pushFlag(r)

  flags.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : 1))

  // Sentiment per sentence, with the same negation scope as the flags.
  const sentences: SentenceSentiment[] = []
  for (const s of segmentation.sentences) {
    const idx: number[] = []
    const words: string[] = []
    const neg: boolean[] = []
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k]!
      if (t.kind !== 'word') continue
      idx.push(k)
      words.push(t.norm)
      neg.push(negatedAt(k, s.tokenStart))
    }
    const r = scoreWords(words, neg)
    sentences.push({
      article: id,
      start: s.start,
      end: s.end,
      sentence: s.index,
      score: r.score,
      comparative: words.length > 0 ? r.score / words.length : 0,
      words: r.words.map((w) => {
        const t = tokens[idx[w.index]!]!
        return { start: t.start, end: t.end, score: w.score }
      })
    })
  }

  // The key is left out when empty, so results (and exports) without nested names are unchanged.
  return nestedMentions.length > 0
    ? { article: id, flags, sentences, quotes, mentions, nestedMentions }
    : { article: id, flags, sentences, quotes, mentions }
}

/** Tokens whose start lies in [start, end) — a linear scan is fine for quote-sized ranges. */
function* tokensIn(tokens: readonly Token[], start: number, end: number): Generator<Token> {
  for (let k = firstAtOrAfter(tokens, start); k < tokens.length && tokens[k]!.start < end; k++) yield tokens[k]!
}
