/**
 * HTML → Document for Node: linkedom's light DOM (the only importer of linkedom). It never
 * executes scripts nor fetches anything, and Readability over it is ~15x faster than jsdom.
 */
import { parseHTML } from 'linkedom'

export function parseHtmlNode(html: string): Document {
  // linkedom needs a root element to build <html>/<body>; fragments and bare text get one.
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
  return parseHTML(source).document as unknown as Document
}
