import { describe, expect, it } from 'vitest'
import { builtinEvents, builtinSynonyms, compileEvents, WordingError } from '../../../shared/resources/wording'
import { stem } from '../../../shared/text/stem'

const here = '[resources/wording] '

describe('event frames data', () => {
  it(here + 'the built-in file compiles; inflections and derived nouns share a class', () => {
    const e = builtinEvents()
    expect(e.events.get('establish')).toBe('open')
    expect(e.events.get('inauguration')).toBe('open')
    expect(e.objects.get('embassy')).toBe('embassy')
    expect(e.objects.get('relation')).toBe('ties')
  })
  const BAD: [string, unknown, RegExp][] = [
    ['no events array', { objects: [] }, /events: must be an array/],
    ['two-word entry', { events: [{ id: 'open', words: ['set up'] }], objects: [] }, /"set up" must be a single word/],
    ['word in two classes', { events: [{ id: 'a', words: ['open'] }, { id: 'b', words: ['opened'] }], objects: [] }, /already in class "a"/],
    ['stem both event and object', { events: [{ id: 'open', words: ['open'] }], objects: [{ id: 'x', words: ['opening'] }] }, /both event "open" and object "x"/],
    ['id with the key separator', { events: [{ id: 'a|b', words: ['open'] }], objects: [] }, /may not contain "\|"/]
  ]
  it.each(BAD)(here + 'rejects %s', (_, data, re) => {
    expect(() => compileEvents(data)).toThrow(WordingError)
    expect(() => compileEvents(data)).toThrow(re)
  })
})

describe('synonym classes data', () => {
  // Hand-made: everyday paraphrases in attack and arrest reports meet in one class (by stem,
  // as alignment looks them up); words of different events stay apart.
  const classOf = (word: string): string | undefined => builtinSynonyms().get(stem(word))
  it.each([
    ['gunman', 'attacker'], ['assailant', 'shooter'], ['wounded', 'injured'], ['injuries', 'hurt'],
    ['staff', 'personnel'], ['employees', 'staffers'], ['custody', 'detained'], ['probe', 'inquiry'], ['inquest', 'investigation'],
    ['diverted', 'detour'], ['rerouted', 'diversion'], ['tugboats', 'tug'], ['queue', 'backlog'], ['waiting', 'queued']
  ])(here + '%s ~ %s', (a, b) => {
    expect(classOf(a)).toBeDefined()
    expect(classOf(a)).toBe(classOf(b))
  })
  it.each([['gunman', 'attack'], ['injured', 'killed'], ['staff', 'diplomats']])(here + '%s is not %s', (a, b) => {
    expect(classOf(a)).not.toBe(classOf(b))
  })
})
