import { useMemo } from 'react'
import type { ArticleId, Flag, FlagReview, StudyArticle } from '@shared/model'
import { useApp } from './AppState'
import { annotationFlag, derive, type Derived } from './derive'

export interface Workspace {
  readonly derived: Derived | null
  readonly reviews: ReadonlyMap<string, FlagReview>
  readonly annotations: ReadonlyMap<ArticleId, readonly Flag[]>
  readonly meta: ReadonlyMap<ArticleId, StudyArticle['meta']>
}

/** Engine output indexed for rendering, plus the study's reviews/annotations/metadata overlay. */
export function useWorkspace(): Workspace {
  const { analysis, study } = useApp()
  const derived = useMemo(() => (analysis ? derive(analysis, study.articles) : null), [analysis, study.articles])
  const reviews = useMemo(() => new Map(study.reviews.map((r) => [r.flagId, r])), [study.reviews])
  const annotations = useMemo(() => {
    const m = new Map<ArticleId, Flag[]>()
    for (const a of study.annotations) {
      const text = study.articles.find((x) => x.id === a.article)?.text
      if (text === undefined) continue
      const list = m.get(a.article) ?? []
      list.push(annotationFlag(a, text))
      m.set(a.article, list)
    }
    for (const l of m.values()) l.sort((a, b) => a.start - b.start)
    return m
  }, [study.annotations, study.articles])
  const meta = useMemo(() => new Map(study.articles.map((a) => [a.id, a.meta])), [study.articles])
  return { derived, reviews, annotations, meta }
}
