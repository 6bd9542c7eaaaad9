/**
 * Study files: create, parse (migrate + validate + integrity check), serialise, and turn into
 * the composer's input. Shared by the app, the web twin and the CLI; no I/O here (callers read
 * and write the text; atomic saving is the platform layer's job).
 *
 * Hash policy (decided here, documented in docs/exports.md): a study article whose `text` does
 * not hash to its recorded `hash` is an ERROR by default. The hash is what exports cite as proof
 * of which text was analysed, and reviews, annotations and corrections point into the text by
 * offset; a text edited outside Parallax (or damaged by an editor's re-encoding) would make
 * both silently wrong. Callers that want to open such a file anyway (e.g. after asking the
 * user) pass `{ rehash: true }`: hashes are recomputed and each mismatch is reported in
 * `warnings` so it can be shown.
 */
import type { AnalyzeInput } from '../pipeline/analyze'
import type { AlignmentCorrection, Annotation, Article, ArticleId, Codebook, FlagReview, Study, StudySettings } from '../model'
import { err, ok, type Result } from '../util/result'
import { sha256 } from '../util/sha256'
import { ENGINE_VERSION } from '../version'
import { EXPORT_FORMAT } from '../pipeline/06-report/serializers/json'
import { migrateStudy, type Migration, type RawStudy } from './migrations'
import { canonicalStudy, STUDY_FORMAT, STUDY_SCHEMA_VERSION, validateStudyData } from './schema'
import { defaultStudyTitle } from './title'
import { jsonErrorOffset } from './jsonError'

export { STUDY_FORMAT, STUDY_SCHEMA_VERSION } from './schema'


export interface ParseStudyOptions {
  /** Recompute article hashes that do not match their text instead of failing. */
  readonly rehash?: boolean
  /** Override the migration table (tests). */
  readonly migrations?: readonly Migration[]
  /** Receives one line per non-fatal finding (hash repaired, migration applied). */
  readonly onWarning?: (message: string) => void
}

/** "line 3, column 14" for a character position in `text`. */
function lineColumn(text: string, pos: number): string {
  let line = 1
  let col = 1
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      col = 1
    } else col++
  }
  return `line ${line}, column ${col}`
}

/** The marker every study file carries near its top (the first key of `canonicalStudy`). */
const STUDY_MARK = new RegExp(`"format"\\s*:\\s*"${STUDY_FORMAT}"`)

/**
 * Parse JSON with a message that tells truncated files apart from otherwise broken ones, and
 * a file that is not a study at all (a text, an article) apart from a damaged study.
 */
function parseJson(text: string): Result<unknown> {
  if (text.trim() === '') return err('STUDY_INVALID', 'the study file is empty')
  try {
    return ok(JSON.parse(text) as unknown)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    // Node 20 gives a position for most syntax errors but not for "Unexpected token 'x'";
    // then the scanner finds it (only run here, after a failure).
    const m = /position (\d+)/.exec(message)
    const pos = m ? Number(m[1]) : jsonErrorOffset(text)
    // Not JSON at all (an article, a PDF, notes): the user picked the wrong file.
    if (!/^\s*[{[]/.test(text)) return err('STUDY_INVALID', 'this is not a Parallax study file (.parallax.json): it does not hold JSON')
    const truncated = /end of JSON input/i.test(message) || (pos !== null && pos >= text.trimEnd().length)
    if (truncated) {
      return err('STUDY_INVALID', 'the study file is truncated (its JSON ends too early); it may have been cut off while saving')
    }
    const place = pos !== null ? ` at ${lineColumn(text, pos)}` : ''
    if (!STUDY_MARK.test(text)) {
      return err('STUDY_INVALID', `this is not a Parallax study file (.parallax.json): no "format": "${STUDY_FORMAT}", and not valid JSON${place}`)
    }
    // V8's own words say what was expected; its echo of the text and its offset are dropped
    // (the line and column replace the offset).
    const why = message.replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '').trim()
    return err('STUDY_INVALID', `the study file is corrupt: not valid JSON${place}${why ? ` (${why})` : ''}`)
  }
}

/**
 * Read a study from the text of a `.parallax.json` file. Errors (codes STUDY_INVALID and
 * STUDY_TOO_NEW) carry one line that says what is wrong and, where possible, where.
 */
export function parseStudy(text: string, options: ParseStudyOptions = {}): Result<Study> {
  // A BOM is legal at the start of a UTF-8 text file but not in JSON.
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  if (!json.ok) return json
  const data = json.value
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return err('STUDY_INVALID', 'this is not a Parallax study (the file holds JSON, but not a study object)')
  }
  const raw = data as RawStudy
  if (raw['format'] !== STUDY_FORMAT) {
    if (raw['format'] === EXPORT_FORMAT) {
      return err('STUDY_INVALID', 'this is a Parallax JSON export, not a study; open the .parallax.json study it came from')
    }
    return err('STUDY_INVALID', `this is not a Parallax study (expected "format": "${STUDY_FORMAT}")`)
  }
  const migrated = migrateStudy(raw, { migrations: options.migrations })
  if (!migrated.ok) return migrated
  if (migrated.value.path.length > 1) {
    options.onWarning?.(`study format ${migrated.value.path.join(' → ')}: upgraded; saving writes format ${STUDY_SCHEMA_VERSION}`)
  }
  const valid = validateStudyData(migrated.value.doc)
  if (!valid.ok) return err(valid.error.code, `the study file is invalid: ${valid.error.message}`)
  let study = valid.value

  const fixed: string[] = []
  const articles = study.articles.map((a) => {
    const actual = sha256(a.text)
    if (actual === a.hash) return a
    fixed.push(a.id)
    return { ...a, hash: actual }
  })
  if (fixed.length > 0) {
    const what = `article "${fixed[0]}"${fixed.length > 1 ? ` (and ${fixed.length - 1} more)` : ''}`
    if (!options.rehash) {
      return err(
        'STUDY_INVALID',
        `${what}: the text does not match its recorded hash; the file was changed outside Parallax, so reviews and annotations may point at the wrong words`
      )
    }
    for (const id of fixed) options.onWarning?.(`article "${id}": text did not match its recorded hash; hash recomputed`)
    study = { ...study, articles }
  }
  return ok(study)
}

