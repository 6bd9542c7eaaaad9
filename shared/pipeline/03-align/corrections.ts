/**
 * Hand corrections replayed over the machine alignment. Corrections are stored in the study and
 * applied in their stored order every time the alignment is recomputed, so a user's decision
 * survives re-analysis:
 *  - `link`   adds (or overrides) the link between the two refs: origin 'user', score 1;
 *  - `unlink` removes the link with that id, whatever its origin;
 *  - `merge`  turns two or more links of one article pair into ONE link whose side in each
 *             article covers the union of their sentences (`sentenceStart` = min, `sentenceEnd`
 *             = max, offsets from the outermost sentences). The union must be contiguous on
 *             both sides: a merge that would swallow sentences none of the links covers is
 *             refused (a user who wants that passage links it explicitly);
 *  - `split`  cuts a multi-sentence link at a sentence boundary: a[start..atA) ~ b[start..atB)
 *             and a[atA..end) ~ b[atB..end). A side given no cut index stays whole in both
 *             halves (base 3 ~ other 5-6 split at atB=6 gives 3~5 and 3~6).
 * Merged and split links are origin 'user' with score 1 (like hand links); a merge carries the
 * union of its links' evidence, a split half the evidence of a machine link with the same id
 * when there is one, else that of the link it was cut from (a superset: it may name terms
 * that occur in the other half only).
 *
 * Corrections refer to links by id. Ids are derived from the refs (`linkId`), so they are
 * stable across runs as long as the segmentation of the text is unchanged; a link stored with
 * its sides swapped names the same passages and is found too. A correction naming a link the
 * machine (plus the corrections before it) no longer produces is a no-op, and is reported by
 * `replayCorrections` so the UI can say which corrections no longer apply. Failures are data,
 * never exceptions: a study file is user input.
 */
import type {
  AlignmentCorrection, ArticleId, CorrectionSkip, CutOffsets, Evidence, Link, PassageRef, Segmentation
} from '../../model'

/** `${a.article}:${a.sentenceStart}-${a.sentenceEnd}~${b.article}:${b.sentenceStart}-${b.sentenceEnd}` */
export function linkId(a: PassageRef, b: PassageRef): string {
  return `${a.article}:${a.sentenceStart}-${a.sentenceEnd}~${b.article}:${b.sentenceStart}-${b.sentenceEnd}`
}

/** Character span of sentence `index` of `article` in the current segmentation, if known. */
export type SentenceSpanLookup = (article: ArticleId, index: number) => { readonly start: number; readonly end: number } | undefined

/** The lookup `replayCorrections` wants, over the segmentations `align()` already has. */
export function sentenceSpans(segmentations: readonly Segmentation[]): SentenceSpanLookup {
  const byArticle = new Map<ArticleId, Segmentation>()
  for (const s of segmentations) byArticle.set(s.article, s)
  return (article, index) => byArticle.get(article)?.sentences[index]
}

export interface ReplayResult {
  /** The links after every correction that applied (a new array; the input is untouched). */
  readonly links: Link[]
  /** The corrections that had no effect, in stored order, each with a reason. */
  readonly skipped: CorrectionSkip[]
}

/** Apply `corrections` in order to `links`; returns a new array (input untouched). */
export function applyCorrections(
  links: readonly Link[],
  corrections: readonly AlignmentCorrection[],
  sentenceSpan?: SentenceSpanLookup
): Link[] {
  return replayCorrections(links, corrections, sentenceSpan).links
}

/**
 * Apply `corrections` in order and report those that did not apply. `sentenceSpan` gives the
 * current sentence offsets for split cuts; without it a split uses the offsets stored with it
 * (`cutA`/`cutB`), and is skipped when it has none.
 */
export function replayCorrections(
  links: readonly Link[],
  corrections: readonly AlignmentCorrection[],
  sentenceSpan?: SentenceSpanLookup
): ReplayResult {
  // Map insertion order is the output order: machine links keep their place, links made by
  // corrections are appended.
  const byId = new Map<string, Link>()
  for (const l of links) byId.set(l.id, l)
  const skipped: CorrectionSkip[] = []
  corrections.forEach((c, index) => {
    const reason = applyOne(byId, c, sentenceSpan)
    if (reason !== null) skipped.push({ index, kind: c.kind, reason })
  })
  return { links: [...byId.values()], skipped }
}

