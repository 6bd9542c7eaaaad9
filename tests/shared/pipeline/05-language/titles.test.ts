import { describe, expect, it } from 'vitest'
import { indexTitles, resolveTitle, titleHolders, titleReferenceKey } from '../../../../shared/pipeline/05-language/titles'
import { findNamingMentions, builtinNaming } from '../../../../shared/resources/naming'
import { tokenize } from '../../../../shared/text/tokenize'
import { run } from './helpers'

/** Speaker (actor id or name) of the quotation or attribution whose text starts with `opening`. */
function speakerOf(text: string, opening: string): { speaker: string; actor: string; anonymous: boolean } | undefined {
  const at = text.indexOf(opening)
  const q = run(text).quotes.find((x) => x.start === at)
  return q && { speaker: q.speaker, actor: q.speakerActor, anonymous: q.anonymous }
}

describe('definite titles across paragraph breaks resolve to the one person given that title', () => {
  it.each<[string, string, string, string, boolean]>([
    // A name the resources do not know, title before it; indirect and direct attributions later.
    [
      'The foreign minister, Ana Costa, met her Spanish counterpart in Madrid on Thursday.\n\nThe foreign minister said that the two countries would sign a trade agreement.',
      'The foreign minister said', 'Ana Costa', '', false
    ],
    [
      'Foreign Minister Ana Costa arrived in Madrid on Thursday.\n\n"We are close," said the foreign minister.',
      '"We are close,"', 'Ana Costa', '', false
    ],
    [
      'The spokesman for the ministry, Daniel Reyes, declined to comment on the report.\n\nThe spokesman said that the ministry would publish its findings in December.',
      'The spokesman said', 'Daniel Reyes', '', false
    ],
    // Name, then appositive; a naming-class person (speakerActor set).
    [
      'Jeyhun Bayramov, the foreign minister, arrived on Monday.\n\nThe foreign minister said that the talks had gone well.',
      'The foreign minister said', 'Jeyhun Bayramov', 'bayramov', false
    ],
    // Bare role noun: one minister in the article.
    [
      'Daniel Reyes, a spokesman for the ministry, declined to comment.\n\nThe spokesman said that the report was being reviewed.',
      'The spokesman said', 'Daniel Reyes', '', false
    ]
  ])('%j → %s', (text, opening, speaker, actor, anonymous) => {
    expect(speakerOf(text, opening)).toEqual({ speaker, actor, anonymous })
  })

  it.each<[string, string, string]>([
    // Two foreign ministers: ambiguous, stays the title as written.
    [
      'Azerbaijani Foreign Minister Jeyhun Bayramov met Israeli Foreign Minister Eli Cohen in Baku.\n\nThe foreign minister said that the talks had gone well.',
      'The foreign minister said', 'The foreign minister'
    ],
    // Two spokesmen of different bodies.
    [
      'Daniel Reyes, a spokesman for the ministry, declined to comment.\n\nMario Diaz, a spokesman for the union, said talks would resume.\n\nThe spokesman said that the ministry would publish its findings.',
      'The spokesman said', 'The spokesman'
    ],
    // A different modifier never matches: the defence minister is not the foreign minister.
    [
      'Jeyhun Bayramov, the foreign minister, arrived on Monday.\n\nThe defence minister said that nothing had changed.',
      'The defence minister said', 'The defence minister'
    ],
    // A title given only AFTER the reference does not resolve it.
    [
      'The minister said that the plan would go ahead.\n\nForeign Minister Ana Costa arrived later.',
      'The minister said', 'The minister'
    ]
  ])('stays unresolved: %j', (text, opening, speaker) => {
    expect(speakerOf(text, opening)).toEqual(expect.objectContaining({ speaker, actor: '' }))
  })

  it('coreference turns the reference to a naming-class person into a mention of that actor', () => {
    const text = 'Jeyhun Bayramov, the foreign minister, arrived on Monday.\n\nThe foreign minister said that the talks had gone well.'
    const m = run(text).mentions.find((x) => x.start === text.indexOf('The foreign minister'))
    expect(m).toMatchObject({ actor: 'bayramov', term: 'coref:the-minister' })
    // Ambiguous: no mention is made.
    const two = 'Azerbaijani Foreign Minister Jeyhun Bayramov met Israeli Foreign Minister Eli Cohen in Baku.\n\nThe foreign minister said that the talks had gone well.'
    expect(run(two).mentions.some((x) => x.start === two.indexOf('The foreign minister'))).toBe(false)
  })

  it('within a paragraph the most recent person still wins (the older rule)', () => {
    const text = 'Ana Costa, the foreign minister, met Jeyhun Bayramov on Monday. The minister said that the talks had gone well.'
    const m = run(text).mentions.find((x) => x.start === text.indexOf('The minister'))
    expect(m?.actor).toBe('bayramov')
  })
})

