import { describe, expect, it } from 'vitest'
import { derive, flagsIn, positionIn } from '../../../renderer/src/state/derive'
import { sampleAnalysis, sampleStudy } from '../helpers'

describe('derive (side-by-side rows over the sample analysis)', () => {
  const analysis = sampleAnalysis()
  const d = derive(analysis, sampleStudy().articles)

  it('puts the base first and keeps every analysed article', () => {
    expect(d.order[0]).toBe(analysis.base)
    expect([...d.order].sort()).toEqual(analysis.articles.map((a) => a.id).sort())
  })

  it('places every sentence of every article in exactly one row', () => {
    for (const id of d.order) {
      const seen: number[] = []
      for (const row of d.rows) {
        const cell = id === d.base ? row.base : row.cells.get(id)
        if (cell) seen.push(...cell.sentences)
      }
      const n = d.byId.get(id)!.seg.sentences.length
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i))
    }
  })

  it('keeps base passages in base order and marks content absent from the base', () => {
    const firsts = d.rows.filter((r) => r.base).map((r) => r.base!.sentences[0]!)
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b))
    const onlyRows = d.rows.filter((r) => !r.base)
    for (const r of onlyRows) for (const c of r.cells.values()) expect(c.only).toBe(true)
  })

  it('starts with the base\'s first passage and places only-passages after their previous sentence', () => {
    expect(d.rows[0]!.base?.sentences[0]).toBe(0)
    for (const id of d.order) {
      if (id === d.base) continue
      const rowOf = d.rowOf.get(id)!
      for (const row of d.rows) {
        const c = row.cells.get(id)
        if (!c?.only) continue
        const first = c.sentences[0]!
        // Its own previous sentence is in the row just before (or in an earlier row when that
        // row is shared by several articles' only-runs); a leading run sits after row 1.
        if (first > 0) expect(rowOf[first - 1]!).toBeLessThan(row.index)
        else expect(row.index).toBeGreaterThan(0)
      }
    }
  })

  it('maps every sentence to the row that shows it', () => {
    for (const id of d.order) {
      const rowOf = d.rowOf.get(id)!
      rowOf.forEach((r, k) => {
        const row = d.rows[r]!
        const cell = id === d.base ? row.base : row.cells.get(id)
        expect(cell?.sentences).toContain(k)
      })
    }
  })

  it('cells in aligned rows carry the links that put them there', () => {
    const linked = d.rows.flatMap((r) => [...r.cells.values()]).filter((c) => !c.only)
    expect(linked.length).toBeGreaterThan(0)
    for (const c of linked) for (const l of c.linkIds) expect(d.links.has(l)).toBe(true)
  })

  it('orders flags for keyboard navigation and finds flags by offset range', () => {
    expect(d.flagOrder.length).toBe([...d.byId.values()].reduce((n, x) => n + x.flags.length, 0))
    const idx = d.byId.get(d.base)!
    const s = idx.seg.sentences[1]!
    expect(flagsIn(idx.flags, s.start, s.end)).toEqual(idx.flags.filter((f) => f.start >= s.start && f.start < s.end))
  })
})

describe('positionIn', () => {
  const d = derive(sampleAnalysis(), sampleStudy().articles)
  const idx = d.byId.get(d.base)!
  it.each([
    [[0], '1', 1],
    [[2, 3, 4], '3–5', 3],
    [[0, 1, 5, 8, 9], '1–2, 6, 9–10', 1]
  ] as const)('%j → sentences %s', (sentences, ranges, sentence) => {
    const p = positionIn(idx, sentences)
    expect(p.ranges).toBe(ranges)
    expect(p.sentence).toBe(sentence)
    expect(p.of).toBe(idx.seg.sentences.length)
    expect(p.paragraph).toBe(idx.seg.sentences[sentences[0]]!.paragraph + 1)
  })
})
