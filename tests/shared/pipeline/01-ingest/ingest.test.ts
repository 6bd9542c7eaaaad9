import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../../shared/model'
import type { ErrorCode } from '../../../../shared/util/result'
import { articleId, ingest, ingestText, LIMITS } from '../../../../shared/pipeline/01-ingest/ingest'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { sha256 } from '../../../../shared/util/sha256'
import { ACCENTED, PDF_PARAGRAPHS } from '../../../fixtures/generate'
import { fixture, nodeIngestDeps, seedBytes } from './helpers'

const deps = nodeIngestDeps

async function ok(name: string, bytes = fixture(name)): Promise<Article> {
  const r = await ingest({ name, bytes }, deps)
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.value
}

describe('the seed article', () => {
  it('collapses the duplicated title and lead, moves title and byline to metadata', async () => {
    const a = await ok('baku-tel-aviv-ties.txt', seedBytes())
    const lead = 'The recent establishment of Azerbaijan\'s embassy in Tel Aviv marked a new dark chapter'
    expect(a.id).toBe('baku-tel-aviv-ties')
    expect(a.meta.title).toBe('Baku-Tel Aviv growing ties and Iran\'s national security concerns')
    expect(a.meta.author).toBe('N. Daneshvar')
    expect(a.text.startsWith(lead)).toBe(true)
    expect(a.text.split(lead)).toHaveLength(2) // the lead occurs exactly once
    expect(a.text).not.toContain('growing ties and Iran')
    expect(a.text).not.toContain('Daneshvar')
    expect(a.text).toContain('Iran’s oil and gas') // original curly apostrophe kept
    expect(a.text.endsWith('his Zionist allies are sure to be pleased.')).toBe(true)
    expect(a.warnings.map((w) => w.code)).toEqual(['DUPLICATE_LEAD_COLLAPSED'])
    expect(a.hash).toBe(sha256(a.text))
    expect(a.source).toEqual({ format: 'txt', fileName: 'baku-tel-aviv-ties.txt', encoding: 'UTF-8', byteLength: 4958 })
    const seg = segment(a)
    expect(seg.paragraphs).toHaveLength(9)
    for (const p of a.text.split('\n\n')) expect(p).not.toMatch(/\n/)
  })

  it('lets sidecar metadata win over what the text says', async () => {
    const r = await ingest({ name: 'seed.txt', bytes: seedBytes(), meta: { title: 'Other', author: 'Someone', language: 'en', constructed: false } }, deps)
    expect(r.ok && r.value.meta).toMatchObject({ title: 'Other', author: 'Someone', language: 'en' })
    // The title line is still removed from the body (it is a title, whatever metadata calls it).
    expect(r.ok && r.value.text.startsWith('The recent establishment')).toBe(true)
  })
})

