/**
 * Alignment evaluation (`parallax eval align GOLD`): link precision, recall and F1 against a
 * hand-made gold file (format in shared/eval/README.md of the project brief):
 *
 *   {"articles": [{"id", "outlet", "text"}, ...],
 *    "links": [{"a": {"article", "start", "end"}, "b": {"article", "start", "end"}}, ...]}
 *
 * A predicted link matches a gold link when it joins the same two articles (in either
 * orientation) and each predicted side overlaps the corresponding gold span (UTF-16 offsets,
 * end exclusive). Precision = predicted links matching at least one gold link / predicted
 * links; recall = gold links matched by at least one predicted link / gold links.
 *
 * Scope: a gold file need not annotate every pair of articles. By default (`scope:
 * 'gold-pairs'`) only predicted links between article pairs that have at least one gold link
 * are scored, so an unannotated pair neither helps nor hurts; `scope: 'all'` scores every
 * predicted link. The number of predicted links left out is reported either way.
 *
 * Pure functions: no I/O, no pipeline calls (the CLI builds articles with `goldArticles`, runs
 * the pipeline and passes the links here).
 */
import type { Article, ArticleSpan } from '../model'
import { sha256 } from '../util/sha256'

export interface AlignGoldArticle {
  readonly id: string
  readonly outlet: string
  readonly text: string
}

export interface AlignGoldLink {
  readonly a: ArticleSpan
  readonly b: ArticleSpan
}

export interface AlignGold {
  readonly articles: readonly AlignGoldArticle[]
  readonly links: readonly AlignGoldLink[]
}

export interface AlignMetrics {
  readonly precision: number
  readonly recall: number
  readonly f1: number
  /** Predicted links scored (after scoping). */
  readonly links: number
  readonly goldLinks: number
  /** Predicted links not scored because the gold does not annotate their article pair. */
  readonly outOfScope: number
}

export interface EvalAlignOptions {
  readonly scope?: 'gold-pairs' | 'all'
}

/** Thrown by the parser; the message says which entry is wrong and why. */
export class GoldFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoldFormatError'
  }
}

function span(v: unknown, where: string, ids: ReadonlyMap<string, number>): ArticleSpan {
  if (typeof v !== 'object' || v === null) throw new GoldFormatError(`${where}: must be an object`)
  const o = v as Record<string, unknown>
  const article = o['article']
  const start = o['start']
  const end = o['end']
  if (typeof article !== 'string' || !ids.has(article)) throw new GoldFormatError(`${where}: "article" must name one of the gold articles, found ${JSON.stringify(article)}`)
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new GoldFormatError(`${where}: "start"/"end" must be integers with 0 <= start < end, found ${JSON.stringify(start)}, ${JSON.stringify(end)}`)
  }
  const len = ids.get(article)!
  if (end > len) throw new GoldFormatError(`${where}: end ${end} is past the end of article "${article}" (${len} UTF-16 units)`)
  return { article, start, end }
}

/** Validate a parsed `*.align.json`. */
export function parseAlignGold(json: unknown): AlignGold {
  if (typeof json !== 'object' || json === null) throw new GoldFormatError('align gold: expected a JSON object')
  const o = json as Record<string, unknown>
  if (!Array.isArray(o['articles']) || o['articles'].length < 2) throw new GoldFormatError('align gold: "articles" must be an array of at least two articles')
  const ids = new Map<string, number>()
  const articles = o['articles'].map((a, i): AlignGoldArticle => {
    if (typeof a !== 'object' || a === null) throw new GoldFormatError(`align gold: article ${i} must be an object`)
    const r = a as Record<string, unknown>
    if (typeof r['id'] !== 'string' || r['id'] === '') throw new GoldFormatError(`align gold: article ${i}: "id" must be a non-empty string`)
    if (typeof r['text'] !== 'string') throw new GoldFormatError(`align gold: article ${i} "${r['id']}": "text" must be a string`)
    if (ids.has(r['id'])) throw new GoldFormatError(`align gold: article ${i}: duplicate id "${r['id']}"`)
    ids.set(r['id'], r['text'].length)
    return { id: r['id'], outlet: typeof r['outlet'] === 'string' ? r['outlet'] : '', text: r['text'] }
  })
  if (!Array.isArray(o['links'])) throw new GoldFormatError('align gold: "links" must be an array')
  const links = o['links'].map((l, i): AlignGoldLink => {
    if (typeof l !== 'object' || l === null) throw new GoldFormatError(`align gold: link ${i} must be an object`)
    const r = l as Record<string, unknown>
    const a = span(r['a'], `align gold: link ${i} side a`, ids)
    const b = span(r['b'], `align gold: link ${i} side b`, ids)
    if (a.article === b.article) throw new GoldFormatError(`align gold: link ${i} joins article "${a.article}" to itself`)
    return { a, b }
  })
  return { articles, links }
}

