/**
 * Stage 01-ingest: bytes of a file (or pasted text) → a clean `Article`.
 *
 * Pure TypeScript: no DOM and no Node APIs. The two things that need a platform come in through
 * `IngestDeps`: an HTML parser (linkedom in Node, DOMParser in the browser) and a pdfjs loader
 * (`nodePdfjsLoader` / `browserPdfjsLoader` from ./formats/pdf). Adapters live in
 * cli/platform/ingestNode.ts and renderer/src/platform/ingestBrowser.ts.
 *
 * Contract: never throws for bad input. Every failure is a typed `Result` error whose message is
 * one line naming the file. `Article.text` is the canonical body: paragraphs separated by one
 * blank line ("\n\n"), each paragraph on one line, no title/byline/dateline/boilerplate, and
 * original characters kept inside paragraphs. Every downstream offset indexes into it.
 */
import type { Article, ArticleMeta, IngestWarning, SourceFormat } from '../../model'
import type { Result } from '../../util/result'
import { err, ok } from '../../util/result'
import { sha256 } from '../../util/sha256'
import { cleanParagraphs, splitPlainText } from './clean'
import { decodeText } from './decode'
import { extractDocx } from './formats/docx'
import { extractHtml, sniffHtmlCharset } from './formats/html'
import { markdownToParagraphs } from './formats/markdown'
import type { PdfjsLike } from './formats/pdf'
import { extractPdf } from './formats/pdf'
import { checkMeta, frontMatterProblem, mergeMeta, parseFrontMatter } from './meta'

export type { PdfjsLike } from './formats/pdf'
export { browserPdfjsLoader, nodePdfjsLoader } from './formats/pdf'
export { checkMeta, dateProblem, EMPTY_META, frontMatterProblem, mergeMeta, normalizeDate, parseFrontMatter } from './meta'

export interface RawInput {
  /** File name (extension decides the format; the name appears in messages). */
  readonly name: string
  readonly bytes: Uint8Array
  /** Metadata from the caller; wins over the sidecar and anything found in the file. */
  readonly meta?: Partial<ArticleMeta>
  /**
   * The raw text of the article's `name.meta.json` sidecar, if one exists. Parsed and checked
   * here (not in the adapters) so the CLI, the app and the web twin give the same warnings.
   */
  readonly sidecar?: SidecarText
  /** Article id to use; default: `articleId(name)`. */
  readonly id?: string
}

export interface SidecarText {
  /** The sidecar's file name, used in warnings ("story.meta.json"). */
  readonly name: string
  readonly text: string
}

/**
 * A sidecar's text → metadata plus warnings, each one line starting with the sidecar's name and
 * naming the field (a researcher fixes the sidecar, not the article). Broken JSON costs the
 * metadata, never the article.
 */
export function parseSidecar(sidecar: SidecarText): { meta: Partial<ArticleMeta>; warnings: IngestWarning[] } {
  let raw: unknown
  try {
    raw = JSON.parse(sidecar.text.replace(/^\uFEFF/, ''))
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0]!.replace(/^JSON\.parse: /, '') : ''
    return { meta: {}, warnings: [{ code: 'OTHER', message: `${sidecar.name} is not valid JSON${why ? ` (${why})` : ''}; its metadata was ignored.` }] }
  }
  const checked = checkMeta(raw)
  return { meta: checked.meta, warnings: checked.problems.map((p) => ({ code: 'OTHER' as const, message: `${sidecar.name}: ${p}.` })) }
}

export interface IngestDeps {
  /** Parse HTML into an inert Document (linkedom in Node, DOMParser in the browser). */
  readonly parseHtml: (html: string) => Document
  /** Load pdfjs (legacy build in Node; browser build with worker in the renderer). */
  readonly loadPdfjs?: () => Promise<PdfjsLike>
  /**
   * SHA-256 (lower-case hex) of a string's UTF-8 bytes: a native implementation where one is
   * synchronous (node:crypto is ~8x faster than the portable one, which is most of the cost of
   * ingesting a long text). Must give exactly `shared/util/sha256`'s result; default: that.
   */
  readonly sha256?: (text: string) => string
}

export interface IngestOptions {
  /** Ids already used in the study; the new id gets a numeric suffix if it collides. */
  readonly takenIds?: ReadonlySet<string>
  /** Name shown for pasted text (ingestText only). Default "pasted text". */
  readonly name?: string
}

/**
 * Limits (documented in README.md). Inputs beyond them are refused with a clear error rather
 * than risking a frozen window: analysis cost grows with text length, and a study of news
 * articles never needs more.
 */
