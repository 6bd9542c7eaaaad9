// The worker runner's pair protocol, with the real worker module on the test thread: a fake
// Worker class carries messages (structured clones, asynchronously) between the client and the
// module's `self` listener. Checks that a pair of the worker's own last analysis is requested
// by ids only, that any other analysis travels with the request, and that a new run cancels a
// pair in flight.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Analysis } from '@shared/model'
import type { PairAlignment } from '@shared/pipeline/analyze'
import { alignPair } from '@shared/pipeline/analyze'
import type { AppError } from '@shared/util/result'
import type { FromWorker, ToWorker } from '../../../renderer/src/workers/protocol'
import { createWorkerRunner, type AnalysisRunner } from '../../../renderer/src/workers/analysisClient'
import { studyArticles } from '../../../renderer/src/state/AppState'
import { sampleAnalysis, sampleStudy } from '../helpers'

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

function runOnce(runner: AnalysisRunner): Promise<Analysis> {
  const s = sampleStudy()
  return new Promise((resolve, reject) =>
    runner.run(
      { articles: studyArticles(s), base: s.base, corrections: s.corrections, codebook: s.codebook },
      { onProgress: () => {}, onResult: (a) => resolve(a), onError: (e) => reject(new Error(e.message)) }
    )
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
