import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LanguageResult } from '../../../../shared/model'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { analyzeLanguage } from '../../../../shared/pipeline/05-language/analyzeLanguage'
import { builtinNaming, loadNaming } from '../../../../shared/resources/naming'
import { article, run } from './helpers'

/** `actor=surface` for the mentions, `actor=surface<within` for nested mentions. */
function show(text: string, r: LanguageResult): { mentions: string[]; nested: string[] } {
  return {
    mentions: r.mentions.map((m) => `${m.actor}=${text.slice(m.start, m.end)}`),
    nested: (r.nestedMentions ?? []).map((m) => `${m.actor}=${text.slice(m.start, m.end)}<${m.within ?? '?'}`)
  }
}

/**
 * The invariants documented on LanguageResult.mentions / nestedMentions. A nested mention lies
 * inside another actor's name (`within` = that actor) or inside a hyphenated label that names no
 * actor (`within` = the label as written, lower case: "anti-israel"), never both.
 */
function checkInvariants(r: LanguageResult, text?: string): void {
  const ms = r.mentions
  for (let i = 1; i < ms.length; i++) {
    expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end)
  }
  expect(new Set(ms.map((m) => m.start)).size).toBe(ms.length)
  for (const m of ms) expect(m.within).toBeUndefined()
  const nested = r.nestedMentions ?? []
  if (r.nestedMentions) expect(nested.length).toBeGreaterThan(0)
  for (let i = 1; i < nested.length; i++) expect(nested[i]!.start).toBeGreaterThanOrEqual(nested[i - 1]!.end)
  for (const n of nested) {
    const parents = ms.filter((p) => p.start <= n.start && n.end <= p.end)
    if (!parents.some((p) => p.actor === n.within)) {
      // Inside a hyphenated label: no mention holds it, and the label is the text around it.
      expect(parents).toHaveLength(0)
      expect(n.within).toMatch(/-/)
      if (text !== undefined) expect(n.within).toContain(text.slice(n.start, n.end).toLowerCase())
      continue
    }
    expect(parents).toHaveLength(1)
    expect(parents[0]!.actor).toBe(n.within)
    expect(parents[0]!.sentence).toBe(n.sentence)
    expect(n.actor).not.toBe(n.within)
  }
}

describe('nested actor mentions (names that contain another actor)', () => {
  it.each([
    [
      "Azerbaijan's State Security Service detained two men on Tuesday.",
      ["azerbaijan-state-security-service=Azerbaijan's State Security Service"],
      ["azerbaijan=Azerbaijan's<azerbaijan-state-security-service"]
    ],
    [
      'Officials at the Iranian intelligence ministry denied the report.',
      ['iran-intelligence-ministry=Iranian intelligence ministry'],
      ['iran=Iranian<iran-intelligence-ministry']
    ],
    [
      'The Ministry of Intelligence of Iran and the State Security Service of the Republic of Azerbaijan traded accusations.',
      [
        'iran-intelligence-ministry=Ministry of Intelligence of Iran',
        'azerbaijan-state-security-service=State Security Service of the Republic of Azerbaijan'
      ],
      ['iran=Iran<iran-intelligence-ministry', 'azerbaijan=Republic of Azerbaijan<azerbaijan-state-security-service']
    ],
    [
      "Iran's Revolutionary Guards said Iran would respond.",
      ["irgc=Iran's Revolutionary Guards", 'iran=Iran'],
      ["iran=Iran's<irgc"]
    ],
    // A name of the same institution with no country word in it names no second actor.
    ['The Islamic Revolutionary Guard Corps fired missiles.', ['irgc=Islamic Revolutionary Guard Corps'], []],
    // "its State Security Service" is not one of the service's names: nothing nested, nothing invented.
    ['Azerbaijan said its State Security Service was ready.', ['azerbaijan=Azerbaijan'], []],
    ['Baku and Tehran exchanged notes.', ['azerbaijan=Baku', 'iran=Tehran'], []]
  ])('%s', (text, mentions, nested) => {
    const r = run(text)
    expect(show(text, r)).toEqual({ mentions, nested })
    checkInvariants(r)
    // Absent, not empty, when there are none: results without such names are unchanged.
    expect('nestedMentions' in r).toBe(nested.length > 0)
  })

  it('never makes a flag from a nested mention', () => {
    // A user's actor whose name contains a loaded term of another actor: the loaded term inside
    // the name is counted for Israel but is not the outlet's naming choice, so it is not flagged
    // by the naming class (the containing name is neutral).
    // (extendNaming checks `contains` within the extension alone, so the resource is built whole.)
    const base = builtinNaming()
    const naming = loadNaming({
      id: base.id,
      version: 'test',
      actors: [
        ...base.actors,
        {
          id: 'test-bureau', label: 'Test Bureau', kind: 'organisation', side: '',
          terms: [{ id: 'test-bureau', forms: ['Zionist regime affairs bureau'], viewpoint: 'neutral', contains: ['israel'] }]
        }
      ]
    })
    const text = 'The Zionist regime affairs bureau met on Monday. The Zionist regime objected.'
    const a = article(text)
    const r = analyzeLanguage({ article: a, segmentation: segment(a), naming, codebook: null })
    expect(show(text, r).nested).toEqual(['israel=Zionist regime<test-bureau'])
    const naming0 = r.flags.filter((f) => f.rule === `${base.id}:zionist-regime`)
    // Only the second sentence's own "Zionist regime" is flagged as a naming choice.
    expect(naming0.map((f) => f.start >= text.indexOf('. The') ? 'second' : 'first')).toEqual(['second'])
    checkInvariants(r)
  })

  it('keeps the invariants on every sample article', () => {
    const dir = resolve(__dirname, '../../../../samples/baku-tel-aviv')
    let nested = 0
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(resolve(dir, f), 'utf8')
      const r = run(text)
      checkInvariants(r, text)
      nested += r.nestedMentions?.length ?? 0
    }
    // The seed's "Iran's Ministry of Intelligence" and Meridian's "Azerbaijan's State Security Service".
    expect(nested).toBeGreaterThanOrEqual(2)
  })
})

