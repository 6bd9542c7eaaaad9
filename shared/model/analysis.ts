/**
 * The composed result of the whole pipeline (`shared/pipeline/analyze.ts`) and the
 * per-outlet aggregates of stage 06-report. This is what the UI renders and every export
 * serialises; nothing on screen is computed anywhere else.
 */
import type { Article, ArticleId, Segmentation } from './article'
import type { Alignment } from './align'
import type { PassageDiff } from './diff'
import type { Codebook, FlagCategory, LanguageResult } from './language'
import type { FlagReview, Annotation } from './study'

export interface OutletMetrics {
  readonly article: ArticleId
  readonly words: number
  readonly sentences: number
  /** Flags per 100 words, by category, own voice (not in quotes). */
  readonly flagsPer100: Readonly<Partial<Record<FlagCategory, number>>>
  readonly ownVoiceFlags: number
  readonly quotedFlags: number
  readonly meanSentiment: number
  /** Share (0..1) of this article's sentences with no counterpart in any other article. */
  readonly uniqueShare: number
  /** Quotations by side of the speaker ("" = unknown side). */
  readonly sourcesBySide: Readonly<Record<string, number>>
}

/** Actor × outlet: which terms each outlet uses for each actor, how often, and where. */
export interface NamingCell {
  readonly actor: string
  readonly article: ArticleId
  readonly terms: readonly {
    readonly term: string
    readonly surface: string
    readonly count: number
    readonly viewpoint: string
    readonly offsets: readonly number[]
  }[]
  /**
   * Mentions of the actor inside another actor's name (`LanguageResult.nestedMentions`, e.g.
   * "Azerbaijan's" in "Azerbaijan's State Security Service", or "Israel" in "anti-Israel", where
   * `within` is the hyphenated word in lower case), one entry per containing actor or word
   * (`within`) and inner term: counted as mentions of the actor but not naming choices, so they
   * are not in `terms`. How often the article names the actor = the sum of `count` over `terms`
   * and `nested`. Absent when there are none (older analyses and most articles); a cell may have
   * empty `terms` when the actor is only named inside other names.
   */
  readonly nested?: readonly {
    readonly within: string
    readonly term: string
    readonly surface: string
    readonly count: number
    readonly viewpoint: string
    readonly offsets: readonly number[]
  }[]
  /** Mean sentiment of the article's sentences that mention the actor (each sentence once). */
  readonly meanSentiment: number | null
}

/**
 * How the two passages of one link differ in tone and loaded wording (side b minus side a).
 * Counts are own-voice flags only (quotations are someone else's words).
 */
export interface LinkDelta {
  readonly linkId: string
  /** Sum of the sentence sentiment scores of each passage. */
  readonly sentimentA: number
  readonly sentimentB: number
  readonly sentimentDelta: number
  /** Own-voice framing flags (see `FRAMING_CATEGORIES` in 06-report) in each passage. */
  readonly loadedA: number
  readonly loadedB: number
  readonly loadedDelta: number
}

export interface Analysis {
  readonly engineVersion: string
  readonly lexiconVersion: string
  readonly codebook: Codebook | null
  /** Minimum similarity for a machine link used in this run (recorded for methods sections). */
  readonly linkThreshold?: number
  /**
   * Which links have word diffs in `diffs`: 'all', or only those involving the base ('base')
   * when a large study has too many links to diff them all.
   */
  readonly diffScope?: 'all' | 'base'
  /**
   * Which pairs of articles were aligned: 'all' pairs, or only the base with each other article
   * ('base', for studies with more articles than the composer aligns all pairs for).
   */
  readonly alignScope?: 'all' | 'base'
  readonly base: ArticleId
  readonly articles: readonly Article[]
  readonly segmentations: readonly Segmentation[]
  readonly alignment: Alignment
  readonly diffs: readonly PassageDiff[]
  readonly language: readonly LanguageResult[]
  readonly metrics: readonly OutletMetrics[]
  readonly naming: readonly NamingCell[]
  /**
   * Display names of the actors in `naming` (and of the actors they are named inside), from the
   * naming classes used for this analysis (built-in or user-extended): "aliyev" → "Ilham
   * Aliyev". Optional: hand-made fixtures and older analyses fall back to the id.
   */
  readonly actorLabels?: Readonly<Record<string, string>>
  /** One per link of `alignment.links`, same order (optional only for hand-made fixtures). */
  readonly linkDeltas?: readonly LinkDelta[]
  readonly reviews: readonly FlagReview[]
  readonly annotations: readonly Annotation[]
}
