/**
 * Study schema migrations: each step rewrites a raw (already JSON-parsed, not yet validated)
 * study object from version `from` to version `from + 1`. Steps run in sequence until the
 * document reaches the version this build writes; only then is it validated by `schema.ts`.
 *
 * Rules for adding a step (when STUDY_SCHEMA_VERSION is bumped to N):
 *  - add `{ from: N - 1, ... }` here; never edit or remove an older step;
 *  - a step is a pure function of the old object: no clock, no defaults taken from the
 *    running app (so migrating the same file twice gives the same result);
 *  - it must set `schemaVersion` to `from + 1`;
 *  - add a fixture of the old version to tests/shared/study/.
 *
 * Version 1 is the first published format, so the built-in table is empty; the mechanism is
 * exercised by tests with a synthetic v0 → v1 step.
 */
import { err, ok, type Result } from '../util/result'
import { STUDY_SCHEMA_VERSION } from './schema'

export type RawStudy = Record<string, unknown>

export interface Migration {
  /** The version this step reads; it writes `from + 1`. */
  readonly from: number
  /** One line for logs and tests: what changed. */
  readonly description: string
  readonly up: (doc: RawStudy) => RawStudy
}

/** The migrations shipped with this build, by `from` version. */
export const MIGRATIONS: readonly Migration[] = []

export interface MigrationOptions {
  readonly migrations?: readonly Migration[]
  /** The version to reach (defaults to the schema version this build writes). */
  readonly target?: number
}

export interface Migrated {
  readonly doc: RawStudy
  /** Versions the document passed through, e.g. [0, 1]; just [v] when nothing ran. */
  readonly path: readonly number[]
}

/**
 * Bring `doc` to the target version. Fails with STUDY_TOO_NEW for files written by a newer
 * build (never downgraded: a downgrade would silently drop what the newer build stored) and
 * with STUDY_INVALID when no step exists for a version.
 */
export function migrateStudy(doc: RawStudy, options: MigrationOptions = {}): Result<Migrated> {
  const table = options.migrations ?? MIGRATIONS
  const target = options.target ?? STUDY_SCHEMA_VERSION
  const version = doc['schemaVersion']
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return err('STUDY_INVALID', `"schemaVersion" must be a whole number, found ${JSON.stringify(version) ?? 'nothing'}`)
  }
  if (version > target) {
    return err(
      'STUDY_TOO_NEW',
      `this study was saved by a newer Parallax (study format ${version}; this version reads up to ${target}); update Parallax to open it`
    )
  }
  let cur = doc
  const path = [version]
  for (let v = version; v < target; v++) {
    const step = table.find((m) => m.from === v)
    if (!step) return err('STUDY_INVALID', `study format ${version} is not supported (no migration from version ${v} to ${v + 1})`)
    const next = step.up(cur)
    if (next['schemaVersion'] !== v + 1) {
      // A step that forgets to bump the version would loop or mislabel the file: a bug.
      return err('INTERNAL', `migration from study format ${v} did not produce format ${v + 1}`)
    }
    cur = next
    path.push(v + 1)
  }
  return ok({ doc: cur, path })
}
