/**
 * Saved web pages → paragraphs + metadata. The only importer of @mozilla/readability.
 *
 * Safety: the HTML is parsed by the injected `parseHtml` into an inert document (linkedom in
 * Node; `DOMParser` in the browser, whose documents have no browsing context), so scripts never
 * run and images, fonts and frames never load. We only *read* text from it; nothing is ever
 * inserted into a live page. Active content (scripts, frames, embeds, forms, `javascript:` links,
 * elements carrying short event-handler text) is removed before extraction, so a page made only
 * of such things yields NO_CONTENT instead of a "Click me" article.
 *
 * Metadata precedence inside a page: JSON-LD (NewsArticle & co.) > Open Graph / article:* >
 * plain <meta> > Readability's guesses > <title>/<html lang>.
 */
import { Readability } from '@mozilla/readability'
import type { ArticleMeta, IngestWarning } from '../../../model'
import type { Result } from '../../../util/result'
import { err, ok } from '../../../util/result'

export interface HtmlText {
  readonly paragraphs: readonly string[]
  readonly meta: Partial<ArticleMeta>
  readonly warnings: readonly IngestWarning[]
}

/** Elements whose content is never article text (or is active content). */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'picture', 'img', 'map',
  'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'option', 'textarea', 'dialog',
  'head', 'title', 'figcaption'
])

/** Elements that start a new paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'pre', 'table', 'tr',
  'td', 'th', 'caption', 'figure', 'address', 'hr', 'br', 'body', 'center', 'details', 'summary'
])

/** `<meta charset>` or `http-equiv content-type` declared in the first bytes, if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  let head = ''
  const n = Math.min(bytes.length, 4096)
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!)
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)
  return m?.[1]
}

function attr(doc: Document, selector: string, name = 'content'): string {
  const el = doc.querySelector(selector)
  const v = el?.getAttribute(name)
  return v ? v.replace(/\s+/g, ' ').trim() : ''
}

type Json = unknown

function jsonLdObjects(doc: Document): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = []
  const visit = (v: Json): void => {
    if (Array.isArray(v)) { v.forEach(visit); return }
    if (v && typeof v === 'object') {
      const o = v as Record<string, Json>
      out.push(o)
      if (o['@graph']) visit(o['@graph'])
    }
  }
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      // Parsed as data, never executed.
      visit(JSON.parse(s.textContent ?? ''))
    } catch {
      /* malformed JSON-LD is common; ignore it */
    }
  }
  return out
}

function nameOf(v: Json): string {
  if (typeof v === 'string') return v.trim()
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ')
  if (v && typeof v === 'object') {
    const n = (v as Record<string, Json>)['name']
    return typeof n === 'string' ? n.trim() : ''
  }
  return ''
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/

/** Metadata from JSON-LD, Open Graph, <meta> and <link> (read before Readability mutates the DOM). */
export function htmlMeta(doc: Document): Partial<ArticleMeta> {
  const ld = jsonLdObjects(doc)
  const article = ld.find((o) => {
    const t = o['@type']
    return (Array.isArray(t) ? t.join(' ') : String(t ?? '')).match(ARTICLE_TYPES) !== null && !/^WebPage$/.test(String(t))
  }) ?? ld.find((o) => typeof o['headline'] === 'string') ?? {}
  const str = (v: Json): string => (typeof v === 'string' ? v.trim() : '')
  const mainEntity = article['mainEntityOfPage']
  const notUrl = (s: string): string => (/^https?:\/\//i.test(s) ? '' : s)
  const first = (...vs: string[]): string => vs.find((v) => v !== '') ?? ''
  const locale = attr(doc, 'meta[property="og:locale"]').replace('_', '-')
  return {
    title: first(str(article['headline']), attr(doc, 'meta[property="og:title"]'), attr(doc, 'meta[name="twitter:title"]'), attr(doc, 'meta[name="title"]')),
    author: first(nameOf(article['author']), notUrl(attr(doc, 'meta[name="author"]')), notUrl(attr(doc, 'meta[property="article:author"]')), attr(doc, 'meta[name="byl"]').replace(/^by\s+/i, ''), attr(doc, 'meta[name="dc.creator" i]')),
    outlet: first(nameOf(article['publisher']), attr(doc, 'meta[property="og:site_name"]'), attr(doc, 'meta[name="application-name"]')),
    date: first(str(article['datePublished']), attr(doc, 'meta[property="article:published_time"]'), attr(doc, 'meta[name="date"]'), attr(doc, 'meta[name="pubdate"]'), attr(doc, 'meta[name="publishdate"]'), attr(doc, 'meta[name="dc.date" i]'), attr(doc, 'meta[name="dcterms.date" i]'), attr(doc, 'meta[itemprop="datePublished"]'), attr(doc, 'time[datetime]', 'datetime')),
    url: first(attr(doc, 'link[rel="canonical"]', 'href'), attr(doc, 'meta[property="og:url"]'), str(article['url']), typeof mainEntity === 'string' ? mainEntity : str((mainEntity as Record<string, Json> | undefined)?.['@id'])),
    language: first(str(article['inLanguage']), (doc.documentElement?.getAttribute('lang') ?? '').trim(), attr(doc, 'meta[http-equiv="content-language" i]'), locale)
  }
}

/**
 * Remove active and non-text content in place. Returns how many elements were removed, so the
 * caller can say "only scripts/frames" when nothing readable remains.
 */
function neutralise(doc: Document): number {
  let removed = 0
  for (const el of Array.from(doc.querySelectorAll('script,style,noscript,template,iframe,frame,frameset,object,embed,applet,form,button,input,select,textarea,dialog,svg,canvas,audio,video'))) {
    el.remove()
    removed++
  }
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (/^\s*(?:javascript|vbscript|data):/i.test(a.getAttribute('href') ?? '')) { a.remove(); removed++ }
  }
  // Small elements whose point is an event handler ("Click me" divs) are UI, not article text.
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.localName
    if (tag === 'html' || tag === 'body') continue
    let handler = false
    for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) { handler = true; break }
    if (handler && (el.textContent ?? '').length < 200) { el.remove(); removed++ }
  }
  return removed
}

