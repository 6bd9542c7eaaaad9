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
  atomically(path, (fd) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    writeAll(fd, bytes)
  })
}

/** Size of the UTF-8 staging buffer of writeFileAtomicChunks. */
const CHUNK_BYTES = 1 << 20

/**
 * `writeFileAtomic` for content produced in pieces (e.g. a large JSON export, see
 * writeJsonExportText): each piece is encoded into one reused 1 MB buffer that is written when
 * full, so the file's text never exists as one string nor as one UTF-8 copy.
 */
export function writeFileAtomicChunks(path: string, produce: (write: (chunk: string) => void) => void): void {
  atomically(path, (fd) => {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES)
    let used = 0
    // Small pieces are gathered into one string first: one encoding call per ~64 KB, not per piece.
    let pending = ''
    const flush = (): void => {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair 4 for 2 units),
      // so text that passes this check always fits.
      if (used + pending.length * 3 > CHUNK_BYTES) {
        writeAll(fd, buf, used)
        used = 0
      }
      if (pending.length * 3 > CHUNK_BYTES) writeAll(fd, Buffer.from(pending, 'utf8'))
      else used += buf.write(pending, used, 'utf8')
      pending = ''
    }
    produce((chunk) => {
      pending += chunk
      if (pending.length >= 1 << 16) flush()
    })
    flush()
    writeAll(fd, buf, used)
  })
}

function writeAll(fd: number, bytes: Uint8Array, length = bytes.length): void {
  let off = 0
  while (off < length) off += writeSync(fd, bytes, off, length - off)
}

/** Temporary file in the same folder, `fill`, fsync, rename; the temporary file is removed on failure. */
function atomically(path: string, fill: (fd: number) => void): void {
  const target = resolve(path)
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`)
  try {
    const fd = openSync(tmp, 'w')
    try {
      fill(fd)
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