describe('titleHolders / titleReferenceKey / resolveTitle', () => {
  const naming = builtinNaming()
  const holders = (text: string): string[] => {
    const toks = tokenize(text)
    return titleHolders(text, toks, findNamingMentions(toks, naming, 0, toks.length, text), naming).map((h) => `${h.key}=${h.actor || h.name}`)
  }
  it.each<[string, string[]]>([
    ['Foreign Minister Ana Costa spoke.', ['minister=Ana Costa', 'foreign minister=Ana Costa']],
    ['Ana Costa, the foreign minister, spoke.', ['minister=Ana Costa', 'foreign minister=Ana Costa']],
    ['The spokesman for the ministry, Daniel Reyes, spoke.', ['spokesman=Daniel Reyes']],
    ["Israel's foreign minister spoke.", ['minister=cohen', 'foreign minister=cohen']],
    // No person: a title alone, or followed by a lower-case clause.
    ['The minister spoke on Monday.', []],
    ['The president of the company, which is based in Ohio, spoke.', []]
  ])('%j → %j', (text, expected) => {
    expect(holders(text)).toEqual(expected)
  })

  it('keys and uniqueness', () => {
    const toks = tokenize('the foreign minister the minister the minister of defence')
    expect(titleReferenceKey(toks, 0, 3)).toBe('foreign minister')
    expect(titleReferenceKey(toks, 3, 5)).toBe('minister')
    expect(titleReferenceKey(toks, 5, 6)).toBeNull()
    const hs = indexTitles([
      { key: 'minister', actor: '', name: 'Ana Costa', start: 0 },
      { key: 'foreign minister', actor: '', name: 'Ana Costa', start: 0 },
      { key: 'minister', actor: '', name: 'Ana Costa', start: 10 },
      { key: 'minister', actor: 'bayramov', name: 'Jeyhun Bayramov', start: 20 }
    ])
    expect(resolveTitle(hs, 'minister', 15)?.name).toBe('Ana Costa')
    expect(resolveTitle(hs, 'minister', 25)).toBeNull()
    expect(resolveTitle(hs, 'minister', 0)).toBeNull()
    expect(resolveTitle(hs, 'minister', 20)?.name).toBe('Ana Costa')
    expect(resolveTitle(hs, 'minister', 21)).toBeNull()
    expect(resolveTitle(hs, 'foreign minister', 100)?.name).toBe('Ana Costa')
    expect(resolveTitle(hs, 'defence minister', 100)).toBeNull()
  })
})

describe('indexTitles: the unknown holders (people the naming data does not know)', () => {
  const naming = builtinNaming()
  it('lists each unknown holder once per place, in text order, and no naming-class person', () => {
    const text = 'Foreign Minister Ana Costa met Eli Cohen, Israel\'s foreign minister. The spokesman for the ministry, Daniel Reyes, spoke.'
    const toks = tokenize(text)
    const ix = indexTitles(titleHolders(text, toks, findNamingMentions(toks, naming, 0, toks.length, text), naming))
    expect(ix.unknown.map((h) => h.name)).toEqual(['Ana Costa', 'Daniel Reyes'])
    expect(ix.unknown.every((h) => h.actor === '')).toBe(true)
  })
})