/** Articles for the pipeline, one per gold article (ids and texts exactly as in the gold). */
export function goldArticles(gold: AlignGold): Article[] {
  return gold.articles.map((g) => ({
    id: g.id,
    meta: { title: '', outlet: g.outlet, author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: false, note: 'from an alignment gold file' },
    text: g.text,
    hash: sha256(g.text),
    source: { format: 'paste', fileName: `${g.id}.txt`, encoding: 'UTF-8', byteLength: g.text.length },
    warnings: []
  }))
}

function overlaps(x: ArticleSpan, y: ArticleSpan): boolean {
  return x.article === y.article && x.start < y.end && y.start < x.end
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`
}

/** Does predicted link `p` match gold link `g` (either orientation)? */
export function linkMatches(p: { readonly a: ArticleSpan; readonly b: ArticleSpan }, g: AlignGoldLink): boolean {
  return (overlaps(p.a, g.a) && overlaps(p.b, g.b)) || (overlaps(p.a, g.b) && overlaps(p.b, g.a))
}

/** Link P/R/F1 of `predicted` against `gold` (see the header for matching and scope). */
export function evalAlign(gold: AlignGold, predicted: readonly { readonly a: ArticleSpan; readonly b: ArticleSpan }[], options: EvalAlignOptions = {}): AlignMetrics {
  const scope = options.scope ?? 'gold-pairs'
  const goldPairs = new Set(gold.links.map((g) => pairKey(g.a.article, g.b.article)))
  // Gold links indexed by article pair so matching stays linear-ish in the number of links.
  const byPair = new Map<string, number[]>()
  gold.links.forEach((g, i) => {
    const k = pairKey(g.a.article, g.b.article)
    const list = byPair.get(k)
    if (list) list.push(i)
    else byPair.set(k, [i])
  })
  const matchedGold = new Uint8Array(gold.links.length)
  let scored = 0
  let correct = 0
  let outOfScope = 0
  for (const p of predicted) {
    const k = pairKey(p.a.article, p.b.article)
    if (scope === 'gold-pairs' && !goldPairs.has(k)) {
      outOfScope++
      continue
    }
    scored++
    let hit = false
    for (const gi of byPair.get(k) ?? []) {
      if (linkMatches(p, gold.links[gi]!)) {
        hit = true
        matchedGold[gi] = 1
      }
    }
    if (hit) correct++
  }
  const recalled = matchedGold.reduce((s, x) => s + x, 0)
  const precision = scored === 0 ? 0 : correct / scored
  const recall = gold.links.length === 0 ? 0 : recalled / gold.links.length
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, links: scored, goldLinks: gold.links.length, outOfScope }
}

/** A small readable table of the metrics (what the CLI prints without --json). */
export function formatAlignMetrics(m: AlignMetrics): string {
  const pct = (x: number): string => x.toFixed(3)
  return [
    'alignment     precision  recall  f1',
    `links         ${pct(m.precision).padStart(9)}  ${pct(m.recall).padStart(6)}  ${pct(m.f1)}`,
    `predicted links scored: ${m.links}   gold links: ${m.goldLinks}   out of scope: ${m.outOfScope}`
  ].join('\n')
}
