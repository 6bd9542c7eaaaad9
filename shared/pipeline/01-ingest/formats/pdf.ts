/**
 * PDF → paragraphs. The only importer of pdfjs-dist, and only through a type import plus the
 * two loader functions below (dynamic imports, so nothing loads until a PDF is opened).
 *
 * pdfjs gives positioned text items per page. We rebuild:
 *  1. lines — items on the same baseline, in content-stream order (which is reading order for
 *     the single-column articles this tool reads; multi-column layouts are a known gap);
 *  2. page furniture — lines repeated at the top or bottom of most pages (running headers and
 *     footers, digits ignored so "Page 3" matches "Page 4") and lone page numbers are dropped;
 *  3. paragraphs — a new paragraph starts at a larger vertical gap, a first-line indent, a font
 *     size change, or after a short line ending a sentence; a paragraph that ends a page without
 *     terminal punctuation continues on the next page;
 *  4. de-hyphenation — "exam-" + "ple" → "example" when the next line starts in lower case;
 *     "anti-" + "Iranian" keeps its hyphen.
 * Failures map to CORRUPT_PDF, ENCRYPTED_PDF (password needed) or SCANNED_PDF (no text layer).
 */
import type * as Pdfjs from 'pdfjs-dist'
import type { ArticleMeta, IngestWarning } from '../../../model'
import type { Result } from '../../../util/result'
import { err, ok } from '../../../util/result'

/** The part of the pdfjs API we use (satisfied by both the legacy and the browser build). */
export interface PdfjsLike {
  getDocument(src: {
    data: Uint8Array
    isEvalSupported?: boolean
    disableFontFace?: boolean
    useSystemFonts?: boolean
    verbosity?: number
    stopAtErrors?: boolean
  }): { promise: Promise<PdfDocLike>; destroy?: () => Promise<void> }
}
export interface PdfDocLike {
  readonly numPages: number
  getPage(n: number): Promise<PdfPageLike>
  getMetadata(): Promise<{ info?: unknown }>
  destroy(): Promise<void>
}
export interface PdfPageLike {
  getTextContent(): Promise<{ items: ReadonlyArray<PdfTextItemLike | { type: string }> }>
  cleanup?(): unknown
}
export interface PdfTextItemLike {
  readonly str: string
  readonly transform: readonly number[]
  readonly width: number
  readonly height: number
  readonly hasEOL?: boolean
}

/** Node loader: the legacy build (the modern one needs DOMMatrix). Pass as `IngestDeps.loadPdfjs`. */
export async function nodePdfjsLoader(): Promise<PdfjsLike> {
  const mod: typeof Pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  return mod as unknown as PdfjsLike
}

/** Browser loader: the modern build with its worker file served by Vite. */
export async function browserPdfjsLoader(): Promise<PdfjsLike> {
  const [mod, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
  mod.GlobalWorkerOptions.workerSrc = (worker as { default: string }).default
  return mod as unknown as PdfjsLike
}

interface Line {
  text: string
  readonly x: number
  readonly y: number
  readonly size: number
  /** x of the line's right end, for "short line" decisions. */
  right: number
}

export interface PdfText {
  readonly paragraphs: readonly string[]
  readonly meta: Partial<ArticleMeta>
  readonly warnings: readonly IngestWarning[]
}

const TERMINAL_END = /[.!?…:"”’»)]$/
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page|p\.|seite|página)?\s*\d{1,4}(?:\s*(?:of|\/|von|de)\s*\d{1,4})?(?:\s*[-–—])?$/i

function isTextItem(i: PdfTextItemLike | { type: string }): i is PdfTextItemLike {
  return typeof (i as PdfTextItemLike).str === 'string' && Array.isArray((i as PdfTextItemLike).transform)
}

/** Group a page's items into lines (same baseline), joining items with spaces where gaps show one. */
function pageLines(items: ReadonlyArray<PdfTextItemLike | { type: string }>): Line[] {
  const lines: Line[] = []
  let cur: Line | undefined
  let breakNext = false
  for (const it of items) {
    if (!isTextItem(it)) continue
    const [a = 1, b = 0, , , e = 0, f = 0] = it.transform
    const size = Math.hypot(a, b) || it.height || 1
    if (it.str === '') {
      if (it.hasEOL) breakNext = true
      continue
    }
    const sameLine = cur !== undefined && !breakNext && Math.abs(cur.y - f) < size * 0.5 && e >= cur.right - size * 0.5
    if (sameLine && cur) {
      const gap = e - cur.right
      if (gap > size * 0.12 && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) cur.text += ' '
      cur.text += it.str
      cur.right = Math.max(cur.right, e + it.width)
    } else {
      cur = { text: it.str, x: e, y: f, size, right: e + it.width }
      lines.push(cur)
    }
    breakNext = it.hasEOL === true
  }
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim()
  return lines.filter((l) => l.text !== '')
}

const furnitureKey = (s: string): string => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')

/** Drop running headers/footers and page numbers (see file comment, step 2). */
function removeFurniture(pages: Line[][]): Line[][] {
  // Edges are geometric (the two highest and two lowest lines): producers often draw running
  // headers after the body, so stream order does not tell where a line sits on the page.
  const edgesOf = (lines: readonly Line[]): Set<Line> => {
    const byY = [...lines].sort((a, b) => b.y - a.y)
    return new Set([...byY.slice(0, 2), ...byY.slice(-2)])
  }
  const edges = pages.map(edgesOf)
  const edgeCount = new Map<string, number>()
  for (const e of edges) {
    const keys = new Set<string>()
    for (const l of e) keys.add(furnitureKey(l.text))
    for (const k of keys) edgeCount.set(k, (edgeCount.get(k) ?? 0) + 1)
  }
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.5))
  return pages.map((lines, p) =>
    lines.filter((l) => {
      if (!edges[p]!.has(l)) return true
      if (PAGE_NUMBER.test(l.text)) return false
      return pages.length < 2 || (edgeCount.get(furnitureKey(l.text)) ?? 0) < minRepeats
    })
  )
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Join a continuation line onto a paragraph, undoing end-of-line hyphenation. */
function joinLine(para: string, next: string): string {
  const m = /(\p{L})[-\u00ad\u2010]$/u.exec(para)
  if (m) {
    if (/^\p{Ll}/u.test(next)) return para.slice(0, -1) + next
    return para + next // "anti-" + "Iranian": a real hyphen
  }
  if (para.endsWith('\u00ad')) return para.slice(0, -1) + next
  return para + ' ' + next
}