describe('formats', () => {
  it('plain text with boilerplate, byline, date line and wire dateline', async () => {
    const a = await ok('boilerplate.txt')
    expect(a.meta).toMatchObject({ title: 'Embassy opens in Tel Aviv', author: 'Jane Doe', date: '2023-03-29' })
    expect(a.text.startsWith('Azerbaijan opened its embassy')).toBe(true)
    expect(a.text).not.toMatch(/Share this|Photo:|Read also|Advertisement|Follow us|JERUSALEM/)
    expect(a.text.split('\n\n')).toHaveLength(3)
  })

  it('markdown with front matter', async () => {
    const a = await ok('article.md')
    expect(a.source.format).toBe('md')
    expect(a.meta).toMatchObject({ title: 'Embassy opens', outlet: 'The Caspian Ledger', date: '2023-03-29', author: 'Jane Doe' })
    expect(a.text).toContain('See the statement and more.')
    expect(a.text).not.toMatch(/[*#[\]]|https?:|photo/)
    expect(a.text.split('\n\n')).toEqual(expect.arrayContaining(['Reactions', 'A quoted paragraph over two lines.']))
  })

  it('HTML: main content, metadata from JSON-LD/Open Graph/meta, no scripts, no boilerplate', async () => {
    const a = await ok('article.html')
    expect(a.meta).toMatchObject({
      title: 'Azerbaijan opens embassy in Israel', author: 'Jane Doe', outlet: 'The Caspian Ledger',
      date: '2023-03-29', url: 'https://ledger.example/2023/03/29/embassy', language: 'en'
    })
    expect(a.text.startsWith('Azerbaijan opened its embassy in Tel Aviv on Wednesday')).toBe(true)
    expect(a.text).toContain('Iran’s foreign-ministry spokesman')
    expect(a.text).not.toMatch(/pwned|Share this|Photo|Read also|Advertisement|Subscribe|Menu|rights reserved|By Jane/)
  })

  it('HTML gives the same text through a browser-like DOM (jsdom, scripts disabled)', async () => {
    const linkedom = await ok('article.html')
    // jsdom ships no type declarations; describe the one constructor used here.
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } }
    const r = await ingest({ name: 'article.html', bytes: fixture('article.html') }, { parseHtml: (h) => new JSDOM(h).window.document })
    expect(r.ok && r.value.text).toBe(linkedom.text)
    expect(r.ok && r.value.meta).toEqual(linkedom.meta)
  })

  it('HTML in windows-1252 declared by <meta charset>', async () => {
    const a = await ok('windows-1252.html')
    expect(a.source.encoding).toBe('windows-1252')
    expect(a.text).toContain(ACCENTED)
  })

  it('malformed HTML is recovered', async () => {
    const a = await ok('malformed.html')
    expect(a.meta.title).toBe('Broken page')
    expect(a.text.split('\n\n')).toHaveLength(3)
  })

  it('PDF: reading order, paragraphs, de-hyphenation, headers/footers and page numbers removed', async () => {
    const a = await ok('article.pdf')
    expect(a.source.format).toBe('pdf')
    expect(a.meta).toMatchObject({ title: 'Embassy opens in Tel Aviv', author: 'Jane Doe', date: '2023-03-29' })
    const paras = a.text.split('\n\n')
    expect(paras[0]).toBe(PDF_PARAGRAPHS[0])
    expect(paras.length).toBe(9) // 3 pages x 3 paragraphs
    expect(a.text).not.toMatch(/Caspian Ledger - Special report|Page \d of 3/)
    for (const p of PDF_PARAGRAPHS.slice(1)) expect(a.text).toContain(p.slice(1))
  })

  it('PDF with 50 pages keeps every page', async () => {
    const a = await ok('pages-50.pdf')
    expect(a.text.split('\n\n')).toHaveLength(150)
    expect(a.text).toContain('On day 50 of the visit')
    expect(a.text).not.toMatch(/Page \d+ of 50|Special report/)
  })

  it('DOCX via mammoth', async () => {
    const a = await ok('article.docx')
    expect(a.source.format).toBe('docx')
    expect(a.text.startsWith('Azerbaijan opened its embassy in Tel Aviv on Wednesday')).toBe(true)
    expect(a.text.split('\n\n')).toHaveLength(3)
  })

  it('the PDF loader does not detach the caller\'s bytes', async () => {
    const bytes = fixture('article.pdf')
    await ingest({ name: 'a.pdf', bytes }, deps)
    expect(bytes.byteLength).toBeGreaterThan(0)
  })
})

