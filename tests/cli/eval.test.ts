// parallax eval spans|pairs|align GOLD [--json] (gold formats and metrics: docs/eval.md).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { ensureBuilt, expectOneLineError, GOLD, parallax, tempDir } from './helpers'

// Each case starts Node processes on a shared, busy machine: time limits are generous.
vi.setConfig({ testTimeout: 120_000 })

beforeAll(() => ensureBuilt(), 180_000)

const unit = (x: unknown): void => {
  expect(typeof x).toBe('number')
  expect(x as number).toBeGreaterThanOrEqual(0)
  expect(x as number).toBeLessThanOrEqual(1)
}

describe('parallax eval', () => {
  it('align: link precision/recall/F1 on the sample gold', () => {
    const r = parallax(['eval', 'align', join(GOLD, 'baku-tel-aviv.align.json'), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const m = JSON.parse(r.stdout) as Record<string, number>
    for (const k of ['precision', 'recall', 'f1']) unit(m[k])
    expect(m['goldLinks']).toBeGreaterThan(100)
    expect(m['links']).toBeGreaterThan(0)
    // A real alignment of these samples finds a good share of the hand links.
    expect(m['f1']).toBeGreaterThan(0.3)
    const table = parallax(['eval', 'align', join(GOLD, 'baku-tel-aviv.align.json')])
    expect(table.stdout).toMatch(/precision\s+recall\s+f1/)
  })

  it('pairs: Spearman, accuracy and F1 at the engine default threshold', () => {
    const r = parallax(['eval', 'pairs', join(GOLD, 'baku-tel-aviv.pairs.jsonl'), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const m = JSON.parse(r.stdout) as Record<string, number | null>
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['spearman', 'accuracy', 'f1', 'threshold', 'pairs']))
    expect(m['pairs']).toBeGreaterThan(10)
    expect(m['threshold']).toBeGreaterThan(0)
    expect(typeof m['spearman']).toBe('number')
    expect(parallax(['eval', 'pairs', join(GOLD, 'baku-tel-aviv.pairs.jsonl')]).stdout).toMatch(/spearman/)
  })

  it('spans: token, sentence and per-label P/R/F1', () => {
    const r = parallax(['eval', 'spans', join(GOLD, 'baku-tel-aviv.spans.jsonl'), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const m = JSON.parse(r.stdout) as { tokens: Record<string, number>; sentences: Record<string, number> | null; byLabel: Record<string, Record<string, number>>; records: number }
    for (const k of ['precision', 'recall', 'f1']) unit(m.tokens[k])
    expect(m.records).toBeGreaterThan(50)
    expect(Object.keys(m.byLabel)).toContain('loaded')
    expect(m.tokens['f1']).toBeGreaterThan(0)
    expect(parallax(['eval', 'spans', join(GOLD, 'baku-tel-aviv.spans.jsonl')]).stdout).toMatch(/^spans\s+precision\s+recall\s+f1\ntokens/)
  })

  it('fails in one line for a missing or malformed gold file', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'bad.align.json'), '{"articles": []}')
    writeFileSync(join(dir, 'bad.pairs.jsonl'), '{"a": "x"}\n')
    writeFileSync(join(dir, 'bad.spans.jsonl'), 'not json\n')
    expectOneLineError(parallax(['eval', 'align', join(dir, 'missing.json')]), /missing\.json does not exist/)
    expectOneLineError(parallax(['eval', 'align', join(dir, 'bad.align.json')]), /bad\.align\.json: align gold: "articles" must be/)
    expectOneLineError(parallax(['eval', 'pairs', join(dir, 'bad.pairs.jsonl')]), /bad\.pairs\.jsonl: pairs gold line 1/)
    expectOneLineError(parallax(['eval', 'spans', join(dir, 'bad.spans.jsonl')]), /bad\.spans\.jsonl: line 1: not valid JSON/)
  })
})
