import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { segment } from '../../../../shared/pipeline/02-segment/segment'

function sentences(text: string): string[] {
  const s = segment({ id: 't', text })
  return s.sentences.map((x) => text.slice(x.start, x.end))
}

describe('segment: sentence boundaries', () => {
  const table: [string, string, string[]][] = [
    ['titles', 'Dr. Smith met Mr. Jones. They talked.', ['Dr. Smith met Mr. Jones.', 'They talked.']],
    ['ranks and months', 'Gen. Bagheri spoke on Jan. 5. He was brief.', ['Gen. Bagheri spoke on Jan. 5.', 'He was brief.']],
    ['initialism mid-sentence', 'The U.S. economy grew. Markets rose.', ['The U.S. economy grew.', 'Markets rose.']],
    ['initialism at end', 'He lives in the U.S. He works there.', ['He lives in the U.S.', 'He works there.']],
    ['decimals', 'Growth was 3.5 percent. It slowed.', ['Growth was 3.5 percent.', 'It slowed.']],
    ['quote then attribution', '"Really?" he asked. She nodded.', ['"Really?" he asked.', 'She nodded.']],
    ['sentences inside one quotation', '"We will act. We will not wait," he said. Then he left.', ['"We will act. We will not wait," he said.', 'Then he left.']],
    ['curly quotes', '“It is historic,” Cohen said. Bayramov agreed.', ['“It is historic,” Cohen said.', 'Bayramov agreed.']],
    ['two quotations in a row', 'He said: "First." "Second one."', ['He said: "First."', '"Second one."']],
    ['initial in a byline', 'By N. Daneshvar wrote this. Next.', ['By N. Daneshvar wrote this.', 'Next.']],
    ['No. before a number', 'No. 5 was fine. He said no. Then left.', ['No. 5 was fine.', 'He said no.', 'Then left.']],
    ['exclamation and question', 'Stop! Why? Because.', ['Stop!', 'Why?', 'Because.']],
    ['line breaks end sentences', 'Headline without stop\nBody starts here. Ends.', ['Headline without stop', 'Body starts here.', 'Ends.']],
    ['ellipsis', 'He paused… Then spoke.', ['He paused…', 'Then spoke.']]
  ]
  it.each(table)('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected)
  })

  it('cuts a run-on "sentence" with no punctuation into bounded pieces', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `word${i % 97}`).join(' ')
    const s = segment({ id: 'r', text })
    expect(s.sentences.length).toBeGreaterThan(10)
    for (const x of s.sentences) expect(x.tokenEnd - x.tokenStart).toBeLessThanOrEqual(400)
  })

  it('segments the seed article into paragraphs and sentences', () => {
    const text = readFileSync(resolve(__dirname, '../../../../samples/baku-tel-aviv/baku-tel-aviv-ties.txt'), 'utf8')
    const s = segment({ id: 'seed', text })
    const all = s.sentences.map((x) => text.slice(x.start, x.end))
    expect(all).toContain('By: N. Daneshvar')
    expect(all.some((x) => x.startsWith('"Our Muslim brothers and sisters in Azerbaijan'))).toBe(true)
    expect(s.paragraphs.length).toBeGreaterThanOrEqual(12)
  })
})

describe('segment: offset invariants (property)', () => {
  const piece = fc.oneof(
    fc.constantFrom('Dr.', 'U.S.', '3.5', '“', '”', '"', "'", '’', '—', '\r\n', '\n', ' ', '  ', '.', '!', '?', 'é', 'e\u0301', '👍🏽', '👨‍👩‍👧', 'שלום', 'مرحبا', 'Baku', 'Zionist', '\u0000', '\uD800'),
    fc.string({ unit: 'grapheme', maxLength: 6 })
  )
  const textArb = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''))

  it('tokens, sentences and paragraphs slice the original text exactly', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const s = segment({ id: 'p', text })
        let prevEnd = 0
        for (const t of s.tokens) {
          expect(t.start).toBeGreaterThanOrEqual(prevEnd)
          expect(t.end).toBeGreaterThan(t.start)
          expect(text.slice(prevEnd, t.start).trim()).toBe('')
          // never split a surrogate pair
          const hi = text.charCodeAt(t.start - 1)
          const lo = text.charCodeAt(t.start)
          expect(hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff).toBe(false)
          prevEnd = t.end
        }
        expect(text.slice(prevEnd).trim()).toBe('')
        for (const x of s.sentences) {
          const toks = s.tokens.slice(x.tokenStart, x.tokenEnd)
          expect(toks.length).toBeGreaterThan(0)
          expect(x.start).toBe(toks[0]!.start)
          expect(x.end).toBe(toks[toks.length - 1]!.end)
          expect(/[\r\n\u2028\u2029]/.test(text.slice(x.start, x.end))).toBe(false)
        }
        // sentences partition the tokens in order
        let next = 0
        for (const x of s.sentences) {
          expect(x.tokenStart).toBe(next)
          next = x.tokenEnd
        }
        expect(next).toBe(s.tokens.length)
        for (const p of s.paragraphs) {
          expect(s.sentences[p.sentenceStart]!.start).toBe(p.start)
          expect(s.sentences[p.sentenceEnd - 1]!.end).toBe(p.end)
        }
      }),
      { numRuns: 400 }
    )
  })
})
