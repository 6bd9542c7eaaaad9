/**
 * Crash-safe file replacement.
 *
 * Invariant: at every instant, `target` is either the complete old file or the complete new file.
 *   1. write the new bytes to a fresh temp file in the SAME folder (rename is atomic only within
 *      one volume), fsync it;
 *   2. (backup) copy the current target to `<target>.bak.tmp`, fsync, rename over `<target>.bak`;
 *   3. rename temp → target, fsync the folder so the rename itself is durable.
 * A writer killed at any step leaves the old target untouched; at worst a stray temp file, which
 * the next save in that folder removes (only temps of dead processes: see `cleanStaleTemps`).
 */
import { basename, dirname, join } from 'node:path'
import type { FsPort } from './ports'

export interface AtomicWriteOptions {
  /** Keep the previous version as `<target>.bak`. */
  readonly backup: boolean
  /** Test hook: runs after the temp file is durable and before anything is renamed. */
  readonly afterTempWritten?: () => Promise<void>
}

const encoder = new TextEncoder()

export function backupPathFor(target: string): string {
  return `${target}.bak`
}

/** `.<name>.<pid>.<random>.tmp`, hidden on POSIX and recognisable for cleanup. */
export function tempPathFor(target: string, pid: number, nonce: string): string {
  return join(dirname(target), `.${basename(target)}.${pid}.${nonce}.tmp`)
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes temp files left by writers of `target` that no longer run (e.g. killed mid-save). */
export async function cleanStaleTemps(fs: FsPort, target: string): Promise<number> {
  const prefix = `.${basename(target)}.`
  let removed = 0
  for (const name of await fs.readdir(dirname(target))) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const m = /\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name)
    if (!m || isAlive(Number(m[1]))) continue
    await fs.remove(join(dirname(target), name))
    removed++
  }
  return removed
}

export async function writeAtomic(
  fs: FsPort,
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions
): Promise<void> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data
  const dir = dirname(target)
  const nonce = Math.random().toString(36).slice(2, 10)
  const temp = tempPathFor(target, process.pid, nonce)
  await cleanStaleTemps(fs, target).catch(() => 0)
  try {
    await fs.writeNewDurable(temp, bytes)
    if (options.afterTempWritten) await options.afterTempWritten()
    if (options.backup && (await fs.stat(target))?.isFile) {
      const bak = backupPathFor(target)
      const bakTemp = tempPathFor(target, process.pid, `${nonce}b`)
      await fs.copyDurable(target, bakTemp)
      await fs.rename(bakTemp, bak)
    }
    await fs.rename(temp, target)
  } catch (e) {
    await fs.remove(temp).catch(() => undefined)
    await fs.remove(tempPathFor(target, process.pid, `${nonce}b`)).catch(() => undefined)
    throw e
  }
  await fs.fsyncDir(dir)
}
