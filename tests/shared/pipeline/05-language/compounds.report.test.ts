/**
 * Actors inside hyphenated compounds reach the naming table through the language stage's two
 * channels: parts that all name actors are naming choices (`terms`), an actor inside a label is
 * a nested mention (`nested`, within = the label) — counted by namedCount, never a choice.
 */
import { describe, expect, it } from 'vitest'
import type { Alignment, NamingCell } from '../../../../shared/model'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { analyzeLanguage } from '../../../../shared/pipeline/05-language/analyzeLanguage'
import { buildReport, namedCount } from '../../../../shared/pipeline/06-report/buildReport'
import { builtinNaming } from '../../../../shared/resources/naming'
import { article } from './helpers'

function cells(text: string): Map<string, NamingCell> {
  const naming = builtinNaming()
  const a = article(text)
  const seg = segment(a)
  const language = analyzeLanguage({ article: a, segmentation: seg, naming, codebook: null })
  const alignment: Alignment = { base: a.id, links: [], unmatched: [] }
  return new Map(buildReport({ articles: [a], segmentations: [seg], alignment, language: [language], naming }).naming.map((c) => [c.actor, c]))
}

/** term=surface×count@offsets for choices, within:term=surface×count@offsets for nested. */
const show = (c: NamingCell | undefined): string[] => [
  ...(c?.terms ?? []).map((t) => `${t.term}=${t.surface}×${t.count}@${t.offsets.join(',')}`),
  ...(c?.nested ?? []).map((t) => `${t.within}:${t.term}=${t.surface}×${t.count}@${t.offsets.join(',')}`)
]

describe('naming table: actors inside hyphenated compounds', () => {
  it('counts both states of a coordination as naming choices', () => {
    const text = 'Baku-Tel Aviv ties grew. Azerbaijan-Israel trade rose.'
    const c = cells(text)
    expect(show(c.get('israel'))).toEqual([`tel-aviv-metonym=Tel Aviv×1@${text.indexOf('Tel')}`, `israel=Israel×1@${text.indexOf('Israel')}`])
    expect(show(c.get('azerbaijan'))).toEqual([`baku-metonym=Baku×1@0`, `azerbaijan=Azerbaijan×1@${text.indexOf('Azerbaijan')}`])
  })

  it('counts an actor inside a label as a mention, not a naming choice', () => {
    const text = 'Anti-Israel protests spread. Israel said nothing. Iran-backed groups and anti-Israel rallies grew.'
    const c = cells(text)
    const israel = c.get('israel')!
    expect(show(israel)).toEqual([
      `israel=Israel×1@${text.indexOf('Israel said')}`,
      `anti-israel:israel=Israel×2@5,${text.lastIndexOf('Israel')}`
    ])
    expect(namedCount(israel)).toBe(3)
    const iran = c.get('iran')!
    expect(iran.terms).toEqual([])
    expect(show(iran)).toEqual([`iran-backed:iran=Iran×1@${text.indexOf('Iran-')}`])
  })
})