/** Walk a DOM subtree and collect block-level paragraphs (HTML whitespace collapsed). */
export function domParagraphs(root: Node): string[] {
  const out: string[] = []
  let buf = ''
  const flush = (): void => {
    const t = buf.replace(/[ \t\n\r\f]+/g, ' ').trim()
    if (t) out.push(t)
    buf = ''
  }
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === 3) { buf += (c as Text).data; continue }
      if (c.nodeType !== 1) continue
      const tag = (c as Element).localName
      if (DROP.has(tag)) continue
      if (BLOCK.has(tag)) {
        flush()
        walk(c)
        flush()
      } else {
        walk(c)
      }
    }
  }
  walk(root)
  flush()
  return out
}

export function extractHtml(html: string, name: string, parseHtml: (html: string) => Document): Result<HtmlText> {
  let doc: Document
  try {
    doc = parseHtml(html)
  } catch {
    return err('MALFORMED_HTML', `${name} is not HTML that can be read.`)
  }
  if (!doc.documentElement) return err('MALFORMED_HTML', `${name} is not HTML that can be read.`)
  const warnings: IngestWarning[] = []
  const meta: { -readonly [K in keyof ArticleMeta]?: ArticleMeta[K] } = { ...htmlMeta(doc) }
  const titleEl = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  const removed = neutralise(doc)

  let paragraphs: string[] = []
  let byline = ''
  let rTitle = ''
  try {
    // serializer: keep the element itself, so we walk it instead of re-parsing an HTML string.
    const parsed = new Readability<Node>(doc, { serializer: (el: Node) => el, charThreshold: 300 }).parse()
    if (parsed?.content) {
      paragraphs = domParagraphs(parsed.content)
      byline = parsed.byline?.trim() ?? ''
      rTitle = parsed.title?.trim() ?? ''
    }
    if (parsed?.siteName && !meta.outlet) meta.outlet = parsed.siteName.trim()
    if (parsed?.publishedTime && !meta.date) meta.date = parsed.publishedTime.trim()
    if (parsed?.lang && !meta.language) meta.language = parsed.lang.trim()
  } catch {
    warnings.push({ code: 'OTHER', message: `${name}: main-content extraction failed; using all page text.` })
  }
  if (paragraphs.join('').trim() === '') {
    // Readability found nothing (short page or odd markup): fall back to every text block.
    const body = doc.body ?? doc.documentElement
    paragraphs = domParagraphs(body)
  }
  if (paragraphs.join('').trim() === '') {
    return err('NO_CONTENT', removed > 0
      ? `${name} has no readable text: only scripts, frames, event handlers or javascript: links.`
      : `${name} has no readable text.`)
  }
  const title = meta.title || rTitle || titleEl
  return ok({
    paragraphs,
    meta: { ...meta, title, author: meta.author || byline.replace(/^by[:\s]+/i, '') },
    warnings
  })
}
