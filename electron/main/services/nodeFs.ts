/** The real FsPort over node:fs/promises (used by the app, the crash test and the service tests). */
import { open, copyFile, rename, rm, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import type { FileStat, FsPort } from './ports'

async function fsyncPath(path: string, flags: string): Promise<void> {
  const fh = await open(path, flags)
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

export function createNodeFs(): FsPort {
  return {
    async readFile(path: string): Promise<Uint8Array> {
      return new Uint8Array(await readFile(path))
    },
    async readSlice(path: string, bytes: number, fromEnd = false): Promise<Uint8Array> {
      const fh = await open(path, 'r')
      try {
        const size = (await fh.stat()).size
        const n = Math.min(bytes, size)
        const buf = new Uint8Array(n)
        await fh.read(buf, 0, n, fromEnd ? size - n : 0)
        return buf
      } finally {
        await fh.close()
      }
    },
    async stat(path: string): Promise<FileStat | null> {
      try {
        const s = await stat(path)
        return { size: s.size, isFile: s.isFile() }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
    async writeNewDurable(path: string, data: Uint8Array): Promise<void> {
      // 'wx': never clobber — the temp name must be fresh.
      const fh = await open(path, 'wx', 0o644)
      try {
        let off = 0
        while (off < data.byteLength) {
          const { bytesWritten } = await fh.write(data, off, data.byteLength - off)
          off += bytesWritten
        }
        await fh.sync()
      } finally {
        await fh.close()
      }
    },
    async copyDurable(from: string, to: string): Promise<void> {
      await copyFile(from, to)
      await fsyncPath(to, 'r+')
    },
    async rename(from: string, to: string): Promise<void> {
      await rename(from, to)
    },
    async remove(path: string): Promise<void> {
      await rm(path, { force: true })
    },
    async mkdirp(dir: string): Promise<void> {
      await mkdir(dir, { recursive: true })
    },
    async readdir(dir: string): Promise<readonly string[]> {
      try {
        return await readdir(dir)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw e
      }
    },
    async fsyncDir(dir: string): Promise<void> {
      if (process.platform === 'win32') return
      try {
        await fsyncPath(dir, 'r')
      } catch {
        // Some file systems refuse fsync on directories; the rename is still atomic.
      }
    }
  }
}
