import { describe, expect, it } from 'vitest'
import { builtinEvents, compileEvents, WordingError } from '../../../shared/resources/wording'

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
