/**
 * The runtime schema of a study file (`*.parallax.json`), current version only. This is the
 * only module under shared/study that imports zod (eslint.config.mjs); callers get
 * `validateStudyData` (structure + cross-references) and `canonicalStudy` (key order).
 *
 * Older files are brought up to this version by `migrations.ts` BEFORE validation, so this
 * schema never needs to know about old shapes. Bump `STUDY_SCHEMA_VERSION` and add a
 * migration whenever a field is added, removed or changes meaning.
 *
 * Object schemas strip unknown keys (a hand-edited file with an extra key still opens); their
 * declared key order is the order `serializeStudy` writes, so saved files diff cleanly.
 */
import { z } from 'zod'
import type { IngestWarningCode, Study } from '../model'
import { err, ok, type Result } from '../util/result'
import { FLAG_CATEGORIES } from '../model/categories'
import { describeValue, valueAt } from '../util/describe'

/** The schema version this build writes and reads. */
export const STUDY_SCHEMA_VERSION = 1

/** The literal every study file carries in `format`; anything else is a foreign file. */
export const STUDY_FORMAT = 'parallax-study'


const offset = z.number().int().min(0)
const id = z.string().min(1)

const meta = z.object({
  title: z.string(),
  outlet: z.string(),
  author: z.string(),
  date: z.string(),
  url: z.string(),
  language: z.string(),
  viewpoint: z.string(),
  constructed: z.boolean(),
  note: z.string()
})

const source = z.object({
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'paste']),
  fileName: z.string(),
  encoding: z.string(),
  byteLength: z.number().int().min(0)
})

const article = z.object({
  id,
  meta,
  text: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-digit lowercase hex SHA-256'),
  source,
  warnings: z
    .array(
      z.object({
        code: z.enum([
          'INVALID_ENCODING_REPLACED',
          'ENCODING_GUESSED',
          'DUPLICATE_LEAD_COLLAPSED',
          'BOILERPLATE_REMOVED',
          'TEXT_TRUNCATED',
          'NO_PARAGRAPH_BREAKS',
          'OTHER'
        ] as const satisfies readonly IngestWarningCode[]),
        message: z.string()
      })
    )
    .optional()
})

const passageRef = z.object({
  article: id,
  start: offset,
  end: offset,
  sentenceStart: offset,
  sentenceEnd: offset
})

const cut = z.object({ end: offset, start: offset })

// merge and split were added to format 1 without a version bump: purely new kinds, so every
// file an older build wrote still means the same (an older build refuses a file holding them
// with "correction N: … kind" instead of silently dropping them).
const correction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), a: passageRef, b: passageRef, at: z.string() }),
  z.object({ kind: z.literal('unlink'), linkId: id, at: z.string() }),
  z.object({ kind: z.literal('merge'), linkIds: z.array(id).min(2, 'a merge names at least two links'), at: z.string() }),
  z.object({
    kind: z.literal('split'),
    linkId: id,
    atA: offset.optional(),
    atB: offset.optional(),
    cutA: cut.optional(),
    cutB: cut.optional(),
    at: z.string()
  })
])

const review = z.object({
  flagId: id,
  status: z.enum(['accepted', 'rejected']),
  note: z.string(),
  at: z.string()
})

const annotation = z.object({
  id,
  article: id,
  start: offset,
  end: offset,
  category: z.enum(FLAG_CATEGORIES),
  note: z.string(),
  at: z.string()
})

const codebook = z.object({
  name: z.string(),
  entries: z.array(z.object({ term: z.string().min(1), category: z.enum(FLAG_CATEGORIES), note: z.string() }))
})

const settings = z.object({
  linkThreshold: z.number().min(0).max(1).optional(),
  layers: z.array(z.string()).optional(),
  blindSources: z.boolean().optional()
})

const study = z.object({
  format: z.literal(STUDY_FORMAT),
  schemaVersion: z.literal(STUDY_SCHEMA_VERSION),
  appVersion: z.string(),
  lexiconVersion: z.string(),
  title: z.string(),
  createdAt: z.string(),
  savedAt: z.string(),
  base: id,
  articles: z.array(article).min(1, 'a study needs at least one article'),
  corrections: z.array(correction),
  reviews: z.array(review),
  annotations: z.array(annotation),
  codebook: codebook.nullable(),
  settings
})

// Whatever the schema accepts is a `Study` (compile-time check; fails if the two drift apart).
type Parsed = z.infer<typeof study>
const _toType = (p: Parsed): Study => p
void _toType

