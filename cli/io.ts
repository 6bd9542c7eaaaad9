/**
 * File output and progress for the CLI. Outputs are written atomically (temporary file in the
 * same folder, fsync, rename) so an interrupted run never leaves half a report or a truncated
 * study where a good one was.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from './args'

/** One line for a failed file operation, naming the path and the reason in plain words. */
export function fsMessage(action: string, path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  const why =
    code === 'ENOENT' ? 'the folder does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ENOTDIR' ? 'a part of the path is not a folder'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EROFS' ? 'the file system is read-only'
    : e instanceof Error ? e.message : String(e)
  return `cannot ${action} ${path}: ${why}`
}

/** Fail early (before a long analysis) when an output file's folder is missing or the path is a folder. */
export function checkOutputFile(path: string, option: string): void {
  const dir = dirname(resolve(path))
  if (!existsSync(dir)) throw new InputError(`cannot write ${path} (${option}): the folder ${dirname(path)} does not exist`)
  if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(`cannot write ${path} (${option}): it is a folder`)
}

/** Fail early when an output folder cannot be created (a file is in the way, or no parent). */
export function checkOutputDir(path: string, option: string): void {
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new InputError(`cannot write into ${path} (${option}): it is a file, not a folder`)
    return
  }
  const parent = dirname(resolve(path))
  if (!existsSync(parent)) throw new InputError(`cannot create folder ${path} (${option}): its parent folder does not exist`)
}

/** Write `content` to `path` atomically (replacing any existing file only when complete). */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const target = resolve(path)
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`)
  try {
    const fd = openSync(tmp, 'w')
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
      let off = 0
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, target)
  } catch (e) {
    try {
      unlinkSync(tmp)
    } catch {
      // Nothing to clean up.
    }
    throw new InputError(fsMessage('write', path, e))
  }
}

export function ensureDir(path: string): void {
  try {
    mkdirSync(path, { recursive: true })
  } catch (e) {
    throw new InputError(fsMessage('create folder', path, e))
  }
}

/**
 * Progress on stderr: rewritten in place on a terminal; on a pipe or file, printed as lines
 * only once the run has taken longer than `afterMs` (short runs stay silent, so scripts and
 * tests see clean stderr). `PARALLAX_PROGRESS=always|never` overrides the choice.
 */
export class Progress {
  private readonly started = Date.now()
  private inPlace = false
  private lastLine = 0
  private readonly mode: 'tty' | 'lines' | 'never'

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private afterMs = 1000
  ) {
    const env = process.env['PARALLAX_PROGRESS']
    this.mode = env === 'never' ? 'never' : env === 'always' ? 'lines' : stream.isTTY ? 'tty' : 'lines'
    if (env === 'always') this.afterMs = 0
  }

  update(message: string): void {
    const line = `parallax: ${message}`
    if (this.mode === 'never') return
    if (this.mode === 'tty') {
      this.stream.write(`\r\x1b[2K${line}`)
      this.inPlace = true
    } else {
      // On a pipe or file: nothing for short runs, then at most one line a second (forced
      // mode prints every update, for tests and logs that want each stage).
      const now = Date.now()
      if (now - this.started < this.afterMs) return
      if (this.afterMs > 0 && now - this.lastLine < 1000) return
      this.lastLine = now
      this.stream.write(`${line}\n`)
    }
  }

  /** Clear an in-place progress line (before printing results or an error). */
  done(): void {
    if (this.inPlace) this.stream.write('\r\x1b[2K')
    this.inPlace = false
  }
}
