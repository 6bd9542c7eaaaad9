/** Bench inputs shared by ingest.bench.ts and ingest.profile.ts (built in memory, deterministic). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { HTML_ARTICLE } from '../fixtures/generate'

const MB = 1024 * 1024
const enc = new TextEncoder()

/** The seed article repeated to 1 MB (UTF-8, curly quotes and dashes included). */
export function oneMegabyteText(): Uint8Array {
  const seed = readFileSync(resolve(__dirname, '../../samples/baku-tel-aviv/baku-tel-aviv-ties.txt'), 'utf8')
  let s = ''
  for (let i = 0; s.length < MB; i++) s += seed.replace(/Baku/g, `Baku${i}`) + '\n\n'
  return enc.encode(s)
}

const PARA = '<p>Azerbaijan opened its embassy in Tel Aviv on Wednesday, the first Shia-majority country to do so, in a ceremony attended by <a href="/x">both foreign ministers</a> and <em>dozens</em> of guests.</p>\n'

/**
 * The fixture article page with its body padded to 1 MB of <p> paragraphs (~5,000 paragraphs,
 * ~15,000 elements): the worst case for the DOM, almost every byte is article markup.
 */
export function oneMegabyteHtml(): Uint8Array {
  const [head, tail] = HTML_ARTICLE.split('<p>Advertisement</p>') as [string, string]
  let body = ''
  for (let i = 0; head.length + body.length + tail.length < MB; i++) body += PARA.replace('Wednesday', `day ${i}`)
  return enc.encode(head + body + tail)
}

/**
 * A 1 MB page shaped like a saved news page: ~40 paragraphs of article, the rest inline script
 * bundles, CSS, SVG icons, comments, templates and JSON state (what "Save page as…" produces).
 */
export function oneMegabyteNewsPage(): Uint8Array {
  const [head, tail] = HTML_ARTICLE.split('<p>Advertisement</p>') as [string, string]
  const script = `<script>!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.m=e,n.c=t;if("a"<"b"&&1<2){document.write("<div>")}}([]);</script>\n`
  const style = `<style>.article-body p{margin:0 0 1em;font:18px/1.5 Georgia,serif}.share-bar a:hover{color:#c00}@media (max-width:600px){.nav{display:none}}</style>\n`
  const svg = `<svg viewBox="0 0 24 24" width="24" height="24"><path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"/><title>icon</title></svg>\n`
  const extra = `<!-- tracking pixel slot --><template><div class="card"><p>Template text never shown</p></div></template><noscript><img src="https://t.example/p.gif"></noscript>\n`
  const state = `<script type="application/json" id="__STATE__">{"user":null,"flags":{"a":true,"b":false},"items":[1,2,3,4,5,6,7,8,9,10]}</script>\n`
  let body = ''
  for (let i = 0; i < 40; i++) body += PARA.replace('Wednesday', `day ${i}`)
  let junk = ''
  for (let i = 0; head.length + body.length + junk.length + tail.length < MB; i++) junk += [script, style, svg, extra, state][i % 5]!
  const half = Math.floor(junk.length / 2)
  const cut = junk.indexOf('\n', half) + 1
  return enc.encode(head.replace('</head>', junk.slice(0, cut) + '</head>') + body + junk.slice(cut) + tail)
}

/**
 * The 1 MB text re-encoded as windows-1252 (curly quotes and dashes become 0x91–0x97), so the
 * legacy route runs: failed strict UTF-8, byte statistics, chardet, table fix-up.
 */
export function oneMegabyteWindows1252(): Uint8Array {
  const text = new TextDecoder().decode(oneMegabyteText())
  const table: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '…': 0x85, '€': 0x80 }
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[i] = c < 0x100 ? c : table[text[i]!] ?? 0x3f
  }
  return out
}
