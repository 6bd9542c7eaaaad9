// Study (de)serialisation for open/save/autosave: schema, migrations and messages come from
// shared/study so the app, the CLI and tests agree byte for byte.
import type { Study } from '@shared/model'
import type { Result } from '@shared/util/result'
import { parseStudy, serializeStudy as serialize } from '@shared/study'

/**
 * Why this study cannot be written yet, or null. A study file needs at least one article (the
 * schema refuses an empty one), and the Library lets the user remove them all.
 */
export function unsavableReason(study: Study): string | null {
  return study.articles.length === 0 ? 'Nothing to save yet: this study has no articles. Add at least one article first.' : null
}

/** `lexiconVersion`: the analysis' own, so the file records which lexicons produced its flags. */
export function serializeStudy(study: Study, now = new Date().toISOString(), lexiconVersion?: string): string {
  return serialize({ ...study, savedAt: now, ...(lexiconVersion ? { lexiconVersion } : {}) })
}

/** Parses a study file; hash mismatches are repaired with a warning rather than refused. */
export function parseStudyText(text: string, name = 'study', onWarning?: (m: string) => void): Result<Study> {
  const r = parseStudy(text, { rehash: true, ...(onWarning ? { onWarning } : {}) })
  return r.ok ? r : { ok: false, error: { code: r.error.code, message: `${name}: ${r.error.message}` } }
}
