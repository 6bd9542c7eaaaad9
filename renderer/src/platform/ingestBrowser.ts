/**
 * Browser adapter for stage 01-ingest (app renderer and web twin): File objects → Articles.
 *
 * Runs on the MAIN thread by design: `DOMParser` (needed for HTML) does not exist in Web
 * Workers. That costs little: PDF parsing already runs in pdfjs's own worker, and Readability /
 * mammoth over article-sized files take milliseconds. Documents made by DOMParser are inert (no
 * browsing context): scripts never run and images, fonts and frames never load. If a caller
 * does run this in a worker, it must pass `parseHtml` (HTML files otherwise fail with
 * NOT_AVAILABLE while every other format still works).
 *
 * Sidecars: a dropped `name.meta.json` next to `name.txt` supplies that article's metadata, as
 * in the CLI. One bad file never loses the others: each failure is an entry in `errors`.
 */
import type { Article } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { IngestDeps, SidecarText } from '@shared/pipeline/01-ingest/ingest'
import { browserPdfjsLoader, ingest, LIMITS } from '@shared/pipeline/01-ingest/ingest'

export interface BrowserIngestResult {
  readonly articles: Article[]
  readonly errors: Array<AppError & { readonly name: string }>
}

export interface BrowserIngestOptions {
  /** Ids already used in the open study (new ids get -2, -3… on collision). */
  readonly takenIds?: ReadonlySet<string>
  /** HTML parser override (required when running inside a Web Worker). */
  readonly parseHtml?: (html: string) => Document
}

function defaultParseHtml(html: string): Document {
  if (typeof DOMParser === 'undefined') {
    throw new Error('DOMParser is not available in this context')
  }
  return new DOMParser().parseFromString(html, 'text/html')
}

/** Ingest dropped or picked files in order. */
export async function ingestBrowserFiles(files: readonly File[], options: BrowserIngestOptions = {}): Promise<BrowserIngestResult> {
  const deps: IngestDeps = { parseHtml: options.parseHtml ?? defaultParseHtml, loadPdfjs: browserPdfjsLoader }
  const articles: Article[] = []
  const errors: Array<AppError & { name: string }> = []
  const taken = new Set(options.takenIds ?? [])

  // Pair sidecars with their articles by base name.
  const sidecars = new Map<string, File>()
  for (const f of files) if (f.name.endsWith('.meta.json')) sidecars.set(f.name.slice(0, -'.meta.json'.length), f)

  for (const file of files) {
    if (file.name.endsWith('.meta.json')) continue
    if (file.size > LIMITS.maxFileBytes) {
      errors.push({ code: 'FILE_TOO_LARGE', message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxFileBytes / 1048576} MB.`, name: file.name })
      continue
    }
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch {
      errors.push({ code: 'FILE_UNREADABLE', message: `${file.name} cannot be read.`, name: file.name })
      continue
    }
    // The sidecar's text goes to the shared core, which parses and checks it exactly as for the
    // CLI (same warnings for broken JSON, wrong field types, unreadable dates).
    let sidecar: SidecarText | undefined
    let sidecarProblem = ''
    const sidecarFile = sidecars.get(file.name.replace(/\.[^.]+$/, ''))
    if (sidecarFile) {
      try {
        sidecar = { name: sidecarFile.name, text: await sidecarFile.text() }
      } catch {
        sidecarProblem = `${sidecarFile.name} cannot be read; its metadata was ignored.`
      }
    }
    let result
    try {
      result = await ingest({ name: file.name, bytes, sidecar }, deps, { takenIds: taken })
    } catch (e) {
      // ingest() returns errors as data; this only guards a broken environment (e.g. no DOMParser).
      result = { ok: false as const, error: { code: 'NOT_AVAILABLE' as const, message: `${file.name}: ${e instanceof Error ? e.message : String(e)}` } }
    }
    if (result.ok) {
      taken.add(result.value.id)
      articles.push(sidecarProblem ? { ...result.value, warnings: [...result.value.warnings, { code: 'OTHER', message: sidecarProblem }] } : result.value)
    } else {
      errors.push({ ...result.error, name: file.name })
    }
  }
  return { articles, errors }
}
