// parallax ingest FILE… [--json]
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { sha256 } from '../../shared/util/sha256'
import { ensureBuilt, expectOneLineError, parallax, sampleArticles, SEED, tempDir } from './helpers'

// Each case starts Node processes on a shared, busy machine: time limits are generous.
vi.setConfig({ testTimeout: 120_000 })

beforeAll(() => ensureBuilt(), 180_000)

interface IngestJson {
  articles: { id: string; title: string; outlet: string; date: string; text: string; hash: string; constructed: boolean; source: { fileName: string } }[]
  errors: { path: string; code: string; message: string }[]
}

describe('parallax ingest', () => {
  it('prints metadata and text as JSON, with sidecar metadata and a hash of the text', () => {
    const files = sampleArticles()
    const r = parallax(['ingest', ...files, '--json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const j = JSON.parse(r.stdout) as IngestJson
    expect(j.errors).toEqual([])
    expect(j.articles).toHaveLength(files.length)
    const seed = j.articles[0]!
    expect(seed).toMatchObject({ id: 'baku-tel-aviv-ties', source: { fileName: 'baku-tel-aviv-ties.txt' } })
    for (const a of j.articles) {
      expect(a.hash).toBe(sha256(a.text))
      expect(a.title).not.toBe('')
      expect(a.outlet).not.toBe('')
      expect(a.text.length).toBeGreaterThan(1000)
    }
    expect(j.articles.slice(1).every((a) => a.constructed)).toBe(true)
  })

  it('prints a readable record without --json', () => {
    const r = parallax(['ingest', SEED])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^== baku-tel-aviv-ties ==\ntitle: {4}Baku-Tel Aviv growing ties/)
    expect(r.stdout).toMatch(/sha256: {3}[0-9a-f]{64}/)
  })

  it('exits 1 with one line for a missing, empty or unsupported file', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'notes.xyz'), 'hello')
    expectOneLineError(parallax(['ingest', join(dir, 'missing.txt')]), /missing\.txt/)
    expectOneLineError(parallax(['ingest', join(dir, 'empty.txt')]), /empty\.txt/)
    expectOneLineError(parallax(['ingest', join(dir, 'notes.xyz')]), /notes\.xyz/)
  })

  it('still prints the good files when others fail, one stderr line per failure', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'empty.txt'), '   \n')
    const r = parallax(['ingest', SEED, join(dir, 'empty.txt'), join(dir, 'gone.txt'), '--json'])
    expect(r.code).toBe(1)
    const j = JSON.parse(r.stdout) as IngestJson
    expect(j.articles.map((a) => a.id)).toEqual(['baku-tel-aviv-ties'])
    expect(j.errors.map((e) => e.path)).toEqual([join(dir, 'empty.txt'), join(dir, 'gone.txt')])
    expect(r.errLines).toHaveLength(2)
    for (const l of r.errLines) expect(l).toMatch(/^parallax: /)
  })
})
