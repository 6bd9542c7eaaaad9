import { describe, expect, it } from 'vitest'
import type { Article, ChangeKind, Link } from '../../../../shared/model'
import { diffLinks } from '../../../../shared/pipeline/04-diff/diffLinks'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { builtinNaming } from '../../../../shared/resources/naming'
import { art } from '../../helpers/article'

const here = '[04-diff/diffLinks] '
const naming = builtinNaming()

/** Diff two one-sentence articles linked whole. */
function diffPair(ta: string, tb: string): { a: Article; b: Article; diff: ReturnType<typeof diffLinks>[number] } {
  const a = art('a', ta)
  const b = art('b', tb)
  const link: Link = {
    id: 'a:0-1~b:0-1',
    a: { article: 'a', start: 0, end: ta.length, sentenceStart: 0, sentenceEnd: 1 },
    b: { article: 'b', start: 0, end: tb.length, sentenceStart: 0, sentenceEnd: 1 },
    score: 1,
    evidence: [],
    origin: 'user'
  }
  const [diff] = diffLinks({ articles: [a, b], segmentations: [segment(a), segment(b)], links: [link], naming })
  return { a, b, diff: diff! }
}

const CASES: [string, string, string, ChangeKind, RegExp, string | null, string | null][] = [
  // name, a, b, kind, rule, a surface, b surface
  ['naming swap', 'The Zionist regime opened a new consulate.', 'Israel opened a new consulate.', 'naming-swap', /^naming:israel:zionist-regime>israel$/, 'Zionist regime', 'Israel'],
  ['intensity up', 'Iran criticised the move on Friday.', 'Iran slammed the move on Friday.', 'intensity', /^intensity:criticise:/, 'criticised', 'slammed'],
  ['intensity down', 'Protesters rioted after the massacre.', 'Protesters rioted after the incident.', 'intensity', /^intensity:violence:/, 'massacre', 'incident'],
  ['reporting verb', 'Cohen said the ties were strategic.', 'Cohen claimed the ties were strategic.', 'reporting-verb', /^reporting:neutral>doubting$/, 'said', 'claimed'],
  ['hedge added', 'The group runs a spy network in the north.', 'The group reportedly runs a spy network in the north.', 'hedge-added', /^hedge:distancing:reportedly$/, null, 'reportedly'],
  ['hedge dropped', 'The attack may have been planned abroad.', 'The attack was planned abroad.', 'hedge-dropped', /^hedge:possibility:may$/, 'may', null],
  ['evaluative added', 'Baku expanded its presence on the border.', 'Baku expanded its sinister presence on the border.', 'evaluative-added', /sinister/, null, 'sinister'],
  ['evaluative removed', 'The brutal crackdown continued on Monday.', 'The crackdown continued on Monday.', 'evaluative-removed', /brutal/, 'brutal', null],
  ['number changed', 'More than 100 Israeli companies operate there.', 'More than 200 Israeli companies operate there.', 'number-changed', /^number:changed$/, '100', '200'],
  ['quote trimmed', 'He said: "We will stand together against every threat to our people."', 'He said: "We will stand together."', 'quote-changed', /^quote:trimmed$/, 'against every threat to our people', null],
  ['other substitution', 'The talks were long and tiring.', 'The talks were short and productive.', 'other', /^wording:substitution$/, null, null]
]

