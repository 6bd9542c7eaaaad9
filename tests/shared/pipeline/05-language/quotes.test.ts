import { describe, expect, it } from 'vitest'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { quotationSpans } from '../../../../shared/pipeline/05-language/quotes'
import { analyzeLanguage } from '../../../../shared/pipeline/05-language/analyzeLanguage'
import { attributeQuotes, indirectAttributions, type AttributionContext } from '../../../../shared/pipeline/05-language/attribution'
import { builtinNaming } from '../../../../shared/resources/naming'
import { article } from './helpers'

function spans(text: string): string[] {
  return quotationSpans(text, segment(article(text)).paragraphs).map((s) => text.slice(s.start, s.end))
}

describe('quotationSpans', () => {
  it.each([
    ['He said "yes" and "no".', ['"yes"', '"no"']],
    ['He said “It is. It was.” Then left.', ['“It is. It was.”']],
    ['Iran’s ministers’ meeting was short.', []],
    ['The ‘experts’ disagreed.', ['‘experts’']],
    ["The 'reform' was a sham, wasn't it?", ["'reform'"]],
    ["The ministers' meeting, they're sure, went well.", []],
    ['« Bonjour » dit-il.', ['« Bonjour »']],
    ['"First paragraph goes on\n"Second one," he said.', ['"First paragraph goes on', '"Second one,"']],
    ['Mixed “marks" close too.', ['“marks"']]
  ])('%j', (text, expected) => {
    expect(spans(text)).toEqual(expected)
  })
})

describe('attribution lookups (binary search over mentions in text order)', () => {
  it('give what scanning the mentions gives (mentions reversed take the scan path)', () => {
    const dir = resolve(__dirname, '../../../../samples/baku-tel-aviv')
    let quotes = 0
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const a = article(readFileSync(resolve(dir, f), 'utf8'))
      const segmentation = segment(a)
      const naming = builtinNaming()
      const { mentions } = analyzeLanguage({ article: a, segmentation, naming, codebook: null })
      // Starts are unique (mentions never share a first token), so order does not matter to the answers.
      expect(new Set(mentions.map((m) => m.start)).size).toBe(mentions.length)
      const tokenSentence = new Int32Array(segmentation.tokens.length)
      for (const s of segmentation.sentences) tokenSentence.fill(s.index, s.tokenStart, s.tokenEnd)
      const qspans = quotationSpans(a.text, segmentation.paragraphs)
      const ctx = (ms: typeof mentions): AttributionContext => ({ text: a.text, tokens: segmentation.tokens, segmentation, naming, mentions: ms, tokenSentence })
      const sorted = ctx(mentions)
      const reversed = ctx([...mentions].reverse())
      const direct = attributeQuotes(sorted, qspans, a.id)
      expect(direct).toEqual(attributeQuotes(reversed, qspans, a.id))
      expect(indirectAttributions(sorted, qspans, a.id)).toEqual(indirectAttributions(reversed, qspans, a.id))
      quotes += direct.filter((q) => q.speakerActor !== '').length
    }
    expect(quotes).toBeGreaterThan(5)
  })
})