describe('bad input: typed errors with one-line messages naming the file', () => {
  const table: Array<[string, ErrorCode, RegExp]> = [
    ['empty.txt', 'EMPTY_FILE', /empty/],
    ['whitespace.txt', 'WHITESPACE_ONLY', /only whitespace/],
    ['binary.txt', 'BINARY_FILE', /PNG image/],
    ['random-binary.txt', 'BINARY_FILE', /binary/],
    ['notes.odt', 'UNSUPPORTED_FORMAT', /unsupported file type "\.odt"/],
    ['scripts-only.html', 'NO_CONTENT', /only scripts, frames/],
    ['truncated.pdf', 'CORRUPT_PDF', /damaged/],
    ['garbage.pdf', 'CORRUPT_PDF', /damaged/],
    ['encrypted.pdf', 'ENCRYPTED_PDF', /password/],
    ['scanned.pdf', 'SCANNED_PDF', /no text layer/],
    ['corrupt.docx', 'CORRUPT_DOCX', /damaged/],
    ['not-word.docx', 'CORRUPT_DOCX', /not a Word document/],
    ['bad-xml.docx', 'CORRUPT_DOCX', /damaged/],
    ['zip-bomb.docx', 'ZIP_BOMB', /zip bomb/]
  ]
  it.each(table)('%s → %s', async (name, code, message) => {
    const r = await ingest({ name, bytes: fixture(name) }, deps)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe(code)
    expect(r.error.message).toMatch(message)
    expect(r.error.message.startsWith(name)).toBe(true)
    expect(r.error.message).not.toMatch(/\n/)
  })

  it('a file over the size limit is refused before anything is parsed', async () => {
    const r = await ingest({ name: 'big.txt', bytes: new Uint8Array(LIMITS.maxFileBytes + 1) }, deps)
    expect(!r.ok && r.error.code).toBe('FILE_TOO_LARGE')
    expect(!r.ok && r.error.message).toBe('big.txt is 50.0 MB; the limit is 50 MB.')
  })

  it('extracted text over the text limit is refused', () => {
    const r = ingestText('word '.repeat(LIMITS.maxTextChars / 5 + 10))
    expect(!r.ok && r.error.code).toBe('TEXT_TOO_LARGE')
  })

  it('PDF without a loader says it is not available', async () => {
    const r = await ingest({ name: 'a.pdf', bytes: fixture('article.pdf') }, { parseHtml: deps.parseHtml })
    expect(!r.ok && r.error.code).toBe('NOT_AVAILABLE')
  })

  it('invalid UTF-8 is decoded with replacements and a warning, not rejected', async () => {
    const a = await ok('invalid-utf8.txt')
    expect(a.text).toContain('\uFFFD')
    expect(a.warnings.map((w) => w.code)).toContain('INVALID_ENCODING_REPLACED')
  })

  it('a 1 MB single "sentence" with no punctuation ingests and segments into bounded sentences', async () => {
    const a = await ok('sentence-1mb.txt')
    expect(a.text.length).toBeGreaterThan(1_000_000)
    expect(a.warnings.map((w) => w.code)).toContain('NO_PARAGRAPH_BREAKS')
    const seg = segment(a)
    expect(seg.paragraphs).toHaveLength(1)
    expect(seg.sentences.length).toBeGreaterThan(300)
    for (const s of seg.sentences) expect(s.tokenEnd - s.tokenStart).toBeLessThanOrEqual(400)
  })
})

describe('ingestText and ids', () => {
  it('pasted text gets an id from its title and format "paste"', () => {
    const r = ingestText('Embassy opens in Tel Aviv\n\nAzerbaijan opened its embassy on Wednesday.\n\nIran objected.')
    expect(r.ok && r.value.id).toBe('embassy-opens-in-tel-aviv')
    expect(r.ok && r.value.source.format).toBe('paste')
    expect(r.ok && r.value.text).toBe('Azerbaijan opened its embassy on Wednesday.\n\nIran objected.')
  })

  it.each([
    ['baku-tel-aviv-ties.txt', 'baku-tel-aviv-ties'],
    ['/a/b/Café Report (final).HTML', 'cafe-report-final'],
    ['خبر.txt', 'خبر'],
    ['!!!.txt', 'article'],
    ['x.meta.json', 'x']
  ])('articleId(%j) = %j', (name, id) => expect(articleId(name)).toBe(id))

  it('ids are unique within a set', () => {
    expect(articleId('a.txt', new Set(['a', 'a-2']))).toBe('a-3')
  })
})
