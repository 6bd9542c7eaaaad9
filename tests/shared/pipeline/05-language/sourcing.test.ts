/**
 * People the naming data does not know ("Ana Costa", "Daniel Reyes") as sources: a quotation's
 * or attribution's speaker by full name, also through "she said" and a bare surname, with no
 * actor and no side; the per-outlet sourcing table (buildReport's sourcesBySide, shown as
 * "unknown side") counts them under the empty side rather than dropping them.
 */
import { describe, expect, it } from 'vitest'
import { analyze } from '../../../../shared/pipeline/analyze'
import { article, run } from './helpers'

const speakers = (text: string): string[] => run(text).quotes.map((q) => `${q.direct === false ? 'I' : 'D'}:${q.speaker}|${q.side}|${q.verb}`)

describe('unknown named speakers', () => {
  it.each([
    [
      'Foreign Minister Ana Costa arrived on Monday. "We are ready," she said. Costa said the talks had failed.',
      ['D:Ana Costa||said', 'I:Ana Costa||said']
    ],
    [
      'The spokesman for the ministry, Daniel Reyes, spoke first. "No comment," he said.\n\n"Later," said Reyes. He told reporters the talks had failed.',
      ['D:Daniel Reyes||said', 'D:Daniel Reyes||said', 'I:Daniel Reyes||told']
    ],
    // A pronoun in a later paragraph with no name in it stays unresolved (coref's paragraph rule).
    ['Foreign Minister Ana Costa arrived on Monday.\n\n"We are ready," she said.', ['D:||said']],
    // A surname that ends no earlier holder's name is kept as written.
    ['Foreign Minister Ana Costa arrived on Monday. Silva said the talks had failed.', ['I:Silva||said']]
  ])('%s', (text, expected) => {
    expect(speakers(text)).toEqual(expected)
  })

  it('the per-outlet sourcing table counts them under the unknown side, beside the named sides', () => {
    const a = article('Foreign Minister Ana Costa arrived in Baku on Monday. "We are ready," she said. Eli Cohen said the talks had failed. Iranian officials said the drone had crashed.', 'x')
    const analysis = analyze({ articles: [a] })
    expect(analysis.metrics[0]!.sourcesBySide).toEqual({ '': 1, Iran: 1, Israel: 1 })
    const costa = analysis.language[0]!.quotes.find((q) => q.speaker === 'Ana Costa')!
    expect(costa).toMatchObject({ speakerActor: '', side: '', anonymous: false })
  })
})
