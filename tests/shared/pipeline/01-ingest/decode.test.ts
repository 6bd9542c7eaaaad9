import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { decodeText } from '../../../../shared/pipeline/01-ingest/decode'
import { ACCENTED, CZECH_TEXT, LATIN1_TEXT, RUSSIAN_TEXT } from '../../../fixtures/generate'
import { fixture } from './helpers'

describe('decodeText', () => {
  // [fixture, expected encoding label, text that must survive, warning expected]
  const table: Array<[string, RegExp, string, string | undefined]> = [
    ['utf8.txt', /^UTF-8$/, ACCENTED, undefined],
    ['utf8-bom.txt', /^UTF-8$/, ACCENTED, undefined],
    ['utf16le-bom.txt', /^UTF-16LE$/, ACCENTED, undefined],
    ['utf16be-bom.txt', /^UTF-16BE$/, ACCENTED, undefined],
    ['windows-1252.txt', /^(windows-1252|ISO-8859-1)$/, ACCENTED, 'ENCODING_GUESSED'],
    ['iso-8859-1.txt', /^(windows-1252|ISO-8859-1)$/, LATIN1_TEXT, 'ENCODING_GUESSED'],
    ['iso-8859-2.txt', /^ISO-8859-2$/, CZECH_TEXT, 'ENCODING_GUESSED'],
    ['koi8-r.txt', /^KOI8-R$/, RUSSIAN_TEXT, 'ENCODING_GUESSED'],
    ['windows-1251.txt', /^windows-1251$/, RUSSIAN_TEXT, 'ENCODING_GUESSED']
  ]
  it.each(table)('%s decodes as %s with its characters intact', async (name, label, expected, warning) => {
    const r = await decodeText(fixture(name), name)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.encoding).toMatch(label)
    expect(r.value.text).toContain(expected)
    expect(r.value.text.startsWith('\uFEFF')).toBe(false)
    expect(r.value.warnings.map((w) => w.code)).toEqual(warning ? [warning] : [])
  })

  it('keeps invalid UTF-8 as UTF-8 with replacement characters and a warning', async () => {
    const r = await decodeText(fixture('invalid-utf8.txt'), 'invalid-utf8.txt')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.encoding).toBe('UTF-8')
    expect(r.value.text).toContain(ACCENTED)
    expect(r.value.text).toContain('\uFFFD')
    expect(r.value.warnings[0]?.code).toBe('INVALID_ENCODING_REPLACED')
    expect(r.value.warnings[0]?.message).toMatch(/invalid-utf8\.txt: 3 invalid UTF-8 byte sequences/)
  })

  it.each([
    ['binary.txt', /PNG image/],
    ['random-binary.txt', /binary data/],
    ['article.pdf', /is a PDF/],
    ['article.docx', /ZIP archive/]
  ])('refuses binary content in %s', async (name, message) => {
    const r = await decodeText(fixture(name), name)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('BINARY_FILE')
    expect(r.error.message).toMatch(message)
    expect(r.error.message).toContain(name)
  })

  it('detects BOM-less UTF-16LE by its NUL pattern', async () => {
    const text = 'Plain ASCII text saved as UTF-16 without a byte-order mark, as some tools do.'
    const bytes = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i)
    const r = await decodeText(bytes, 'x.txt')
    expect(r.ok && r.value.text).toBe(text)
    expect(r.ok && r.value.encoding).toBe('UTF-16LE')
  })

  it('follows a declared charset (HTML meta) over statistics', async () => {
    const bytes = new Uint8Array([0x93, 0x51, 0x94, 0x20, 0x97, 0x20, 0x63, 0x61, 0x66, 0xe9])
    const r = await decodeText(bytes, 'x.html', 'windows-1252')
    expect(r.ok && r.value.text).toBe('“Q” — café')
  })
})

/**
 * The UTF-8-versus-legacy decision must not depend on length (QA: a 56-byte UTF-8 note with a
 * run of three bad bytes was read as ISO-8859-1, turning "été" into "Ã©tÃ©"). Each row is
 * encoded short (one sentence) and long (the sentence repeated into ~20 KB, past chardet's
 * 16 KB sample), so both the small-input path and the detection-sample path are covered.
 */
