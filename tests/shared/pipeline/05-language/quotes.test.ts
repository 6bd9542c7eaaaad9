import { describe, expect, it } from 'vitest'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { quotationSpans } from '../../../../shared/pipeline/05-language/quotes'
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
