/**
 * Nationality adjectives → state actors (through the naming resource), roles in a person's own
 * naming forms, and whether a definite title fits a person (coreference's guard).
 */
import { describe, expect, it } from 'vitest'
import { actorRoles, nationalityActor, roleFits } from '../../../../shared/pipeline/05-language/nationality'
import { builtinNaming, loadNaming } from '../../../../shared/resources/naming'
import { run } from './helpers'

const naming = builtinNaming()

describe('nationalityActor', () => {
  it.each([
    ['azerbaijani', 'azerbaijan'], // a one-word form of the state in actors.json
    ['azeri', 'azerbaijan'],
    ['iranian', 'iran'],
    ['israeli', 'israel'], // through the demonym table: "Israel" is a form of the state
    ['ukrainian', 'ukraine'],
    ['armenian', 'armenia'],
    ['tehran', ''], // a capital is a name, not a nationality adjective
    ['french', ''], // the resource has no France
    ['foreign', '']
  ])('%s → %s', (adj, actor) => {
    expect(nationalityActor(naming, adj)).toBe(actor)
  })

  it('follows the resource: a user naming file with France makes "French" a nationality', () => {
    const user = loadNaming({ id: 'u', version: '1', actors: [{ id: 'france', label: 'France', kind: 'state', side: 'France', terms: [{ id: 'france', forms: ['France'], viewpoint: 'neutral' }] }] })
    expect(nationalityActor(user, 'french')).toBe('france')
  })
})

describe('roleFits', () => {
  it('reads roles from the person\'s own forms', () => {
    expect([...actorRoles(naming, 'aliyev')]).toEqual(['president'])
    expect(actorRoles(naming, 'kanaani').has('spokesman')).toBe(true)
    expect(actorRoles(naming, 'askarov').size).toBe(0)
  })
  it.each([
    ['bayramov', 'minister', 'azerbaijani', true],
    ['cohen', 'minister', 'azerbaijani', false], // another side
    ['cohen', 'minister', 'israeli', true],
    ['cohen', 'minister', 'foreign', true], // not a nationality
    ['aliyev', 'spokesman', '', false], // not a role of his
    ['aliyev', 'president', '', true],
    ['aliyev', 'official', '', true], // generic
    ['askarov', 'spokesman', '', true] // no role in his forms: anything fits
  ])('%s as the %s %s → %s', (actor, role, modifier, fits) => {
    expect(roleFits(naming, actor, role, modifier)).toBe(fits)
  })
})

describe('sources of a side without a name', () => {
  const speaker = (text: string): [string, string, string] => {
    const q = run(text).quotes.find((x) => x.verb !== '')!
    return [q.speaker, q.speakerActor, q.side]
  }
  it.each([
    // The title resolves to the one person of that side in the paragraph, wherever they stand.
    ['Bayramov met Eli Cohen in Jerusalem. The Azerbaijani minister said the two countries would expand trade.', ['Jeyhun Bayramov', 'bayramov', 'Azerbaijan']],
    ['Eli Cohen met Bayramov in Jerusalem. The Israeli minister said the two countries would expand trade.', ['Eli Cohen', 'cohen', 'Israel']],
    // Nobody of that side named: the side's state, as the source of that side.
    ['Eli Cohen arrived in Baku. The Azerbaijani minister said the two countries would expand trade.', ['The Azerbaijani minister', 'azerbaijan', 'Azerbaijan']],
    ['The Israeli spokesman said the talks had failed.', ['The Israeli spokesman', 'israel', 'Israel']],
    ['A senior Israeli diplomat said the deal was done.', ['A senior Israeli diplomat', 'israel', 'Israel']],
    ['"We will not allow it," said the Israeli spokesman.', ['the Israeli spokesman', 'israel', 'Israel']],
    ['"We will not allow it," said the Iranian spokesman.', ['the Iranian spokesman', 'iran', 'Iran']],
    // A role the person does not hold: the spokesman is not President Aliyev.
    ['Aliyev would visit Tehran next month, the spokesman said.', ['the spokesman', '', '']]
  ] as const)('%s', (text, expected) => {
    expect(speaker(text)).toEqual(expected)
  })
  it('an unnamed official of a side stays anonymous when the head is vague', () => {
    const q = run('A senior Israeli diplomat said the deal was done.').quotes[0]!
    expect(q.anonymous).toBe(true)
  })
})
