import { describe, expect, it } from 'vitest'
import type { AlignmentCorrection, Article, Study } from '../../../shared/model'
import { createStudy, parseStudy, serializeStudy } from '../../../shared/study'
import { sha256 } from '../../../shared/util/sha256'

// The study format with every correction kind: merge and split round-trip, are validated like
// link/unlink, and a format-1 file written before they existed still opens unchanged.

function article(id: string, text: string): Article {
  return {
    id,
    meta: { title: id, outlet: id, author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: true, note: '' },
    text,
    hash: sha256(text),
    source: { format: 'txt', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: text.length },
    warnings: []
  }
}
const A = article('seed', 'Azerbaijan opened an embassy. It is in Tel Aviv. Officials hailed it.')
const B = article('wire', 'Baku opened its embassy in Israel. The mission is in Tel Aviv.')
const NOW = '2024-05-02T10:00:00.000Z'

const all: AlignmentCorrection[] = [
  { kind: 'link', a: { article: 'seed', start: 0, end: 29, sentenceStart: 0, sentenceEnd: 1 }, b: { article: 'wire', start: 0, end: 34, sentenceStart: 0, sentenceEnd: 1 }, at: NOW },
  { kind: 'unlink', linkId: 'seed:2-3~wire:1-2', at: NOW },
  { kind: 'merge', linkIds: ['seed:0-1~wire:0-1', 'seed:1-2~wire:1-2'], at: NOW },
  { kind: 'split', linkId: 'seed:0-2~wire:0-1', atA: 1, cutA: { end: 29, start: 30 }, at: NOW },
  { kind: 'split', linkId: 'seed:0-1~wire:0-2', atB: 1, at: NOW }
]

function make(corrections: readonly AlignmentCorrection[]): Study {
  const r = createStudy([A, B], 'seed', { lexiconVersion: 'lex-1', now: NOW, corrections })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function withCorrections(corrections: unknown[]): string {
  const raw = JSON.parse(serializeStudy(make([]))) as Record<string, unknown>
  raw['corrections'] = corrections
  return JSON.stringify(raw)
}

describe('study corrections: merge and split', () => {
  it('round-trips every kind byte for byte, keys in schema order', () => {
    const s = make(all)
    const text = serializeStudy(s)
    const back = parseStudy(text)
    expect(back.ok && back.value.corrections).toEqual(all)
    expect(back.ok && serializeStudy(back.value)).toBe(text)
    const split = (JSON.parse(text) as { corrections: Record<string, unknown>[] }).corrections[3]!
    expect(Object.keys(split)).toEqual(['kind', 'linkId', 'atA', 'cutA', 'at'])
  })

  it('opens a format-1 file with only link/unlink corrections as before', () => {
    const old = withCorrections([all[0], all[1]])
    const r = parseStudy(old)
    expect(r.ok && r.value.schemaVersion).toBe(1)
    expect(r.ok && r.value.corrections).toEqual([all[0], all[1]])
  })

  const bad: [string, unknown, RegExp][] = [
    ['a merge of one link', { kind: 'merge', linkIds: ['seed:0-1~wire:0-1'], at: NOW }, /correction 1: "linkIds": a merge names at least two links/],
    ['a merge naming one link twice', { kind: 'merge', linkIds: ['seed:0-1~wire:0-1', 'seed:0-1~wire:0-1'], at: NOW }, /correction 1: the merge names the same link twice/],
    ['a merge with an empty id', { kind: 'merge', linkIds: ['seed:0-1~wire:0-1', ''], at: NOW }, /correction 1: "linkIds\.1"/],
    ['a split with no cut', { kind: 'split', linkId: 'seed:0-2~wire:0-1', at: NOW }, /correction 1: the split names no sentence to cut at/],
    ['a split with a negative cut', { kind: 'split', linkId: 'seed:0-2~wire:0-1', atA: -1, at: NOW }, /correction 1: "atA"/],
    ['a split with a fractional cut', { kind: 'split', linkId: 'seed:0-2~wire:0-1', atB: 1.5, at: NOW }, /correction 1: "atB"/],
    ['a split whose cut lies outside the article', { kind: 'split', linkId: 'seed:0-2~wire:0-1', atA: 1, cutA: { end: 500, start: 501 }, at: NOW }, /correction 1: "cutA": offsets 500-501 lie outside the article's text/],
    ['a split whose cut offsets are reversed', { kind: 'split', linkId: 'seed:0-2~wire:0-1', atA: 1, cutA: { end: 30, start: 29 }, at: NOW }, /correction 1: "cutA" ends after it starts/],
    ['a split naming an article not in the study', { kind: 'split', linkId: 'seed:0-1~gone:0-2', atB: 1, cutB: { end: 3, start: 4 }, at: NOW }, /refers to article "gone", which is not in the study/],
    ['an unknown kind', { kind: 'reorder', linkId: 'x', at: NOW }, /correction 1: "kind"/]
  ]
  it.each(bad)('refuses %s with one clear line', (_name, c, message) => {
    const r = parseStudy(withCorrections([c]))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('STUDY_INVALID')
    expect(r.error.message).toMatch(message)
    expect(r.error.message).not.toContain('\n')
  })
})
