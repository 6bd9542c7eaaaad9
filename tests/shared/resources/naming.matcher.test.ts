/**
 * The naming matcher's data-driven rules (shared/resources/naming.ts, documented in
 * naming/README.md): `exact` surface forms, `notBefore` words, the dateline rule, `head`
 * highlighting and `contains` (nested mentions), each on the built-in data and on a small file
 * of its own, plus the loader's loud errors for the new fields. Sentences are the project's own.
 */
import { describe, expect, it } from 'vitest'
import type { Flag } from '../../../shared/model'
import { segment } from '../../../shared/pipeline/02-segment/segment'
import { analyzeLanguage } from '../../../shared/pipeline/05-language/analyzeLanguage'
import {
  builtinNaming,
  extendNaming,
  findNamingMentions,
  loadNaming,
  namingHeadRange,
  ResourceError,
  type NamingResource
} from '../../../shared/resources/naming'
import { tokenize } from '../../../shared/text/tokenize'
import { article } from '../pipeline/05-language/helpers'

const here = '[resources/naming matcher] '
const builtin = builtinNaming()

function flagsOf(text: string, naming: NamingResource = builtin): Flag[] {
  const a = article(text)
  return [...analyzeLanguage({ article: a, segmentation: segment(a), naming, codebook: null }).flags]
}

/** Mentions as "surface → term", in text order. */
function found(text: string, naming: NamingResource = builtin): string[] {
  return findNamingMentions(tokenize(text), naming).map((m) => `${text.slice(m.start, m.end)} → ${m.term.id}`)
}

/** A small naming file of its own, to test each rule apart from the built-in data. */
const own = loadNaming(
  {
    id: 'own',
    version: '0.0.1',
    actors: [
      {
        id: 'ruritania', label: 'Ruritania', kind: 'state', side: 'Ruritania',
        terms: [
          { id: 'ruritania', forms: ['Ruritania', 'Ruritanian government'], viewpoint: 'neutral' },
          { id: 'strelsau', forms: ['Strelsau'], viewpoint: 'neutral (metonym)', metonym: true, notAfter: ['in', 'to', 'of'], notBefore: ['university', 'zoo'] },
          { id: 'the-barons', forms: ['the barons', 'ruling barons'], viewpoint: 'hostile', loaded: true, exact: true, head: 'barons',
            explanation: 'Calling a government "the barons" casts it as rule by a feudal caste.' },
          { id: 'baron-regime', forms: ['Ruritanian regime', 'regime in Strelsau'], viewpoint: 'hostile', loaded: true, head: 'regime',
            explanation: 'Calling a government a "regime" casts it as illegitimate.' }
        ]
      },
      {
        id: 'ruritanian-police', label: 'Ruritanian state police', kind: 'organisation', side: 'Ruritania',
        terms: [{ id: 'ruritanian-police', forms: ["Ruritania's state police", 'Ruritanian state police', 'state police of Ruritania', 'RSP'], viewpoint: 'neutral', contains: ['ruritania'] }]
      },
      {
        id: 'baron', label: 'Baron Grau (a person)', kind: 'person', side: 'Ruritania',
        terms: [{ id: 'baron-grau', forms: ['Baron Grau', 'the Baron'], viewpoint: 'neutral' }]
      }
    ]
  },
  'own.json'
)

type Res = 'own' | 'built-in'
const res = (n: Res): NamingResource => (n === 'own' ? own : builtin)

describe('exact: surface forms, not stems (number-sensitive terms)', () => {
  // [naming, sentence, expected mentions]
  const cases: Array<[Res, string, string[]]> = [
    ['own', 'The barons fear the vote.', ['The barons → the-barons']],
    ['own', 'The Baron fears the vote.', ['The Baron → baron-grau']],
    // A rejected exact form ("the barons") gives way to another form at the same place.
    ['own', 'The Baron Grau spoke.', ['The Baron → baron-grau']],
    ['own', 'The ruling barons met; the ruling baron did not.', ['ruling barons → the-barons']],
    ['own', 'THE BARONS’ critics spoke.', ['THE BARONS → the-barons']],
    ['built-in', 'The warming ties have angered the ayatollahs.', ['the ayatollahs → the-ayatollahs']],
    ['built-in', 'The Ayatollah addressed the nation.', []],
    ['built-in', 'Tehran’s ayatollahs see a plot.', ['Tehran’s ayatollahs → the-ayatollahs']],
    ['built-in', 'Critics of the mullahs were jailed.', ['the mullahs → the-mullahs']],
    ['built-in', 'The mullah of the village preached.', []],
    ["built-in", "Iran's ruling mullahs and the mullahs' regime", ["Iran's ruling mullahs → the-mullahs", "the mullahs' regime → iranian-regime"]]
  ]
  it.each(cases)(here + '%s: %s', (n, sentence, expected) => {
    expect(found(sentence, res(n))).toEqual(expected)
  })
})