describe('decodeText: UTF-8 with a few bad bytes vs legacy encodings, short and long', () => {
  const enc = (s: string, label: string): Uint8Array => new Uint8Array(iconv.encode(s, label))
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
  const cat = (...parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let o = 0
    for (const p of parts) { out.set(p, o); o += p.length }
    return out
  }
  // `nl` is a line break in the row's encoding (UTF-16 needs two bytes to stay aligned).
  const long = (b: Uint8Array, nl: Uint8Array): Uint8Array => cat(...Array.from({ length: Math.ceil(20_000 / (b.length + nl.length)) }, () => cat(b, nl)))
  const BAD3 = new Uint8Array([0xff, 0xfe, 0xfd])
  const FR = 'Le ministre a déclaré que l’été à Genève était « très important ».'
  const RU = 'Министр иностранных дел заявил, что всё идёт по плану.'

  const BOM_LE = new Uint8Array([0xff, 0xfe])
  const BOM_BE = new Uint8Array([0xfe, 0xff])
  // [row, byte-order mark (kept once, at the start), body bytes, expected encoding, text that must come out, warning code]
  const rows: Array<[string, Uint8Array, Uint8Array, RegExp, string, string | undefined]> = [
    ['UTF-8, one bad run of 3 bytes (QA file)', new Uint8Array(), cat(utf8('Bad bytes '), BAD3, utf8(' here in a UTF-8 text with the word été.')), /^UTF-8$/, 'été', 'INVALID_ENCODING_REPLACED'],
    ['UTF-8, lone continuation byte', new Uint8Array(), cat(utf8('Zürich: '), new Uint8Array([0x80]), utf8(' the “historic” visit.')), /^UTF-8$/, 'Zürich', 'INVALID_ENCODING_REPLACED'],
    ['UTF-8 Cyrillic, truncated sequence', new Uint8Array(), cat(utf8(RU), new Uint8Array([0xd0]), utf8(' Конец.')), /^UTF-8$/, RU, 'INVALID_ENCODING_REPLACED'],
    ['windows-1252', new Uint8Array(), enc(`“${FR}” — café`, 'windows-1252'), /^(windows-1252|ISO-8859-1)$/, `“${FR}” — café`, 'ENCODING_GUESSED'],
    ['ISO-8859-1', new Uint8Array(), enc(FR.replace('’', "'"), 'iso-8859-1'), /^(windows-1252|ISO-8859-1)$/, FR.replace('’', "'"), 'ENCODING_GUESSED'],
    // German guillemets after ß give an accidental well-formed pair (DF AB); the runs still win.
    ['windows-1252 with an accidental UTF-8 pair', new Uint8Array(), enc('»Gruß« aus München, sagte er.', 'windows-1252'), /^(windows-1252|ISO-8859-1)$/, '»Gruß« aus München', 'ENCODING_GUESSED'],
    // "всё", "идёт": KOI8-R lower case + ё (A3) is well-formed UTF-8 by accident.
    ['KOI8-R', new Uint8Array(), enc(RU, 'koi8-r'), /^KOI8-R$/, RU, 'ENCODING_GUESSED'],
    ['windows-1251', new Uint8Array(), enc(RU, 'windows-1251'), /^windows-1251$/, RU, 'ENCODING_GUESSED'],
    // A few words: chardet has nothing to go on (it said Shift_JIS, or ASCII); the word shape decides.
    ['KOI8-R, a few words', new Uint8Array(), enc('Всё идёт хорошо.', 'koi8-r'), /^KOI8-R$/, 'Всё идёт хорошо.', 'ENCODING_GUESSED'],
    ['windows-1251 Ukrainian, a few words', new Uint8Array(), enc('Ні, Київ і Львів.', 'windows-1251'), /^windows-1251$/, 'Ні, Київ і Львів.', 'ENCODING_GUESSED'],
    ['windows-1252, a few words', new Uint8Array(), enc('Un été à Genève.', 'windows-1252'), /^(windows-1252|ISO-8859-1)$/, 'Un été à Genève.', 'ENCODING_GUESSED'],
    ['UTF-16LE without BOM', new Uint8Array(), enc(FR, 'utf-16le'), /^UTF-16LE$/, FR, 'ENCODING_GUESSED'],
    ['UTF-16LE with BOM', BOM_LE, enc(FR, 'utf-16le'), /^UTF-16LE$/, FR, undefined],
    ['UTF-16BE with BOM', BOM_BE, enc(FR, 'utf-16be'), /^UTF-16BE$/, FR, undefined]
  ]
  const cases = rows.flatMap(([row, bom, body, label, text, warning]) => [
    [`${row} (short)`, cat(bom, body), label, text, warning] as const,
    [`${row} (long)`, cat(bom, long(body, enc('\n', label.source.includes('UTF-16BE') ? 'utf-16be' : label.source.includes('UTF-16LE') ? 'utf-16le' : 'ascii'))), label, text, warning] as const
  ])
  it.each(cases)('%s', async (_row, bytes, label, text, warning) => {
    const r = await decodeText(bytes, 'qa.txt')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.encoding).toMatch(label)
    expect(r.value.text).toContain(text)
    expect(r.value.text).not.toMatch(/Ã©|Ã¨/)
    expect(r.value.warnings.map((w) => w.code)).toEqual(warning ? [warning] : [])
    if (warning === 'INVALID_ENCODING_REPLACED') expect(r.value.text).toContain('\uFFFD')
  })
})
