/**
 * A study: what the user saves and reopens (`*.parallax.json`). The runtime schema and its
 * migrations live in `shared/study/`; these are the static types.
 */
import type { ArticleId, ArticleMeta, Article, IngestWarning } from './article'
import type { AlignmentCorrection } from './align'
import type { Codebook, FlagCategory } from './language'

export interface FlagReview {
  readonly flagId: string
  readonly status: 'accepted' | 'rejected'
  readonly note: string
  readonly at: string
}

/** A user's own highlight on a text selection. */
export interface Annotation {
  readonly id: string
  readonly article: ArticleId
  readonly start: number
  readonly end: number
  readonly category: FlagCategory
  readonly note: string
  readonly at: string
}

export interface StudySettings {
  /** Minimum similarity for a machine link (default from the engine). */
  readonly linkThreshold?: number
  /** Highlight layers shown, by id. */
  readonly layers?: readonly string[]
  readonly blindSources?: boolean
}

export interface StudyArticle {
  readonly id: ArticleId
  readonly meta: ArticleMeta
  readonly text: string
  readonly hash: string
  readonly source: Article['source']
  /** What ingestion changed or guessed (kept so exports from a study match exports at import). */
  readonly warnings?: readonly IngestWarning[]
}

export interface Study {
  readonly format: 'parallax-study'
  readonly schemaVersion: number
  readonly appVersion: string
  readonly lexiconVersion: string
  readonly title: string
  readonly createdAt: string
  readonly savedAt: string
  readonly base: ArticleId
  /** Display order of articles; the base need not be first. */
  readonly articles: readonly StudyArticle[]
  readonly corrections: readonly AlignmentCorrection[]
  readonly reviews: readonly FlagReview[]
  readonly annotations: readonly Annotation[]
  readonly codebook: Codebook | null
  readonly settings: StudySettings
}
