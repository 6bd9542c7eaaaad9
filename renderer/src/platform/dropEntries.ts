// Drag-and-drop of files AND folders (web twin and desktop renderer). Folders arrive as
// FileSystemDirectoryEntry objects from DataTransferItem.webkitGetAsEntry(); their files are read
// recursively. Sidecars (`name.meta.json`) are kept so the ingest adapter can pair them.
// The entry interfaces below are the subset we use, so a fake tree can stand in for tests.

export interface FileEntryLike {
  readonly isFile: boolean
  readonly isDirectory: boolean
  readonly name: string
  readonly fullPath: string
  file?(ok: (f: File) => void, fail?: (e: unknown) => void): void
  createReader?(): { readEntries(ok: (entries: FileEntryLike[]) => void, fail?: (e: unknown) => void): void }
}

/** File types worth ingesting when they come from inside a dropped folder. */
const FOLDER_TYPES = /\.(txt|text|md|markdown|html?|xhtml|pdf|docx)$/i

export function takenFromFolder(name: string): boolean {
  if (name.startsWith('.')) return false
  return name.endsWith('.meta.json') || FOLDER_TYPES.test(name)
}

export interface DroppedFiles {
  readonly files: File[]
  /** Files inside dropped folders that were left out (unsupported type or unreadable). */
  readonly skipped: string[]
}

function readBatch(reader: ReturnType<NonNullable<FileEntryLike['createReader']>>): Promise<FileEntryLike[]> {
  return new Promise((ok, fail) => reader.readEntries(ok, fail))
}

function fileOf(entry: FileEntryLike): Promise<File> {
  return new Promise((ok, fail) => entry.file!(ok, fail))
}

/**
 * Reads entries (files and folders, any depth). Files dropped directly are always kept (the
 * ingest adapter reports unsupported ones); files found inside folders are kept only when they
 * look like articles or sidecars. Folder contents come back sorted by path so the order of a
 * study does not depend on the file system's listing order.
 */
export async function readEntries(entries: readonly FileEntryLike[]): Promise<DroppedFiles> {
  const files: File[] = []
  const skipped: string[] = []
  const walk = async (entry: FileEntryLike, inFolder: boolean): Promise<void> => {
    if (entry.isFile && entry.file) {
      if (inFolder && !takenFromFolder(entry.name)) {
        if (!entry.name.startsWith('.')) skipped.push(entry.fullPath || entry.name)
        return
      }
      try {
        files.push(await fileOf(entry))
      } catch {
        skipped.push(entry.fullPath || entry.name)
      }
      return
    }
    if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader()
      const children: FileEntryLike[] = []
      // readEntries returns at most ~100 entries per call; an empty batch means the end.
      for (;;) {
        const batch = await readBatch(reader).catch(() => [] as FileEntryLike[])
        if (batch.length === 0) break
        children.push(...batch)
      }
      children.sort((a, b) => (a.fullPath || a.name).localeCompare(b.fullPath || b.name))
      for (const c of children) await walk(c, true)
    }
  }
  for (const e of entries) await walk(e, false)
  return { files, skipped }
}

/**
 * Files of a drop event. Must be called synchronously inside the `drop` handler: the items of a
 * DataTransfer are emptied once the event returns, so entries are taken first and read after.
 */
export function droppedFiles(dt: DataTransfer): Promise<DroppedFiles> {
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file')
  const entries: FileEntryLike[] = []
  const plain: File[] = []
  for (const item of items) {
    const entry = typeof item.webkitGetAsEntry === 'function' ? (item.webkitGetAsEntry() as FileEntryLike | null) : null
    if (entry) entries.push(entry)
    else {
      const f = item.getAsFile()
      if (f) plain.push(f)
    }
  }
  // No items API (older engines, synthetic events): fall back to the flat file list.
  if (items.length === 0) return Promise.resolve({ files: Array.from(dt.files ?? []), skipped: [] })
  return readEntries(entries).then((r) => ({ files: [...plain, ...r.files], skipped: r.skipped }))
}
