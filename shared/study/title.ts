// Kept apart from study.ts (which loads the zod schema) so that callers needing only the
// title, like `parallax compare` without --study, do not pay for building the schema.
import type { Article } from '../model'

/** The title a new study gets when none is given: the base article's title. */
export function defaultStudyTitle(base: Article): string {
  return base.meta.title || 'Untitled study'
}
