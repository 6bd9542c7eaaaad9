import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonErrorOffset } from '../../../shared/study/jsonError'

/** JSON.parse's verdict, and its position when it gives one. */
function native(text: string): { valid: boolean; pos: number | null } {
  try {
    JSON.parse(text)
    return { valid: true, pos: null }
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message)
    return { valid: false, pos: m ? Number(m[1]) : null }
  }
}

describe('jsonErrorOffset', () => {
  const cases: [string, string, number | null][] = [
    ['valid object', '{"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n"]}', null],
    ['valid scalar with whitespace', ' \n 42 \r\n', null],
    ['valid empty containers', '{"a": {}, "b": []}', null],
    ['unexpected token inside a literal', '{"a": tru}', 9],
    ['unexpected token at the start', 'hello', 0],
    ['missing colon', '{"a" 1}', 5],
    ['trailing comma in an object', '{"a": 1,}', 8],
    ['trailing comma in an array', '[1,]', 3],
    ['leading zero', '[01]', 2],
    ['bad escape', '["a\\x"]', 4],
    ['short unicode escape', '["\\u12g4"]', 6],
    ['raw control character in a string', '["a\nb"]', 3],
    ['garbage after the value', '{} x', 3],
    ['truncated object', '{"a": [1, 2', 11],
    ['truncated string', '{"a": "abc', 10],
    ['truncated number', '[1.', 3],
    ['closing the wrong bracket', '{"a": [1}', 8],
    ['a single quote', "{'a': 1}", 1]
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    expect(jsonErrorOffset(text)).toBe(expected)
    expect(native(text).valid).toBe(expected === null)
  })

  it('agrees with JSON.parse on validity, and on the position whenever JSON.parse gives one', () => {
    // Valid JSON with a few characters cut, doubled or replaced: mostly invalid, near-valid texts.
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '0', ' ', '\\'))
      .map(([j, at, ins]) => {
        const k = j.length === 0 ? 0 : at % j.length
        return j.slice(0, k) + ins + j.slice(k + 1)
      })
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged), (text) => {
        const n = native(text)
        const mine = jsonErrorOffset(text)
        expect(mine === null).toBe(n.valid)
        if (n.pos !== null) expect(mine).toBe(n.pos)
      }),
      { numRuns: 3000 }
    )
  })

  it('does not overflow the stack on deep nesting', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000)
  })
})
