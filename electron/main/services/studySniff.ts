/**
 * Cheap identification of a study file without parsing it all: the first 64 KB must hold
 * `"format": "parallax-study"` and `"schemaVersion": N`, and the last bytes must close the JSON
 * object (catches truncation). Used to decide whether an existing file may be overwritten.
 */
import type { FsPort } from './ports'

export type SniffResult =
  | { readonly kind: 'missing' }
  | { readonly kind: 'study'; readonly schemaVersion: number }
  | { readonly kind: 'foreign' }
  | { readonly kind: 'truncated' }

const HEAD_BYTES = 64 * 1024
const TAIL_BYTES = 64
const decoder = new TextDecoder('utf-8', { fatal: false })

/** Classifies the start and end of a text that claims to be a study. Pure; exported for tests. */
export function sniffStudyText(head: string, tail: string): Exclude<SniffResult, { kind: 'missing' }> {
  const h = head.replace(/^\uFEFF/, '')
  if (!/^\s*\{/.test(h) || !/"format"\s*:\s*"parallax-study"/.test(h)) return { kind: 'foreign' }
  const v = /"schemaVersion"\s*:\s*(\d+)/.exec(h)
  if (!v) return { kind: 'foreign' }
  if (!/\}\s*$/.test(tail)) return { kind: 'truncated' }
  return { kind: 'study', schemaVersion: Number(v[1]) }
}

export async function sniffStudyFile(fs: FsPort, path: string): Promise<SniffResult> {
  const st = await fs.stat(path)
  if (!st) return { kind: 'missing' }
  if (!st.isFile) return { kind: 'foreign' }
  const head = decoder.decode(await fs.readSlice(path, HEAD_BYTES))
  const tail = decoder.decode(await fs.readSlice(path, TAIL_BYTES, true))
  return sniffStudyText(head, tail)
}
