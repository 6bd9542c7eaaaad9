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

/** 'order': the score was raised because neighbouring sentences are linked (never alone). */
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

/** A hand correction of the alignment, stored in the study and replayed over machine output. */
export type AlignmentCorrection =
  | { readonly kind: 'link'; readonly a: PassageRef; readonly b: PassageRef; readonly at: string }
  | { readonly kind: 'unlink'; readonly linkId: string; readonly at: string }

export interface Alignment {
  readonly base: ArticleId
  readonly links: readonly Link[]
  readonly unmatched: readonly Unmatched[]
}
