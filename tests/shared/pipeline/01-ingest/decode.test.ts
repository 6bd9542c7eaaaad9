import { describe, expect, it } from 'vitest'
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
