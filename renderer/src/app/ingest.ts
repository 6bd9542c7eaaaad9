// Turns picked/dropped/pasted input into study articles. Files go through the ingest engineer's
// browser adapter (platform/ingestBrowser.ts); one bad file becomes a notice, never a crash.
import type { Article, StudyArticle } from '@shared/model'
import type { AppError } from '@shared/util/result'
import type { PickedFile } from '../platform'

export interface IngestOutcome {
  readonly articles: readonly StudyArticle[]
  readonly errors: readonly AppError[]
  /** Per-article ingest warnings worth showing (e.g. "duplicate lead collapsed"). */
  readonly warnings: readonly string[]
}

export function toStudyArticle(a: Article): StudyArticle {
  return { id: a.id, meta: a.meta, text: a.text, hash: a.hash, source: a.source, ...(a.warnings.length ? { warnings: a.warnings } : {}) }
}

/**
 * A warning line names its file once: the ingest core already starts some messages with the
 * file's name or its sidecar's ("note.txt: 3 invalid bytes…", "note.meta.json: \"date\"…",
 * "pasted text: …" for a paste, whose name has no extension),
 * and those are shown as they are; the others get the file name in front.
 */
export function warningLine(fileName: string, message: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '')
  if (fileName !== '' && message.startsWith(`${fileName}: `)) return message // e.g. "pasted text: …" (no extension)
  return fileName !== '' && message.startsWith(`${stem}.`) && /^[^\s:]+: /.test(message) ? message : `${fileName}: ${message}`
}

function collect(articles: readonly Article[], errors: readonly AppError[]): IngestOutcome {
  const warnings = articles.flatMap((a) => a.warnings.map((w) => warningLine(a.source.fileName || a.id, w.message)))
  return { articles: articles.map(toStudyArticle), errors, warnings }
}

/**
 * Files the article adapter would pass over in silence or refuse with a puzzling message, now
 * that the open dialog offers .json for sidecars: a study file (it opens with Open study), and a
 * sidecar without its article (paired by name: "x.meta.json" goes with "x.txt", "x.html"…).
 */
export function misplacedFiles(names: readonly string[]): { readonly skip: ReadonlySet<string>; readonly errors: readonly AppError[]; readonly warnings: readonly string[] } {
  const stems = new Set(names.filter((n) => !n.endsWith('.meta.json')).map((n) => n.replace(/\.[^.]+$/, '')))
  const skip = new Set<string>()
  const errors: AppError[] = []
  const warnings: string[] = []
  for (const n of names) {
    if (n.endsWith('.parallax.json')) {
      skip.add(n)
      errors.push({ code: 'UNSUPPORTED_FORMAT', message: `${n} is a Parallax study, not an article: open it with “Open study…”.` })
    } else if (n.endsWith('.meta.json') && !stems.has(n.slice(0, -'.meta.json'.length))) {
      warnings.push(`${n}: metadata without its article (${n.slice(0, -'.meta.json'.length)}.txt, .html…); pick or drop the two together.`)
    }
  }
  return { skip, errors, warnings }
}

export async function ingestDropped(files: readonly File[], taken: ReadonlySet<string>): Promise<IngestOutcome> {
  const odd = misplacedFiles(files.map((f) => f.name))
  const rest = files.filter((f) => !odd.skip.has(f.name))
  // Ingestion (decoders, HTML/DOCX/PDF extractors) loads on first use, not at startup.
  const { ingestBrowserFiles } = await import('../platform/ingestBrowser')
  const r = rest.some((f) => !f.name.endsWith('.meta.json')) ? await ingestBrowserFiles(rest, { takenIds: taken }) : { articles: [], errors: [] }
  const out = collect(r.articles, [...odd.errors, ...r.errors])
  return { ...out, warnings: [...odd.warnings, ...out.warnings] }
}

export async function ingestPicked(files: readonly PickedFile[], taken: ReadonlySet<string>): Promise<IngestOutcome> {
  return ingestDropped(
    files.map((f) => new File([f.bytes.slice().buffer as ArrayBuffer], f.name)),
    taken
  )
}

export async function ingestPasted(text: string, title: string, taken: ReadonlySet<string>): Promise<IngestOutcome> {
  const { ingestText } = await import('@shared/pipeline/01-ingest/ingest')
  const r = ingestText(text, title ? { title } : undefined, { name: title || 'pasted text', takenIds: taken })
  return r.ok ? collect([r.value], []) : { articles: [], warnings: [], errors: [r.error] }
}

/**
 * Warnings for added articles whose text is already in the study (or added twice in one go):
 * same hash of the cleaned text. They are kept (two outlets may print the same wire copy), but a
 * file picked twice by mistake would otherwise align with itself unnoticed.
 */
export function duplicateWarnings(existing: readonly StudyArticle[], added: readonly StudyArticle[]): string[] {
  const seen = new Map(existing.map((a) => [a.hash, a]))
  const out: string[] = []
  for (const a of added) {
    const twin = seen.get(a.hash)
    if (twin) {
      const name = twin.meta.outlet || twin.meta.title || twin.id
      out.push(`${a.source.fileName || a.id}: the same text as “${name}” is already in the study; added anyway (remove it in the Library if that was a mistake).`)
    } else seen.set(a.hash, a)
  }
  return out
}
