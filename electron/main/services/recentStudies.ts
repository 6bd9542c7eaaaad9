/**
 * The recent-studies list, persisted in app data as JSON (`recent-studies.json`), most recent
 * first, deduplicated by resolved path, capped at LIMITS.maxRecent. A corrupt store reads as empty.
 */
import { basename, join, resolve } from 'node:path'
import { LIMITS, type StudyFileRef } from '../../../shared/ipc/contract'
import { writeAtomic } from './atomicWrite'
import type { FsPort, PathsPort } from './ports'

const FILE = 'recent-studies.json'

export interface RecentStore {
  list(): Promise<readonly StudyFileRef[]>
  add(path: string): Promise<readonly StudyFileRef[]>
  remove(path: string): Promise<readonly StudyFileRef[]>
}

/** Pure list update; exported for table tests. Windows paths compare case-insensitively. */
export function pushRecent(list: readonly StudyFileRef[], path: string, cap: number = LIMITS.maxRecent): StudyFileRef[] {
  const p = resolve(path)
  const key = (s: string): string => (process.platform === 'win32' ? s.toLowerCase() : s)
  return [{ path: p, name: basename(p) }, ...list.filter((r) => key(r.path) !== key(p))].slice(0, cap)
}

function parseStore(text: string): StudyFileRef[] {
  try {
    const data = JSON.parse(text) as { items?: unknown }
    if (!Array.isArray(data.items)) return []
    return data.items
      .filter((r): r is StudyFileRef => typeof r === 'object' && r !== null && typeof (r as StudyFileRef).path === 'string')
      .map((r) => ({ path: r.path, name: basename(r.path) }))
      .slice(0, LIMITS.maxRecent)
  } catch {
    return []
  }
}

export function createRecentStore(fs: FsPort, paths: PathsPort): RecentStore {
  const file = (): string => join(paths.userData(), FILE)
  async function read(): Promise<StudyFileRef[]> {
    if (!(await fs.stat(file()))) return []
    return parseStore(new TextDecoder().decode(await fs.readFile(file())))
  }
  async function write(items: readonly StudyFileRef[]): Promise<void> {
    await fs.mkdirp(paths.userData())
    await writeAtomic(fs, file(), JSON.stringify({ version: 1, items }, null, 2), { backup: false })
  }
  return {
    list: read,
    async add(path: string): Promise<readonly StudyFileRef[]> {
      const next = pushRecent(await read(), path)
      await write(next)
      return next
    },
    async remove(path: string): Promise<readonly StudyFileRef[]> {
      const p = resolve(path)
      const next = (await read()).filter((r) => r.path !== p)
      await write(next)
      return next
    }
  }
}
