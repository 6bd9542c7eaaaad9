/**
 * Schemas for the project's curated data files (lexicons) and for user codebooks in JSON.
 * This is the only module under shared/resources that imports zod (see eslint.config.mjs);
 * callers get plain validation functions that either return typed data or throw a
 * `SchemaError` whose message names the file, the entry (index and term) and the reason, e.g.
 *
 *   shared/resources/lexicons/data/loaded.json: group 3 "attack-verbs", entry 12 ("slam"):
 *   "strength" must be a number between 0 and 1, found 7
 */
import { z } from 'zod'
import { describeValue, valueAt } from '../util/describe'
import { MACHINE_CATEGORIES } from '../model/categories'

/** Every machine category a lexicon entry may carry (FlagCategory minus 'annotation'). */
export const LEXICON_CATEGORIES = MACHINE_CATEGORIES

export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number]

export const POS_HINTS = ['adj', 'adv', 'noun', 'verb', 'phrase', 'any'] as const
export type PosHint = (typeof POS_HINTS)[number]

/** Thrown when a data file is malformed. The message is meant to be shown as is. */
export class SchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SchemaError'
  }
}

const strength = z.number().min(0).max(1)
const contextIds = z.array(z.string().regex(/^[a-z0-9-]+$/)).optional()

const entryObject = z.strictObject({
  term: z.string().trim().min(1),
  /** Stable id inside the lexicon; defaults to a slug of `term`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  category: z.enum(LEXICON_CATEGORIES).optional(),
  pos: z.enum(POS_HINTS).optional(),
  strength: strength.optional(),
  /** Template with `{text}` (the matched words) and `{term}` (the entry's lemma). */
  explanation: z.string().trim().min(10).optional(),
  /** A short gloss inserted for `{gloss}` in the group's template. */
  gloss: z.string().trim().min(2).optional(),
  /** Extra surface forms (irregular inflections) that match as this entry. */
  forms: z.array(z.string().trim().min(1)).optional(),
  context: contextIds,
  /** Contested naming only: the viewpoint the term signals (e.g. "restrictionist"). */
  viewpoint: z.string().trim().min(2).optional(),
  /**
   * The evaluative word(s) of a multi-word term, highlighted instead of the whole match
   * ("illegal" in "illegal immigrants"); must be consecutive words of the term.
   */
  head: z.string().trim().min(1).optional()
})

const entry = z.union([z.string().trim().min(1), entryObject])

const group = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  category: z.enum(LEXICON_CATEGORIES),
  pos: z.enum(POS_HINTS).optional(),
  strength,
  explanation: z.string().trim().min(10),
  gloss: z.string().trim().min(2).optional(),
  context: contextIds,
  viewpoint: z.string().trim().min(2).optional(),
  entries: z.array(entry).min(1)
})

const lexiconFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  description: z.string().trim().min(10),
  groups: z.array(group).min(1)
})

export type LexiconEntryData = z.infer<typeof entryObject>
export type LexiconGroupData = z.infer<typeof group>
export type LexiconFileData = z.infer<typeof lexiconFile>

const codebookEntry = z.strictObject({
  term: z.string().trim().min(1),
  category: z.enum(LEXICON_CATEGORIES),
  note: z.string().default('')
})

const codebookFile = z.strictObject({
  name: z.string().trim().min(1).default('codebook'),
  entries: z.array(codebookEntry)
})

export type CodebookFileData = z.infer<typeof codebookFile>

/** "group 3 "attack-verbs", entry 12 ("slam")" from a zod issue path. */
function where(root: unknown, path: readonly PropertyKey[]): { place: string; field: string } {
  const parts: string[] = []
  let field = ''
  for (let i = 0; i < path.length; i++) {
    const k = path[i]
    const next = path[i + 1]
    if ((k === 'groups' || k === 'entries') && typeof next === 'number') {
      const item = valueAt(root, path.slice(0, i + 2))
      const label =
        typeof item === 'string'
          ? ` ("${item}")`
          : item && typeof item === 'object'
            ? k === 'groups'
              ? ` "${String((item as Record<string, unknown>)['id'] ?? '?')}"`
              : ` ("${String((item as Record<string, unknown>)['term'] ?? '?')}")`
            : ''
      parts.push(`${k === 'groups' ? 'group' : 'entry'} ${next}${label}`)
      i++
    } else {
      field = field ? `${field}.${String(k)}` : String(k)
    }
  }
  return { place: parts.join(', '), field }
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
  const r = schema.safeParse(data)
  if (r.success) return r.data
  const issue = r.error.issues[0]!
  const { place, field } = where(data, issue.path)
  const found = describeValue(valueAt(data, issue.path))
  const reason = field ? `"${field}": ${issue.message}` : issue.message
  throw new SchemaError(`${source}${place ? ': ' + place : ''}: ${reason}, found ${found}`)
}

/** Validate a lexicon file's structure (semantic checks such as duplicate ids are the loader's). */
export function parseLexiconFile(data: unknown, source: string): LexiconFileData {
  return parseWith(lexiconFile, data, source)
}

/** Validate a JSON codebook. */
export function parseCodebookJson(data: unknown, source: string): CodebookFileData {
  return parseWith(codebookFile, data, source) as CodebookFileData
}

/** True when `v` names a category a lexicon or codebook entry may carry. */
export function isLexiconCategory(v: string): v is LexiconCategory {
  return (LEXICON_CATEGORIES as readonly string[]).includes(v)
}
