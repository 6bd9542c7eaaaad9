/**
 * Fast paths of the text route: the platform hash (node:crypto in the Node adapter) must give
 * exactly the portable digest, so hashes agree between the CLI, the app and the web twin.
 */
import { describe, expect, it } from 'vitest'
import { ingest } from '../../../../shared/pipeline/01-ingest/ingest'
import { sha256 } from '../../../../shared/util/sha256'
import { sha256Node } from '../../../../cli/platform/ingestNode'
import { nodeIngestDeps, seedBytes } from './helpers'

describe('injected sha256', () => {
  const samples = ['', 'a', 'café “quoted” — dash', '😀 emoji, עברית, e\u0301', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]
  it.each(samples)('node:crypto digest equals the portable one for %j', (s) => {
    expect(sha256Node(s)).toBe(sha256(s))
  })

  it('lone surrogates hash the same (both encode them as U+FFFD)', () => {
    expect(sha256Node('a\uD800b\uDC00')).toBe(sha256('a\uD800b\uDC00'))
  })

  it('an article gets the same hash with and without the injected hash', async () => {
    const withNode = await ingest({ name: 'seed.txt', bytes: seedBytes() }, nodeIngestDeps)
    const portable = await ingest({ name: 'seed.txt', bytes: seedBytes() }, { parseHtml: nodeIngestDeps.parseHtml })
    expect(withNode.ok && portable.ok).toBe(true)
    if (!withNode.ok || !portable.ok) return
    expect(withNode.value.hash).toBe(portable.value.hash)
    expect(withNode.value.hash).toBe(sha256(withNode.value.text))
  })
})
