/**
 * Language analysis (stage 05-language): flags with provenance, sentiment, quotations, actors.
 */
import type { ArticleId, ArticleSpan, Span } from './article'

export type FlagCategory =
  | 'loaded'
  | 'labeling'
  | 'exaggeration'
  | 'doubt'
  | 'fear'
  | 'hedge'
  | 'factive'
  | 'reporting-verb'
  | 'vague-source'
  | 'contested-naming'
  | 'annotation'

/**
 * A machine suggestion (or user annotation) on a span of one article. Every flag says which
 * rule produced it and why, so the UI and exports can explain it.
 */
export interface Flag extends ArticleSpan {
  /** Stable id: `${article}:${start}-${end}:${rule}`. */
  readonly id: string
  /** `article.text.slice(start, end)`, stored for readable exports. */
  readonly text: string
  readonly category: FlagCategory
  /** Provenance: "<lexiconId>:<entryId>" or "rule:<ruleId>" or "codebook:<term>" or "user". */
  readonly rule: string
  /** One plain sentence a student understands. */
  readonly explanation: string
  /** 0..1: how sure the rule is that this use is evaluative/loaded in context. */
  readonly confidence: number
  /** True when the span lies inside a quotation (someone else's words, not the outlet's voice). */
  readonly inQuote: boolean
  /** For contested naming: the referent (actor id) and the viewpoint the term signals. */
  readonly referent?: string
  readonly viewpoint?: string
  /** True when the match sits in the scope of a negation ("not a terrorist act"). */
  readonly negated?: boolean
}

export interface SentenceSentiment extends ArticleSpan {
  readonly sentence: number
  /** Sum of word scores (AFINN-based, own negation handling). */
  readonly score: number
  /** score / number of word tokens. */
  readonly comparative: number
  /** The scored words with their contributions, for explanations. */
  readonly words: readonly { readonly start: number; readonly end: number; readonly score: number }[]
}

/** A quotation and, where found, who is quoted and with which reporting verb. */
export interface Quote extends ArticleSpan {
  readonly speaker: string
  /** Actor id of the speaker when it resolves to one, else ''. */
  readonly speakerActor: string
  /** Side/affiliation label of the speaker when known (e.g. "Iran (government)"), else ''. */
  readonly side: string
  readonly verb: string
  readonly anonymous: boolean
  /**
   * True for a quotation in quote marks; false for an attribution without them ("according to
   * X, …", "X reported that …"), whose span is the attributed sentence. Optional for backward
   * compatibility: absent means true.
   */
  readonly direct?: boolean
  /**
   * Exact offsets of an attribution's parts (indirect attributions: "X said the talks had
   * failed", "X reported that …", "according to X, …"), each inside [start, end). Optional
   * and additive: absent on quotations in marks and in results from before it existed.
   */
  readonly parts?: QuoteParts
}

/** Where the source, the reporting verb and the reported content of an attribution stand. */
export interface QuoteParts {
  /** The source as written ("Iran's foreign ministry", "he", "officials"); absent when hidden ("it is said that"). */
  readonly source?: Span
  /** The reporting verb or verb group ("said", "is said", "according to"). */
  readonly verb: Span
  /** The reported content: the clause or stretch of the sentence attributed to the source. */
  readonly content: Span
}

/** A mention of an actor (resolved through naming classes and simple coreference). */
export interface ActorMention extends ArticleSpan {
  readonly actor: string
  readonly sentence: number
  /** The surface term's id in the naming resource (which naming choice was made). */
  readonly term: string
  /**
   * Only on nested mentions (`LanguageResult.nestedMentions`): the actor id of the mention whose
   * name contains this one ("azerbaijan-state-security-service" for "Azerbaijan's" in
   * "Azerbaijan's State Security Service"), or, for an actor inside a hyphenated word that names
   * no actor as a whole, that word in lower case ("anti-israel" for "Israel" in "anti-Israel"),
   * which is no actor id and sits inside no entry of `mentions`. Absent on every entry of
   * `mentions`.
   */
  readonly within?: string
}

export interface LanguageResult {
  readonly article: ArticleId
  readonly flags: readonly Flag[]
  readonly sentences: readonly SentenceSentiment[]
  readonly quotes: readonly Quote[]
  /**
   * Invariant: sorted by `start`, pairwise disjoint, so start offsets are unique — one mention
   * per stretch of text. Attribution binary-searches it, coreference's "most recent person" walks
   * it, highlights are built from its offsets; none of them ever sees a nested mention.
   */
  readonly mentions: readonly ActorMention[]
  /**
   * Actors named inside another actor's name (the naming resource's `contains`: "Azerbaijan's"
   * in "Azerbaijan's State Security Service", "Iran's" in "Iran's Ministry of Intelligence"),
   * kept apart from `mentions` so its invariant holds (a nested mention may start where its
   * parent starts). Invariants: sorted by `start`; each has `within` set and lies inside exactly
   * one entry of `mentions` (start ≥ parent.start, end ≤ parent.end, same `sentence`) whose
   * `actor` is `within`; nested mentions are disjoint from each other. They count as mentions of
   * their actor in the report (how often it is named, the sentences about it) but are never made
   * into flags and are not naming choices (the outlet chose the institution's name, not a word
   * for the country). Optional for backward compatibility: absent when there are none, so
   * results without such names are unchanged.
   */
  readonly nestedMentions?: readonly ActorMention[]
}

/** A user codebook entry that adds to or overrides the built-in lexicons. */
export interface CodebookEntry {
  readonly term: string
  readonly category: FlagCategory
  readonly note: string
}

export interface Codebook {
  readonly name: string
  readonly entries: readonly CodebookEntry[]
}