export interface CreateStudyOptions {
  /** Version of the lexicons the analysis used (`Analysis.lexiconVersion`). */
  readonly lexiconVersion: string
  readonly title?: string
  /** ISO timestamp used for createdAt/savedAt (injected: shared/ has no clock of its own). */
  readonly now: string
  readonly corrections?: readonly AlignmentCorrection[]
  readonly reviews?: readonly FlagReview[]
  readonly annotations?: readonly Annotation[]
  readonly codebook?: Codebook | null
  readonly settings?: StudySettings
}

export { defaultStudyTitle } from './title'

/** A new study over `articles` (display order kept) with `base` as the base article. */
export function createStudy(articles: readonly Article[], base: ArticleId, options: CreateStudyOptions): Result<Study> {
  if (articles.length === 0) return err('STUDY_INVALID', 'a study needs at least one article')
  const baseArticle = articles.find((a) => a.id === base)
  if (!baseArticle) return err('STUDY_INVALID', `the base article "${base}" is not among the study's articles`)
  const study: Study = {
    format: STUDY_FORMAT,
    schemaVersion: STUDY_SCHEMA_VERSION,
    appVersion: ENGINE_VERSION,
    lexiconVersion: options.lexiconVersion,
    title: options.title ?? defaultStudyTitle(baseArticle),
    createdAt: options.now,
    savedAt: options.now,
    base,
    articles: articles.map((a) => ({
      id: a.id,
      meta: a.meta,
      text: a.text,
      hash: a.hash,
      source: a.source,
      ...(a.warnings.length > 0 ? { warnings: a.warnings } : {})
    })),
    corrections: options.corrections ?? [],
    reviews: options.reviews ?? [],
    annotations: options.annotations ?? [],
    codebook: options.codebook ?? null,
    settings: options.settings ?? {}
  }
  // Same checks as loading, so a study this function returns always reopens.
  const valid = validateStudyData(study)
  return valid.ok ? ok(canonicalStudy(study)) : valid
}

/** The composer's input for a study (articles in display order, base, the user's work). */
export function studyToAnalyzeInput(study: Study): AnalyzeInput {
  return {
    articles: study.articles.map(
      (a): Article => ({ id: a.id, meta: a.meta, text: a.text, hash: a.hash, source: a.source, warnings: a.warnings ?? [] })
    ),
    base: study.base,
    corrections: study.corrections,
    reviews: study.reviews,
    annotations: study.annotations,
    codebook: study.codebook,
    ...(study.settings.linkThreshold !== undefined ? { linkThreshold: study.settings.linkThreshold } : {})
  }
}

/**
 * The file text of a study: keys in schema order, 2-space indentation, trailing newline. The
 * same study always serialises to the same bytes (so saved files diff cleanly and the sample
 * study's sync test can compare text).
 */
export function serializeStudy(study: Study): string {
  return JSON.stringify(canonicalStudy(study), null, 2) + '\n'
}
