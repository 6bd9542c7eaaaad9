// The readable `parallax ingest` record (written by the ingest owner, who owns only that output):
// `language` and `constructed` are always shown (QA: language was never printed, and a note hid
// `constructed`).
import { describe, expect, it } from 'vitest'
import type { Article } from '../../shared/model'
import { EMPTY_META } from '../../shared/pipeline/01-ingest/meta'
import { readable } from '../../cli/commands/ingest'

const article = (meta: Partial<Article['meta']>): Article => ({
  id: 'a',
  meta: { ...EMPTY_META, ...meta },
  text: 'One paragraph.',
  hash: '0'.repeat(64),
  source: { format: 'txt', fileName: 'a.txt', encoding: 'UTF-8', byteLength: 15 },
  warnings: []
})

describe('readable ingest record', () => {
  // [metadata, lines that must appear, lines that must not]
  const table: Array<[string, Partial<Article['meta']>, string[], RegExp[]]> = [
    ['constructed with a note', { constructed: true, note: 'made for QA', language: 'en' }, ['language: en', 'constructed: yes (teaching sample, not real coverage)', 'note:     made for QA'], []],
    ['constructed without a note', { constructed: true }, ['language: (not given)', 'constructed: yes (teaching sample, not real coverage)'], [/^note:/m]],
    ['real coverage with a note', { note: 'from the archive', language: 'fa' }, ['language: fa', 'constructed: no', 'note:     from the archive'], []],
    ['nothing known', {}, ['language: (not given)', 'constructed: no'], [/^note:/m]]
  ]
  it.each(table)('%s', (_name, meta, present, absent) => {
    const lines = readable(article(meta)).split('\n')
    for (const l of present) expect(lines).toContain(l)
    for (const re of absent) expect(lines.join('\n')).not.toMatch(re)
  })
})
