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
 * Source-level pre-pass (a linear scan, before any parsing). Removes `<script>`, `<style>`,
 * `<noscript>`, `<template>`, `<svg>` elements and comments: none of them ever contributes article
 * text (`neutralise` would remove them after parsing anyway), but on a saved news page they are
 * most of the bytes, and every node costs linkedom a constructor, a WeakMap entry and GC time.
 * JSON-LD is read out of `<script type="application/ld+json">` here, before it goes.
 *
 * With `unwrapInline`, the tags (not the text) of inline formatting elements (`<a>`, `<em>`,
 * `<span>`, …) go too, unless they carry an `on…` attribute or a `javascript:`/`vbscript:`/`data:`
 * link, which `neutralise` must still see. Text and block structure are unchanged, so
 * `domParagraphs` gives the same paragraphs; it is only used for pages past the Readability cap,
 * where Readability's link-density scoring (which needs the `<a>` elements) does not run.
 *
 * The scan follows the HTML tokenizer where it matters: quoted attribute values are skipped (a
 * `<script>` inside `title="…"` is not a tag); `<title>`, `<textarea>`, `<xmp>`, `<iframe>`,
 * `<noembed>`, `<noframes>` hold raw text and are copied verbatim; script/style end at the first
 * `</script`/`</style`; template/svg/noscript nest; `<svg/>` is self-closing; an unclosed element
 * runs to the end of the input (as it would in the parser).
 */
export interface Prestripped {
  readonly html: string
  /** Raw text of each `<script type="application/ld+json">`, in document order. */
  readonly jsonLd: readonly string[]
  /** Elements removed (comments not counted): feeds the "only scripts…" NO_CONTENT message. */
  readonly removed: number
  /** Start tags left in the output, excluding ACTIVE ones (an estimate of the element count). */
  readonly elements: number
}

const STRIP_RAW = new Set(['script', 'style'])
const STRIP_NESTED = new Set(['template', 'svg', 'noscript'])
const KEEP_RAW = new Set(['title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes'])
/** Inline formatting elements whose tags carry no text or structure of their own. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'var'
])

function isTagNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58
}

function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13
}

/** Index just past the `>` closing the tag whose attributes start at `i` (quoted values skipped). */
function tagEnd(s: string, i: number): number {
  const n = s.length
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c === 62) return i + 1
    i++
    if (c === 61) {
      while (i < n && isHtmlSpace(s.charCodeAt(i))) i++
      const q = s.charCodeAt(i)
      if (q === 34 || q === 39) {
        const close = s.indexOf(q === 34 ? '"' : "'", i + 1)
        if (close === -1) return n
        i = close + 1
      }
    }
  }
  return n
}

/** Index of `</name` (case-insensitive, followed by space, `/`, `>` or the end) from `from`, or -1. */
function findEndTag(s: string, lower: string, name: string, from: number): number {
  for (let i = lower.indexOf('</' + name, from); i !== -1; i = lower.indexOf('</' + name, i + 2)) {
    const c = s.charCodeAt(i + 2 + name.length)
    if (Number.isNaN(c) || isHtmlSpace(c) || c === 47 || c === 62) return i
  }
  return -1
}

/** End of a nestable element (template/svg/noscript) opened before `from`: index past its end tag. */
function nestedEnd(s: string, lower: string, name: string, from: number): number {
  let depth = 1
  let i = from
  const open = '<' + name
  while (depth > 0) {
    const o = lower.indexOf(open, i)
    const c = findEndTag(s, lower, name, i)
    if (c === -1) return s.length
    if (o !== -1 && o < c) {
      const after = s.charCodeAt(o + open.length)
      const end = tagEnd(s, o + open.length)
      if (isHtmlSpace(after) || after === 47 || after === 62) {
        if (!(name === 'svg' && s.charCodeAt(end - 2) === 47)) depth++
      }
      i = end
    } else {
      depth--
      i = tagEnd(s, c + 2 + name.length)
    }
  }
  return i
}

