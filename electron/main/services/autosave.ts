/**
 * Autosave of the working study in app data, for recovery after a crash or kill. One file,
 * written atomically, wrapping the study JSON with the time it was written:
 * `{"format":"parallax-autosave","savedAt":ISO,"json":"<study json>"}`.
 */
import { join } from 'node:path'
import type { RecoveredAutosave } from '../../../shared/ipc/contract'
import { writeAtomic } from './atomicWrite'
import type { FsPort, PathsPort } from './ports'

export const AUTOSAVE_FILE = 'autosave.parallax.json'

export interface AutosaveStore {
  save(json: string): Promise<void>
  /** null when there is nothing (or nothing readable) to recover. */
  recover(): Promise<RecoveredAutosave | null>
  clear(): Promise<void>
}

export function createAutosaveStore(fs: FsPort, paths: PathsPort, now: () => Date): AutosaveStore {
  const file = (): string => join(paths.userData(), AUTOSAVE_FILE)
  return {
    async save(json: string): Promise<void> {
      await fs.mkdirp(paths.userData())
      const wrapped = JSON.stringify({ format: 'parallax-autosave', savedAt: now().toISOString(), json })
      await writeAtomic(fs, file(), wrapped, { backup: false })
    },
    async recover(): Promise<RecoveredAutosave | null> {
      if (!(await fs.stat(file()))) return null
      try {
        const data = JSON.parse(new TextDecoder().decode(await fs.readFile(file()))) as Record<string, unknown>
        if (data['format'] !== 'parallax-autosave') return null
        const { savedAt, json } = data
        if (typeof savedAt !== 'string' || typeof json !== 'string') return null
        return { json, savedAt }
      } catch {
        // Writes are atomic, so this is a file damaged outside Parallax: nothing usable to offer.
        return null
      }
    },
    async clear(): Promise<void> {
      await fs.remove(file())
    }
  }
}
