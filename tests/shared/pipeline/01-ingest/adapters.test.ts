// The CLI (Node adapter) and the app / web twin (browser adapter) must give the same articles and
// the same warnings for the same files: sidecars are parsed in the shared core, not per adapter.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingestFiles } from '../../../../cli/platform/ingestNode'
import { ingestBrowserFiles } from '../../../../renderer/src/platform/ingestBrowser'

/** name → bytes: the QA engineer's cases (short bad UTF-8, sidecar oddities, broken front matter). */
const FILES: Record<string, Uint8Array> = {
  'invalid.txt': new Uint8Array([...new TextEncoder().encode('Bad bytes '), 0xff, 0xfe, 0xfd, ...new TextEncoder().encode(' here in a UTF-8 text with the word été.\n')]),
  'baddate.txt': new TextEncoder().encode('Some text about the baddate case.\n'),
  'baddate.meta.json': new TextEncoder().encode('{"date": "May 6", "outlet": 5}'),
  'badjson.txt': new TextEncoder().encode('Text with broken sidecar.\n'),
  'badjson.meta.json': new TextEncoder().encode('{bad json'),
  'brokenfm.md': new TextEncoder().encode('---\ntitle: no closing\ndate: yesterday\nSome text.\n'),
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
    expect(byId.get('invalid')!.text).toContain('été')
    expect(byId.get('invalid')!.source.encoding).toBe('UTF-8')
    expect(byId.get('invalid')!.warnings.map((w) => w.code)).toEqual(['INVALID_ENCODING_REPLACED'])
    expect(byId.get('baddate')!.warnings.map((w) => w.message)).toEqual([
      'baddate.meta.json: "outlet" is a number (5), not text; kept as "5".',
      'baddate.meta.json: "date" is "May 6", which has no year; kept as written (write YYYY-MM-DD, YYYY-MM or YYYY).'
    ])
    expect(byId.get('badjson')!.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^badjson\.meta\.json is not valid JSON \(.+\); its metadata was ignored\.$/)])
    expect(byId.get('brokenfm')!.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^brokenfm\.md: front matter opened with "---" has no closing "---" line/)])
    expect(byId.get('side')!.meta).toMatchObject({ title: 'Small gathering', outlet: 'State Herald', date: '2023-03-29', constructed: true })
    expect(byId.get('side')!.warnings).toEqual([])
  })
})
