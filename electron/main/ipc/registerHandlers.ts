/**
 * Binds ParallaxHandlers to ipcMain: for every invoke, check the sender, validate the channel and
 * payload (shared/ipc/validate.ts), run the handler, and return a Result. Nothing thrown inside a
 * handler crosses IPC as an exception: AppFailure becomes its AppError, anything else INTERNAL.
 */
import { CHANNELS } from '../../../shared/ipc/channels'
import { OPERATIONS, type Operation, type ParallaxHandlers, type RequestOf } from '../../../shared/ipc/contract'
import { validateRequest } from '../../../shared/ipc/validate'
import { AppFailure, err, type Result } from '../../../shared/util/result'

/** The slice of ipcMain we use (so tests pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>): void
}

export interface RegisterOptions {
  /** Rejects calls from frames other than our own renderer (e.g. a navigated or injected frame). */
  readonly isTrustedSender?: (event: unknown) => boolean
  /** Where unexpected errors are logged (main's console by default). */
  readonly log?: (message: string) => void
}

/** Runs one validated-or-not call; exported so tests call it without ipcMain. */
export async function dispatch(
  handlers: ParallaxHandlers,
  channel: string,
  payload: unknown,
  log: (message: string) => void = console.error
): Promise<Result<unknown>> {
  const v = validateRequest(channel, payload)
  if (!v.ok) return v
  const op: Operation = v.value.op
  try {
    const handler = handlers[op] as (req: RequestOf<typeof op>) => Promise<Result<unknown>>
    return await handler(v.value.request as RequestOf<typeof op>)
  } catch (e) {
    if (e instanceof AppFailure) return err(e.error.code, e.error.message)
    log(`parallax: ${op} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    return err('INTERNAL', `${op} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`)
  }
}

export function registerHandlers(ipc: IpcMainLike, handlers: ParallaxHandlers, options: RegisterOptions = {}): readonly string[] {
  const log = options.log ?? console.error
  const registered: string[] = []
  for (const op of OPERATIONS) {
    const channel = CHANNELS[op]
    ipc.handle(channel, async (event, payload) => {
      if (options.isTrustedSender && !options.isTrustedSender(event)) {
        return err('INVALID_PAYLOAD', `${op}: call from an untrusted frame refused`)
      }
      return dispatch(handlers, channel, payload, log)
    })
    registered.push(channel)
  }
  return registered
}
