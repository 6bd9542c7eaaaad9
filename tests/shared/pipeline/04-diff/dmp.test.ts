import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Token } from '../../../../shared/model'
import { diffTokens, MAX_TOKENS, TokenAlphabet, type TokenRun } from '../../../../shared/pipeline/04-diff/dmp'
import { tokenize } from '../../../../shared/text/tokenize'

const here = '[04-diff/dmp] '

/** Check the tiling invariant and that equal runs really pair equal norms. */
function checkTiling(a: readonly Token[], b: readonly Token[], runs: readonly TokenRun[]): void {
  let i = 0
  let j = 0
  for (const r of runs) {
    expect(r.a0).toBe(i)
    expect(r.b0).toBe(j)
    if (r.op === 'equal') {
      expect(r.a1 - r.a0).toBe(r.b1 - r.b0)
      for (let k = 0; k < r.a1 - r.a0; k++) expect(a[r.a0 + k]!.norm).toBe(b[r.b0 + k]!.norm)
    }
    if (r.op === 'insert') expect(r.a1).toBe(r.a0)
    if (r.op === 'delete') expect(r.b1).toBe(r.b0)
    expect(r.a1 > r.a0 || r.b1 > r.b0).toBe(true)
    i = r.a1
    j = r.b1
  }
  expect(i).toBe(a.length)
  expect(j).toBe(b.length)
}

describe('diffTokens', () => {
  it(here + 'diffs words, not characters, and ignores case and quote style', () => {
    const ta = 'The Zionist regime opened Israel’s embassy.'
    const tb = 'the Jewish state opened israel\'s embassy.'
    const a = tokenize(ta)
    const b = tokenize(tb)
    const d = diffTokens(a, b)
    expect(d.timedOut).toBe(false)
    const ops = d.ops.map((o) => o.op === 'equal' ? `=${ta.slice(o.a.start, o.a.end)}` : o.op === 'delete' ? `-${ta.slice(o.a.start, o.a.end)}` : `+${tb.slice(o.b.start, o.b.end)}`)
    expect(ops).toEqual(['=The', '-Zionist regime', '+Jewish state', '=opened Israel’s embassy.'])
  })

  it(here + 'identical and empty inputs', () => {
    const a = tokenize('One two three.')
    expect(diffTokens(a, a).runs).toEqual([{ op: 'equal', a0: 0, a1: 4, b0: 0, b1: 4 }])
    expect(diffTokens([], a).runs).toEqual([{ op: 'insert', a0: 0, a1: 0, b0: 0, b1: 4 }])
    expect(diffTokens(a, []).runs).toEqual([{ op: 'delete', a0: 0, a1: 4, b0: 0, b1: 0 }])
    expect(diffTokens([], []).runs).toEqual([])
  })

  it(here + 'property: equal+delete tile side a, equal+insert tile side b; spans come from the tokens', () => {
    const vocab = ['the', 'Iran', 'said', 'slammed', 'embassy', ',', '.', '100', 'Baku', 'ties', '“', '”']
    const words = fc.array(fc.constantFrom(...vocab), { maxLength: 60 })
    fc.assert(
      fc.property(words, words, (wa, wb) => {
        const ta = wa.join(' ')
        const tb = wb.join(' ')
        const a = tokenize(ta)
        const b = tokenize(tb)
        const d = diffTokens(a, b)
        checkTiling(a, b, d.runs)
        // Reassemble each side from the ops' spans: the token sequence must be reproduced.
        const fromA = d.ops.filter((o) => o.op !== 'insert').map((o) => tokenize(ta.slice((o as { a: { start: number; end: number } }).a.start, (o as { a: { start: number; end: number } }).a.end)).map((t) => t.norm).join(' ')).join(' ')
        const fromB = d.ops.filter((o) => o.op !== 'delete').map((o) => tokenize(tb.slice((o as { b: { start: number; end: number } }).b.start, (o as { b: { start: number; end: number } }).b.end)).map((t) => t.norm).join(' ')).join(' ')
        expect(fromA.trim()).toBe(a.map((t) => t.norm).join(' '))
        expect(fromB.trim()).toBe(b.map((t) => t.norm).join(' '))
      }),
      { numRuns: 300, seed: 42 }
    )
  })

  it(here + 'is deterministic (no deadline)', () => {
    const a = tokenize('Azerbaijan opened an embassy in Tel Aviv, Iran warned, and Israel welcomed the step. '.repeat(20))
    const b = tokenize('Israel welcomed the embassy Azerbaijan opened in Tel Aviv while Iran protested the step. '.repeat(20))
    expect(diffTokens(a, b)).toEqual(diffTokens(a, b))
  })

  it(here + 'above the size guard returns one delete and one insert, flagged timedOut', () => {
    const a = tokenize('word '.repeat(MAX_TOKENS + 1))
    const b = tokenize('other words here.')
    const d = diffTokens(a, b)
    expect(d.timedOut).toBe(true)
    checkTiling(a, b, d.runs)
    expect(d.runs.map((r) => r.op)).toEqual(['delete', 'insert'])
  })
})

describe('TokenAlphabet', () => {
  it(here + 'pre-encoded sides give the same diff as per-diff encoding, whatever else the alphabet holds', () => {
    const ta = 'Iran slammed the opening of the embassy in Tel Aviv, calling it a provocation.'
    const tb = 'Iran criticised the embassy opening in Tel Aviv and called it provocative.'
    const a = tokenize(ta)
    const b = tokenize(tb)
    const plain = diffTokens(a, b)
    for (const warmup of ['', 'Completely different words first, so codes differ: opening embassy Iran.']) {
      const alpha = new TokenAlphabet()
      alpha.encodeTokens(tokenize(warmup))
      const codes = { a: alpha.encodeTokens(a)!, b: alpha.encodeTokens(b)! }
      expect(diffTokens(a, b, 0, a.length, 0, b.length, codes)).toEqual(plain)
    }
  })
})