describe('notBefore: the next word cancels a match', () => {
  const cases: Array<[Res, string, string[]]> = [
    ['own', 'Strelsau University opened.', []],
    ['own', 'Strelsau protested the decision.', ['Strelsau → strelsau']],
    ['own', 'The new Strelsau zoo opened.', []],
    ['built-in', 'Tel Aviv University hosted the conference.', []],
    ['built-in', 'Shares rose on the Tel Aviv Stock Exchange.', []],
    ['built-in', 'Tel Aviv denied the report.', ['Tel Aviv → tel-aviv-metonym']],
    ['built-in', 'The talks began at 10:00 Moscow time.', []],
    ['built-in', 'Moscow rejected the plan.', ['Moscow → moscow-metonym']],
    ['built-in', 'The Washington Post reported the sale.', []],
    ['built-in', 'Washington welcomed the deal.', ['Washington → washington']],
    ['built-in', 'Pilgrims filled Jerusalem’s Old City.', []],
    ['built-in', 'Students at Tehran University protested.', []]
  ]
  it.each(cases)(here + '%s: %s', (n, sentence, expected) => {
    expect(found(sentence, res(n))).toEqual(expected)
  })
})

describe('datelines: the place of reporting is not the state', () => {
  const cases: Array<[string, string[]]> = [
    ['JERUSALEM (Reuters) – Israel said on Monday it would open an embassy.', ['Israel → israel']],
    ['Tel Aviv (AFP) - The ministry declined to comment.', []],
    ['BAKU, Azerbaijan, March 29 (AP) — Azerbaijan opened its embassy.', ['Azerbaijan → azerbaijan']],
    ['Tehran, March 29, 2023 – Officials met.', []],
    ['TEHRAN, Oct. 5 (IRNA) – Iran summoned the envoy.', ['IRNA → irna', 'Iran → iran']],
    ['WASHINGTON, D.C. (AP) — The State Department said nothing.', ['State Department → us-state-department']],
    // Not datelines: an organisation before its acronym, a subject with a dash, a plain comma.
    ['The Revolutionary Guards (IRGC) – the elite force – held drills.', ['Revolutionary Guards → irgc', 'IRGC → irgc']],
    ['Moscow — Tehran’s ally — said nothing.', ['Moscow → moscow-metonym', 'Tehran’s → tehran-metonym']],
    ['Baku, for its part, denied it.', ['Baku → baku-metonym']]
  ]
  it.each(cases)(here + '%s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected)
  })

  // Bare wire datelines need the text (capitals, line start): [text, mentions with the text, without].
  const bare: Array<[string, string[], string[]]> = [
    ['TEHRAN — Iran said talks would resume.', ['Iran → iran'], ['TEHRAN → tehran-metonym', 'Iran → iran']],
    ['TEL AVIV, Israel — The army said nothing.', [], ['TEL AVIV → tel-aviv-metonym', 'Israel → israel']],
    ['The talks ended.\n  JERUSALEM — The cabinet met.', [], ['JERUSALEM → jerusalem-metonym']],
    // Not datelines: not in capitals, not at the line start, a capitalised acronym-like word alone.
    ['Tehran — Moscow’s ally — said nothing.', ['Tehran → tehran-metonym', 'Moscow’s → moscow-metonym'], ['Tehran → tehran-metonym', 'Moscow’s → moscow-metonym']],
    ['Officials in Baku and TEHRAN — both — said nothing.', ['TEHRAN → tehran-metonym'], ['TEHRAN → tehran-metonym']]
  ]
  it.each(bare)(here + 'bare dateline: %s', (text, withText, without) => {
    const toks = tokenize(text)
    expect(findNamingMentions(toks, builtin, 0, toks.length, text).map((m) => `${text.slice(m.start, m.end)} → ${m.term.id}`)).toEqual(withText)
    expect(found(text)).toEqual(without)
  })

  it(here + 'a bare dateline yields no flag and no mention in the language result', () => {
    const a = article('TEL AVIV — Israeli officials met on Monday.\nBAKU, Azerbaijan — The talks ended.')
    const r = analyzeLanguage({ article: a, segmentation: segment(a), naming: builtin, codebook: null })
    expect(r.flags).toEqual([])
    expect(r.mentions.map((m) => a.text.slice(m.start, m.end))).toEqual([])
  })

  it(here + 'a dateline adds no mention to the language result either', () => {
    const a = article('BAKU, Azerbaijan (AP) — The talks ended.\nBaku said the talks ended.')
    const r = analyzeLanguage({ article: a, segmentation: segment(a), naming: builtin, codebook: null })
    expect(r.mentions.map((m) => a.text.slice(m.start, m.end))).toEqual(['Baku'])
    expect(r.mentions[0]!.start).toBe(a.text.indexOf('\n') + 1)
  })
})

