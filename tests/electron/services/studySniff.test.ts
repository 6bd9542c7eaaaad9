import { describe, expect, it } from 'vitest'
import { sniffStudyText } from '../../../electron/main/services/studySniff'
import { pushRecent } from '../../../electron/main/services/recentStudies'
import { withStudySuffix } from '../../../electron/main/services/createHandlers'

describe('sniffStudyText', () => {
  it.each([
    ['{"format":"parallax-study","schemaVersion":1,"x":[]}', { kind: 'study', schemaVersion: 1 }],
    ['\uFEFF{\n  "format": "parallax-study",\n  "schemaVersion": 3\n}\n', { kind: 'study', schemaVersion: 3 }],
    ['{"schemaVersion": 2, "format" : "parallax-study"}', { kind: 'study', schemaVersion: 2 }],
    ['{"format":"parallax-study","schemaVersion":1,"articles":[{"id":"a"', { kind: 'truncated' }],
    ['{"format":"parallax-study"}', { kind: 'foreign' }],
    ['{"format":"other","schemaVersion":1}', { kind: 'foreign' }],
    ['["format","parallax-study","schemaVersion",1]', { kind: 'foreign' }],
    ['format: parallax-study', { kind: 'foreign' }],
    ['', { kind: 'foreign' }]
  ])('%j → %j', (text, expected) => {
    expect(sniffStudyText(text, text.slice(-64))).toEqual(expected)
  })
})

describe('pushRecent', () => {
  it('puts the newest first, dedupes and caps', () => {
    let list = pushRecent([], '/a/x.json', 3)
    list = pushRecent(list, '/a/y.json', 3)
    list = pushRecent(list, '/a/../a/x.json', 3)
    expect(list.map((r) => r.path)).toEqual(['/a/x.json', '/a/y.json'])
    list = pushRecent(pushRecent(list, '/b.json', 3), '/c.json', 3)
    expect(list).toEqual([
      { path: '/c.json', name: 'c.json' },
      { path: '/b.json', name: 'b.json' },
      { path: '/a/x.json', name: 'x.json' }
    ])
  })
})

describe('withStudySuffix', () => {
  it.each([
    ['/d/mine', '/d/mine.parallax.json'],
    ['/d/mine.parallax.json', '/d/mine.parallax.json'],
    ['/d/mine.JSON', '/d/mine.JSON']
  ])('%s → %s', (input, out) => expect(withStudySuffix(input)).toBe(out))
})
