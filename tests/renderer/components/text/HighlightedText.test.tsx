import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render } from '@testing-library/react'
import type { Quote } from '@shared/model'
import { HighlightedText, labelledQuotes } from '../../../../renderer/src/components/text/HighlightedText'
import { derive } from '../../../../renderer/src/state/derive'
import { sampleAnalysis, sampleStudy } from '../../helpers'

function q(start: number, end: number, speaker: string, side = '', direct = true): Quote {
  return { article: 'a', start, end, speaker, speakerActor: '', side, verb: 'said', anonymous: false, direct }
}

describe('labelledQuotes (one speaker label per quotation)', () => {
  const outer = q(0, 100, 'Eli Cohen', 'Israel', false)
  const inner = q(60, 80, 'Eli Cohen', 'Israel')
  const other = q(60, 80, 'Jeyhun Bayramov', 'Azerbaijan')
  const twin = q(0, 100, 'Eli Cohen', 'Israel', false)
  const cases: [string, Quote[], Quote[]][] = [
    ['a single quote is labelled', [inner], [inner]],
    ['a same-speaker quote inside an attribution is labelled once, at the outer end', [outer, inner], [outer]],
    ['order of the list does not matter', [inner, outer], [outer]],
    ['a different speaker inside keeps its own label', [outer, other], [outer, other]],
    ['two quotes with the same span and speaker get one label', [outer, twin], [outer]],
    ['an unattributed quote gets no label', [q(0, 5, '')], []]
  ]
  it.each(cases)('%s', (_, quotes, expected) => {
    expect([...labelledQuotes(quotes)]).toEqual(expected)
  })

  it('no sentence of the sample shows the same speaker label twice for nested quotes', () => {
    const d = derive(sampleAnalysis(), sampleStudy().articles)
    for (const idx of d.byId.values()) {
      const shown = labelledQuotes(idx.quotes)
      for (const a of shown)
        for (const b of shown)
          if (a !== b && a.speaker === b.speaker && a.side === b.side) expect(a.start >= b.end || b.start >= a.end || (a.start < b.start && a.end < b.end) || (b.start < a.start && b.end < a.end)).toBe(true)
    }
  })
})

describe('reported speech without quotation marks in the quotes layer', () => {
  afterEach(cleanup)

  it("marks the source and labels it 'reported'; only words in marks are styled as quoted", () => {
    const d = derive(sampleAnalysis(), sampleStudy().articles)
    const idx = d.byId.get(d.base)!
    const indirect = idx.quotes.filter((x) => x.direct === false && x.parts?.source && !idx.quotes.some((o) => o.direct !== false && o.start >= x.start && o.end <= x.end))
    expect(indirect.length).toBeGreaterThan(0)
    const { container } = render(
      <HighlightedText idx={idx} sentences={idx.seg.sentences.map((_, i) => i)} layers={new Set(['quotes'])} reviews={new Map()} annotations={[]} />
    )
    for (const x of indirect) {
      const src = x.parts!.source!
      const marked = [...container.querySelectorAll<HTMLElement>('.qsrc')].map((el) => Number(el.dataset.o))
      expect(marked).toContain(src.start)
      // The reported content is the outlet's own wording: none of its pieces is styled as quoted.
      const content = x.parts!.content
      for (const el of container.querySelectorAll<HTMLElement>('[data-o]')) {
        const o = Number(el.dataset.o)
        if (o >= content.start && o < content.end) expect(el.classList.contains('q')).toBe(false)
      }
    }
    const labels = [...container.querySelectorAll('.speaker')].map((el) => el.textContent ?? '')
    expect(labels.some((l) => l.startsWith('— reported: '))).toBe(true)
    // A quotation in marks keeps its plain label.
    expect(labels.some((l) => l.startsWith('— ') && !l.startsWith('— reported'))).toBe(true)
  })
})
