/**
 * Lexicon files checked against the zod schema (`../schema.ts`) and compiled. This is the
 * validating entry point for lexicon data that is not the built-in set (tests, future user
 * lexicons) and the one the built-in files' test runs (tests/shared/resources/builtinData.test.ts).
 * It lives apart from `./index.ts` so that the engine, which compiles only the built-in files,
 * never loads zod (see the module comment there).
 */
import { parseLexiconFile, SchemaError, type LexiconFileData } from '../schema'
import { buildLexicons, LexiconError, type CompiledLexicons } from './index'

/** Validate one lexicon file's structure; a schema problem becomes a LexiconError (file, entry, reason). */
export function validateLexiconFile(data: unknown, source: string): LexiconFileData {
  try {
    return parseLexiconFile(data, source)
  } catch (e) {
    if (e instanceof SchemaError) throw new LexiconError(e.message)
    throw e
  }
}

/**
 * Validate and compile lexicon files. `files` maps a source name (for messages) to parsed JSON.
 * Throws LexiconError on the first problem.
 */
export function compileLexicons(files: ReadonlyArray<{ readonly source: string; readonly data: unknown }>): CompiledLexicons {
  return buildLexicons(files, validateLexiconFile)
}
