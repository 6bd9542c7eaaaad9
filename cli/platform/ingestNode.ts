/**
 * Node adapter for stage 01-ingest: reads files with node:fs, picks up `<basename>.meta.json`
 * sidecars, checks the size before reading, and injects linkedom + the pdfjs legacy build.
 * One bad file never loses the others: each failure becomes an entry in `errors`.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { Article } from '../../shared/model'
import type { AppError } from '../../shared/util/result'
import type { IngestDeps, SidecarText } from '../../shared/pipeline/01-ingest/ingest'
import { extensionOf, ingest, LIMITS, nodePdfjsLoader, SUPPORTED_EXTENSIONS } from '../../shared/pipeline/01-ingest/ingest'
import { parseHtmlNode } from './htmlDom'

export interface IngestFilesResult {
  readonly articles: Article[]
  /** One entry per file that failed, in input order. */
  readonly errors: Array<AppError & { readonly path: string }>
}

/** node:crypto's SHA-256 of the UTF-8 bytes: the same digest as shared/util/sha256, ~8x faster. */
export function sha256Node(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export const nodeIngestDeps: IngestDeps = { parseHtml: parseHtmlNode, loadPdfjs: nodePdfjsLoader, sha256: sha256Node }

/**
 * `dir/name.ext` → the text of `dir/name.meta.json`, or undefined when absent. Parsing and
 * checking happen in the shared core (`ingest`'s `sidecar` input), as in the browser adapter.
 */
export async function readSidecar(path: string): Promise<SidecarText | undefined> {
  const sidecar = join(dirname(path), basename(path, extname(path)) + '.meta.json')
  try {
    return { name: basename(sidecar), text: await readFile(sidecar, 'utf8') }
  } catch {
    return undefined
  }
}

/**
 * A folder stands for the supported files directly inside it (sorted by name; sidecars and
 * other files skipped), as when a researcher drops a folder of saved articles.
 */
async function expandFolders(paths: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined)
    if (!st?.isDirectory()) { out.push(p); continue }
    const names = (await readdir(p)).filter((n) => !n.endsWith('.meta.json') && SUPPORTED_EXTENSIONS.includes(`.${extensionOf(n)}`)).sort()
    out.push(...names.map((n) => join(p, n)))
  }
  return out
}

/** Ingest files (or folders of files) in order; ids are made unique across the set. */
export async function ingestFiles(paths: readonly string[]): Promise<IngestFilesResult> {
  const articles: Article[] = []
  const errors: Array<AppError & { path: string }> = []
  const taken = new Set<string>()
  for (const path of await expandFolders(paths)) {
    const name = basename(path)
    const fail = (code: AppError['code'], message: string): void => {
      errors.push({ code, message, path })
    }
    let size: number
    try {
      const st = await stat(path)
      if (st.isDirectory()) { fail('FILE_UNREADABLE', `${name} is a folder, not a file.`); continue }
      size = st.size
    } catch {
      fail('FILE_UNREADABLE', `${name} cannot be read (missing or no permission).`)
      continue
    }
    if (size > LIMITS.maxFileBytes) {
      fail('FILE_TOO_LARGE', `${name} is ${(size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxFileBytes / 1048576} MB.`)
      continue
    }
    let bytes: Uint8Array
    try {
      const buf = await readFile(path)
      bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
    } catch {
      fail('FILE_UNREADABLE', `${name} cannot be read.`)
      continue
    }
    // A broken sidecar costs the metadata, not the article: the core ingests anyway and warns.
    const sidecar = await readSidecar(path)
    const result = await ingest({ name, bytes, sidecar }, nodeIngestDeps, { takenIds: taken })
    if (result.ok) {
      taken.add(result.value.id)
      articles.push(result.value)
    } else {
      errors.push({ ...result.error, path })
    }
  }
  return { articles, errors }
}