describe('head: the flag highlights the judging word, the mention covers the phrase', () => {
  // [naming, sentence, mention, highlighted]
  const cases: Array<[Res, string, string, string]> = [
    ['own', 'The Ruritanian regime jailed him.', 'Ruritanian regime', 'regime'],
    ['own', 'Nobody trusts the regime in Strelsau.', 'regime in Strelsau', 'regime'],
    ['own', 'Nobody trusts the barons.', 'the barons', 'barons'],
    ['built-in', 'The Israeli regime seeks a foothold.', 'Israeli regime', 'regime'],
    ['built-in', 'Analysts say the Iranian regime is isolated.', 'Iranian regime', 'regime'],
    ['built-in', 'The Aliyev regime denied it.', 'Aliyev regime', 'regime'],
    ['built-in', 'According to the Zionist daily Haaretz, the deal was signed.', 'Zionist daily Haaretz', 'Zionist'],
    // No head: the whole name is the choice.
    ['built-in', 'The Zionist regime seeks a foothold.', 'Zionist regime', 'Zionist regime'],
    ['built-in', 'Airports are planned in newly occupied territory.', 'newly occupied territory', 'newly occupied territory'],
    ['built-in', 'They armed secessionist thugs.', 'secessionist thugs', 'secessionist thugs']
  ]
  it.each(cases)(here + '%s: %s → "%s" highlights "%s"', (n, sentence, mention, highlighted) => {
    const naming = res(n)
    const tokens = tokenize(sentence)
    const m = findNamingMentions(tokens, naming).find((x) => sentence.slice(x.start, x.end) === mention)
    expect(m).toBeDefined()
    const [a, b] = namingHeadRange(tokens, m!)
    expect(sentence.slice(tokens[a]!.start, tokens[b - 1]!.end)).toBe(highlighted)
    const flags = flagsOf(sentence, naming).filter((f) => f.category === 'contested-naming')
    expect(flags.map((f) => f.text)).toEqual([highlighted])
    // Offsets exact: the flag's text is the article text between its offsets.
    for (const f of flags) expect(sentence.slice(f.start, f.end)).toBe(f.text)
    // The whole mention stays taken: no lexicon flag on its other words ("Zionist", "regime").
    const inside = flagsOf(sentence, naming).filter((f) => f.start >= m!.start && f.end <= m!.end && f.category !== 'contested-naming')
    expect(inside.map((f) => f.text)).toEqual([])
  })

  it(here + 'the head is found by stem in an inflected form ("regimes")', () => {
    const sentence = 'Both Ruritanian regimes fell.'
    const tokens = tokenize(sentence)
    const m = findNamingMentions(tokens, own)[0]!
    const [a, b] = namingHeadRange(tokens, m)
    expect(sentence.slice(tokens[a]!.start, tokens[b - 1]!.end)).toBe('regimes')
  })
})