describe('actors inside hyphenated compounds', () => {
  // `mentions`: naming choices (all the compound's parts are names); `nested`: inside a label.
  it.each<[string, string[], string[]]>([
    ['Azerbaijan-Israel ties grew.', ['azerbaijan=Azerbaijan', 'israel=Israel'], []],
    // The compound splits the form "Tel Aviv" across two tokens.
    ['The Baku-Tel Aviv axis worries Iran.', ['azerbaijan=Baku', 'israel=Tel Aviv', 'iran=Iran'], []],
    ['Tel Aviv-Baku flights resumed.', ['israel=Tel Aviv', 'azerbaijan=Baku'], []],
    ['The Baku-Tel Aviv-Tehran triangle.', ['azerbaijan=Baku', 'israel=Tel Aviv', 'iran=Tehran'], []],
    // A part the resource does not know: a mention, not a naming choice (it may be a name such
    // as the Council on American-Islamic Relations).
    ['The Russia-Georgia war.', [], ['russia=Russia<russia-georgia']],
    // Both parts known since naming 1.4.0 (Ukraine): two naming choices.
    ['The Russia-Ukraine war.', ['russia=Russia', 'ukraine=Ukraine'], []],
    ['The Council on American-Islamic Relations.', [], ['united-states=American<american-islamic']],
    ['Anti-Israel protests followed.', [], ['israel=Israel<anti-israel']],
    ['They held anti-Israel rallies.', [], ['israel=Israel<anti-israel']],
    ['Iran-backed militias and pro-Iranian groups.', [], ['iran=Iran<iran-backed', 'iran=Iranian<pro-iranian']],
    ['Turkish-made drones.', [], ['turkey=Turkish<turkish-made']],
    // The word before the compound governs the compound, not its first part.
    ['Fighting in Tehran-backed areas.', [], ['iran=Tehran<tehran-backed']],
    ['The Islamic Republic-backed groups.', [], ['iran=Islamic Republic<islamic republic-backed']],
    // A metonym before a locative part is the city: no mention.
    ['A Tel Aviv-based firm and a Baku-born writer.', [], []],
    // A hyphenated form of its own is one mention, never split.
    ['Nagorno-Karabakh talks with Amir-Abdollahian.', ['karabakh=Nagorno-Karabakh', 'amir-abdollahian=Amir-Abdollahian'], []],
    // No actor part: nothing.
    ['A well-known, long-running dispute.', [], []]
  ])('%s', (text, mentions, nested) => {
    const r = run(text)
    expect(show(text, r)).toEqual({ mentions, nested })
    checkInvariants(r, text)
  })

  it('flags a loaded part exactly and never flags a label', () => {
    const text = 'The Zionist-Azerbaijani alliance and anti-Zionist rallies.'
    const r = run(text)
    const naming = r.flags.filter((f) => f.category === 'contested-naming')
    expect(naming.map((f) => [f.text, f.start])).toEqual([['Zionist', text.indexOf('Zionist')]])
    expect(show(text, r).nested).toEqual(['israel=Zionist<anti-zionist'])
  })

  it('gives coreference the mentions that share a token, in order', () => {
    const text = 'The Baku-Tel Aviv deal. Aliyev-Netanyahu talks followed, and he spoke.'
    const r = run(text)
    expect(show(text, r).mentions).toEqual(['azerbaijan=Baku', 'israel=Tel Aviv', 'aliyev=Aliyev', 'netanyahu=Netanyahu', 'netanyahu=he'])
    checkInvariants(r, text)
  })
})
