// The study being worked on, with undo/redo. Every user edit (metadata, base, order, removal,
// reviews, annotations, alignment corrections) is an action on the Study document, so saving,
// autosave and exports all see exactly what is on screen.
import type { AlignmentCorrection, Annotation, ArticleId, ArticleMeta, Codebook, FlagReview, Study, StudyArticle } from '@shared/model'
import { ENGINE_VERSION } from '@shared/version'

export type StudyAction =
  | { readonly type: 'replace'; readonly study: Study }
  /** Start over with an empty study (undoable, unlike 'replace', which opens a file). */
  | { readonly type: 'new-study' }
  | { readonly type: 'add-articles'; readonly articles: readonly StudyArticle[] }
  | { readonly type: 'remove-article'; readonly id: ArticleId }
  | { readonly type: 'move-article'; readonly id: ArticleId; readonly delta: number }
  | { readonly type: 'set-base'; readonly id: ArticleId }
  | { readonly type: 'edit-meta'; readonly id: ArticleId; readonly patch: Partial<ArticleMeta> }
  | { readonly type: 'set-title'; readonly title: string }
  | { readonly type: 'review'; readonly flagId: string; readonly status: FlagReview['status'] | null; readonly note?: string }
  | { readonly type: 'annotate'; readonly annotation: Annotation }
  | { readonly type: 'remove-annotation'; readonly id: string }
  | { readonly type: 'correct'; readonly correction: AlignmentCorrection }
  | { readonly type: 'remove-correction'; readonly index: number }
  | { readonly type: 'set-layers'; readonly layers: readonly string[] }
  /** Replace the study's codebook (null = none); `label` names the change for Undo. */
  | { readonly type: 'set-codebook'; readonly codebook: Codebook | null; readonly label: string }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }

export interface StudyHistory {
  readonly past: readonly { readonly study: Study; readonly label: string }[]
  readonly present: Study
  readonly future: readonly { readonly study: Study; readonly label: string }[]
  /** Label of the last undoable change (for the Undo button's title). */
  readonly lastLabel: string
  /** Bumped on every change; autosave watches it. */
  readonly revision: number
}

const MAX_HISTORY = 200

export function emptyStudy(now = new Date().toISOString()): Study {
  return {
    format: 'parallax-study',
    schemaVersion: 1,
    appVersion: ENGINE_VERSION,
    lexiconVersion: '',
    title: 'Untitled study',
    createdAt: now,
    savedAt: now,
    base: '',
    articles: [],
    corrections: [],
    reviews: [],
    annotations: [],
    codebook: null,
    settings: {}
  }
}

export function initHistory(study: Study): StudyHistory {
  return { past: [], present: study, future: [], lastLabel: '', revision: 0 }
}

/** A unique id for a new article, derived from the wanted id. */
export function uniqueArticleId(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'article'
  if (!taken.has(base)) return base
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
}

