/**
 * Small ports between the main-process services and the outside world. Services see only these
 * interfaces, so tests run them in plain Node with fakes (dialogs, paths, PDF) and with the real
 * file system in a temp dir (FsPort), without the Electron binary.
 */
import type { AppInfo, FileFilter } from '../../../shared/ipc/contract'

export interface FileStat {
  readonly size: number
  readonly isFile: boolean
}

export interface FsPort {
  readFile(path: string): Promise<Uint8Array>
  /** Up to `bytes` bytes from the start (`fromEnd`: from the end) of the file. */
  readSlice(path: string, bytes: number, fromEnd?: boolean): Promise<Uint8Array>
  /** null when the path does not exist. */
  stat(path: string): Promise<FileStat | null>
  /** Creates `path` exclusively (fails if it exists), writes everything, fsyncs, closes. */
  writeNewDurable(path: string, data: Uint8Array): Promise<void>
  /** Copies then fsyncs the copy. */
  copyDurable(from: string, to: string): Promise<void>
  /** Atomic replace on the same volume (POSIX rename / Windows MoveFileEx REPLACE_EXISTING). */
  rename(from: string, to: string): Promise<void>
  /** Removes a file; a missing file is not an error. */
  remove(path: string): Promise<void>
  mkdirp(dir: string): Promise<void>
  readdir(dir: string): Promise<readonly string[]>
  /** Flushes the directory entry (best effort; a no-op where unsupported, e.g. Windows). */
  fsyncDir(dir: string): Promise<void>
}

export interface OpenDialogOptions {
  readonly title: string
  readonly filters: readonly FileFilter[]
  readonly multiple: boolean
}

export interface SaveDialogOptions {
  readonly title: string
  /** Suggested absolute path (folder + name). */
  readonly defaultPath: string
  readonly filters: readonly FileFilter[]
}

export interface DialogPort {
  /** Chosen absolute paths, or null when cancelled. */
  openFiles(options: OpenDialogOptions): Promise<readonly string[] | null>
  /** Chosen absolute path, or null when cancelled. */
  saveFile(options: SaveDialogOptions): Promise<string | null>
}

export interface PdfPort {
  /** Prints a self-contained HTML document (no scripts, no network) to PDF bytes. */
  htmlToPdf(html: string): Promise<Uint8Array>
}

export interface PathsPort {
  /** Per-user app data folder (autosave, recent list). */
  userData(): string
  /** Default folder for Save dialogs. */
  documents(): string
  /** Scratch folder for short-lived files. */
  temp(): string
}

export interface Ports {
  readonly fs: FsPort
  readonly dialog: DialogPort
  readonly pdf: PdfPort
  readonly paths: PathsPort
  readonly appInfo: () => AppInfo
  /** Injected clock (ISO strings in autosave). */
  readonly now: () => Date
}
