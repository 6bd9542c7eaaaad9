/**
 * Type tests (checked by `tsc -p .` in `npm test`) plus runtime checks that the contract, the
 * channel map, the validators, the preload and the handlers cannot drift apart.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import { createHandlers } from '../../../electron/main/services/createHandlers'
import { CHANNELS, CHANNEL_PREFIX, EVENTS, operationForChannel } from '../../../shared/ipc/channels'
import {
  OPERATIONS,
  type MenuCommand,
  type Operation,
  type ParallaxApi,
  type ParallaxHandlers,
  type RequestOf,
  type ResponseOf
} from '../../../shared/ipc/contract'
import { REQUEST_SCHEMAS } from '../../../shared/ipc/validate'
import type { Result } from '../../../shared/util/result'

type AtMostOneArg<F> = F extends (...args: infer A) => unknown ? (A['length'] extends 0 | 1 ? true : false) : false

describe('IPC contract types', () => {
  it('lists every operation exactly once, in OPERATIONS, CHANNELS and the validators', () => {
    expectTypeOf<(typeof OPERATIONS)[number]>().toEqualTypeOf<Operation>()
    expectTypeOf<keyof typeof CHANNELS>().toEqualTypeOf<Operation>()
    expectTypeOf<keyof typeof REQUEST_SCHEMAS>().toEqualTypeOf<Operation>()
    expectTypeOf<keyof ParallaxApi>().toEqualTypeOf<Operation | 'onMenuCommand'>()
    expect(new Set(OPERATIONS).size).toBe(OPERATIONS.length)
    expect(Object.keys(CHANNELS).sort()).toEqual([...OPERATIONS].sort())
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...OPERATIONS].sort())
  })

  it('gives every operation at most one request object and a Promise<Result<T>>', () => {
    expectTypeOf<{ [K in Operation]: AtMostOneArg<ParallaxApi[K]> }>().toEqualTypeOf<{ [K in Operation]: true }>()
    expectTypeOf<{ [K in Operation]: ReturnType<ParallaxApi[K]> }>().toEqualTypeOf<{ [K in Operation]: Promise<Result<ResponseOf<K>>> }>()
    expectTypeOf<RequestOf<'appInfo'>>().toEqualTypeOf<undefined>()
    expectTypeOf<RequestOf<'saveStudy'>>().toHaveProperty('saveAs').toEqualTypeOf<boolean>()
    expectTypeOf<ResponseOf<'openArticles'>>().toEqualTypeOf<{ readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[] } | null>()
  })

  it('validators parse to exactly the contract request types', () => {
    type Parsed = { [K in Operation]: z.output<(typeof REQUEST_SCHEMAS)[K]> }
    expectTypeOf<Parsed['openRecent']>().toEqualTypeOf<{ path: string }>()
    expectTypeOf<Parsed['saveStudy']>().toMatchTypeOf<RequestOf<'saveStudy'>>()
    expectTypeOf<Parsed['exportFile']>().toMatchTypeOf<RequestOf<'exportFile'>>()
    expectTypeOf<Parsed['exportPdf']>().toMatchTypeOf<RequestOf<'exportPdf'>>()
    expectTypeOf<Parsed['appInfo']>().toEqualTypeOf<undefined>()
  })

  it('main implements the contract exactly (handlers are typed from it)', () => {
    expectTypeOf(createHandlers).returns.toEqualTypeOf<ParallaxHandlers>()
    expectTypeOf<keyof ParallaxHandlers>().toEqualTypeOf<Operation>()
    expectTypeOf<Parameters<ParallaxHandlers['openRecent']>[0]>().toEqualTypeOf<RequestOf<'openRecent'>>()
  })

  it('menu commands are a discriminated union', () => {
    expectTypeOf<Parameters<Parameters<ParallaxApi['onMenuCommand']>[0]>[0]>().toEqualTypeOf<MenuCommand>()
    expectTypeOf<Extract<MenuCommand, { type: 'open-recent' }>>().toHaveProperty('path').toEqualTypeOf<string>()
  })
})

describe('channel names', () => {
  it('are unique, prefixed and reversible', () => {
    const names = [...Object.values(CHANNELS), ...Object.values(EVENTS)]
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n.startsWith(CHANNEL_PREFIX)).toBe(true)
    for (const op of OPERATIONS) expect(operationForChannel(CHANNELS[op])).toBe(op)
    expect(operationForChannel(EVENTS.menuCommand)).toBeUndefined()
    expect(operationForChannel('toString')).toBeUndefined()
  })
})
