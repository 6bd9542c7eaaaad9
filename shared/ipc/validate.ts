/**
 * Runtime validation of every IPC request payload (the renderer is untrusted). The only zod
 * importer in shared/ipc. Main calls `validateRequest(channel, payload)` before any handler runs.
 */
import { z } from 'zod'
import { err, ok, type Result } from '../util/result'
import { CHANNELS, operationForChannel } from './channels'
import { LIMITS, type Operation, type RequestOf } from './contract'

/** A file name offered in a Save dialog: no directories, no control characters. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\\/]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20) && s !== '.' && s !== '..', {
    message: 'must be a file name without folders'
  })

/** An absolute path echoed back by the renderer (main checks it against paths it handed out). */
const echoedPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\u0000'), { message: 'must not contain NUL' })

const studyJson = z.string().min(2).max(LIMITS.maxStudyChars)

const filter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, 'extension without dot, e.g. "csv"'))
    .min(1)
    .max(20)
})

const noRequest = z.undefined()

/** One schema per operation; `satisfies` ties each schema to the contract's request type. */
export const REQUEST_SCHEMAS = {
  openArticles: noRequest,
  openStudy: noRequest,
  openRecent: z.strictObject({ path: echoedPath }),
  recentStudies: noRequest,
  saveStudy: z.strictObject({ json: studyJson, path: echoedPath.optional(), saveAs: z.boolean(), suggestedName: fileName.optional() }),
  autosave: z.strictObject({ json: studyJson }),
  recoverAutosave: noRequest,
  clearAutosave: noRequest,
  exportFile: z.strictObject({
    suggestedName: fileName,
    filters: z.array(filter).max(10),
    data: z.union([
      z.string().max(LIMITS.maxExportBytes),
      z.instanceof(Uint8Array).refine((b) => b.byteLength <= LIMITS.maxExportBytes, { message: 'too large' })
    ])
  }),
  exportPdf: z.strictObject({ html: z.string().min(1).max(LIMITS.maxExportBytes), suggestedName: fileName }),
  appInfo: noRequest
} as const satisfies { readonly [K in Operation]: z.ZodType<RequestOf<K>> }

/** Validates a request for a known operation. Error messages name the first bad field. */
export function validatePayload<K extends Operation>(op: K, payload: unknown): Result<RequestOf<K>> {
  const schema = REQUEST_SCHEMAS[op] as unknown as z.ZodType<RequestOf<K>>
  const parsed = schema.safeParse(payload)
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'request'
  return err('INVALID_PAYLOAD', `${op}: ${where}: ${issue?.message ?? 'invalid'}`)
}

/** Validates the channel name, then the payload. */
export function validateRequest(
  channel: string,
  payload: unknown
): Result<{ readonly op: Operation; readonly request: unknown }> {
  const op = operationForChannel(channel)
  if (!op || CHANNELS[op] !== channel) return err('INVALID_PAYLOAD', `unknown IPC channel: ${channel.slice(0, 80)}`)
  const v = validatePayload(op, payload)
  return v.ok ? ok({ op, request: v.value }) : v
}