/**
 * `article 2 ("toi"): "meta.date"` from an issue path: list items are named by index and id so
 * a user can find the entry in the file.
 */
function where(root: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = []
  let field = ''
  const singular: Record<string, string> = {
    articles: 'article',
    corrections: 'correction',
    reviews: 'review',
    annotations: 'annotation',
    entries: 'codebook entry'
  }
  for (let i = 0; i < path.length; i++) {
    const k = path[i]
    const next = path[i + 1]
    if (typeof k === 'string' && singular[k] && typeof next === 'number') {
      const item = valueAt(root, path.slice(0, i + 2)) as Record<string, unknown> | undefined
      const label = item && typeof item === 'object' && typeof item['id'] === 'string' ? ` ("${item['id']}")` : ''
      parts.push(`${singular[k]} ${next + 1}${label}`)
      field = ''
      i++
    } else {
      field = field ? `${field}.${String(k)}` : String(k)
    }
  }
  return [...parts, field ? `"${field}"` : ''].filter(Boolean).join(': ')
}

/**
 * Validate a migrated, current-version study object: structure first, then the references a
 * schema cannot express (unique ids, base exists, offsets inside the article text).
 * Messages are one line each, meant to be shown as is after "the study file is invalid: ".
 */
export function validateStudyData(data: unknown): Result<Study> {
  const r = study.safeParse(data)
  if (!r.success) {
    const issue = r.error.issues[0]!
    const place = where(data, issue.path)
    const found = describeValue(valueAt(data, issue.path))
    const msg = issue.message.replace(/^Invalid input: /, '')
    return err('STUDY_INVALID', `${place ? place + ': ' : ''}${msg}, found ${found}`)
  }
  const s = r.data as Study
  const texts = new Map<string, number>()
  for (const [i, a] of s.articles.entries()) {
    if (texts.has(a.id)) return err('STUDY_INVALID', `article ${i + 1} ("${a.id}"): the id is used by another article`)
    texts.set(a.id, a.text.length)
  }
  if (!texts.has(s.base)) return err('STUDY_INVALID', `"base" names article "${s.base}", which is not in the study`)
  const span = (what: string, article: string, start: number, end: number): string | null => {
    const len = texts.get(article)
    if (len === undefined) return `${what}: refers to article "${article}", which is not in the study`
    if (start > end || end > len) return `${what}: offsets ${start}-${end} lie outside the article's text (length ${len})`
    return null
  }
  for (const [i, a] of s.annotations.entries()) {
    const e = span(`annotation ${i + 1} ("${a.id}")`, a.article, a.start, a.end)
    if (e) return err('STUDY_INVALID', e)
  }
  for (const [i, c] of s.corrections.entries()) {
    const what = `correction ${i + 1}`
    if (c.kind === 'link') {
      const e = span(what, c.a.article, c.a.start, c.a.end) ?? span(what, c.b.article, c.b.start, c.b.end)
      if (e) return err('STUDY_INVALID', e)
    } else if (c.kind === 'merge') {
      if (new Set(c.linkIds).size !== c.linkIds.length) return err('STUDY_INVALID', `${what}: the merge names the same link twice`)
    } else if (c.kind === 'split') {
      if (c.atA === undefined && c.atB === undefined) return err('STUDY_INVALID', `${what}: the split names no sentence to cut at ("atA" or "atB")`)
      // Ids name their articles ("seed:3-5~wire:4-6"); stored cut offsets must lie inside them.
      const sides = /^(.+):\d+-\d+~(.+):\d+-\d+$/.exec(c.linkId)
      const check = (article: string | undefined, k: 'cutA' | 'cutB'): string | null => {
        const x = c[k]
        if (!x) return null
        if (x.end > x.start) return `${what}: "${k}" ends after it starts (end ${x.end}, start ${x.start})`
        return article === undefined ? null : span(`${what}: "${k}"`, article, x.end, x.start)
      }
      const e = check(sides?.[1], 'cutA') ?? check(sides?.[2], 'cutB')
      if (e) return err('STUDY_INVALID', e)
    }
  }
  return ok(s)
}

/**
 * The study with keys in schema order and unknown keys dropped: the canonical form written to
 * disk. Throws only on a study that does not satisfy its own type (a bug, not user input).
 */
export function canonicalStudy(s: Study): Study {
  return study.parse(s) as Study
}
