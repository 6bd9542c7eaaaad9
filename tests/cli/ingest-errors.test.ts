/**
 * Every bad-input fixture of issue 3 through the built CLI: exit 1 and exactly one stderr line
 * `parallax: <file>: …` (no stack trace); good fixtures of every format exit 0. Also checks that
 * one bad file does not lose the good ones in the same run.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIXTURE_DIR, generateFixtures } from '../fixtures/generate'
import { ensureBuilt, expectOneLineError, parallax, SEED } from './helpers'

beforeAll(() => {
  generateFixtures()
  ensureBuilt()
}, 240_000)

const fx = (name: string): string => join(FIXTURE_DIR, name)

describe('parallax ingest: bad input', () => {
  it.each([
    ['empty.txt', /^parallax: empty\.txt is empty$/],
    ['whitespace.txt', /^parallax: whitespace\.txt contains only whitespace$/],
    ['binary.txt', /^parallax: binary\.txt is a PNG image, not a text file$/],
    ['notes.odt', /^parallax: notes\.odt: unsupported file type "\.odt"/],
    ['too-large.txt', /^parallax: too-large\.txt is 51\.0 MB; the limit is 50 MB$/],
    ['scripts-only.html', /^parallax: scripts-only\.html has no readable text: only scripts/],
    ['truncated.pdf', /^parallax: truncated\.pdf is damaged/],
    ['garbage.pdf', /^parallax: garbage\.pdf is damaged/],
    ['encrypted.pdf', /^parallax: encrypted\.pdf is password-protected/],
    ['scanned.pdf', /^parallax: scanned\.pdf has no text layer/],
    ['corrupt.docx', /^parallax: corrupt\.docx is damaged/],
    ['bad-xml.docx', /^parallax: bad-xml\.docx is damaged/],
    ['zip-bomb.docx', /^parallax: zip-bomb\.docx was refused: it looks like a zip bomb/],
    ['missing-file.txt', /^parallax: missing-file\.txt cannot be read/]
  ])('%s → one-line error, exit 1', (name, pattern) => {
    const r = parallax(['ingest', fx(name)])
    expectOneLineError(r, pattern)
  })
})

describe('parallax ingest: good input of every format', () => {
  it.each(['utf8.txt', 'windows-1252.txt', 'koi8-r.txt', 'utf16le-bom.txt', 'invalid-utf8.txt', 'article.md', 'article.html', 'malformed.html', 'article.pdf', 'article.docx', 'sentence-1mb.txt'])('%s → exit 0 with text', (name) => {
    const r = parallax(['ingest', '--json', fx(name)])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { articles: Array<{ text: string }>; errors: unknown[] }
    expect(out.articles).toHaveLength(1)
    expect(out.articles[0]!.text.length).toBeGreaterThan(100)
    expect(out.errors).toEqual([])
  })

  it('a bad file among good ones: good ones printed, one error line, exit 1', () => {
    const r = parallax(['ingest', '--json', SEED, fx('encrypted.pdf'), fx('article.html')])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as { articles: Array<{ id: string; title: string }> }
    expect(out.articles.map((a) => a.id)).toEqual(['baku-tel-aviv-ties', 'article'])
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^parallax: encrypted\.pdf is password-protected/)
  })
})
