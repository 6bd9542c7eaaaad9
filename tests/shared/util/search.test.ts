import { describe, expect, it } from 'vitest'
import { firstAtOrAfter } from '../../../shared/util/search'

const spans = [0, 4, 4, 9, 15].map((start) => ({ start }))

describe('firstAtOrAfter', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 3],
    [9, 3],
    [10, 4],
    [15, 4],
    [16, 5]
  ])('offset %i → index %i', (offset, index) => {
    expect(firstAtOrAfter(spans, offset)).toBe(index)
  })

  it('agrees with a linear scan on random sorted lists', () => {
    let seed = 7
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let n = 0; n < 40; n++) {
      const xs = Array.from({ length: n }, () => Math.floor(rnd() * 30)).sort((a, b) => a - b).map((start) => ({ start }))
      for (let offset = -1; offset <= 31; offset++) {
        const linear = xs.findIndex((x) => x.start >= offset)
        expect(firstAtOrAfter(xs, offset)).toBe(linear < 0 ? xs.length : linear)
      }
    }
  })
})
