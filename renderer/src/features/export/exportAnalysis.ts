// What exports serialise: the engine's Analysis with the study's current metadata edits, reviews
// and annotations laid over it (the same overlay the screen shows).
import type { Analysis, Study } from '@shared/model'

export function analysisForExport(analysis: Analysis, study: Study): Analysis {
  const meta = new Map(study.articles.map((a) => [a.id, a.meta]))
  const order = new Map(study.articles.map((a, i) => [a.id, i]))
  const articles = [...analysis.articles]
    .map((a) => ({ ...a, meta: meta.get(a.id) ?? a.meta }))
    .sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0))
  return { ...analysis, articles, reviews: study.reviews, annotations: study.annotations }
}
