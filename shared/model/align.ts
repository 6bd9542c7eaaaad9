/**
 * Alignment: which passages of two articles report the same thing (stage 03-align).
 * A passage is a run of one or more consecutive sentences; links are many-to-many and may
 * cross (reordering is allowed). Offsets follow the invariant in `article.ts`.
 */
import type { ArticleId, ArticleSpan } from './article'

/** One side of a link: a sentence range and its character span. */
export interface PassageRef extends ArticleSpan {
  /** Sentences covered are `[sentenceStart, sentenceEnd)` of that article's segmentation. */
  readonly sentenceStart: number
  readonly sentenceEnd: number
}

/**
 * 'order': structural evidence rather than shared words. Either the score was raised because
 * neighbouring sentences (or the two leads) are linked, which never happens alone (the pair
 * must share content too); or the link is transitive (multi-witness): both passages are linked
 * to the same passage of a third article, which the item names. A transitive link may carry
 * only this item (its passages need not share a single feature), and its weight may be 0 when
 * the passages' own content carries the whole score.
 */
export type EvidenceKind = 'term' | 'entity' | 'number' | 'date' | 'quote' | 'naming' | 'order'

/** Why two passages were linked: a shared term, or two terms known to name one referent. */
export interface Evidence {
  readonly kind: EvidenceKind
  /** The form found in side a (as normalised), and in side b. Equal unless kind is 'naming'. */
  readonly a: string
  readonly b: string
  /** Contribution to the score (after weighting). */
  readonly weight: number
  /** For 'naming': the actor/equivalence-class id that made the two forms equivalent. */
  readonly referent?: string
}

export type LinkOrigin = 'machine' | 'user'

export interface Link {
  /** Stable id derived from the two refs, e.g. "seed:3-4~wire:5-6". */
  readonly id: string
  readonly a: PassageRef
  readonly b: PassageRef
  /** Similarity in [0, 1]; user links have score 1. */
  readonly score: number
  readonly evidence: readonly Evidence[]
  readonly origin: LinkOrigin
}

/** A sentence with no counterpart in some other article ("only in this article"). */
export interface Unmatched extends ArticleSpan {
  readonly sentence: number
  /** Articles in which no counterpart was found (all compared articles when it is unique). */
  readonly missingIn: readonly ArticleId[]
}

/**
 * Character offsets around a sentence boundary inside one side of a link: `end` closes the
 * sentence before the cut, `start` opens the sentence at the cut (`end <= start`).
 */
export interface CutOffsets {
  readonly end: number
  readonly start: number
}

/**
 * A hand correction of the alignment, stored in the study and replayed over machine output
 * (shared/pipeline/03-align/corrections.ts documents the semantics of each kind).
 *  - merge: the named links (one article pair) become one link covering the union of their
 *    sentences on each side (contiguous on both sides, else the correction does not apply);
 *  - split: a link is cut at a sentence boundary on side a (`atA`) and/or side b (`atB`), the
 *    first sentence index of the second half; a side without a cut stays whole in both halves.
 *    `cutA`/`cutB` record the character offsets of that boundary as the UI saw them; the engine
 *    uses the current segmentation instead when it is given one.
 */
export type AlignmentCorrection =
  | { readonly kind: 'link'; readonly a: PassageRef; readonly b: PassageRef; readonly at: string }
  | { readonly kind: 'unlink'; readonly linkId: string; readonly at: string }
  | { readonly kind: 'merge'; readonly linkIds: readonly string[]; readonly at: string }
  | {
      readonly kind: 'split'
      readonly linkId: string
      readonly atA?: number
      readonly atB?: number
      readonly cutA?: CutOffsets
      readonly cutB?: CutOffsets
      readonly at: string
    }

/** A stored correction that had no effect on this run, and why (e.g. its link is gone). */
export interface CorrectionSkip {
  /** Position of the correction in `Study.corrections`. */
  readonly index: number
  readonly kind: AlignmentCorrection['kind']
  /** One plain sentence for the user, e.g. "link seed:3-4~wire:5-6 is no longer produced". */
  readonly reason: string
}

export interface Alignment {
  readonly base: ArticleId
  readonly links: readonly Link[]
  readonly unmatched: readonly Unmatched[]
  /**
   * Stored corrections that did not apply on this run (absent when all applied or when the
   * producer does not report them). Lets the UI say "2 corrections no longer apply".
   */
  readonly skippedCorrections?: readonly CorrectionSkip[]
}
