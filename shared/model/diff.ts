/**
 * Word-level differences inside aligned passages (stage 04-diff).
 */
import type { Span } from './article'

/** One diff operation. `a` spans into the link's side-a article, `b` into side b. */
export type DiffOp =
  | { readonly op: 'equal'; readonly a: Span; readonly b: Span }
  | { readonly op: 'delete'; readonly a: Span }
  | { readonly op: 'insert'; readonly b: Span }

export type ChangeKind =
  | 'naming-swap'
  | 'intensity'
  | 'hedge-added'
  | 'hedge-dropped'
  | 'reporting-verb'
  | 'evaluative-added'
  | 'evaluative-removed'
  | 'quote-changed'
  | 'number-changed'
  | 'other'

/** A classified substitution, insertion or deletion, with a plain-language explanation. */
export interface Change {
  readonly kind: ChangeKind
  readonly a?: Span
  readonly b?: Span
  /** The rule that classified it, e.g. "naming:israel" or "intensity:criticise>slam". */
  readonly rule: string
  readonly explanation: string
}

export interface PassageDiff {
  readonly linkId: string
  readonly ops: readonly DiffOp[]
  readonly changes: readonly Change[]
  /** True when diff-match-patch hit its fixed deadline; the ops are then coarser but valid. */
  readonly timedOut: boolean
}
