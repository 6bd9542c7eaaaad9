// The worker runner's pair protocol, with the real worker module on the test thread: a fake
// Worker class carries messages (structured clones, asynchronously) between the client and the
// module's `self` listener. Checks that a pair of the worker's own last analysis is requested
// by ids only, that any other analysis travels with the request, that the articles of an
// analysis are prepared for pair alignment once for all its pairs (counted through the real
// prepareForPairs and prepareAlignment), that an analysis the worker made reuses analyze()'s
// own preparation, and that a new run cancels a pair in flight.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Analysis } from '@shared/model'
import type { PairAlignment } from '@shared/pipeline/analyze'
import { alignPair } from '@shared/pipeline/analyze'
import type { AppError } from '@shared/util/result'
import type { FromWorker, ToWorker } from '../../../renderer/src/workers/protocol'
import type * as RunAnalysis from '../../../renderer/src/workers/runAnalysis'
import type * as Align from '../../../shared/pipeline/03-align/align'
import { createInlineRunner, createWorkerRunner, type AnalysisRunner } from '../../../renderer/src/workers/analysisClient'
import { studyArticles } from '../../../renderer/src/state/AppState'
import { sampleAnalysis, sampleStudy } from '../helpers'
import { twelveArticles } from '../../shared/helpers/twelveArticles'

// Counts preparations; the real function does the work. `prepared` counts the runners' own
// preparations of an analysis for pairs; `engine` every preparation of the align stage
// (analyze()'s included), so a second preparation anywhere would show.
const prepared = vi.hoisted(() => ({ calls: 0 }))
const engine = vi.hoisted(() => ({ calls: 0 }))
vi.mock('../../../shared/pipeline/03-align/align', async (importOriginal) => {
  const real = await importOriginal<typeof Align>()
  return {
    ...real,
    prepareAlignment: (...args: Parameters<typeof Align.prepareAlignment>) => {
      engine.calls++
      return real.prepareAlignment(...args)
    }
  }
})
vi.mock('../../../renderer/src/workers/runAnalysis', async (importOriginal) => {
  const real = await importOriginal<typeof RunAnalysis>()
  return {
    ...real,
    prepareForPairs: (a: Analysis) => {
      prepared.calls++
      return real.prepareForPairs(a)
    }
  }
})

const sent: ToWorker[] = []
const spawned: FakeWorker[] = []

class FakeWorker {
  private readonly listeners: ((e: { data: FromWorker }) => void)[] = []
  terminated = false
  constructor() {
    spawned.push(this)
  }
  addEventListener(type: string, fn: (e: { data: FromWorker }) => void): void {
    if (type === 'message') this.listeners.push(fn)
  }
  postMessage(m: ToWorker): void {
    sent.push(m)
    const data = structuredClone(m)
    setTimeout(() => {
      if (!this.terminated) self.dispatchEvent(new MessageEvent('message', { data }))
    })
  }
  deliver(m: FromWorker): void {
    const data = structuredClone(m)
    setTimeout(() => {
      if (!this.terminated) for (const fn of this.listeners) fn({ data })
    })
  }
  terminate(): void {
    this.terminated = true
  }
}

const realPost = self.postMessage.bind(self)
beforeAll(async () => {
  vi.stubGlobal('Worker', FakeWorker)
  // The worker module answers through self.postMessage: route that to the live fake worker.
  ;(self as unknown as { postMessage(m: FromWorker): void }).postMessage = (m: FromWorker) => spawned.at(-1)?.deliver(m)
  await import('../../../renderer/src/workers/analysis.worker')
})
afterAll(() => {
  vi.unstubAllGlobals()
  ;(self as unknown as { postMessage: typeof realPost }).postMessage = realPost
})

function runOnce(runner: AnalysisRunner, request?: Parameters<AnalysisRunner['run']>[0]): Promise<Analysis> {
  const s = sampleStudy()
  return new Promise((resolve, reject) =>
    runner.run(request ?? { articles: studyArticles(s), base: s.base, corrections: s.corrections, codebook: s.codebook }, {
      onProgress: () => {},
      onResult: (a) => resolve(a),
      onError: (e) => reject(new Error(e.message))
    })
  )
}

function pairOnce(runner: AnalysisRunner, analysis: Analysis, a: string, b: string): Promise<PairAlignment> {
  return new Promise((resolve, reject) =>
    runner.pair({ analysis, corrections: [], a, b }, { onProgress: () => {}, onResult: (p) => resolve(p), onError: (e) => reject(new Error(e.code)) })
  )
}