/** Applies one correction to `byId` in place; returns why it did not apply, or null. */
function applyOne(byId: Map<string, Link>, c: AlignmentCorrection, sentenceSpan: SentenceSpanLookup | undefined): string | null {
  switch (c.kind) {
    case 'link': {
      const id = linkId(c.a, c.b)
      const reverse = linkId(c.b, c.a)
      const existing = byId.get(id) ?? byId.get(reverse)
      byId.delete(reverse)
      byId.set(id, { id, a: c.a, b: c.b, score: 1, evidence: existing?.evidence ?? [], origin: 'user' })
      return null
    }
    case 'unlink': {
      const found = find(byId, c.linkId)
      if (!found) return `link ${c.linkId} is no longer produced`
      byId.delete(found.link.id)
      return null
    }
    case 'merge':
      return merge(byId, c.linkIds)
    case 'split':
      return split(byId, c, sentenceSpan)
  }
}

interface Found {
  readonly link: Link
  /** True when the link is stored with its sides the other way round from the id asked for. */
  readonly swapped: boolean
}

function find(byId: ReadonlyMap<string, Link>, id: string): Found | null {
  const direct = byId.get(id)
  if (direct) return { link: direct, swapped: false }
  const [x, y] = id.split('~')
  if (x === undefined || y === undefined) return null
  const rev = byId.get(`${y}~${x}`)
  return rev ? { link: rev, swapped: true } : null
}

function merge(byId: Map<string, Link>, ids: readonly string[]): string | null {
  const unique = [...new Set(ids)]
  if (unique.length < 2) return 'a merge needs at least two different links'
  const found: Link[] = []
  const missing: string[] = []
  for (const id of unique) {
    const f = find(byId, id)
    if (f) found.push(f.link)
    else missing.push(id)
  }
  // All or nothing: merging only the links still present would build a passage the user never
  // asked for.
  if (missing.length > 0) return `${missing.length === 1 ? 'link' : 'links'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} no longer produced`
  // An id and its reverse name one link.
  if (new Set(found.map((l) => l.id)).size < found.length) return 'a merge needs at least two different links'
  const m = mergeLinks(found)
  if (typeof m === 'string') return m
  for (const l of found) byId.delete(l.id)
  byId.delete(linkId(m.b, m.a))
  byId.set(m.id, m)
  return null
}

/**
 * The one link a merge of `links` makes (side a = the first link's side a), or why they cannot
 * merge: they must join one pair of articles and cover a contiguous run of sentences on each
 * side. Pure; the UI uses it to offer "merge" only where the engine will accept it.
 */
export function mergeLinks(links: readonly Link[]): Link | string {
  const first = links[0]
  if (!first || links.length < 2) return 'a merge needs at least two different links'
  const A = first.a.article
  const B = first.b.article
  const as: PassageRef[] = []
  const bs: PassageRef[] = []
  for (const l of links) {
    if (l.a.article === A && l.b.article === B) {
      as.push(l.a)
      bs.push(l.b)
    } else if (l.a.article === B && l.b.article === A) {
      as.push(l.b)
      bs.push(l.a)
    } else {
      return `links ${first.id} and ${l.id} join different pairs of articles`
    }
  }
  const a = union(as)
  if (typeof a === 'string') return a
  const b = union(bs)
  if (typeof b === 'string') return b
  return { id: linkId(a, b), a, b, score: 1, evidence: mergeEvidence(links), origin: 'user' }
}