describe('contains: nested mentions for the country inside an organisation', () => {
  // [naming, sentence, outer mention, nested "surface/actor"]
  const cases: Array<[Res, string, string, string[]]> = [
    ['own', "Ruritania's state police arrested him.", "Ruritania's state police", ["Ruritania's/ruritania"]],
    ['own', 'The state police of Ruritania arrested him.', 'state police of Ruritania', ['Ruritania/ruritania']],
    ['own', 'The RSP arrested him.', 'RSP', []],
    ['built-in', 'Azerbaijan’s State Security Service detained five men.', 'Azerbaijan’s State Security Service', ['Azerbaijan’s/azerbaijan']],
    ['built-in', 'The State Security Service of the Republic of Azerbaijan said so.', 'State Security Service of the Republic of Azerbaijan', ['Republic of Azerbaijan/azerbaijan']],
    ['built-in', "Iran's Ministry of Intelligence named a suspect.", "Iran's Ministry of Intelligence", ["Iran's/iran"]],
    ['built-in', 'Iranian Revolutionary Guards moved north.', 'Iranian Revolutionary Guards', ['Iranian/iran']],
    ['built-in', 'The Azerbaijani army used drones.', 'Azerbaijani army', ['Azerbaijani/azerbaijan']],
    // Outlets named after a city or state list no `contains`: the Jerusalem Post is not Israel.
    ['built-in', 'The Jerusalem Post reported it.', 'Jerusalem Post', []]
  ]
  it.each(cases)(here + '%s: %s', (n, sentence, outer, nested) => {
    const naming = res(n)
    const all = findNamingMentions(tokenize(sentence), naming)
    const m = all.find((x) => sentence.slice(x.start, x.end) === outer)
    expect(m).toBeDefined()
    expect((m!.nested ?? []).map((n) => `${sentence.slice(n.start, n.end)}/${n.actor}`)).toEqual(nested)
    for (const n of m!.nested ?? []) {
      expect(n.start).toBeGreaterThanOrEqual(m!.start)
      expect(n.end).toBeLessThanOrEqual(m!.end)
      expect(n.nested).toBeUndefined()
    }
    // The top-level list stays sorted and disjoint (alignment and diff rely on it).
    for (let i = 1; i < all.length; i++) expect(all[i]!.tokenStart).toBeGreaterThanOrEqual(all[i - 1]!.tokenEnd)
  })

  it(here + 'a nested mention is never a second flag', () => {
    const hostile = extendNaming(own, {
      id: 'x', version: '1.0.0',
      actors: [{ id: 'ruritania', label: 'Ruritania', kind: 'state', terms: [{ id: 'ruritania-informal', forms: ['Ruritanian'], viewpoint: 'informal', explanation: 'A short informal name.' }] }]
    })
    const sentence = 'The Ruritanian state police arrested him.'
    const m = findNamingMentions(tokenize(sentence), hostile)
    expect(m.map((x) => x.nested?.map((n) => n.term.id))).toEqual([['ruritania-informal']])
    expect(flagsOf(sentence, hostile).filter((f) => f.category === 'contested-naming')).toEqual([])
  })
})

describe('loader: new fields are checked loudly (file, entry, reason)', () => {
  const base = (term: Record<string, unknown>): unknown => ({
    id: 'bad', version: '1',
    actors: [
      { id: 'a', label: 'A', kind: 'state', terms: [{ id: 't', forms: ['Alpha regime', 'Alphaland'], viewpoint: 'hostile', explanation: 'An explanation.', ...term }] },
      { id: 'b', label: 'B', kind: 'state', terms: [{ id: 'u', forms: ['Beta'], viewpoint: 'neutral' }] }
    ]
  })
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ exact: 'yes' }, /bad\.json: actor 0 "a", term 0 "t": "exact" must be true or false/],
    [{ notBefore: ['stock exchange'] }, /bad\.json: actor 0 "a", term 0 "t": "notBefore" entry 0 must be one word/],
    [{ notBefore: 'university' }, /"notBefore" must be an array of words/],
    [{ notAfter: [3] }, /"notAfter" entry 0 must be one word/],
    [{ head: 'tyranny' }, /term 0 "t": "head" "tyranny" must be consecutive words of at least one form/],
    [{ head: 'regime Alpha' }, /"head" "regime Alpha" must be consecutive words/],
    [{ contains: ['c'] }, /term 0 "t": "contains" names unknown actor "c"/],
    [{ contains: ['a'] }, /"contains" must be an array of other actors' ids/],
    [{ notbefore: ['x'] }, /term 0 "t": unknown field "notbefore"/]
  ]
  it.each(cases)(here + '%j fails with %s', (term, message) => {
    expect(() => loadNaming(base(term), 'bad.json')).toThrow(ResourceError)
    expect(() => loadNaming(base(term), 'bad.json')).toThrow(message)
  })

  it(here + 'valid new fields load, and extendNaming keeps them', () => {
    const ok = loadNaming(base({ exact: false, head: 'regime', notBefore: ['University'], contains: ['b'] }), 'ok.json')
    const t = ok.termById.get('t')!
    expect([t.head, t.notBefore, t.contains, t.exact]).toEqual(['regime', ['university'], ['b'], false])
    const merged = extendNaming(builtin, { id: 'user', version: '1.0.0', actors: [] })
    for (const term of builtin.termById.values()) expect(merged.termById.get(term.id)).toEqual(term)
    expect(found('The warming ties have angered the ayatollahs.', merged)).toEqual(['the ayatollahs → the-ayatollahs'])
  })
})
