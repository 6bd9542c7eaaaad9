/**
 * Articles and their segmentation: the data exchanged by stages 01-ingest and 02-segment.
 *
 * Invariant for every type in this folder: offsets are UTF-16 code-unit indices (JavaScript
 * string indices) into `Article.text`, `end` exclusive. Nothing downstream ever searches the
 * text again to find a span; it slices `Article.text` with these offsets.
 */

/** Stable identifier of an article inside a study (slug-like, unique per study). */
export type ArticleId = string

/** A half-open range `[start, end)` of UTF-16 offsets into one article's `text`. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** A span together with the article it belongs to (used wherever spans cross articles). */
export interface ArticleSpan extends Span {
  readonly article: ArticleId
}

export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'paste'

/** Editable metadata of an article. Empty string means "unknown", never undefined. */
export interface ArticleMeta {
  readonly title: string
  readonly outlet: string
  readonly author: string
  /** Publication date as ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when known, else ''. */
  readonly date: string
  readonly url: string
  /** BCP-47 language tag, e.g. 'en'. */
  readonly language: string
  /** Free label for the viewpoint the outlet is taken to represent, e.g. "Iranian state-aligned". */
  readonly viewpoint: string
  /** True for the project's own constructed teaching samples. */
  readonly constructed: boolean
  /** Free-form note (e.g. "Constructed teaching sample; not a real outlet"). */
  readonly note: string
}

export type IngestWarningCode =
  | 'INVALID_ENCODING_REPLACED'
  | 'ENCODING_GUESSED'
  | 'DUPLICATE_LEAD_COLLAPSED'
  | 'BOILERPLATE_REMOVED'
  | 'TEXT_TRUNCATED'
  | 'NO_PARAGRAPH_BREAKS'
  | 'OTHER'

export interface IngestWarning {
  readonly code: IngestWarningCode
  readonly message: string
}

/**
 * A cleaned article. `text` is the canonical text every offset refers to: the extracted body
 * (title, byline, dateline and boilerplate removed), one paragraph per line with paragraphs
 * separated by a blank line and line ends normalised to `\n`. Characters inside paragraphs are
 * kept as they were (curly quotes, dashes, odd spaces are NOT rewritten; matching uses
 * `Token.norm` instead).
 */
export interface Article {
  readonly id: ArticleId
  readonly meta: ArticleMeta
  readonly text: string
  /** Hex SHA-256 of `text` (UTF-8), so exports can prove which text was analysed. */
  readonly hash: string
  readonly source: {
    readonly format: SourceFormat
    readonly fileName: string
    /** Encoding the bytes were decoded from, e.g. 'UTF-8', 'windows-1252'. */
    readonly encoding: string
    readonly byteLength: number
  }
  readonly warnings: readonly IngestWarning[]
}

export type TokenKind = 'word' | 'number' | 'punct'

/** A word, number or punctuation token. `text` is `article.text.slice(start, end)`. */
export interface Token extends Span {
  readonly kind: TokenKind
  /** Case-folded, quote/dash-normalised, diacritics kept: "Azerbaijan’s" → "azerbaijan's". */
  readonly norm: string
  /** Light English stem of `norm` (e.g. "claims" → "claim"); equals `norm` for non-words. */
  readonly stem: string
}

export interface Sentence extends Span {
  /** Index of this sentence within the article (0-based). */
  readonly index: number
  readonly paragraph: number
  /** Tokens of this sentence are `tokens.slice(tokenStart, tokenEnd)`. */
  readonly tokenStart: number
  readonly tokenEnd: number
}

export interface Paragraph extends Span {
  readonly index: number
  /** Sentences of this paragraph are `sentences.slice(sentenceStart, sentenceEnd)`. */
  readonly sentenceStart: number
  readonly sentenceEnd: number
}

export interface Segmentation {
  readonly article: ArticleId
  readonly paragraphs: readonly Paragraph[]
  readonly sentences: readonly Sentence[]
  readonly tokens: readonly Token[]
}
