// Turns picked/dropped/pasted input into study articles. Files go through the ingest engineer's
// browser adapter (platform/ingestBrowser.ts); one bad file becomes a notice, never a crash.
import type { Article, StudyArticle } from '@shared/model'
import type { AppError } from '@shared/util/result'
import { ingestText } from '@shared/pipeline/01-ingest/ingest'
import type { PickedFile } from '../platform'

export interface IngestOutcome {
  readonly articles: readonly StudyArticle[]
  readonly errors: readonly AppError[]
  /** Per-article ingest warnings worth showing (e.g. "duplicate lead collapsed"). */
  readonly warnings: readonly string[]
}

type IngestBrowserModule = {
  ingestBrowserFiles(files: readonly File[]): Promise<{ articles: readonly Article[]; errors: readonly AppError[] }>
}

// Resolved lazily so the renderer builds whether or not these modules have landed yet.
const browserIngest = import.meta.glob<IngestBrowserModule>('../platform/ingestBrowser.ts')

export function toStudyArticle(a: Article): StudyArticle {
  return { id: a.id, meta: a.meta, text: a.text, hash: a.hash, source: a.source }
}

function collect(articles: readonly Article[], errors: readonly AppError[]): IngestOutcome {
  const warnings = articles.flatMap((a) => a.warnings.map((w) => `${a.source.fileName || a.id}: ${w.message}`))
  return { articles: articles.map(toStudyArticle), errors, warnings }
}

export async function ingestPicked(files: readonly PickedFile[]): Promise<IngestOutcome> {
  const load = Object.values(browserIngest)[0]
  if (!load) {
    return { articles: [], warnings: [], errors: [{ code: 'NOT_AVAILABLE', message: 'File import is not available in this build yet.' }] }
  }
  const mod = await load()
  const asFiles = files.map((f) => new File([f.bytes.slice().buffer as ArrayBuffer], f.name))
  const r = await mod.ingestBrowserFiles(asFiles)
  return collect(r.articles, r.errors)
}

export async function ingestDropped(files: readonly File[]): Promise<IngestOutcome> {
  const load = Object.values(browserIngest)[0]
  if (!load) {
    return { articles: [], warnings: [], errors: [{ code: 'NOT_AVAILABLE', message: 'File import is not available in this build yet.' }] }
  }
  const r = await (await load()).ingestBrowserFiles(files)
  return collect(r.articles, r.errors)
}

export async function ingestPasted(text: string, title: string): Promise<IngestOutcome> {
  const r = ingestText(text, title ? { title } : undefined, { name: title || 'pasted text' })
  return r.ok ? collect([r.value], []) : { articles: [], warnings: [], errors: [r.error] }
}
