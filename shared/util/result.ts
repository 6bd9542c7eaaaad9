/**
 * Errors cross every boundary (worker, IPC, CLI) as data: a code and one human sentence.
 * Throwing is reserved for programming errors (see `BugError`).
 */
export type ErrorCode =
  | 'EMPTY_FILE'
  | 'WHITESPACE_ONLY'
  | 'BINARY_FILE'
  | 'UNSUPPORTED_FORMAT'
  | 'FILE_TOO_LARGE'
  | 'TEXT_TOO_LARGE'
  | 'MALFORMED_HTML'
  | 'NO_CONTENT'
  | 'CORRUPT_PDF'
  | 'ENCRYPTED_PDF'
  | 'SCANNED_PDF'
  | 'CORRUPT_DOCX'
  | 'ZIP_BOMB'
  | 'FILE_UNREADABLE'
  | 'STUDY_INVALID'
  | 'STUDY_TOO_NEW'
  | 'LEXICON_INVALID'
  | 'CODEBOOK_INVALID'
  | 'INVALID_PAYLOAD'
  | 'CANCELLED'
  | 'EXPORT_FAILED'
  | 'SAVE_FAILED'
  | 'NOT_AVAILABLE'
  | 'INTERNAL'

export interface AppError {
  readonly code: ErrorCode
  /** One line a user understands, e.g. "notes.pdf is encrypted; remove the password first." */
  readonly message: string
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}

/** An error that carries an `AppError`, for code paths where throwing is simpler than threading. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'AppFailure'
  }
}

/** A broken invariant inside the engine: a bug, never bad user input. */
export class BugError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BugError'
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new BugError(`unexpected ${what}: ${JSON.stringify(value)}`)
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new BugError(message)
}
