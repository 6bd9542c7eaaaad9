import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { sha256 } from '../../../shared/util/sha256'

describe('sha256', () => {
  it('matches node:crypto on known and random strings', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(sha256(s)).toBe(createHash('sha256').update(s).digest('hex'))
      }),
      { numRuns: 200 }
    )
  })
})