export const LIMITS = {
  /** Any input file. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Extracted text after cleaning (UTF-16 code units) — about 800k words. */
  maxTextChars: 5 * 1024 * 1024,
  /** PDF pages read; a longer PDF is refused (it is a book, not an article). */
  maxPdfPages: 2000,
  /** DOCX: total uncompressed size of all zip entries. */
  maxDocxUncompressedBytes: 200 * 1024 * 1024,
  /** DOCX: an entry larger than this with a compression ratio above `maxZipRatio` is a bomb. */
  maxZipRatio: 100,
  zipRatioMinBytes: 1024 * 1024,
  /** DOCX: number of zip entries. */
  maxZipEntries: 10_000
} as const

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  txt: 'txt', text: 'txt',
  md: 'md', markdown: 'md',
  html: 'html', htm: 'html', xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx'
}

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS).map((e) => `.${e}`)

/** Lower-case extension without the dot ('' if none). */
export function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/**
 * A slug id from a file name or title: "Baku-Tel Aviv ties.txt" → "baku-tel-aviv-ties".
 * Diacritics are folded, other scripts kept (so Persian/Russian names still give readable ids);
 * unique against `taken` by appending -2, -3, ….
 */
export function articleId(nameOrTitle: string, taken: ReadonlySet<string> = new Set()): string {
  const base = nameOrTitle.replace(/^.*[\\/]/, '').replace(/\.(?:meta\.json|[A-Za-z0-9]{1,8})$/, '')
  let slug = base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  // Cut at a hyphen so ids stay readable, and never inside a surrogate pair.
  if (slug.length > 60) slug = [...slug].slice(0, 60).join('').replace(/-[^-]*$/, '') || [...slug].slice(0, 60).join('')
  if (slug === '') slug = 'article'
  let id = slug
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`
  return id
}

interface Extracted {
  readonly paragraphs: readonly string[]
  readonly format: SourceFormat
  readonly encoding: string
  readonly byteLength: number
  /** Metadata from inside the file (front matter, <meta>, PDF info), below caller metadata. */
  readonly fileMeta: Partial<ArticleMeta>
  /** Title known from structure (markdown H1, HTML title) — removed from the body if repeated. */
  readonly knownTitle: string
  readonly detectTitleLine: boolean
  readonly warnings: readonly IngestWarning[]
}

/** Shared tail: cleaning, limits, metadata merge, id and hash. */
function finish(x: Extracted, name: string, meta: Partial<ArticleMeta> | undefined, id: string | undefined, options: IngestOptions | undefined, hash: (text: string) => string = sha256): Result<Article> {
  const cleaned = cleanParagraphs(x.paragraphs, { knownTitle: x.knownTitle || meta?.title || x.fileMeta.title, detectTitleLine: x.detectTitleLine, fileName: name })
  if (cleaned.paragraphs.length === 0) {
    return err('NO_CONTENT', `${name} has no article text (only a title, boilerplate or metadata).`)
  }
  const text = cleaned.paragraphs.join('\n\n')
  if (text.length > LIMITS.maxTextChars) {
    return err('TEXT_TOO_LARGE', `${name} has ${(text.length / 1048576).toFixed(1)} M characters of text; the limit is ${LIMITS.maxTextChars / 1048576} M.`)
  }
  const merged = mergeMeta(meta, x.fileMeta, { title: x.knownTitle || cleaned.title, author: cleaned.author, date: cleaned.date })
  const warnings = [...x.warnings, ...cleaned.warnings]
  if (cleaned.paragraphs.length === 1 && text.length > 5000) {
    warnings.push({ code: 'NO_PARAGRAPH_BREAKS', message: `${name}: the text has no paragraph breaks; it is treated as one paragraph.` })
  }
  return ok({
    id: id ?? articleId(name === PASTE_NAME && merged.title ? merged.title : name, options?.takenIds),
    meta: merged,
    text,
    hash: hash(text),
    source: { format: x.format, fileName: name, encoding: x.encoding, byteLength: x.byteLength },
    warnings
  })
}

const PASTE_NAME = 'pasted text'

function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++ }
    else n += 3
  }
  return n
}

/** Text-like content (already a string) → paragraphs, with front matter and markdown handled. */
function fromText(text: string, name: string, format: 'txt' | 'md' | 'paste', encoding: string, byteLength: number, decodeWarnings: readonly IngestWarning[]): Extracted {
  const fm = parseFrontMatter(text)
  const body = fm ? fm.body : text
  // Front matter the user wrote but we could not (fully) use is said, never silently dropped.
  const problems = fm ? fm.problems.map((p) => `front matter ${p}`) : [frontMatterProblem(text)].filter(Boolean)
  const warnings = [...decodeWarnings, ...problems.map((p) => ({ code: 'OTHER' as const, message: `${name}: ${p}.` }))]
  if (format === 'md') {
    const md = markdownToParagraphs(body)
    return { paragraphs: md.paragraphs, format, encoding, byteLength, fileMeta: fm?.meta ?? {}, knownTitle: md.title, detectTitleLine: md.title === '', warnings }
  }
  return { paragraphs: splitPlainText(body), format, encoding, byteLength, fileMeta: fm?.meta ?? {}, knownTitle: '', detectTitleLine: true, warnings }
}

/**
 * Pasted text → Article (synchronous; plain text rules, front matter allowed).
 * `options.name` names it in messages; the id comes from the title when one is detected.
 */
export function ingestText(text: string, meta?: Partial<ArticleMeta>, options?: IngestOptions): Result<Article> {
  const name = options?.name ?? PASTE_NAME
  if (text.length === 0) return err('EMPTY_FILE', `${name} is empty.`)
  if (text.length > LIMITS.maxTextChars) {
    return err('TEXT_TOO_LARGE', `${name} has ${(text.length / 1048576).toFixed(1)} M characters; the limit is ${LIMITS.maxTextChars / 1048576} M.`)
  }
  if (text.trim() === '') return err('WHITESPACE_ONLY', `${name} contains only whitespace.`)
  return finish(fromText(text, name, 'paste', 'UTF-8', utf8Length(text), []), name, meta, undefined, options)
}

/** Ingest one file. See the file comment for the contract and README.md for formats/limits. */
export async function ingest(input: RawInput, deps: IngestDeps, options?: IngestOptions): Promise<Result<Article>> {
  const { name, bytes } = input
  const display = name.replace(/^.*[\\/]/, '')
  const ext = extensionOf(display)
  const format = FORMATS[ext]
  if (!format) {
    return err('UNSUPPORTED_FORMAT', `${display}: unsupported file type${ext ? ` ".${ext}"` : ' (no extension)'}; use ${SUPPORTED_EXTENSIONS.join(', ')}.`)
  }
  if (bytes.length === 0) return err('EMPTY_FILE', `${display} is empty.`)
  if (bytes.length > LIMITS.maxFileBytes) {
    return err('FILE_TOO_LARGE', `${display} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxFileBytes / 1048576} MB.`)
  }
  // Caller fields that are set win over the sidecar's; the sidecar's warnings follow the file's.
  const sidecar = input.sidecar ? parseSidecar(input.sidecar) : undefined
  const meta = sidecar
    ? { ...sidecar.meta, ...Object.fromEntries(Object.entries(input.meta ?? {}).filter(([, v]) => v !== undefined && v !== '')) }
    : input.meta
  try {
    const extracted = await extract(format, display, bytes, deps)
    if (!extracted.ok) return extracted
    const x = sidecar?.warnings.length ? { ...extracted.value, warnings: [...extracted.value.warnings, ...sidecar.warnings] } : extracted.value
    return finish(x, display, meta, input.id, options, deps.sha256)
  } catch (e) {
    // Formats catch their own library failures; anything reaching here is unexpected, but a bad
    // file must still never take the app down.
    return err('INTERNAL', `${display} could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
}

