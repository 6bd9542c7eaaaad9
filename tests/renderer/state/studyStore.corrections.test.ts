import { describe, expect, it } from 'vitest'
import type { AlignmentCorrection, StudyArticle } from '@shared/model'
import { emptyStudy, initHistory, studyReducer, type StudyAction, type StudyHistory } from '../../../renderer/src/state/studyStore'

function art(id: string): StudyArticle {
  return {
    id,
    text: `Text of ${id}. And more.`,
    hash: 'x',
    meta: { title: id, outlet: '', author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: false, note: '' },
    source: { format: 'txt', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: 10 }
  }
}
const at = '2026-01-01T00:00:00Z'
function run(actions: readonly StudyAction[], h: StudyHistory = initHistory(emptyStudy(at))): StudyHistory {
  return actions.reduce(studyReducer, h)
}

const merge: AlignmentCorrection = { kind: 'merge', linkIds: ['a:0-1~bb:0-1', 'a:1-2~bb:1-2'], at }
const split: AlignmentCorrection = { kind: 'split', linkId: 'a:0-2~c:0-1', atA: 1, at }
const unlink: AlignmentCorrection = { kind: 'unlink', linkId: 'a:0-1~c:0-1', at }

describe('studyReducer: merge and split corrections', () => {
  it('stores each as one undoable step with its own label', () => {
    const h = run([{ type: 'add-articles', articles: [art('a'), art('bb'), art('c')] }, { type: 'correct', correction: merge }, { type: 'correct', correction: split }])
    expect(h.present.corrections).toEqual([merge, split])
    expect(h.lastLabel).toBe('split link')
    const back = studyReducer(h, { type: 'undo' })
    expect(back.present.corrections).toEqual([merge])
    expect(back.lastLabel).toBe('merge links')
  })

  it.each([
    ['bb', [split, unlink]],
    ['c', [merge]],
    // "b" is a prefix of "bb" but not an article any correction names.
    ['b', [merge, split, unlink]]
  ] as const)('removing article %s drops exactly the corrections naming it', (id, kept) => {
    const h = run([
      { type: 'add-articles', articles: [art('a'), art('bb'), art('c'), art('b')] },
      { type: 'correct', correction: merge },
      { type: 'correct', correction: split },
      { type: 'correct', correction: unlink },
      { type: 'remove-article', id }
    ])
    expect(h.present.corrections).toEqual(kept)
  })
})
