import { describe, expect, it } from 'vitest'
import { LEXICON_VERSION } from '../../../../shared/pipeline/05-language/analyzeLanguage'
import { run, seedText } from './helpers'
import { COUNT_MIN_CONFIDENCE } from '../../../../shared/eval/spans'

describe('analyzeLanguage on the seed article', () => {
  const text = seedText()
  const r = run(text, null, 'seed')
  const find = (surface: string) => r.flags.filter((f) => f.text.toLowerCase() === surface.toLowerCase())

  it.each([
    ['Zionist regime', ['contested-naming', 'labeling']],
    ['malicious', ['loaded']],
    ['repugnant', ['loaded']],
    ['infamous', ['loaded']],
    ['occupied Palestinian territories', ['contested-naming']],
    ['unfounded claims', ['doubt']],
    ['secessionist thugs', ['contested-naming', 'labeling']],
    ['newly occupied territory', ['contested-naming']],
    ['mischievous', ['loaded']]
  ])('flags "%s" as %j', (surface, categories) => {
    const hits = find(surface)
    expect(hits.length).toBeGreaterThan(0)
    for (const h of hits) expect(categories).toContain(h.category)
  })

  it('gives naming flags a referent and viewpoint', () => {
    const z = find('Zionist regime')[0]!
    expect(z.referent).toBe('israel')
    expect(z.viewpoint).toMatch(/Iranian/)
    expect(z.rule).toBe('naming:zionist-regime')
  })

  it('marks the Kanaani quotation as quoted and attributes it to Kanaani (Iran)', () => {
    const qStart = text.indexOf('"The criminal Zionist regime')
    const q = r.quotes.find((x) => x.start === qStart)!
    expect(q).toBeDefined()
    expect(q.speakerActor).toBe('kanaani')
    expect(q.speaker).toMatch(/Kanaani/)
    expect(q.side).toBe('Iran')
    expect(q.verb).toBe('said')
    expect(text.slice(q.start, q.end)).toMatch(/Muslims\."$/)
    const second = r.quotes.find((x) => x.start === text.indexOf('"Our Muslim brothers'))!
    expect(second.speakerActor).toBe('kanaani')
    const inside = r.flags.filter((f) => f.start > qStart && f.end <= q.end)
    expect(inside.map((f) => f.text)).toEqual(expect.arrayContaining(['criminal', 'Zionist regime']))
    for (const f of inside) expect(f.inQuote).toBe(true)
  })

  it('keeps the outlet\'s own words out of quotation', () => {
    for (const f of find('malicious').concat(find('repugnant'), find('infamous'))) expect(f.inQuote).toBe(false)
  })

  it('attributes "According to the Zionist daily Haaretz" to Haaretz (Israel side)', () => {
    const q = r.quotes.find((x) => x.verb === 'according to')!
    expect(q.speakerActor).toBe('haaretz')
    expect(q.side).toBe('Israel')
    expect(q.direct).toBe(false)
  })

  it('builds flag ids from article, offsets and rule, with text sliced from offsets', () => {
    for (const f of r.flags) {
      expect(f.id).toBe(`seed:${f.start}-${f.end}:${f.rule}`)
      expect(f.text).toBe(text.slice(f.start, f.end))
      expect(f.explanation.length).toBeGreaterThan(20)
      expect(f.confidence).toBeGreaterThan(0)
      expect(f.confidence).toBeLessThanOrEqual(1)
    }
    expect(new Set(r.flags.map((f) => f.id)).size).toBe(r.flags.length)
  })

  it('resolves "his" after a named person to that person (coreference)', () => {
    const his = r.mentions.find((m) => m.term === 'coref:his' && text.slice(m.start - 20, m.start).includes('conference with'))
    expect(his?.actor).toBe('bayramov')
  })

  it('scores every sentence, words carry offsets', () => {
    expect(r.sentences.length).toBeGreaterThan(20)
    const withWords = r.sentences.find((s) => s.words.length > 0)!
    for (const w of withWords.words) expect(text.slice(w.start, w.end)).toMatch(/^[\p{L}'-]+$/u)
  })

  it('exports a lexicon version', () => {
    expect(LEXICON_VERSION).toMatch(/^\d+\.\d+\+[0-9a-f]{8}$/)
  })
})

describe('inQuote, negation and context in the stage', () => {
  it.each([
    ['He said: "This is a disgraceful decision."', 'disgraceful', true],
    ['“This is a disgraceful decision,” he said.', 'disgraceful', true],
    ['This is a disgraceful decision, he said.', 'disgraceful', false],
    ['She said: "It started here.\n\n"It is a disgraceful act," she added.', 'disgraceful', true]
  ])('%j → %s inQuote=%s', (text, word, inQuote) => {
    const f = run(text).flags.find((x) => x.text === word)!
    expect(f).toBeDefined()
    expect(f.inQuote).toBe(inQuote)
  })

  it.each([
    ['It was not a malicious act.', true],
    ['It was never in any way malicious.', true],
    ['It was not planned, but malicious.', false],
    ['It was a malicious act.', false]
  ])('negation scope: %j → negated=%s', (text, negated) => {
    const f = run(text).flags.find((x) => x.text === 'malicious')!
    expect(f.negated).toBe(negated)
  })

  it('halves confidence for negated matches', () => {
    const plain = run('It was a malicious act.').flags[0]!
    const neg = run('It was not a malicious act.').flags[0]!
    expect(neg.confidence).toBeCloseTo(plain.confidence / 2)
  })

  it('flags scare quotes without a speaker as doubt, but not attributed short quotes', () => {
    const r1 = run('The government held "elections" last week.')
    expect(r1.flags.some((f) => f.rule === 'rule:scare-quotes' && f.category === 'doubt' && !f.inQuote)).toBe(true)
    const r2 = run('Cohen called the ties "strategic" on Wednesday.')
    expect(r2.flags.some((f) => f.rule === 'rule:scare-quotes')).toBe(false)
    expect(r2.quotes[0]!.speakerActor).toBe('cohen')
  })

  it('finds speakers after the quotation and anonymous sources', () => {
    const r = run('"We will respond," Kanaani said. "It is over," officials said.')
    expect(r.quotes[0]!.speakerActor).toBe('kanaani')
    expect(r.quotes[0]!.side).toBe('Iran')
    expect(r.quotes[1]!.anonymous).toBe(true)
    expect(r.quotes[1]!.side).toBe('')
  })
})

describe('span granularity and weaker flags', () => {
  it('highlights the evaluative head of a phrase and quotes the whole phrase in the explanation', () => {
    const f = run('The mayor spoke about illegal immigrants on Monday.').flags.find((x) => x.rule === 'contested:illegal-immigrants')!
    expect(f.text).toBe('illegal')
    expect(f.explanation).toContain('illegal immigrants')
  })

  it('shows scare quotes and unloaded naming choices as weaker flags (below the eval counting threshold)', () => {
    const sq = run('The government held "elections" last week.').flags.find((f) => f.rule === 'rule:scare-quotes')!
    expect(sq.confidence).toBeLessThan(COUNT_MIN_CONFIDENCE)
    const ta = run('Ties between Baku and Tel Aviv grew.').flags.find((f) => f.text === 'Tel Aviv')!
    expect(ta.confidence).toBeLessThan(COUNT_MIN_CONFIDENCE)
    const z = run('The Zionist regime responded.').flags.find((f) => f.text === 'Zionist regime')!
    expect(z.confidence).toBeGreaterThanOrEqual(COUNT_MIN_CONFIDENCE)
  })
})