async function extract(format: SourceFormat, name: string, bytes: Uint8Array, deps: IngestDeps): Promise<Result<Extracted>> {
  switch (format) {
    case 'txt':
    case 'md': {
      const decoded = await decodeText(bytes, name)
      if (!decoded.ok) return decoded
      const { text, encoding, warnings } = decoded.value
      if (text.replace(/^\uFEFF/, '').length === 0) return err('EMPTY_FILE', `${name} is empty.`)
      if (text.trim() === '') return err('WHITESPACE_ONLY', `${name} contains only whitespace.`)
      return ok(fromText(text, name, format, encoding, bytes.length, warnings))
    }
    case 'html': {
      const decoded = await decodeText(bytes, name, sniffHtmlCharset(bytes))
      if (!decoded.ok) return decoded
      const { text, encoding, warnings } = decoded.value
      if (text.trim() === '') return err('WHITESPACE_ONLY', `${name} contains only whitespace.`)
      const html = extractHtml(text, name, deps.parseHtml)
      if (!html.ok) return html
      return ok({
        paragraphs: html.value.paragraphs, format, encoding, byteLength: bytes.length,
        fileMeta: html.value.meta, knownTitle: html.value.meta.title ?? '', detectTitleLine: false,
        warnings: [...warnings, ...html.value.warnings]
      })
    }
    case 'pdf': {
      if (!deps.loadPdfjs) return err('NOT_AVAILABLE', `${name}: PDF reading is not available here.`)
      const pdf = await extractPdf(bytes, name, deps.loadPdfjs, LIMITS.maxPdfPages)
      if (!pdf.ok) return pdf
      return ok({ paragraphs: pdf.value.paragraphs, format, encoding: 'PDF', byteLength: bytes.length, fileMeta: pdf.value.meta, knownTitle: '', detectTitleLine: true, warnings: pdf.value.warnings })
    }
    case 'docx': {
      const docx = await extractDocx(bytes, name, LIMITS)
      if (!docx.ok) return docx
      return ok({ paragraphs: docx.value.paragraphs, format, encoding: 'DOCX', byteLength: bytes.length, fileMeta: docx.value.meta, knownTitle: '', detectTitleLine: true, warnings: [] })
    }
    case 'paste':
      return ok(fromText(new TextDecoder().decode(bytes), name, 'paste', 'UTF-8', bytes.length, []))
  }
}