function apply(s: Study, a: StudyAction, now: string): { study: Study; label: string } | null {
  switch (a.type) {
    case 'new-study':
      return { study: { ...emptyStudy(now), settings: s.settings.layers ? { layers: s.settings.layers } : {} }, label: 'new study' }
    case 'add-articles': {
      if (a.articles.length === 0) return null
      const taken = new Set(s.articles.map((x) => x.id))
      const added = a.articles.map((art) => {
        const id = uniqueArticleId(art.id, taken)
        taken.add(id)
        return id === art.id ? art : { ...art, id }
      })
      const articles = [...s.articles, ...added]
      return { study: { ...s, articles, base: s.base || added[0]!.id }, label: `add ${added.length} article(s)` }
    }
    case 'remove-article': {
      if (!s.articles.some((x) => x.id === a.id)) return null
      const articles = s.articles.filter((x) => x.id !== a.id)
      const base = s.base === a.id ? (articles[0]?.id ?? '') : s.base
      const touches = (r: { article: string }): boolean => r.article === a.id
      return {
        study: {
          ...s,
          articles,
          base,
          annotations: s.annotations.filter((x) => x.article !== a.id),
          reviews: s.reviews.filter((r) => !r.flagId.startsWith(`${a.id}:`)),
          corrections: s.corrections.filter((c) => (c.kind === 'link' ? !touches(c.a) && !touches(c.b) : !correctionLinkIds(c).some((id) => linkArticles(id).includes(a.id))))
        },
        label: 'remove article'
      }
    }
    case 'move-article': {
      const i = s.articles.findIndex((x) => x.id === a.id)
      const j = i + a.delta
      if (i < 0 || j < 0 || j >= s.articles.length) return null
      const articles = [...s.articles]
      const [moved] = articles.splice(i, 1)
      articles.splice(j, 0, moved!)
      return { study: { ...s, articles }, label: 'reorder' }
    }
    case 'set-base':
      if (s.base === a.id || !s.articles.some((x) => x.id === a.id)) return null
      return { study: { ...s, base: a.id }, label: 'choose base' }
    case 'edit-meta':
      return {
        study: { ...s, articles: s.articles.map((x) => (x.id === a.id ? { ...x, meta: { ...x.meta, ...a.patch } } : x)) },
        label: 'edit metadata'
      }
    case 'set-title':
      return { study: { ...s, title: a.title }, label: 'rename study' }
    case 'review': {
      const rest = s.reviews.filter((r) => r.flagId !== a.flagId)
      const reviews = a.status ? [...rest, { flagId: a.flagId, status: a.status, note: a.note ?? '', at: now }] : rest
      return { study: { ...s, reviews }, label: a.status ? `${a.status === 'accepted' ? 'accept' : 'reject'} flag` : 'clear review' }
    }
    case 'annotate':
      return { study: { ...s, annotations: [...s.annotations, a.annotation] }, label: 'annotate' }
    case 'remove-annotation':
      return { study: { ...s, annotations: s.annotations.filter((x) => x.id !== a.id) }, label: 'remove annotation' }
    case 'correct':
      return { study: { ...s, corrections: [...s.corrections, a.correction] }, label: CORRECTION_LABEL[a.correction.kind] }
    case 'set-codebook':
      if (a.codebook === s.codebook) return null
      return { study: { ...s, codebook: a.codebook }, label: a.label }
    case 'remove-correction':
      if (a.index < 0 || a.index >= s.corrections.length) return null
      return { study: { ...s, corrections: s.corrections.filter((_, i) => i !== a.index) }, label: 'undo correction' }
    default:
      return null
  }
}

export function studyReducer(h: StudyHistory, a: StudyAction): StudyHistory {
  switch (a.type) {
    case 'replace':
      return { ...initHistory(a.study), revision: h.revision + 1 }
    case 'undo': {
      const prev = h.past[h.past.length - 1]
      if (!prev) return h
      return {
        past: h.past.slice(0, -1),
        present: prev.study,
        future: [{ study: h.present, label: prev.label }, ...h.future],
        lastLabel: h.past[h.past.length - 2]?.label ?? '',
        revision: h.revision + 1
      }
    }
    case 'redo': {
      const next = h.future[0]
      if (!next) return h
      return {
        past: [...h.past, { study: h.present, label: next.label }],
        present: next.study,
        future: h.future.slice(1),
        lastLabel: next.label,
        revision: h.revision + 1
      }
    }
    case 'set-layers':
      // View preference stored with the study, but not an undoable edit.
      return { ...h, present: { ...h.present, settings: { ...h.present.settings, layers: a.layers } }, revision: h.revision + 1 }
    default: {
      const r = apply(h.present, a, new Date().toISOString())
      if (!r) return h
      const past = [...h.past, { study: h.present, label: r.label }]
      return {
        past: past.length > MAX_HISTORY ? past.slice(past.length - MAX_HISTORY) : past,
        present: r.study,
        future: [],
        lastLabel: r.label,
        revision: h.revision + 1
      }
    }
  }
}

const CORRECTION_LABEL: Record<AlignmentCorrection['kind'], string> = {
  link: 'link passages',
  unlink: 'unlink passages',
  merge: 'merge links',
  split: 'split link'
}

/** The link ids a correction names (none for 'link', which names refs). */
export function correctionLinkIds(c: AlignmentCorrection): readonly string[] {
  return c.kind === 'merge' ? c.linkIds : c.kind === 'link' ? [] : [c.linkId]
}

/** The two articles a link id names: "seed:3-5~wire:4-6" → ["seed", "wire"]. */
function linkArticles(id: string): string[] {
  return id.split('~').map((side) => side.replace(/:\d+-\d+$/, ''))
}
