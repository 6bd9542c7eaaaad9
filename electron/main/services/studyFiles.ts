/**
 * Opening and saving study files. Saving is atomic with a `.bak` of the previous version and
 * never overwrites a file that is not a Parallax study, is truncated, or has a newer schema.
 */
import { basename } from 'node:path'
import type { OpenedStudy } from '../../../shared/ipc/contract'
import { AppFailure } from '../../../shared/util/result'
import { writeAtomic } from './atomicWrite'
import type { FsPort } from './ports'
import { sniffStudyFile } from './studySniff'

/** Largest study file we read into memory (bytes). */
export const MAX_STUDY_FILE_BYTES = 512 * 1024 * 1024

export interface SaveStudyOptions {
  /** Newest schema this build understands (shared/study STUDY_SCHEMA_VERSION). */
  readonly maxSchemaVersion: number
  /** Test hook forwarded to writeAtomic. */
  readonly afterTempWritten?: () => Promise<void>
}

/** The outgoing JSON must itself be a study: refuse to write anything else under a study name. */
export function checkOutgoingStudy(json: string, maxSchemaVersion: number): void {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new AppFailure({ code: 'STUDY_INVALID', message: 'The study could not be saved: its data is not valid JSON.' })
  }
  const d = data as Record<string, unknown> | null
  if (!d || typeof d !== 'object' || d['format'] !== 'parallax-study' || !Number.isInteger(d['schemaVersion'])) {
    throw new AppFailure({ code: 'STUDY_INVALID', message: 'The study could not be saved: the data is not a Parallax study.' })
  }
  if ((d['schemaVersion'] as number) > maxSchemaVersion) {
    throw new AppFailure({ code: 'STUDY_TOO_NEW', message: 'The study could not be saved: its schema is newer than this version of Parallax.' })
  }
}

/** Throws AppFailure unless `target` is absent or an intact study this version may overwrite. */
export async function assertOverwritable(fs: FsPort, target: string, maxSchemaVersion: number): Promise<void> {
  const name = basename(target)
  const s = await sniffStudyFile(fs, target)
  switch (s.kind) {
    case 'missing':
      return
    case 'foreign':
      throw new AppFailure({ code: 'STUDY_INVALID', message: `${name} is not a Parallax study, so it was not overwritten. Use "Save study as…" to pick another file.` })
    case 'truncated':
      throw new AppFailure({ code: 'STUDY_INVALID', message: `${name} looks truncated or damaged, so it was not overwritten. Use "Save study as…" to pick another file.` })
    case 'study':
      if (s.schemaVersion > maxSchemaVersion) {
        throw new AppFailure({ code: 'STUDY_TOO_NEW', message: `${name} was written by a newer Parallax (schema ${s.schemaVersion}), so it was not overwritten. Use "Save study as…".` })
      }
  }
}

export async function saveStudyFile(fs: FsPort, target: string, json: string, options: SaveStudyOptions): Promise<void> {
  checkOutgoingStudy(json, options.maxSchemaVersion)
  await assertOverwritable(fs, target, options.maxSchemaVersion)
  try {
    await writeAtomic(fs, target, json, { backup: true, afterTempWritten: options.afterTempWritten })
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))
    throw new AppFailure({ code: 'SAVE_FAILED', message: `${basename(target)} could not be saved (${why}); the previous version is unchanged.` })
  }
}

export async function readStudyFile(fs: FsPort, path: string): Promise<OpenedStudy> {
  const name = basename(path)
  const st = await fs.stat(path).catch(() => null)
  if (!st || !st.isFile) throw new AppFailure({ code: 'FILE_UNREADABLE', message: `${name} no longer exists or is not a file.` })
  if (st.size > MAX_STUDY_FILE_BYTES) throw new AppFailure({ code: 'FILE_TOO_LARGE', message: `${name} is larger than 512 MB; it is not a study Parallax can open.` })
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (e) {
    throw new AppFailure({ code: 'FILE_UNREADABLE', message: `${name} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).` })
  }
  return { path, name, text: new TextDecoder('utf-8').decode(bytes) }
}
