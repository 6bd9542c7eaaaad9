/**
 * Regression floors on the project's own development stories (tests/fixtures/dev/align: the
 * Ever Given in the Suez Canal, the Crimean Bridge explosion; constructed articles with
 * hand-made gold, see each file's "about"). Floors sit a little below the measured figures
 * (`npx tsx tests/bench/align.dev.ts`), so a change that costs recall or precision on a story
 * other than the sample's fails here. They are floors, not targets.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evalAlign, goldArticles, parseAlignGold } from '../../../../shared/eval/align'
import { align, DEFAULT_LINK_THRESHOLD } from '../../../../shared/pipeline/03-align/align'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { builtinNaming } from '../../../../shared/resources/naming'

const here = '[03-align/dev-sets] '
const dir = resolve(import.meta.dirname, '../../../fixtures/dev/align')

// file, F1 floor, recall floor (measured: Suez 0.813 / 0.706, Crimean Bridge 0.735 / 0.600).
const SETS: [string, number, number][] = [
  ['suez.align.json', 0.8, 0.7],
  ['kerch.align.json', 0.72, 0.58]
]

describe('alignment on the dev stories', () => {
  it.each(SETS)(here + '%s: F1 >= %f, recall >= %f', (file, f1, recall) => {
    const gold = parseAlignGold(JSON.parse(readFileSync(resolve(dir, file), 'utf8')))
    const articles = goldArticles(gold)
    const alignment = align({ articles, segmentations: articles.map((a) => segment(a)), base: articles[0]!.id, naming: builtinNaming(), corrections: [], threshold: DEFAULT_LINK_THRESHOLD })
    const m = evalAlign(gold, alignment.links)
    expect(m.f1).toBeGreaterThanOrEqual(f1)
    expect(m.recall).toBeGreaterThanOrEqual(recall)
  })
})
