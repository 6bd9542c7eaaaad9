/**
 * A study above ALL_PAIRS_MAX_ARTICLES for on-demand pair tests: the six sample articles plus
 * six reworked copies (other ids and outlets, paragraphs in reverse order, the last paragraph
 * dropped), so analyze() aligns only base pairs.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Article, ArticleId, Link } from '../../../shared/model'
import { parseStudy, studyToAnalyzeInput } from '../../../shared/study/study'

const root = resolve(import.meta.dirname, '../../..')

export function sampleArticles(): Article[] {
  const r = parseStudy(readFileSync(resolve(root, 'samples/baku-tel-aviv/baku-tel-aviv.parallax.json'), 'utf8'))
  if (!r.ok) throw new Error(r.error.message)
  return [...studyToAnalyzeInput(r.value).articles]
}

/**
 * A reworked copy: another id and outlet, paragraphs reversed, last paragraph dropped. Generic so
 * study articles (the renderer's large study) and engine articles share it; a study article's
 * `hash` is carried over unchanged (the copies are built in memory, never loaded from a file).
 */
export function rework<T extends { readonly id: string; readonly text: string; readonly meta: Article['meta'] }>(a: T): T {
  const paras = a.text.split('\n\n')
  const text = paras.slice(0, Math.max(1, paras.length - 1)).reverse().join('\n\n')
  return { ...a, id: `${a.id}-copy`, text, meta: { ...a.meta, outlet: `${a.meta.outlet} (reprint)` } }
}

/** The originals and the twelve articles (originals first, then their copies). */
export function twelveArticles(): { readonly originals: Article[]; readonly articles: Article[] } {
  const originals = sampleArticles()
  return { originals, articles: [...originals, ...originals.map(rework)] }
}

/** Does link `l` join articles x and y (either orientation)? */
export function samePair(l: Link, x: ArticleId, y: ArticleId): boolean {
  return (l.a.article === x && l.b.article === y) || (l.a.article === y && l.b.article === x)
}
