/**
 * The HTML fast path (formats/html.ts `prestripHtml`): a source-level pass that removes
 * script/style/noscript/template/svg/comments before parsing and, for very large pages, unwraps
 * inline formatting tags. It must never change what is extracted: every case below compares
 * `extractHtml` with and without the pre-pass, and the table checks the scanner itself.
 */
import { describe, expect, it } from 'vitest'
import { extractHtml, prestripHtml } from '../../../../shared/pipeline/01-ingest/formats/html'
import { parseHtmlNode } from '../../../../cli/platform/htmlDom'
import { HTML_ARTICLE, HTML_MALFORMED, HTML_SCRIPTS_ONLY } from '../../../fixtures/generate'

describe('prestripHtml', () => {
  // [input, expected output]
  const table: Array<[string, string]> = [
    ['<p>a</p><script>var x = "<p>not text</p>"</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['<p>a</p><SCRIPT type="text/javascript">x()</SCRIPT ><p>b</p>', '<p>a</p><p>b</p>'],
    ['<style>p{color:red}</style><p>a</p>', '<p>a</p>'],
    ['<noscript><img src="t.gif"></noscript><p>a</p>', '<p>a</p>'],
    ['<template><template><p>x</p></template><p>y</p></template><p>a</p>', '<p>a</p>'],
    ['<svg><svg/><g><title>icon</title></g></svg><p>a</p>', '<p>a</p>'],
    ['<svg viewBox="0 0 1 1"/><p>a</p>', '<p>a</p>'],
    ['<p>a<!-- <script>x</script> --></p><p>b</p>', '<p>a</p><p>b</p>'],
    ['<p>a<!--></p><p>b<!---></p>', '<p>a</p><p>b</p>'],
    ['<p>a <!-- never closed <p>b</p>', '<p>a '],
    ['<p>a</p><script>never closed <p>b</p>', '<p>a</p>'],
    // Quoted attribute values and raw-text elements are not markup.
    ['<div title="<script>x</script>">kept</div>', '<div title="<script>x</script>">kept</div>'],
    ["<div data-x='<!--'>kept</div><p>b</p>", "<div data-x='<!--'>kept</div><p>b</p>"],
    ['<title>a <script> b</title><p>c</p>', '<title>a <script> b</title><p>c</p>'],
    ['<textarea><!-- x --></textarea>', '<textarea><!-- x --></textarea>'],
    // Things that are not tags.
    ['<p>a < b and c<d, 3 <= 4</p>', '<p>a < b and c<d, 3 <= 4</p>'],
    ['<!DOCTYPE html><?xml version="1.0"?><p>İstanbul</p><script>x</script>', '<!DOCTYPE html><?xml version="1.0"?><p>İstanbul</p>'],
    ['<scripts>kept</scripts><svgx>kept</svgx>', '<scripts>kept</scripts><svgx>kept</svgx>']
  ]
  it.each(table)('%s', (input, expected) => {
    expect(prestripHtml(input).html).toBe(expected)
  })

  it('hands back JSON-LD before the scripts go, and counts what it removed', () => {
    const ld = '{"@type":"NewsArticle","headline":"H </p> <!-- x"}'
    const r = prestripHtml(`<script type="application/ld+json">${ld}</script><script>x()</script><style></style><!-- c --><p>a</p>`)
    expect(r.jsonLd).toEqual([ld])
    expect(r.removed).toBe(3)
    expect(r.html).toBe('<p>a</p>')
  })

  // [input, expected output with inline tags unwrapped]
  const unwrap: Array<[string, string]> = [
    ['<p>a <a href="/x">b</a> <em>c</em> <SPAN class="k">d</SPAN></p>', '<p>a b c d</p>'],
    ['<p><a href="javascript:void(0)">menu</a> x</p>', '<p><a href="javascript:void(0)">menu</a> x</p>'],
    ['<p><a href=" &#106;avascript:alert(1)">menu</a></p>', '<p><a href=" &#106;avascript:alert(1)">menu</a></p>'],
    ['<p><span onclick="go()">Click <b>me</b></span> x</p>', '<p><span onclick="go()">Click me</span> x</p>'],
    ['<p><a href="/a?x=1&amp;y=2">ok</a> <time datetime="2023-03-29">today</time></p>', '<p>ok <time datetime="2023-03-29">today</time></p>']
  ]
  it.each(unwrap)('unwraps inline tags that neutralise would keep: %s', (input, expected) => {
    expect(prestripHtml(input, true).html).toBe(expected)
  })
})

/** A page far past the Readability cap, with every kind of inline markup and active content. */
function largePage(): string {
  let body = ''
  for (let i = 0; i < 3000; i++) {
    body += `<p>Paragraph ${i} has <a href="/p/${i}">a link</a>, <em>emphasis</em>, <span class="x">a span</span>` +
      (i % 97 === 0 ? ' <a href="javascript:void(0)">menu</a> <span onclick="x()">Click</span>' : '') +
      (i % 89 === 0 ? '<script>document.write("<p>injected</p>")</script><!-- ad slot -->' : '') +
      ' and ends here.</p>\n'
  }
  return `<!DOCTYPE html><html lang="en"><head><title>Big page</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Big headline","author":{"name":"Only In Ld"},"datePublished":"2023-04-01"}</script>
<style>p{margin:0}</style></head><body><nav><a href="/">Home</a></nav><article>${body}</article>
<svg><use href="#i"/></svg><footer><p>Footer</p></footer></body></html>`
}

describe('extractHtml gives the same result with and without the pre-pass', () => {
  const pages: Array<[string, string]> = [
    ['fixture article', HTML_ARTICLE],
    ['scripts only', HTML_SCRIPTS_ONLY],
    ['malformed', HTML_MALFORMED],
    ['large page (inline tags unwrapped)', largePage()],
    ['text after scripts holding markup', '<html><body><script>if (a < b) document.write("</div><p>")</script><div><p>Visible paragraph one after a script.</p><!-- <p>hidden</p> --><p>Visible two.</p></div></body></html>']
  ]
  it.each(pages)('%s', (_, html) => {
    const fast = extractHtml(html, 'page.html', parseHtmlNode)
    const slow = extractHtml(html, 'page.html', parseHtmlNode, { prestrip: false })
    expect(fast).toEqual(slow)
  })

  it('keeps JSON-LD metadata and visible text on the large page', () => {
    const r = extractHtml(largePage(), 'page.html', parseHtmlNode)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.meta.title).toBe('Big headline')
    expect(r.value.meta.author).toBe('Only In Ld')
    expect(r.value.meta.date).toBe('2023-04-01')
    expect(r.value.paragraphs).toHaveLength(3000)
    expect(r.value.paragraphs[1]).toBe('Paragraph 1 has a link, emphasis, a span and ends here.')
    // The javascript: link and the small onclick element are still removed with their text.
    expect(r.value.paragraphs[0]).toBe('Paragraph 0 has a link, emphasis, a span and ends here.')
    expect(r.value.paragraphs.join(' ')).not.toMatch(/menu|Click|injected|ad slot/)
  })
})
