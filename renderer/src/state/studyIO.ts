// Study (de)serialisation for open/save/autosave: schema, migrations and messages come from
// shared/study so the app, the CLI and tests agree byte for byte.
import type { Study } from '@shared/model'
import type { Result } from '@shared/util/result'
import { parseStudy, serializeStudy as serialize } from '@shared/study'

/** `lexiconVersion`: the analysis' own, so the file records which lexicons produced its flags. */
export function serializeStudy(study: Study, now = new Date().toISOString(), lexiconVersion?: string): string {
  return serialize({ ...study, savedAt: now, ...(lexiconVersion ? { lexiconVersion } : {}) })
}

/** Parses a study file; hash mismatches are repaired with a warning rather than refused. */
export function parseStudyText(text: string, name = 'study', onWarning?: (m: string) => void): Result<Study> {
  const r = parseStudy(text, { rehash: true, ...(onWarning ? { onWarning } : {}) })
  return r.ok ? r : { ok: false, error: { code: r.error.code, message: `${name}: ${r.error.message}` } }
}