/** Lines of all pages → paragraphs (see file comment, step 3). */
function buildParagraphs(pages: Line[][]): string[] {
  const out: string[] = []
  let para = ''
  let prev: Line | undefined
  for (const lines of pages) {
    const gaps: number[] = []
    for (let i = 1; i < lines.length; i++) {
      const g = lines[i - 1]!.y - lines[i]!.y
      if (g > 0) gaps.push(g)
    }
    const lineGap = median(gaps) || 14
    const left = Math.min(...lines.map((l) => l.x))
    const right = Math.max(...lines.map((l) => l.right))
    let first = true
    for (const line of lines) {
      let newPara = para === ''
      if (!newPara && prev) {
        if (first) {
          // Page turn: continue unless the previous paragraph ended a sentence.
          newPara = TERMINAL_END.test(para)
        } else {
          const gap = prev.y - line.y
          const shortPrev = prev.right < left + (right - left) * 0.75 && TERMINAL_END.test(prev.text)
          newPara =
            gap > lineGap * 1.4 || gap < -lineGap * 0.5 ||
            Math.abs(line.size - prev.size) > Math.max(prev.size, line.size) * 0.15 ||
            line.x > left + line.size * 1.2 && line.x > prev.x + line.size * 0.8 ||
            shortPrev
        }
      }
      if (newPara) {
        if (para) out.push(para)
        para = line.text
      } else {
        para = joinLine(para, line.text)
      }
      prev = line
      first = false
    }
  }
  if (para) out.push(para)
  return out
}

/** PDF date "D:20230329120000+03'00'" → "2023-03-29". */
function pdfDate(v: unknown): string {
  const m = typeof v === 'string' ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v) : null
  if (!m) return ''
  return [m[1], m[2], m[3]].filter(Boolean).join('-')
}

function infoString(info: Record<string, unknown>, key: string): string {
  const v = info[key]
  return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : ''
}

export async function extractPdf(bytes: Uint8Array, name: string, loadPdfjs: () => Promise<PdfjsLike>, maxPages: number): Promise<Result<PdfText>> {
  const pdfjs = await loadPdfjs()
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy so callers keep theirs.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
  let doc: PdfDocLike
  try {
    doc = await task.promise
  } catch (e) {
    const kind = (e as { name?: string } | null)?.name ?? ''
    if (kind === 'PasswordException') return err('ENCRYPTED_PDF', `${name} is password-protected; remove the password and try again.`)
    return err('CORRUPT_PDF', `${name} is damaged or not a PDF (${kind || 'unreadable'}).`)
  }
  try {
    if (doc.numPages > maxPages) {
      return err('FILE_TOO_LARGE', `${name} has ${doc.numPages} pages; the limit is ${maxPages}.`)
    }
    const pages: Line[][] = []
    let chars = 0
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      const lines = pageLines(content.items)
      for (const l of lines) chars += l.text.replace(/\s/g, '').length
      pages.push(lines)
      page.cleanup?.()
    }
    if (chars < 20) {
      return err('SCANNED_PDF', `${name} has no text layer (it looks scanned); run OCR on it first.`)
    }
    const paragraphs = buildParagraphs(removeFurniture(pages))
    const info = ((await doc.getMetadata().catch(() => ({ info: {} }))).info ?? {}) as Record<string, unknown>
    const title = infoString(info, 'Title')
    return ok({
      paragraphs,
      meta: {
        // Producer-generated titles ("Microsoft Word - draft3.docx", "untitled") are noise.
        title: /^(?:microsoft word - |untitled)|\.(?:docx?|pdf|odt|rtf)$/i.test(title) ? '' : title,
        author: infoString(info, 'Author'),
        date: pdfDate(info['CreationDate'])
      },
      warnings: []
    })
  } catch (e) {
    const kind = (e as { name?: string } | null)?.name ?? ''
    return err('CORRUPT_PDF', `${name} is damaged: its pages could not be read (${kind || 'error'}).`)
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}
