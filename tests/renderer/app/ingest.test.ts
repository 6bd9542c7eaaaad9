// Ingest warnings name their file once, whether or not the ingest core already named it.
import { describe, expect, it } from 'vitest'
import type { StudyArticle } from '@shared/model'
import { duplicateWarnings, ingestDropped, misplacedFiles, warningLine } from '../../../renderer/src/app/ingest'
import { sampleStudy } from '../helpers'

describe('warningLine', () => {
  it.each([
    ['note.txt', 'note.txt: 3 invalid bytes replaced', 'note.txt: 3 invalid bytes replaced'],
    ['note.txt', 'note.meta.json: "outlet" is a number (5), not text; kept as "5".', 'note.meta.json: "outlet" is a number (5), not text; kept as "5".'],
    ['note.txt', 'duplicate lead collapsed', 'note.txt: duplicate lead collapsed'],
    // Another file's name at the start is not this file's: prefix it.
    ['note.txt', 'other.txt: something', 'note.txt: other.txt: something'],
    // A message that merely starts with the stem and a dot, without "name: ", gets the prefix.
    ['note.txt', 'note. Next sentence', 'note.txt: note. Next sentence'],
    ['pasted-1', 'text was empty after cleaning', 'pasted-1: text was empty after cleaning'],
    // A paste is named "pasted text" (no extension) and the core already starts with that name.
    ['pasted text', 'pasted text: a repeated title/lead (2 paragraphs) was kept once.', 'pasted text: a repeated title/lead (2 paragraphs) was kept once.'],
    ['Pasted report', 'Pasted report: a repeated title/lead (2 paragraphs) was kept once.', 'Pasted report: a repeated title/lead (2 paragraphs) was kept once.']
  ])('%s + %j', (file, message, line) => {
    expect(warningLine(file, message)).toBe(line)
  })
})

describe('duplicateWarnings', () => {
  const study = sampleStudy()
  const [a, b] = study.articles as [StudyArticle, StudyArticle]
  const copy = (x: StudyArticle, id: string, fileName: string): StudyArticle => ({ ...x, id, source: { ...x.source, fileName } })
  it.each([
    ['new texts: nothing to say', [a], [b], 0],
    ['the same text again, under another file name', [a, b], [copy(a, 'again', 'again.txt')], 1],
    ['the same new text twice in one drop', [a], [copy(b, 'x', 'x.txt'), copy(b, 'y', 'y.txt')], 1]
  ] as const)('%s', (_, existing, added, n) => {
    const w = duplicateWarnings(existing, added)
    expect(w).toHaveLength(n)
    if (n === 1 && existing.length === 2) expect(w[0]).toMatch(new RegExp(`^again\\.txt: the same text as “${a.meta.outlet}”`))
  })
})

describe('misplacedFiles', () => {
  it.each([
    ['an article with its sidecar', ['a.txt', 'a.meta.json'], 0, 0],
    ['an HTML article with its sidecar', ['page.html', 'page.meta.json'], 0, 0],
    ['a sidecar alone', ['a.meta.json'], 0, 1],
    ['a sidecar of another file', ['a.txt', 'b.meta.json'], 0, 1],
    ['a study file', ['class.parallax.json', 'a.txt'], 1, 0]
  ] as const)('%s', (_, names, errors, warnings) => {
    const r = misplacedFiles(names)
    expect(r.errors).toHaveLength(errors)
    expect(r.warnings).toHaveLength(warnings)
    expect(r.skip.size).toBe(errors)
  })

  it('a study picked with an article: the article is added, the study file is refused with a pointer to Open study', async () => {
    const r = await ingestDropped(
      [new File(['{"format":"parallax-study"}'], 'class.parallax.json'), new File(['Embassy opens\n\nAzerbaijan opened its embassy in Tel Aviv, officials said.'], 'wire.txt')],
      new Set()
    )
    expect(r.articles.map((a) => a.id)).toEqual(['wire'])
    expect(r.errors.map((e) => e.message)).toEqual(['class.parallax.json is a Parallax study, not an article: open it with “Open study…”.'])
  })
})
