import { describe, expect, it } from 'vitest'
import { segment } from '../../../shared/pipeline/02-segment/segment'
import { quoteMask } from '../../../shared/text/quoteMask'

function quoted(text: string): string[] {
  const seg = segment({ id: 'q', text })
  const mask = quoteMask(seg)
  return seg.tokens.filter((_, i) => mask[i] === 1).map((t) => text.slice(t.start, t.end))
}

describe('quoteMask', () => {
  const table: [string, string, string[]][] = [
    ['curly quotes', 'He called it “a historic day” and left.', ['a', 'historic', 'day']],
    ['straight quotes toggle', 'Kanaani said "be vigilant" today.', ['be', 'vigilant']],
    ['guillemets', 'Le «regime» said.', ['regime']],
    ['quote spans sentences', '“We will act. We will not wait,” he said.', ['We', 'will', 'act', 'We', 'will', 'not', 'wait']],
    ['an unclosed quote stops at the paragraph', 'He said "never\nNext paragraph here.', ['never']],
    ['no quotes', 'Plain reporting.', []]
  ]
  it.each(table)('%s', (_n, text, expected) => {
    expect(quoted(text)).toEqual(expected)
  })
})
