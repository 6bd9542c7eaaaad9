import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ingestText } from '../../../../shared/pipeline/01-ingest/ingest'
import { segment } from '../../../../shared/pipeline/02-segment/segment'

/** Pieces that stress offsets: combining marks, astral emoji and ZWJ sequences, RTL, CRLF. */
const PIECES = [
  'e\u0301', 'a\u0308\u0323', '👍', '👩‍👩‍👧', '🇮🇷', 'שלום', 'سلام', 'مرحبا بكم', '\u200f', '\u200e',
  '\r\n', '\n', '\r\n\r\n', ' ', '  ', '\t', '\u00a0', '.', '“', '”', '—', 'Dr.', 'U.S.', '3.5',
  'word', 'Azerbaijan’s', 'anti-Iranian', '𝒳', '\ufeff', '\u2028', 'By Jane Doe', 'Share this'
]
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((xs) => xs.join(''))

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

describe('ingestText + segment round trip (property)', () => {
  it('token/sentence/paragraph spans slice the text exactly and never split a surrogate pair', () => {
    fc.assert(
      fc.property(text, (input) => {
        const r = ingestText(input)
        if (!r.ok) {
          expect(['EMPTY_FILE', 'WHITESPACE_ONLY', 'NO_CONTENT']).toContain(r.error.code)
          return
        }
        const a = r.value
        const seg = segment(a)
        for (const span of [...seg.tokens, ...seg.sentences, ...seg.paragraphs]) {
          expect(span.start).toBeGreaterThanOrEqual(0)
          expect(span.end).toBeLessThanOrEqual(a.text.length)
          expect(span.start).toBeLessThan(span.end)
          // No span boundary falls between a high and a low surrogate.
          expect(isLow(a.text.charCodeAt(span.start)) && isHigh(a.text.charCodeAt(span.start - 1))).toBe(false)
          expect(isLow(a.text.charCodeAt(span.end)) && isHigh(a.text.charCodeAt(span.end - 1))).toBe(false)
        }
        for (const t of seg.tokens) expect(a.text.slice(t.start, t.end)).toBe(a.text.substring(t.start, t.end))
        // Every non-space character of the text is covered by exactly one token.
        let covered = 0
        for (const t of seg.tokens) covered += t.end - t.start
        expect(covered).toBe(a.text.replace(/\s/gu, '').length)
        // Canonical text: paragraphs separated by one blank line, no CR, no edge whitespace.
        expect(a.text).not.toMatch(/\r/)
        for (const p of a.text.split('\n\n')) {
          expect(p).not.toBe('')
          expect(p).not.toMatch(/\n/)
          expect(p.trim()).toBe(p)
        }
      }),
      { numRuns: 400 }
    )
  })

  it('keeps the characters of every kept line (only line edges and removed lines differ)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 8 }), (lines) => {
        const r = ingestText(lines.join('\r\n'))
        if (!r.ok) return
        for (const p of r.value.text.split('\n\n')) expect(lines.some((l) => l.includes(p) || p.includes(l.trim()))).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})
