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

/**
 * Index of <meta>/<link> values, built in one pass: linkedom evaluates every querySelector by
 * walking the whole tree, so twenty selectors on a 1 MB page cost more than the parse.
 * Keys: `name:x`, `property:x`, `itemprop:x`, `http-equiv:x`, `rel:x` (all lower case).
 */
type MetaIndex = Map<string, string>

function metaIndex(doc: Document): MetaIndex {
  const index: MetaIndex = new Map()
  const put = (key: string, value: string | null): void => {
    const v = value?.replace(/\s+/g, ' ').trim()
    if (v && !index.has(key)) index.set(key, v)
  }
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    const content = m.getAttribute('content')
    for (const a of ['name', 'property', 'itemprop', 'http-equiv']) {
      const k = m.getAttribute(a)
      if (k) put(`${a}:${k.toLowerCase()}`, content)
    }
  }
  for (const l of Array.from(doc.getElementsByTagName('link'))) {
    const rel = l.getAttribute('rel')
    if (rel) put(`rel:${rel.toLowerCase()}`, l.getAttribute('href'))
  }
  return index
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
  for (const s of Array.from(doc.getElementsByTagName('script'))) {
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue
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
  const idx = metaIndex(doc)
  const m = (key: string): string => idx.get(key) ?? ''
  const time = doc.getElementsByTagName('time')[0]?.getAttribute('datetime')?.trim() ?? ''
  return {
    title: first(str(article['headline']), m('property:og:title'), m('name:twitter:title'), m('name:title')),
    author: first(nameOf(article['author']), notUrl(m('name:author')), notUrl(m('property:article:author')), m('name:byl').replace(/^by\s+/i, ''), m('name:dc.creator')),
    outlet: first(nameOf(article['publisher']), m('property:og:site_name'), m('name:application-name')),
    date: first(str(article['datePublished']), m('property:article:published_time'), m('name:date'), m('name:pubdate'), m('name:publishdate'), m('name:dc.date'), m('name:dcterms.date'), m('itemprop:datepublished'), time),
    url: first(m('rel:canonical'), m('property:og:url'), str(article['url']), typeof mainEntity === 'string' ? mainEntity : str((mainEntity as Record<string, Json> | undefined)?.['@id'])),
    language: first(str(article['inLanguage']), (doc.documentElement?.getAttribute('lang') ?? '').trim(), m('http-equiv:content-language'), m('property:og:locale').replace('_', '-'))
  }
}

/**
 * Remove active and non-text content in place. Returns how many elements were removed, so the
 * caller can say "only scripts/frames" when nothing readable remains.
 */
function neutralise(doc: Document, mayHaveHandlers: boolean): { removed: number; elements: number } {
  // One recursive walk (linkedom answers each getElementsByTagName with a full-tree scan, so
  // twenty tag queries cost ~70 ms on a 1 MB page). Next sibling is read before removal.
  let removed = 0
  let elements = 0
  const walk = (parent: Element): void => {
    let el = parent.firstElementChild
    while (el) {
      const next = el.nextElementSibling
      if (shouldDrop(el, mayHaveHandlers)) {
        el.remove()
        removed++
      } else {
        elements++
        walk(el)
      }
      el = next
    }
  }
  if (doc.documentElement) walk(doc.documentElement)
  return { removed, elements }
}

function shouldDrop(el: Element, mayHaveHandlers: boolean): boolean {
  const tag = el.localName
  if (ACTIVE.has(tag)) return true
  if (tag === 'a' && /^\s*(?:javascript|vbscript|data):/i.test(el.getAttribute('href') ?? '')) return true
  // Small elements whose point is an event handler ("Click me" divs) are UI, not article text.
  // Only checked when the source contains an on…= attribute at all.
  if (mayHaveHandlers && tag !== 'html' && tag !== 'body') {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) return (el.textContent ?? '').length < 200
    }
  }
  return false
}

const ACTIVE = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'input', 'select', 'textarea', 'dialog', 'svg', 'canvas', 'audio', 'video'])

/**
 * Readability's cost grows steeply with element count (≈1.5 s for 5,000 paragraphs over
 * linkedom on this VM). Above this many elements we use `densestContainer` instead.
 */
const READABILITY_MAX_ELEMENTS = 2500

/**
 * The element whose direct <p> children hold the most text — the core of Readability's scoring
 * without its many passes. Used for very large pages only.
 */
export function densestContainer(doc: Document): Element | undefined {
  const score = new Map<Element, number>()
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    const parent = p.parentElement
    if (!parent) continue
    const tag = parent.localName
    if (tag === 'nav' || tag === 'footer' || tag === 'header' || tag === 'aside') continue
    score.set(parent, (score.get(parent) ?? 0) + (p.textContent ?? '').length)
  }
  let best: Element | undefined
  let bestScore = 0
  for (const [el, s] of score) if (s > bestScore) { best = el; bestScore = s }
  return best
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
  const { removed, elements: elementCount } = neutralise(doc, /\son[a-z]+\s*=/i.test(html))

  let paragraphs: string[] = []
  let byline = ''
  let rTitle = ''
  if (elementCount > READABILITY_MAX_ELEMENTS) {
    const container = densestContainer(doc)
    if (container) paragraphs = domParagraphs(container)
  } else try {
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
