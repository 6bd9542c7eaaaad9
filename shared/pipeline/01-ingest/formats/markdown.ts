/**
 * Markdown → plain paragraphs. A deliberately small converter: news articles saved as Markdown
 * use headings, paragraphs, lists, quotes, emphasis, links and images, not the whole spec.
 * Structure is kept as paragraphs (each heading, list item and paragraph becomes one line);
 * inline markup is removed and link/image targets dropped (the link text stays).
 */

export interface MarkdownText {
  readonly paragraphs: readonly string[]
  /** Text of a level-1 heading that opens the document, if any (removed from `paragraphs`). */
  readonly title: string
}

/** Remove inline markup from one line of Markdown. */
export function stripInline(s: string): string {
  return (
    s
      // Images first (their syntax contains a link): drop them entirely.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
      // Links: keep the text.
      .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      // Inline HTML tags (the text between them stays).
      .replace(/<\/?[A-Za-z][^<>]*>/g, '')
      // Code spans, then emphasis. Underscore emphasis only at word edges (snake_case survives).
      .replace(/`+([^`]+)`+/g, '$1')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/\*(?=\S)([^*]*?\S)\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      // Backslash escapes.
      .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
      // Hard line break markers at the end of a line.
      .replace(/ {2,}$|\\$/g, '')
  )
}

/** Convert Markdown (front matter already removed) into paragraphs. */
export function markdownToParagraphs(md: string): MarkdownText {
  const lines = md.split(/\r\n|\r|\n/)
  const paragraphs: string[] = []
  let title = ''
  let buffer: string[] = []
  let inFence = false
  let fence = ''
  const flush = (): void => {
    if (buffer.length) {
      const text = buffer.map((l) => stripInline(l.trim())).join(' ').replace(/[ \t]+/g, ' ').trim()
      if (text) paragraphs.push(text)
    }
    buffer = []
  }
  const heading = (level: number, text: string): void => {
    flush()
    const t = stripInline(text.replace(/\s+#+\s*$/, '').trim())
    if (!t) return
    if (level === 1 && !title && paragraphs.length === 0) title = t
    else paragraphs.push(t)
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (inFence) {
      if (line.trim().startsWith(fence)) { inFence = false; flush(); continue }
      // Code blocks are kept line by line (an article quoting code is rare; never lose text).
      if (line.trim()) paragraphs.push(line.trim())
      continue
    }
    const fenceMatch = /^\s{0,3}(```+|~~~+)/.exec(line)
    if (fenceMatch) { flush(); inFence = true; fence = fenceMatch[1]!; continue }
    if (line.trim() === '') { flush(); continue }
    const atx = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line)
    if (atx) { heading(atx[1]!.length, atx[2]!); continue }
    // Setext heading: a paragraph line underlined with === or ---.
    const next = lines[i + 1]
    if (buffer.length === 0 && next !== undefined && line.trim() && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*([-*+]|\d+[.)])\s/.test(line)) {
      heading(next.trim().startsWith('=') ? 1 : 2, line)
      i++
      continue
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) { flush(); continue } // horizontal rule
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue // link reference definition
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line)
    if (item) { flush(); buffer.push(item[1]!); continue }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line)
    if (quote) {
      if (quote[1]!.trim() === '') { flush(); continue }
      buffer.push(quote[1]!)
      continue
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue // table rule
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush()
      const cells = line.trim().slice(1, -1).split('|').map((c) => stripInline(c.trim())).filter(Boolean)
      if (cells.length) paragraphs.push(cells.join(' | '))
      continue
    }
    buffer.push(line)
  }
  flush()
  return { paragraphs, title }
}
