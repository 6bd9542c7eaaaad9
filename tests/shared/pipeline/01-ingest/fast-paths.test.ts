/**
 * Fast paths of the text route: the platform hash (node:crypto in the Node adapter) must give
 * exactly the portable digest, so hashes agree between the CLI, the app and the web twin.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { decodeText, detectionSample } from '../../../../shared/pipeline/01-ingest/decode'
import { RUSSIAN_TEXT } from '../../../fixtures/generate'
import { ingest } from '../../../../shared/pipeline/01-ingest/ingest'
import { sha256 } from '../../../../shared/util/sha256'
import { sha256Node } from '../../../../cli/platform/ingestNode'
import { nodeIngestDeps, seedBytes } from './helpers'

// iconv-lite builds the legacy-encoded inputs (the same library the fixture generator uses).
const iconv = createRequire(import.meta.url)('iconv-lite') as { encode: (s: string, enc: string) => Uint8Array }

describe('injected sha256', () => {
  const samples = ['', 'a', 'café “quoted” — dash', '😀 emoji, עברית, e\u0301', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]
  it.each(samples)('node:crypto digest equals the portable one (sample %#)', (s) => {
    expect(sha256Node(s)).toBe(sha256(s))
  })

  it('lone surrogates hash the same (both encode them as U+FFFD)', () => {
    expect(sha256Node('a\uD800b\uDC00')).toBe(sha256('a\uD800b\uDC00'))
  })

  it('an article gets the same hash with and without the injected hash', async () => {
    const withNode = await ingest({ name: 'seed.txt', bytes: seedBytes() }, nodeIngestDeps)
    const portable = await ingest({ name: 'seed.txt', bytes: seedBytes() }, { parseHtml: nodeIngestDeps.parseHtml })
    expect(withNode.ok && portable.ok).toBe(true)
    if (!withNode.ok || !portable.ok) return
    expect(withNode.value.hash).toBe(portable.value.hash)
    expect(withNode.value.hash).toBe(sha256(withNode.value.text))
  })
})

/**
 * Large legacy and broken inputs: chardet sees a sample of the non-ASCII lines only, and
 * windows-1252 is decoded natively then fixed up; the results must not change with file size or
 * with where in the file the accents first appear.
 */
describe('decoding large inputs', () => {
  const ascii = 'The embassy opened on Wednesday in a ceremony attended by both foreign ministers.\n'.repeat(600) // ~50 KB, no accents
  const accented = 'Le café “Ledger” — naïve façade, déjà vu; señor Müller’s crème brûlée… €5 ‰ Š Ž ™.\n'

  it('windows-1252 whose accents start after 50 KB of ASCII is still detected, every code point mapped', async () => {
    const text = ascii + accented.repeat(2000)
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'))
    expect(bytes.length).toBeGreaterThan(150_000)
    const r = await decodeText(bytes, 'big-1252.txt')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.encoding).toMatch(/^(windows-1252|ISO-8859-1)$/)
    expect(r.value.text).toBe(text)
    expect(r.value.warnings.map((w) => w.code)).toEqual(['ENCODING_GUESSED'])
  })

  it('every windows-1252 byte decodes like the WHATWG table (C1 range included)', async () => {
    // Printable ASCII then 0x80–0xFF, repeated (C0 controls would make it "binary").
    const row = [...Array.from({ length: 0x60 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x80 }, (_, i) => 0x80 + i)]
    const all = new Uint8Array(Array.from({ length: 80 }, () => row).flat())
    const r = await decodeText(all, 'bytes.txt', 'windows-1252')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.text.slice(0x60, 0x80)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ')
    expect(r.value.text.length).toBe(all.length)
  })

  it('KOI8-R after a long ASCII preface is detected', async () => {
    const text = ascii + `${RUSSIAN_TEXT}\n`.repeat(400)
    const r = await decodeText(new Uint8Array(iconv.encode(text, 'koi8-r')), 'big-koi8.txt')
    expect(r.ok && r.value.encoding).toBe('KOI8-R')
    expect(r.ok && r.value.text).toBe(text)
  })

  it('large UTF-8 with a few broken bytes keeps UTF-8, replaces them and says how many', async () => {
    const enc = new TextEncoder()
    // A stray 0xFF after the ASCII preface, and a lead byte followed by a space at the end.
    const bytes = new Uint8Array([...enc.encode(ascii), 0xff, ...enc.encode(accented.repeat(2000)), 0xc3, 0x20])
    const r = await decodeText(bytes, 'broken.txt')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.encoding).toBe('UTF-8')
    expect(r.value.text).toContain('crème brûlée')
    expect(r.value.warnings).toEqual([{ code: 'INVALID_ENCODING_REPLACED', message: 'broken.txt: 2 invalid UTF-8 byte sequences were replaced with \uFFFD.' }])
  })

  it('valid UTF-8 with and without a BOM decodes identically, no warning', async () => {
    const text = ascii + accented.repeat(2000)
    const plain = await decodeText(new TextEncoder().encode(text), 'a.txt')
    const bom = await decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'b.txt')
    expect(plain.ok && plain.value.text).toBe(text)
    expect(bom.ok && bom.value.text).toBe(text)
    expect(plain.ok && plain.value.warnings).toEqual([])
  })

  it('the detection sample is small and made of the accented lines', () => {
    const bytes = new Uint8Array(iconv.encode(ascii + accented.repeat(2000), 'windows-1252'))
    const sample = detectionSample(bytes)
    expect(sample.length).toBeLessThanOrEqual(16 * 1024)
    expect(Buffer.from(sample).toString('latin1').startsWith('Le caf')).toBe(true)
    const small = new Uint8Array([0x41, 0xe9])
    expect(detectionSample(small)).toBe(small)
  })
})
