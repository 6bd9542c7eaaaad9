/** Every payload is validated at the trust boundary; bad ones come back as INVALID_PAYLOAD data. */
import { describe, expect, it } from 'vitest'
import { dispatch, registerHandlers } from '../../../electron/main/ipc/registerHandlers'
import { CHANNELS } from '../../../shared/ipc/channels'
import { OPERATIONS, type Operation, type ParallaxHandlers } from '../../../shared/ipc/contract'
import { validateRequest } from '../../../shared/ipc/validate'
import { AppFailure, ok } from '../../../shared/util/result'

const study = '{"format":"parallax-study","schemaVersion":1}'

/** [operation, payload] pairs that must be accepted. */
const VALID: [Operation, unknown][] = [
  ['openArticles', undefined],
  ['openStudy', undefined],
  ['openRecent', { path: '/home/u/a.parallax.json' }],
  ['recentStudies', undefined],
  ['saveStudy', { json: study, saveAs: false }],
  ['saveStudy', { json: study, path: 'C:\\Users\\u\\a.parallax.json', saveAs: true }],
  ['saveStudy', { json: study, saveAs: false, suggestedName: 'baku.parallax.json' }],
  ['autosave', { json: study }],
  ['recoverAutosave', undefined],
  ['clearAutosave', undefined],
  ['exportFile', { suggestedName: 'flags.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], data: 'a,b' }],
  ['exportFile', { suggestedName: 'x.bin', filters: [], data: new Uint8Array([1, 2]) }],
  ['exportPdf', { html: '<p>x</p>', suggestedName: 'report.pdf' }],
  ['appInfo', undefined]
]

/** [operation, payload, what the message must mention] that must be rejected. */
const INVALID: [Operation, unknown, string][] = [
  ['openArticles', { sneaky: true }, 'request'],
  ['appInfo', 'x', 'request'],
  ['openRecent', undefined, 'request'],
  ['openRecent', { path: 42 }, 'path'],
  ['openRecent', { path: '' }, 'path'],
  ['openRecent', { path: 'a\u0000b' }, 'path'],
  ['openRecent', { path: '/x', extra: 1 }, 'request'],
  ['saveStudy', { json: study }, 'saveAs'],
  ['saveStudy', { json: 12, saveAs: false }, 'json'],
  ['saveStudy', { json: study, saveAs: 'yes' }, 'saveAs'],
  ['saveStudy', { json: study, path: null, saveAs: false }, 'path'],
  ['saveStudy', { json: study, saveAs: false, suggestedName: '../x.json' }, 'suggestedName'],
  ['autosave', {}, 'json'],
  ['autosave', null, 'request'],
  ['exportFile', { suggestedName: '../../etc/passwd', filters: [], data: 'x' }, 'suggestedName'],
  ['exportFile', { suggestedName: 'a/b.csv', filters: [], data: 'x' }, 'suggestedName'],
  ['exportFile', { suggestedName: 'ok.csv', filters: [{ name: 'CSV', extensions: ['.csv'] }], data: 'x' }, 'filters'],
  ['exportFile', { suggestedName: 'ok.csv', filters: [], data: 42 }, 'data'],
  ['exportFile', { suggestedName: 'ok.csv', filters: [], data: [1, 2, 3] }, 'data'],
  ['exportPdf', { html: '', suggestedName: 'r.pdf' }, 'html'],
  ['exportPdf', { html: '<p/>', suggestedName: 'a\nb.pdf' }, 'suggestedName']
]

/** Handlers that record calls, so a rejected payload provably never reaches one. */
function recordingHandlers(calls: string[], impl?: Partial<Record<Operation, () => Promise<unknown>>>): ParallaxHandlers {
  const h: Record<string, unknown> = {}
  for (const op of OPERATIONS) {
    h[op] = async (req: unknown) => {
      calls.push(op)
      return impl?.[op] ? impl[op]!() : ok({ echo: req })
    }
  }
  return h as unknown as ParallaxHandlers
}

describe('validateRequest', () => {
  it.each(VALID)('accepts %s %j', (op, payload) => {
    const r = validateRequest(CHANNELS[op], payload)
    expect(r).toMatchObject({ ok: true, value: { op } })
  })

  it.each(INVALID)('rejects %s %j', (op, payload, field) => {
    const r = validateRequest(CHANNELS[op], payload)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_PAYLOAD')
      expect(r.error.message).toContain(op)
      expect(r.error.message).toContain(field)
    }
  })

  it.each(['parallax:nope', 'open-articles', 'openArticles', '', '__proto__', 'parallax:open-articles '])('rejects unknown channel %j', (ch) => {
    expect(validateRequest(ch, undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } })
  })
})

describe('dispatch', () => {
  it('never calls a handler with an invalid payload', async () => {
    const calls: string[] = []
    const h = recordingHandlers(calls)
    for (const [op, payload] of INVALID) {
      expect(await dispatch(h, CHANNELS[op], payload)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } })
    }
    expect(calls).toEqual([])
    expect(await dispatch(h, CHANNELS.openRecent, { path: '/a' })).toEqual({ ok: true, value: { echo: { path: '/a' } } })
    expect(calls).toEqual(['openRecent'])
  })

  it('turns thrown errors into data: AppFailure keeps its code, anything else is INTERNAL', async () => {
    const logged: string[] = []
    const h = recordingHandlers([], {
      openStudy: async () => {
        throw new AppFailure({ code: 'FILE_UNREADABLE', message: 'x.json could not be read.' })
      },
      appInfo: async () => {
        throw new TypeError('boom')
      }
    })
    expect(await dispatch(h, CHANNELS.openStudy, undefined, (m) => logged.push(m))).toEqual({
      ok: false,
      error: { code: 'FILE_UNREADABLE', message: 'x.json could not be read.' }
    })
    const r = await dispatch(h, CHANNELS.appInfo, undefined, (m) => logged.push(m))
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(logged.length).toBe(1)
    expect(logged[0]).toContain('boom')
  })
})

describe('registerHandlers', () => {
  it('registers exactly one listener per channel and refuses untrusted senders', async () => {
    const registered = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>()
    const calls: string[] = []
    registerHandlers({ handle: (ch, f) => registered.set(ch, f) }, recordingHandlers(calls), {
      isTrustedSender: (e) => (e as { trusted?: boolean }).trusted === true
    })
    expect([...registered.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
    const appInfo = registered.get(CHANNELS.appInfo)!
    expect(await appInfo({ trusted: false }, undefined)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } })
    expect(calls).toEqual([])
    expect(await appInfo({ trusted: true }, undefined)).toMatchObject({ ok: true })
    expect(calls).toEqual(['appInfo'])
  })
})
