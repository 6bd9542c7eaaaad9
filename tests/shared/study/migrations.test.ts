import { describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateStudy, parseStudy, serializeStudy, type Migration } from '../../../shared/study'
import { sha256 } from '../../../shared/util/sha256'

/**
 * A synthetic "version 0" format, as a pre-release build might have written it: articles carry
 * a flat `outlet` and `title` instead of `meta`, there is no codebook, and the base is given by
 * index. The step below is what a real migration looks like.
 */
const v0ToV1: Migration = {
  from: 0,
  description: 'articles: flat title/outlet → meta; baseIndex → base id; add codebook and settings',
  up(doc) {
    const articles = (doc['articles'] as Record<string, unknown>[]).map((a) => ({
      id: a['id'],
      meta: { title: a['title'] ?? '', outlet: a['outlet'] ?? '', author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: false, note: '' },
      text: a['text'],
      hash: a['hash'],
      source: { format: 'txt', fileName: `${String(a['id'])}.txt`, encoding: 'UTF-8', byteLength: String(a['text']).length }
    }))
    const { baseIndex, ...rest } = doc
    return {
      ...rest,
      schemaVersion: 1,
      base: articles[baseIndex as number]!.id,
      articles,
      codebook: null,
      settings: {}
    }
  }
}

const text0 = 'Azerbaijan opened an embassy in Tel Aviv.'
const v0 = {
  format: 'parallax-study',
  schemaVersion: 0,
  appVersion: '0.0.1',
  lexiconVersion: 'lex-0',
  title: 'old',
  createdAt: '2024-01-01T00:00:00.000Z',
  savedAt: '2024-01-01T00:00:00.000Z',
  baseIndex: 0,
  articles: [{ id: 'seed', title: 'Embassy', outlet: 'Seed', text: text0, hash: sha256(text0) }],
  corrections: [],
  reviews: [],
  annotations: []
}

describe('study migrations', () => {
  it('ships no steps yet (format 1 is the first published one)', () => {
    expect(MIGRATIONS).toEqual([])
  })

  it('migrates a synthetic v0 file to v1 and validates the result', () => {
    const warnings: string[] = []
    const r = parseStudy(JSON.stringify(v0), { migrations: [v0ToV1], onWarning: (w) => warnings.push(w) })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.schemaVersion).toBe(1)
    expect(r.value.base).toBe('seed')
    expect(r.value.articles[0]!.meta).toMatchObject({ title: 'Embassy', outlet: 'Seed' })
    expect(warnings).toEqual(['study format 0 → 1: upgraded; saving writes format 1'])
    // Saved again, it is a plain v1 file that opens without any migration.
    expect(parseStudy(serializeStudy(r.value)).ok).toBe(true)
  })

  it('fails clearly when no step exists for an old version', () => {
    const r = parseStudy(JSON.stringify(v0))
    expect(r).toMatchObject({ ok: false, error: { code: 'STUDY_INVALID', message: 'study format 0 is not supported (no migration from version 0 to 1)' } })
  })

  it('chains steps and records the path; refuses a step that forgets to bump the version', () => {
    const up = (from: number): Migration => ({ from, description: 'noop', up: (d) => ({ ...d, schemaVersion: from + 1 }) })
    const r = migrateStudy({ schemaVersion: 0 }, { migrations: [up(1), up(0), up(2)], target: 3 })
    expect(r.ok && r.value.path).toEqual([0, 1, 2, 3])
    const bad: Migration = { from: 0, description: 'broken', up: (d) => d }
    expect(migrateStudy({ schemaVersion: 0 }, { migrations: [bad], target: 1 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('never downgrades a newer file', () => {
    expect(migrateStudy({ schemaVersion: 2 }, { target: 1 })).toMatchObject({ ok: false, error: { code: 'STUDY_TOO_NEW' } })
  })
})