/**
 * A link `neutralise` would drop (javascript:/vbscript:/data:), also when the scheme is written
 * with character references (`&#106;avascript:`), which only the parser decodes: any `&` before
 * the first `/ : ? #` keeps the tag.
 */
/** `<` followed by an ASCII letter: start tags, an upper bound of the element count. Cheap. */
export function countStartTags(html: string): number {
  let count = 0
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20
    if (c >= 97 && c <= 122) count++
  }
  return count
}

const DANGEROUS_HREF = /\bhref\s*=\s*["']?\s*(?:[^"'\s>/:?#]*&|javascript:|vbscript:|data:)/i
const HANDLER_ATTR = /[\s"'/]on[a-z]+\s*=/i
const LD_JSON = /\btype\s*=\s*["']?\s*application\/ld\+json/i

export function prestripHtml(html: string, unwrapInline = false): Prestripped {
  // Case-insensitive searches run on a lower-cased copy; lower-casing keeps UTF-16 offsets
  // for the ASCII tag names searched here (only a few exotic characters change length, and
  // those cannot occur inside a tag name).
  let lower = html.toLowerCase()
  // U+0130 (İ) lower-cases to two code units; then fold ASCII only, which never changes length.
  if (lower.length !== html.length) lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase())
  const out: string[] = []
  const jsonLd: string[] = []
  let removed = 0
  let elements = 0
  let copied = 0 // html[copied, i) is pending output
  /** Per inline tag name: was each still-open start tag kept (so its end tag must be kept)? */
  const keptStack = new Map<string, boolean[]>()
  const n = html.length
  let i = html.indexOf('<')
  while (i !== -1 && i < n) {
    const c = html.charCodeAt(i + 1)
    // Comment: `<!--` … `-->` (`<!-->` and `<!--->` are empty comments).
    if (c === 33 && html.startsWith('<!--', i)) {
      let end: number
      if (html.startsWith('>', i + 4)) end = i + 5
      else if (html.startsWith('->', i + 4)) end = i + 6
      else {
        const close = html.indexOf('-->', i + 4)
        end = close === -1 ? n : close + 3
      }
      out.push(html.slice(copied, i))
      copied = end
      i = html.indexOf('<', end)
      continue
    }
    const isEnd = c === 47
    const nameStart = isEnd ? i + 2 : i + 1
    const first = html.charCodeAt(nameStart)
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) {
      // Not a tag ("a < b", "<!DOCTYPE", "<?xml"): move on; a doctype has no `<` inside.
      i = html.indexOf('<', i + 1)
      continue
    }
    let nameEnd = nameStart
    while (nameEnd < n && isTagNameChar(html.charCodeAt(nameEnd))) nameEnd++
    const name = lower.slice(nameStart, nameEnd)
    const end = tagEnd(html, nameEnd)
    if (isEnd) {
      if (unwrapInline && INLINE.has(name)) {
        const kept = keptStack.get(name)?.pop() ?? false
        if (!kept) { out.push(html.slice(copied, i)); copied = end }
      }
      i = html.indexOf('<', end)
      continue
    }
    if (STRIP_RAW.has(name)) {
      const close = findEndTag(html, lower, name, end)
      const stop = close === -1 ? n : tagEnd(html, close + 2 + name.length)
      if (name === 'script' && LD_JSON.test(html.slice(nameEnd, end))) jsonLd.push(html.slice(end, close === -1 ? n : close))
      out.push(html.slice(copied, i))
      copied = stop
      removed++
      i = html.indexOf('<', stop)
      continue
    }
    if (STRIP_NESTED.has(name)) {
      const selfClosing = name === 'svg' && html.charCodeAt(end - 2) === 47
      const stop = selfClosing ? end : nestedEnd(html, lower, name, end)
      out.push(html.slice(copied, i))
      copied = stop
      removed++
      i = html.indexOf('<', stop)
      continue
    }
    if (KEEP_RAW.has(name)) {
      const close = findEndTag(html, lower, name, end)
      if (!ACTIVE.has(name)) elements++
      i = close === -1 ? -1 : html.indexOf('<', close + 1)
      continue
    }
    if (!ACTIVE.has(name)) elements++
    if (unwrapInline && INLINE.has(name)) {
      const attrs = html.slice(nameEnd, end)
      const keep = HANDLER_ATTR.test(attrs) || (name === 'a' && DANGEROUS_HREF.test(attrs))
      // A self-closing `<span/>` is still an open tag in HTML; its end tag comes later.
      let stack = keptStack.get(name)
      if (!stack) { stack = []; keptStack.set(name, stack) }
      stack.push(keep)
      if (!keep) { out.push(html.slice(copied, i)); copied = end; elements-- }
    }
    i = html.indexOf('<', end)
  }
  if (copied === 0) return { html, jsonLd, removed, elements }
  out.push(html.slice(copied))
  return { html: out.join(''), jsonLd, removed, elements }
}

/**
 * Index of <meta>/<link> values, plus the first <time> and <title> and the JSON-LD scripts, built
 * in one tree walk: linkedom evaluates every getElementsByTagName/querySelector by walking the
 * whole tree (~3 ms each on a 1 MB page), and metadata needed five of them.
 * Keys: `name:x`, `property:x`, `itemprop:x`, `http-equiv:x`, `rel:x` (all lower case); the first
 * occurrence in document order wins.
 */
interface PageMeta {
  readonly index: Map<string, string>
  time: string
  title: string
  readonly jsonLd: string[]
}

function collectPageMeta(doc: Document): PageMeta {
  const page: PageMeta = { index: new Map(), time: '', title: '', jsonLd: [] }
  let sawTime = false
  let sawTitle = false
  const put = (key: string, value: string | null): void => {
    const v = value?.replace(/\s+/g, ' ').trim()
    if (v && !page.index.has(key)) page.index.set(key, v)
  }
  const walk = (parent: Element): void => {
    for (let el = parent.firstElementChild; el !== null; el = el.nextElementSibling) {
      switch (el.localName) {
        case 'meta': {
          const content = el.getAttribute('content')
          for (const a of ['name', 'property', 'itemprop', 'http-equiv']) {
            const k = el.getAttribute(a)
            if (k) put(`${a}:${k.toLowerCase()}`, content)
          }
          break
        }
        case 'link': {
          const rel = el.getAttribute('rel')
          if (rel) put(`rel:${rel.toLowerCase()}`, el.getAttribute('href'))
          break
        }
        case 'time':
          if (!sawTime) { sawTime = true; page.time = el.getAttribute('datetime')?.trim() ?? '' }
          break
        case 'title':
          if (!sawTitle) { sawTitle = true; page.title = el.textContent?.replace(/\s+/g, ' ').trim() ?? '' }
          break
        case 'script':
          if ((el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') page.jsonLd.push(el.textContent ?? '')
          break
      }
      walk(el)
    }
  }
  if (doc.documentElement) {
    // The root itself is <html>, never one of the elements collected.
    walk(doc.documentElement)
  }
  return page
}

type Json = unknown

function jsonLdObjects(sources: readonly string[]): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = []
  const visit = (v: Json): void => {
    if (Array.isArray(v)) { v.forEach(visit); return }
    if (v && typeof v === 'object') {
      const o = v as Record<string, Json>
      out.push(o)
      if (o['@graph']) visit(o['@graph'])
    }
  }
  for (const text of sources) {
    try {
      // Parsed as data, never executed.
      visit(JSON.parse(text))
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

/**
 * Metadata from JSON-LD, Open Graph, <meta> and <link> (read before Readability mutates the DOM).
 * `jsonLd`: the JSON-LD texts when `prestripHtml` already removed the scripts from the source;
 * otherwise they are read from the document. `page` is reused when the caller collected it.
 */
export function htmlMeta(doc: Document, jsonLd?: readonly string[], page: PageMeta = collectPageMeta(doc)): Partial<ArticleMeta> {
  const ld = jsonLdObjects(jsonLd ?? page.jsonLd)
  const article = ld.find((o) => {
    const t = o['@type']
    return (Array.isArray(t) ? t.join(' ') : String(t ?? '')).match(ARTICLE_TYPES) !== null && !/^WebPage$/.test(String(t))
  }) ?? ld.find((o) => typeof o['headline'] === 'string') ?? {}
  const str = (v: Json): string => (typeof v === 'string' ? v.trim() : '')
  const mainEntity = article['mainEntityOfPage']
  const notUrl = (s: string): string => (/^https?:\/\//i.test(s) ? '' : s)
  const first = (...vs: string[]): string => vs.find((v) => v !== '') ?? ''
  const m = (key: string): string => page.index.get(key) ?? ''
  const time = page.time
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
  // getAttributeNames, not `attributes`: linkedom builds a NamedNodeMap proxy per call.
  if (mayHaveHandlers && tag !== 'html' && tag !== 'body' && el.hasAttributes()) {
    for (const a of el.getAttributeNames()) {
      if (/^on/i.test(a)) return (el.textContent ?? '').length < 200
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

/** HTML whitespace that `domParagraphs` must collapse: any of tab/LF/CR/FF, or two spaces. */
const COLLAPSIBLE = /[\t\n\r\f]| {2}/

/** Walk a DOM subtree and collect block-level paragraphs (HTML whitespace collapsed). */
export function domParagraphs(root: Node): string[] {
  const out: string[] = []
  let buf = ''
  const flush = (): void => {
    // Most paragraphs need no collapsing; testing first saves a regex replace on each.
    const t = (COLLAPSIBLE.test(buf) ? buf.replace(/[ \t\n\r\f]+/g, ' ') : buf).trim()
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

export interface ExtractHtmlOptions {
  /**
   * Run `prestripHtml` before parsing (default true). Off only in tests, which check that the
   * fast path gives the same result as parsing the page as it is.
   */
  readonly prestrip?: boolean
}

interface Prepared {
  readonly doc: Document
  readonly meta: Partial<ArticleMeta>
  readonly titleEl: string
  readonly removed: number
  readonly elements: number
}

/** Parse, read metadata, neutralise; undefined when the parser throws or yields no root. */
function prepare(source: string, parseHtml: (html: string) => Document, jsonLd: readonly string[] | undefined): Prepared | undefined {
  let doc: Document
  try {
    doc = parseHtml(source)
  } catch {
    return undefined
  }
  if (!doc.documentElement) return undefined
  const page = collectPageMeta(doc)
  const meta = htmlMeta(doc, jsonLd, page)
  // Handlers are looked for only when the (stripped) source has an on…= attribute at all.
  const { removed, elements } = neutralise(doc, /\son[a-z]+\s*=/i.test(source))
  return { doc, meta, titleEl: page.title, removed, elements }
}

export function extractHtml(html: string, name: string, parseHtml: (html: string) => Document, options: ExtractHtmlOptions = {}): Result<HtmlText> {
  let source = html
  let jsonLd: readonly string[] | undefined
  let preRemoved = 0
  let large = false
  if (options.prestrip !== false) {
    // Clearly past the Readability cap (start tags, some inside scripts or of active elements,
    // so leave a 2x margin): unwrap inline tags too, since only densestContainer and
    // domParagraphs will read the page, and they see the same text and blocks without them.
    large = countStartTags(html) > 2 * READABILITY_MAX_ELEMENTS
    const stripped = prestripHtml(html, large)
    source = stripped.html
    jsonLd = stripped.jsonLd
    preRemoved = stripped.removed
  }
  let prepared = prepare(source, parseHtml, jsonLd)
  if (large && prepared && prepared.elements <= READABILITY_MAX_ELEMENTS) {
    // The estimate was wrong (the tags were mostly scripts, inline or active elements): parse the
    // page with its inline elements so Readability sees exactly what it would have seen.
    prepared = prepare(prestripHtml(html, false).html, parseHtml, jsonLd)
  }
  if (!prepared) return err('MALFORMED_HTML', `${name} is not HTML that can be read.`)
  const { doc, titleEl, elements: elementCount } = prepared
  const removed = prepared.removed + preRemoved
  const warnings: IngestWarning[] = []
  const meta: { -readonly [K in keyof ArticleMeta]?: ArticleMeta[K] } = { ...prepared.meta }

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