/** One ref covering all `refs` (one article), or why they do not form one contiguous passage. */
function union(refs: readonly PassageRef[]): PassageRef | string {
  const sorted = [...refs].sort((x, y) => x.sentenceStart - y.sentenceStart || x.sentenceEnd - y.sentenceEnd)
  const head = sorted[0]!
  let end = head.sentenceEnd
  let endOffset = head.end
  for (const r of sorted.slice(1)) {
    // Overlap and touching ranges join; a gap would add sentences no link covers.
    if (r.sentenceStart > end) {
      return `the merged passage in ${head.article} would not be contiguous: sentence${r.sentenceStart - end > 1 ? `s ${end + 1}-${r.sentenceStart}` : ` ${end + 1}`} lie${r.sentenceStart - end > 1 ? '' : 's'} in none of the links`
    }
    if (r.sentenceEnd > end) {
      end = r.sentenceEnd
      endOffset = r.end
    }
  }
  return { article: head.article, start: head.start, end: endOffset, sentenceStart: head.sentenceStart, sentenceEnd: end }
}

/** Evidence of all links, each piece once (the highest weight when several links name it). */
function mergeEvidence(links: readonly Link[]): Evidence[] {
  const byKey = new Map<string, Evidence>()
  for (const l of links) {
    for (const e of l.evidence) {
      const key = `${e.kind}\u0000${e.a}\u0000${e.b}\u0000${e.referent ?? ''}`
      const prev = byKey.get(key)
      if (!prev || e.weight > prev.weight) byKey.set(key, e)
    }
  }
  return [...byKey.values()]
}

function split(
  byId: Map<string, Link>,
  c: Extract<AlignmentCorrection, { kind: 'split' }>,
  sentenceSpan: SentenceSpanLookup | undefined
): string | null {
  const f = find(byId, c.linkId)
  if (!f) return `link ${c.linkId} is no longer produced`
  const { link } = f
  // Cut indices name the sides of the id as stored in the correction.
  const atA = f.swapped ? c.atB : c.atA
  const atB = f.swapped ? c.atA : c.atB
  const cutA = f.swapped ? c.cutB : c.cutA
  const cutB = f.swapped ? c.cutA : c.cutB
  if (atA === undefined && atB === undefined) return `the split of ${c.linkId} names no sentence to cut at`
  const sa = halves(link.a, atA, cutA, sentenceSpan)
  if (typeof sa === 'string') return sa
  const sb = halves(link.b, atB, cutB, sentenceSpan)
  if (typeof sb === 'string') return sb
  byId.delete(link.id)
  for (const [a, b] of [[sa[0], sb[0]], [sa[1], sb[1]]] as const) {
    const id = linkId(a, b)
    const existing = byId.get(id) ?? byId.get(linkId(b, a))
    byId.delete(linkId(b, a))
    byId.set(id, { id, a, b, score: 1, evidence: existing?.evidence ?? link.evidence, origin: 'user' })
  }
  return null
}

/** The two halves of one side: cut at sentence `at`, or the whole side twice when no cut. */
function halves(
  ref: PassageRef,
  at: number | undefined,
  stored: CutOffsets | undefined,
  sentenceSpan: SentenceSpanLookup | undefined
): readonly [PassageRef, PassageRef] | string {
  if (at === undefined) return [ref, ref]
  if (!Number.isInteger(at) || at <= ref.sentenceStart || at >= ref.sentenceEnd) {
    return `sentence ${at + 1} of ${ref.article} is not a boundary inside its passage (sentences ${ref.sentenceStart + 1}-${ref.sentenceEnd})`
  }
  const before = sentenceSpan?.(ref.article, at - 1)
  const after = sentenceSpan?.(ref.article, at)
  let cut: CutOffsets | undefined = before && after ? { end: before.end, start: after.start } : undefined
  // Without the segmentation, trust the stored offsets only when they fit inside the passage.
  if (!cut && stored && ref.start < stored.end && stored.end <= stored.start && stored.start < ref.end) cut = stored
  if (!cut) return `the offsets of sentence ${at + 1} of ${ref.article} are unknown`
  return [
    { article: ref.article, start: ref.start, end: cut.end, sentenceStart: ref.sentenceStart, sentenceEnd: at },
    { article: ref.article, start: cut.start, end: ref.end, sentenceStart: at, sentenceEnd: ref.sentenceEnd }
  ]
}