describe('worker runner: pairs on demand', { timeout: 60_000 }, () => {
  it("a pair of the worker's own analysis is sent as ids only; another analysis travels with the request", async () => {
    const runner = createWorkerRunner()
    const analysis = await runOnce(runner)
    const [, x, y] = analysis.articles.map((a) => a.id) as [string, string, string]
    sent.length = 0
    const p = await pairOnce(runner, analysis, x, y)
    const msg = sent.find((m) => m.type === 'pair')!
    expect(msg.type === 'pair' && msg.context).toBeUndefined()
    expect(p.links).toEqual(alignPair({ analysis, a: x, b: y }).links)
    expect(p.links.length).toBeGreaterThan(0)

    // An analysis this worker did not produce (e.g. opened before a respawn) is sent along.
    const other = sampleAnalysis()
    sent.length = 0
    const q = await pairOnce(runner, other, x, y)
    const msg2 = sent.find((m) => m.type === 'pair')!
    expect(msg2.type === 'pair' && msg2.context?.analysis.articles.length).toBe(other.articles.length)
    expect(q.links).toEqual(p.links)
    runner.dispose()
  })

  it("an analysis' articles are prepared once for all its pairs, also when the analysis is sent along again", async () => {
    const runner = createWorkerRunner()
    const first = await runOnce(runner)
    const [, x, y, z] = first.articles.map((a) => a.id) as [string, string, string, string]
    const n = prepared.calls
    const p1 = await pairOnce(runner, first, x, y)
    const p2 = await pairOnce(runner, first, y, z)
    expect(prepared.calls).toBe(n + 1)
    expect(p1).toEqual(alignPair({ analysis: first, a: x, b: y }))
    expect(p2).toEqual(alignPair({ analysis: first, a: y, b: z }))

    // A newer run: the worker now holds that one, so pairs of the first travel with their analysis.
    const second = await runOnce(runner)
    sent.length = 0
    const q1 = await pairOnce(runner, first, x, z)
    const q2 = await pairOnce(runner, first, x, y)
    expect(sent.filter((m) => m.type === 'pair').every((m) => m.type === 'pair' && m.context !== undefined)).toBe(true)
    expect(prepared.calls).toBe(n + 2)
    expect(q1).toEqual(alignPair({ analysis: first, a: x, b: z }))
    expect(q2).toEqual(p1)
    // The held analysis gets a preparation of its own; an analysis of no run here is not kept.
    expect(await pairOnce(runner, second, x, y)).toEqual(p1)
    expect(prepared.calls).toBe(n + 3)
    expect(await pairOnce(runner, sampleAnalysis(), x, y)).toEqual(p1)
    expect(prepared.calls).toBe(n + 3)
    runner.dispose()
  })

  it("an analysis that leaves pairs to the Pair view keeps analyze()'s own preparation for them: no pair prepares again", async () => {
    const runner = createWorkerRunner()
    const { originals, articles } = twelveArticles()
    const n = prepared.calls
    const e = engine.calls
    const analysis = await runOnce(runner, { articles, base: originals[0]!.id, corrections: [], codebook: null })
    expect(analysis.alignScope).toBe('base')
    // analyze()'s align stage prepared once; nothing else did.
    expect(engine.calls).toBe(e + 1)
    const ids = articles.map((a) => a.id)
    sent.length = 0
    const p = await pairOnce(runner, analysis, ids[1]!, ids[8]!)
    const p2 = await pairOnce(runner, analysis, ids[8]!, ids[3]!)
    expect(sent.find((m) => m.type === 'pair')).toMatchObject({ type: 'pair' })
    expect(sent.some((m) => m.type === 'pair' && m.context !== undefined)).toBe(false)
    expect(prepared.calls).toBe(n)
    expect(engine.calls).toBe(e + 1)
    const ee = engine.calls
    expect(p).toEqual(alignPair({ analysis, a: ids[1]!, b: ids[8]! }))
    expect(p2).toEqual(alignPair({ analysis, a: ids[8]!, b: ids[3]! }))
    expect(engine.calls).toBe(ee + 2) // the two reference calls above prepare for themselves
    expect(p.links.length).toBeGreaterThan(0)
    runner.dispose()
  })

  it('the inline runner keeps the preparation of an analysis it made, when pairs are left to the Pair view', async () => {
    const runner = createInlineRunner()
    const { originals, articles } = twelveArticles()
    const n = prepared.calls
    const e = engine.calls
    const analysis = await runOnce(runner, { articles, base: originals[0]!.id, corrections: [], codebook: null })
    const ids = articles.map((a) => a.id)
    const p = await pairOnce(runner, analysis, ids[2]!, ids[10]!)
    expect(prepared.calls).toBe(n)
    expect(engine.calls).toBe(e + 1)
    expect(p).toEqual(alignPair({ analysis, a: ids[2]!, b: ids[10]! }))
    runner.dispose()
  })

  it('the inline runner prepares each analysis once too', async () => {
    const runner = createInlineRunner()
    const analysis = sampleAnalysis()
    const [, x, y, z] = analysis.articles.map((a) => a.id) as [string, string, string, string]
    const n = prepared.calls
    expect(await pairOnce(runner, analysis, x, y)).toEqual(alignPair({ analysis, a: x, b: y }))
    expect(await pairOnce(runner, analysis, z, y)).toEqual(alignPair({ analysis, a: z, b: y }))
    expect(prepared.calls).toBe(n + 1)
    runner.dispose()
  })

  it('a new run cancels a pair in flight', async () => {
    const runner = createWorkerRunner()
    const analysis = await runOnce(runner)
    const [, x, y] = analysis.articles.map((a) => a.id) as [string, string, string]
    const errors: AppError[] = []
    runner.pair({ analysis, corrections: [], a: x, b: y }, { onProgress: () => {}, onResult: () => errors.push({ code: 'INTERNAL', message: 'unexpected result' }), onError: (e) => errors.push(e) })
    const next = runOnce(runner)
    expect(errors.map((e) => e.code)).toEqual(['CANCELLED'])
    await next
    runner.dispose()
  })
})
