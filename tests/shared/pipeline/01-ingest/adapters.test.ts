// The CLI (Node adapter) and the app / web twin (browser adapter) must give the same articles and
// the same warnings for the same files: sidecars are parsed in the shared core, not per adapter.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingestFiles } from '../../../../cli/platform/ingestNode'
import { ingestBrowserFiles } from '../../../../renderer/src/platform/ingestBrowser'
import { fixtureContents } from '../../../fixtures/generate'

/** name → bytes: the QA engineer's cases (generated fixtures) plus a clean sidecar with a d/m/y date. */
const FIXTURES = fixtureContents()
const FILES: Record<string, Uint8Array> = {
  ...Object.fromEntries(['short-invalid-utf8.txt', 'odd-sidecar.txt', 'odd-sidecar.meta.json', 'broken-sidecar.txt', 'broken-sidecar.meta.json', 'unclosed-front-matter.md'].map((n) => [n, FIXTURES[n]!])),
  'side.txt': new TextEncoder().encode('Officials said a small crowd gathered in the capital on Monday.\n'),
  'side.meta.json': new TextEncoder().encode('{"title":"Small gathering","outlet":"State Herald","date":"29/03/2023","constructed":true}')
}
const ARTICLES = Object.keys(FILES).filter((n) => !n.endsWith('.meta.json'))

describe('Node and browser adapters agree', () => {
  it('gives the same text, metadata and warnings for the QA files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-adapters-'))
    for (const [name, bytes] of Object.entries(FILES)) writeFileSync(join(dir, name), bytes)
    const node = await ingestFiles(ARTICLES.map((n) => join(dir, n)))
    const browser = await ingestBrowserFiles(Object.entries(FILES).map(([name, bytes]) => new File([bytes.slice().buffer as ArrayBuffer], name)))
    expect(node.errors).toEqual([])
    expect(browser.errors).toEqual([])
    const view = (a: (typeof node.articles)[number]): unknown => ({ id: a.id, text: a.text, meta: a.meta, encoding: a.source.encoding, warnings: a.warnings })
    expect(browser.articles.map(view)).toEqual(node.articles.map(view))

    const byId = new Map(node.articles.map((a) => [a.id, a]))
    expect(byId.get('short-invalid-utf8')!.text).toContain('été')
    expect(byId.get('short-invalid-utf8')!.source.encoding).toBe('UTF-8')
    expect(byId.get('short-invalid-utf8')!.warnings.map((w) => w.code)).toEqual(['INVALID_ENCODING_REPLACED'])
    expect(byId.get('odd-sidecar')!.warnings.map((w) => w.message)).toEqual([
      'odd-sidecar.meta.json: "outlet" is a number (5), not text; kept as "5".',
      'odd-sidecar.meta.json: "date" is "May 6", which has no year; kept as written (write YYYY-MM-DD, YYYY-MM or YYYY).'
    ])
    expect(byId.get('broken-sidecar')!.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^broken-sidecar\.meta\.json is not valid JSON \(.+\); its metadata was ignored\.$/)])
    expect(byId.get('unclosed-front-matter')!.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^unclosed-front-matter\.md: front matter opened with "---" has no closing "---" line/)])
    expect(byId.get('side')!.meta).toMatchObject({ title: 'Small gathering', outlet: 'State Herald', date: '2023-03-29', constructed: true })
    expect(byId.get('side')!.warnings).toEqual([])
  })
})