describe('diffLinks: classification table', () => {
  it.each(CASES)(here + '%s', (_name, ta, tb, kind, rule, sa, sb) => {
    const { a, b, diff } = diffPair(ta, tb)
    const c = diff.changes.find((x) => x.kind === kind)
    expect(c, JSON.stringify(diff.changes)).toBeDefined()
    expect(c!.rule).toMatch(rule)
    expect(c!.explanation.length).toBeGreaterThan(10)
    if (sa !== null) expect(a.text.slice(c!.a!.start, c!.a!.end)).toBe(sa)
    if (sb !== null) expect(b.text.slice(c!.b!.start, c!.b!.end)).toBe(sb)
  })

  it(here + 'two forms of one term are not a naming swap ("Jeyhun Bayramov" vs "Bayramov")', () => {
    const { diff } = diffPair('Jeyhun Bayramov spoke in Jerusalem.', 'Bayramov spoke in Jerusalem.')
    expect(diff.changes.some((c) => c.kind === 'naming-swap')).toBe(false)
  })

  it(here + 'a term both reworded sides use was not swapped away; a term only one side uses still is', () => {
    // Hand-made: the whole sentence is reworded, both sides say "Azerbaijan", side b adds "Baku"
    // and says "the Jewish state" where side a says "Israel".
    const { diff } = diffPair(
      'The opening gives new impetus to cooperation between Azerbaijan and Israel.',
      'Azerbaijan opened its embassy in the Jewish state, crowning years of friendship with Baku.'
    )
    const swaps = diff.changes.filter((c) => c.kind === 'naming-swap').map((c) => c.rule)
    expect(swaps).not.toContain('naming:azerbaijan:azerbaijan>baku-metonym')
    expect(swaps).toContain('naming:israel:israel>jewish-state')
  })

  it(here + 'nouns sharing a stem with a reporting verb are not reporting verbs', () => {
    const { diff } = diffPair('Both states signed the deal.', 'Both remarks signed the deal.')
    expect(diff.changes.some((c) => c.kind === 'reporting-verb')).toBe(false)
  })

  it(here + 'identical passages have only equal ops and no changes', () => {
    const { diff } = diffPair('Azerbaijan opened an embassy.', 'AZERBAIJAN opened an embassy.')
    expect(diff.ops.map((o) => o.op)).toEqual(['equal'])
    expect(diff.changes).toEqual([])
    expect(diff.timedOut).toBe(false)
  })

  it(here + 'ops tile both passages and carry the link id', () => {
    const { a, b, diff } = diffPair('The Zionist regime slammed the embassy opening on Wednesday.', 'Israel welcomed the embassy opening, officials said.')
    expect(diff.linkId).toBe('a:0-1~b:0-1')
    const segA = segment(a)
    const segB = segment(b)
    const covA = diff.ops.flatMap((o) => (o.op === 'insert' ? [] : segA.tokens.filter((t) => t.start >= o.a.start && t.end <= o.a.end)))
    const covB = diff.ops.flatMap((o) => (o.op === 'delete' ? [] : segB.tokens.filter((t) => t.start >= o.b.start && t.end <= o.b.end)))
    expect(covA).toEqual(segA.tokens)
    expect(covB).toEqual(segB.tokens)
  })

  it(here + 'links to unknown articles are skipped', () => {
    const a = art('a', 'One sentence.')
    const link: Link = { id: 'a:0-1~x:0-1', a: { article: 'a', start: 0, end: 13, sentenceStart: 0, sentenceEnd: 1 }, b: { article: 'x', start: 0, end: 1, sentenceStart: 0, sentenceEnd: 1 }, score: 1, evidence: [], origin: 'user' }
    expect(diffLinks({ articles: [a], segmentations: [segment(a)], links: [link], naming })).toEqual([])
  })
})

describe('diffLinks: involving', () => {
  it(here + 'diffs only the links with the given article on one side', () => {
    const arts = [art('a', 'One thing happened.'), art('b', 'One thing occurred.'), art('c', 'One thing took place.')]
    const segs = arts.map((x) => segment(x))
    const mk = (x: string, y: string): Link => ({ id: `${x}:0-1~${y}:0-1`, a: { article: x, start: 0, end: 5, sentenceStart: 0, sentenceEnd: 1 }, b: { article: y, start: 0, end: 5, sentenceStart: 0, sentenceEnd: 1 }, score: 1, evidence: [], origin: 'user' })
    const links = [mk('a', 'b'), mk('a', 'c'), mk('b', 'c')]
    expect(diffLinks({ articles: arts, segmentations: segs, links, naming, involving: 'a' }).map((d) => d.linkId)).toEqual(['a:0-1~b:0-1', 'a:0-1~c:0-1'])
    expect(diffLinks({ articles: arts, segmentations: segs, links, naming }).map((d) => d.linkId)).toHaveLength(3)
  })
})
