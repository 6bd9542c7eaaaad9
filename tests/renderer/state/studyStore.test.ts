import { describe, expect, it } from 'vitest'
import type { StudyArticle } from '@shared/model'
import { emptyStudy, initHistory, studyReducer, uniqueArticleId, type StudyAction, type StudyHistory } from '../../../renderer/src/state/studyStore'

function art(id: string): StudyArticle {
  return {
    id,
    text: `Text of ${id}.`,
    hash: 'x',
    meta: { title: id, outlet: '', author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: false, note: '' },
    source: { format: 'txt', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: 10 }
  }
}

function run(actions: readonly StudyAction[], h: StudyHistory = initHistory(emptyStudy('2026-01-01T00:00:00Z'))): StudyHistory {
  return actions.reduce(studyReducer, h)
}

describe('studyReducer', () => {
  it('adds articles, makes the first the base and renames colliding ids', () => {
    const h = run([{ type: 'add-articles', articles: [art('a'), art('b')] }, { type: 'add-articles', articles: [art('a')] }])
    expect(h.present.articles.map((a) => a.id)).toEqual(['a', 'b', 'a-2'])
    expect(h.present.base).toBe('a')
  })

  it.each([
    ['move down', { type: 'move-article', id: 'a', delta: 1 } as const, ['b', 'a', 'c']],
    ['move up at top is a no-op', { type: 'move-article', id: 'a', delta: -1 } as const, ['a', 'b', 'c']],
    ['remove', { type: 'remove-article', id: 'b' } as const, ['a', 'c']]
  ])('%s', (_name, action, order) => {
    const h = run([{ type: 'add-articles', articles: [art('a'), art('b'), art('c')] }, action])
    expect(h.present.articles.map((a) => a.id)).toEqual(order)
  })

  it('removing the base picks a new base and drops that article’s reviews and annotations; undo restores all', () => {
    const h1 = run([
      { type: 'add-articles', articles: [art('a'), art('b')] },
      { type: 'review', flagId: 'a:0-4:loaded:x', status: 'rejected' },
      { type: 'annotate', annotation: { id: 'n1', article: 'a', start: 0, end: 4, category: 'loaded', note: '', at: 't' } }
    ])
    const h2 = studyReducer(h1, { type: 'remove-article', id: 'a' })
    expect(h2.present.base).toBe('b')
    expect(h2.present.reviews).toEqual([])
    expect(h2.present.annotations).toEqual([])
    const h3 = studyReducer(h2, { type: 'undo' })
    expect(h3.present).toBe(h1.present)
    expect(studyReducer(h3, { type: 'redo' }).present).toBe(h2.present)
  })

  it('a review replaces the previous review of the same flag and can be cleared', () => {
    const h = run([
      { type: 'review', flagId: 'f', status: 'accepted' },
      { type: 'review', flagId: 'f', status: 'rejected', note: 'quoted' }
    ])
    expect(h.present.reviews).toHaveLength(1)
    expect(h.present.reviews[0]).toMatchObject({ flagId: 'f', status: 'rejected', note: 'quoted' })
    expect(studyReducer(h, { type: 'review', flagId: 'f', status: null }).present.reviews).toEqual([])
  })

  it('a new edit clears the redo stack; layer changes are not undo steps', () => {
    let h = run([{ type: 'add-articles', articles: [art('a'), art('b')] }, { type: 'set-base', id: 'b' }, { type: 'undo' }])
    expect(h.future).toHaveLength(1)
    h = studyReducer(h, { type: 'edit-meta', id: 'a', patch: { outlet: 'X' } })
    expect(h.future).toHaveLength(0)
    const before = h.past.length
    h = studyReducer(h, { type: 'set-layers', layers: ['loaded'] })
    expect(h.past.length).toBe(before)
    expect(h.present.settings.layers).toEqual(['loaded'])
  })

  it('corrections are recorded and can be reverted', () => {
    const h = run([
      { type: 'correct', correction: { kind: 'unlink', linkId: 'l1', at: 't' } },
      { type: 'correct', correction: { kind: 'unlink', linkId: 'l2', at: 't' } },
      { type: 'remove-correction', index: 0 }
    ])
    expect(h.present.corrections).toEqual([{ kind: 'unlink', linkId: 'l2', at: 't' }])
  })
})

describe('uniqueArticleId', () => {
  it.each([
    ['report', [], 'report'],
    ['report', ['report'], 'report-2'],
    ['My Report!', [], 'My-Report'],
    ['', [], 'article']
  ])('%j with %j taken → %j', (wanted, taken, expected) => {
    expect(uniqueArticleId(wanted, new Set(taken))).toBe(expected)
  })
})

describe('export menu CSV list', () => {
  it('matches the csv serializer’s files', async () => {
    const { CSV_NAMES } = await import('../../../renderer/src/features/export/ExportMenu')
    const { CSV_FILES } = await import('@shared/pipeline/06-report/serializers/csv')
    expect(CSV_NAMES).toEqual(CSV_FILES)
  })
})
