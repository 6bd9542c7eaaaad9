/**
 * Stage 03-align: which passages of the articles report the same thing.
 *
 * Method (one pass per pair of articles, cost near-linear in the number of sentences):
 *  1. Every sentence becomes a set of features (`features.ts`): content-word stems, naming
 *     classes (all terms of one actor are ONE feature, so "Zionist regime" ≈ "Israel"),
 *     numbers, dates and quoted words.
 *  2. Each feature is weighted by rarity over the whole compared set (BM25's idf, so a feature
 *     found in every sentence weighs ~0) times a kind multiplier (numbers and names count more
 *     than ordinary words, `KIND_WEIGHT`). A word is an "entity" when the corpus mostly writes it
 *     capitalised away from sentence starts.
 *  3. Similarity is the geometric mean of the weighted Ochiai (cosine of binary vectors) and
 *     overlap coefficients (`similarity`): 1 for identical feature sets, 0 for nothing shared,
 *     and a short sentence wholly contained in a long one still scores well.
 *  4. Candidates come from an inverted index (feature → sentences of the other article), rarest
 *     features first, skipping long posting lists once the three rarest were used; only
 *     candidates are scored exactly (blocking: never all pairs of sentences).
 *  5. A candidate becomes a link when it reaches the threshold (or, for a mutual best match,
 *     `MUTUAL_SHARE` of it) and is within `RELATIVE_KEEP` of the best score of both its sentences (many-to-many: a sentence keeps up to `MAX_LINKS`
 *     near-best counterparts; reordering is free since no order constraint is imposed).
 *  6. Splits and merges: a link grows by one adjacent sentence on either side when the merged
 *     passage scores clearly higher (`MERGE_GAIN`), e.g. A: "X met Y and they signed Z." vs
 *     B: "X met Y." + "They signed Z." → one link A:0-1 ~ B:0-2.
 *  7. Hand corrections are replayed (corrections.ts), then `unmatched` is derived from the final
 *     links: a sentence is missing in every article none of its links reaches.
 *
 * Every pair of articles is aligned: base vs each other, and every pair of non-base articles.
 * Side a of a link is the base article, or the earlier article in input order.
 */
import type {
  AlignmentCorrection, Alignment, Article, ArticleId, Evidence, EvidenceKind, Link, PassageRef,
  Segmentation, Unmatched
} from '../../model'
import { findNamingMentions, type NamingResource } from '../../resources/naming'
import { tokenize } from '../../text/tokenize'
import { applyCorrections, linkId } from './corrections'
import { articleFeatures, featuresOfRange, KIND_WEIGHT, wordKey, type SentenceFeatures } from './features'
import { COMMON_NEWS } from './stopwords'

export { applyCorrections, linkId } from './corrections'

/**
 * Default "same passage" threshold on the similarity score. Chosen from first principles and the
 * hand-made pairs in tests/shared/pipeline/03-align (never fitted to a gold file): a paraphrase
 * that keeps its actors, its main verb/noun (or a near-synonym) and its numbers scores 0.5–0.95;
 * sentences of one story that report different facts share an actor or two and score 0–0.25.
 */
export const DEFAULT_LINK_THRESHOLD = 0.3

/** A candidate must score at least this share of the best score of both its sentences. */
const RELATIVE_KEEP = 0.6
/** A mutual best match is accepted down to this share of the threshold. */
const MUTUAL_SHARE = 0.7
/** At most this many counterparts per sentence per other article. */
const MAX_LINKS = 3
/** Minimum coverage gain for growing a passage by one adjacent sentence (and the largest score loss allowed). */
const MERGE_GAIN = 0.05
/** Candidates scored exactly per sentence (after blocking). */
const MAX_CANDIDATES = 12
/** Posting lists longer than this are skipped once the rarest features were used. */
const POSTING_CAP = 48
const ALWAYS_USED = 3
/**
 * Background prior for rarity: idf is computed as if the compared set held this many more
 * sentences without the feature. In a tiny set (two short articles) every shared feature has
 * df >= 2 of a handful of sentences, so plain idf would punish exactly the features two
 * matching sentences share; the prior pulls weights towards uniform there and is negligible
 * for real sets of hundreds of sentences.
 */
const PRIOR_SENTENCES = 20
/** Rarity assumed for a naming class when no corpus is available (see passageSimilarity). */
const FREE_ACTOR_RARITY = 0.4

export interface AlignInput {
  readonly articles: readonly Article[]
  readonly segmentations: readonly Segmentation[]
  readonly base: ArticleId
  readonly naming: NamingResource | null
  readonly corrections: readonly AlignmentCorrection[]
  readonly threshold: number
}

/** Per-article data prepared once. */
interface Doc {
  readonly id: ArticleId
  readonly seg: Segmentation
  readonly feats: readonly SentenceFeatures[]
  /** Keys of each sentence, rarest first (blocking order). */
  readonly order: readonly string[][]
  readonly norm2: Float64Array
  readonly index: Map<string, number[]>
}

interface Weights {
  readonly w: Map<string, number>
  readonly kind: Map<string, EvidenceKind>
}

interface Scored {
  readonly score: number
  /** The symmetric part of the score (weighted Ochiai): how much of BOTH sides is shared. */
  readonly coverage: number
  readonly shared: readonly string[]
}

function kindOfKey(key: string, entity: boolean): EvidenceKind {
  switch (key.charCodeAt(0)) {
    case 97: return 'naming' // a:
    case 110: return 'number' // n:
    case 100: return 'date' // d:
    case 113: return 'quote' // q:
    default: return entity ? 'entity' : 'term'
  }
}

/** Contribution of one feature of weight x to a passage's mass (linear: see `similarity`). */
function unit(x: number): number {
  return x
}

/**
 * Similarity of two weighted binary feature sets. With S the weight of the shared features and
 * A, B the total weights of each side:
 *
 *   score = sqrt( S/sqrt(A·B)  ×  S/min(A, B) )
 *
 * the geometric mean of the symmetric Ochiai coefficient and the asymmetric overlap
 * coefficient. Ochiai alone punishes a short sentence that is wholly contained in a long one
 * (a lead sentence vs a one-line summary of it: Ochiai 0.5 when B = A/4 is fully shared);
 * overlap alone calls any short sentence with one shared name a match. The mean keeps both in
 * check: full containment at B = A/4 scores 0.71, identical sets 1, disjoint 0.
 * A pair sharing one single feature is halved (one shared name or number is a coincidence far
 * more often than a paraphrase). `na`/`nb` are the masses A and B.
 */
function similarity(a: SentenceFeatures, b: SentenceFeatures, na: number, nb: number, w: Map<string, number>): Scored {
  if (na === 0 || nb === 0) return { score: 0, coverage: 0, shared: [] }
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  const shared: string[] = []
  for (const k of small.keys()) {
    if (!large.has(k)) continue
    const x = w.get(k) ?? 0
    if (x <= 0) continue
    dot += unit(x)
    shared.push(k)
  }
  const ochiai = dot / Math.sqrt(na * nb)
  let score = Math.sqrt(ochiai * (dot / Math.min(na, nb)))
  if (shared.length === 1) score *= 0.5
  return { score: Math.min(1, score), coverage: ochiai, shared }
}

function norm2Of(f: SentenceFeatures, w: Map<string, number>): number {
  let n = 0
  for (const k of f.keys()) n += unit(w.get(k) ?? 0)
  return n
}

function union(fs: readonly SentenceFeatures[]): SentenceFeatures {
  const out: SentenceFeatures = new Map()
  for (const f of fs) for (const [k, v] of f) if (!out.has(k)) out.set(k, v)
  return out
}

/** Features, rarity weights and inverted indexes for every article. */
function prepare(articles: readonly Article[], segs: readonly Segmentation[], naming: NamingResource | null): { docs: Doc[]; weights: Weights } {
  const feats = articles.map((a, i) => articleFeatures(segs[i]!, a.text, naming))
  const df = new Map<string, number>()
  const cap = new Map<string, number>()
  let n = 0
  for (const doc of feats) {
    for (const s of doc) {
      n++
      for (const [k, occ] of s) {
        df.set(k, (df.get(k) ?? 0) + 1)
        if (occ.cap !== 0) cap.set(k, (cap.get(k) ?? 0) + occ.cap)
      }
    }
  }
  const w = new Map<string, number>()
  const kind = new Map<string, EvidenceKind>()
  for (const [k, d] of df) {
    // BM25 idf, always positive: ln(1 + (N - df + 0.5) / (df + 0.5)), with N counting
    // PRIOR_SENTENCES featureless background sentences (see there).
    const nn = n + PRIOR_SENTENCES
    const idf = Math.log(1 + (nn - d + 0.5) / (d + 0.5))
    const kd = kindOfKey(k, (cap.get(k) ?? 0) > 0)
    kind.set(k, kd)
    w.set(k, idf * KIND_WEIGHT[kd])
  }
  const docs = articles.map((a, i): Doc => {
    const f = feats[i]!
    const index = new Map<string, number[]>()
    const norm2 = new Float64Array(f.length)
    const order = f.map((s, si) => {
      norm2[si] = norm2Of(s, w)
      const keys = [...s.keys()]
      for (const k of keys) {
        const list = index.get(k)
        if (list) list.push(si)
        else index.set(k, [si])
      }
      return keys.sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0))
    })
    return { id: a.id, seg: segs[i]!, feats: f, order, norm2, index }
  })
  return { docs, weights: { w, kind } }
}

/** Candidate pairs (i in A, j in B) with exact scores ≥ `floor`, via the inverted index of B. */
function candidates(A: Doc, B: Doc, w: Map<string, number>, floor: number): { i: number; j: number; s: Scored }[] {
  const out: { i: number; j: number; s: Scored }[] = []
  const acc = new Map<number, number>()
  for (let i = 0; i < A.feats.length; i++) {
    acc.clear()
    const keys = A.order[i]!
    for (let k = 0; k < keys.length; k++) {
      const postings = B.index.get(keys[k]!)
      if (!postings) continue
      if (postings.length > POSTING_CAP && k >= ALWAYS_USED) continue
      const x = w.get(keys[k]!) ?? 0
      const inc = unit(x)
      for (const j of postings) acc.set(j, (acc.get(j) ?? 0) + inc)
    }
    if (acc.size === 0) continue
    let cand = [...acc.entries()]
    if (cand.length > MAX_CANDIDATES) cand = cand.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES)
    for (const [j] of cand) {
      const s = similarity(A.feats[i]!, B.feats[j]!, A.norm2[i]!, B.norm2[j]!, w)
      if (s.score >= floor) out.push({ i, j, s })
    }
  }
  return out
}

interface Pending {
  a0: number
  a1: number
  b0: number
  b1: number
  score: number
  shared: readonly string[]
}

function passageFeatures(doc: Doc, from: number, to: number): SentenceFeatures {
  return to - from === 1 ? doc.feats[from]! : union(doc.feats.slice(from, to))
}

/** Align one ordered pair of articles. */
function alignPair(A: Doc, B: Doc, weights: Weights, threshold: number): Pending[] {
  const { w } = weights
  const cands = candidates(A, B, w, threshold * 0.3)
  const bestA = new Float64Array(A.feats.length)
  const bestB = new Float64Array(B.feats.length)
  const pairScore = new Map<number, number>()
  const pairCoverage = new Map<number, number>()
  const pairKey = (i: number, j: number): number => i * B.feats.length + j
  for (const c of cands) {
    if (c.s.score > bestA[c.i]!) bestA[c.i] = c.s.score
    if (c.s.score > bestB[c.j]!) bestB[c.j] = c.s.score
    pairScore.set(pairKey(c.i, c.j), c.s.score)
    pairCoverage.set(pairKey(c.i, c.j), c.s.coverage)
  }
  // Accept near-best candidates above threshold, and mutual best matches above MUTUAL_SHARE of
  // it (competitive linking: when i's best counterpart is j and j's best is i, a weaker score is
  // still good evidence); at most MAX_LINKS per sentence on each side.
  const ok = (c: { i: number; j: number; s: Scored }): boolean => {
    const s = c.s.score
    if (s < RELATIVE_KEEP * bestA[c.i]! || s < RELATIVE_KEEP * bestB[c.j]!) return false
    if (s >= threshold) return true
    return s >= threshold * MUTUAL_SHARE && s === bestA[c.i] && s === bestB[c.j]
  }
  const accepted = cands
    .filter(ok)
    .sort((x, y) => y.s.score - x.s.score || x.i - y.i || x.j - y.j)
  const countA = new Uint8Array(A.feats.length)
  const countB = new Uint8Array(B.feats.length)
  const links: Pending[] = []
  for (const c of accepted) {
    if (countA[c.i]! >= MAX_LINKS || countB[c.j]! >= MAX_LINKS) continue
    countA[c.i]!++
    countB[c.j]!++
    links.push({ a0: c.i, a1: c.i + 1, b0: c.j, b1: c.j + 1, score: c.s.score, shared: c.s.shared })
  }
  // Grow single-sentence links by one adjacent sentence when that clearly helps (splits/merges).
  // "Helps" is judged on coverage (the symmetric Ochiai part), not on the score: when one side
  // is contained in the other the overlap part is already ~1, so only coverage shows that the
  // merged passage accounts for more of the longer side. The score may not drop by more than
  // 2 x MERGE_GAIN. A sentence whose own best counterpart is the linked sentence is merged
  // whenever coverage does not drop (a split: two links to one passage become one). The added sentence must itself be a plausible part: its own score with the other
  // side is within RELATIVE_KEEP of its best, so a sentence that belongs elsewhere is not swallowed.
  const grown: Pending[] = []
  for (const l of links) {
    let best: Pending = l
    let bestCoverage = pairCoverage.get(pairKey(l.a0, l.b0)) ?? 0
    const baseCoverage = bestCoverage
    const fa = A.feats[l.a0]!
    const fb = B.feats[l.b0]!
    const tryGrow = (a0: number, a1: number, b0: number, b1: number, addedBest: number, addedScore: number): void => {
      if (addedScore <= 0 || addedScore < RELATIVE_KEEP * addedBest) return
      const pa = a1 - a0 === 1 ? fa : passageFeatures(A, a0, a1)
      const pb = b1 - b0 === 1 ? fb : passageFeatures(B, b0, b1)
      const s = similarity(pa, pb, norm2Of(pa, w), norm2Of(pb, w), w)
      // The added sentence's own best counterpart is this one: both were separate links to the
      // same passage (a split), so presenting them as one passage loses nothing.
      const split = addedScore === addedBest && addedScore >= threshold * MUTUAL_SHARE
      const gain = split ? s.coverage > bestCoverage - MERGE_GAIN : s.coverage >= baseCoverage + MERGE_GAIN && s.coverage > bestCoverage
      if (gain && s.score >= l.score - 2 * MERGE_GAIN) {
        best = { a0, a1, b0, b1, score: s.score, shared: s.shared }
        bestCoverage = s.coverage
      }
    }
    const sameParagraph = (doc: Doc, x: number, y: number): boolean =>
      doc.seg.sentences[x] !== undefined && doc.seg.sentences[y] !== undefined && doc.seg.sentences[x]!.paragraph === doc.seg.sentences[y]!.paragraph
    for (const j of [l.b0 - 1, l.b1]) {
      if (j < 0 || j >= B.feats.length || !sameParagraph(B, j, l.b0)) continue
      tryGrow(l.a0, l.a1, Math.min(j, l.b0), Math.max(j + 1, l.b1), bestB[j]!, pairScore.get(pairKey(l.a0, j)) ?? 0)
    }
    for (const i of [l.a0 - 1, l.a1]) {
      if (i < 0 || i >= A.feats.length || !sameParagraph(A, i, l.a0)) continue
      tryGrow(Math.min(i, l.a0), Math.max(i + 1, l.a1), l.b0, l.b1, bestA[i]!, pairScore.get(pairKey(i, l.b0)) ?? 0)
    }
    grown.push(best)
  }
  // Drop duplicates and links contained in a grown link (both sides inside it).
  const byId = new Map<string, Pending>()
  for (const l of grown) {
    const id = `${l.a0}-${l.a1}~${l.b0}-${l.b1}`
    const prev = byId.get(id)
    if (!prev || prev.score < l.score) byId.set(id, l)
  }
  const all = [...byId.values()]
  const multi = all.filter((l) => l.a1 - l.a0 > 1 || l.b1 - l.b0 > 1)
  return all.filter(
    (l) => !multi.some((m) => m !== l && m.a0 <= l.a0 && l.a1 <= m.a1 && m.b0 <= l.b0 && l.b1 <= m.b1)
  )
}

function ref(doc: Doc, from: number, to: number): PassageRef {
  const s = doc.seg.sentences
  return { article: doc.id, start: s[from]!.start, end: s[to - 1]!.end, sentenceStart: from, sentenceEnd: to }
}

function evidenceOf(A: Doc, B: Doc, l: Pending, weights: Weights): Evidence[] {
  const fa = passageFeatures(A, l.a0, l.a1)
  const fb = passageFeatures(B, l.b0, l.b1)
  const norm = Math.sqrt(norm2Of(fa, weights.w) * norm2Of(fb, weights.w))
  const out: Evidence[] = []
  for (const k of l.shared) {
    const x = weights.w.get(k) ?? 0
    const oa = fa.get(k)
    const ob = fb.get(k)
    if (!oa || !ob) continue
    let kind = weights.kind.get(k) ?? 'term'
    const weight = norm > 0 ? unit(x) / norm : 0
    if (kind === 'naming') {
      const referent = k.slice(2)
      if (oa.surface === ob.surface) kind = 'entity'
      out.push({ kind, a: oa.surface, b: ob.surface, weight, referent })
    } else {
      out.push({ kind, a: oa.surface, b: ob.surface, weight })
    }
  }
  return out.sort((x, y) => y.weight - x.weight || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0))
}

/** Sentences of each article that some other article has no counterpart for. */
function findUnmatched(docs: readonly Doc[], links: readonly Link[]): Unmatched[] {
  const pos = new Map<ArticleId, number>()
  docs.forEach((d, i) => pos.set(d.id, i))
  // covered[x][s] = set of article indices in which sentence s of article x has a counterpart.
  const covered = docs.map((d) => d.seg.sentences.map(() => new Set<number>()))
  for (const l of links) {
    const ia = pos.get(l.a.article)
    const ib = pos.get(l.b.article)
    if (ia === undefined || ib === undefined) continue
    for (let s = l.a.sentenceStart; s < l.a.sentenceEnd; s++) covered[ia]![s]?.add(ib)
    for (let s = l.b.sentenceStart; s < l.b.sentenceEnd; s++) covered[ib]![s]?.add(ia)
  }
  const out: Unmatched[] = []
  docs.forEach((d, x) => {
    d.seg.sentences.forEach((s, si) => {
      const have = covered[x]![si]!
      const missingIn: ArticleId[] = []
      docs.forEach((o, y) => { if (y !== x && !have.has(y)) missingIn.push(o.id) })
      if (missingIn.length > 0) out.push({ article: d.id, start: s.start, end: s.end, sentence: si, missingIn })
    })
  })
  return out
}

/** Align every pair of articles (base vs each other, and each pair of non-base articles). */
export function align(input: AlignInput): Alignment {
  const { articles, segmentations, base } = input
  if (segmentations.length !== articles.length) throw new RangeError('align(): one segmentation per article is required')
  const { docs, weights } = prepare(articles, segmentations, input.naming)
  const baseIdx = Math.max(0, docs.findIndex((d) => d.id === base))
  // Pair order: base first on side a, then non-base pairs in input order.
  const pairs: [number, number][] = []
  docs.forEach((_, i) => { if (i !== baseIdx) pairs.push([baseIdx, i]) })
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) if (i !== baseIdx && j !== baseIdx) pairs.push([i, j])
  }
  const machine: Link[] = []
  for (const [ia, ib] of pairs) {
    const A = docs[ia]!
    const B = docs[ib]!
    const pending = alignPair(A, B, weights, input.threshold).sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0 || x.a1 - y.a1 || x.b1 - y.b1)
    for (const l of pending) {
      const a = ref(A, l.a0, l.a1)
      const b = ref(B, l.b0, l.b1)
      machine.push({ id: linkId(a, b), a, b, score: round(l.score), evidence: evidenceOf(A, B, l, weights), origin: 'machine' })
    }
  }
  const links = input.corrections.length > 0 ? applyCorrections(machine, input.corrections) : machine
  return { base: docs[baseIdx]?.id ?? base, links, unmatched: findUnmatched(docs, links) }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4
}

/**
 * Similarity in [0, 1] of two free-standing passages (for pair evaluation and the UI's "why not
 * linked?" probe). With no compared set to estimate rarity from, every content feature has
 * rarity 1, very common news words 0.5, and naming classes 0.4: the classes list a story's main
 * actors, which in a real compared set occur in a large share of sentences and so get a low
 * idf (in the seed story "Israel" is ~4x less rare than a typical content word). Kind
 * multipliers and the single-coincidence penalty are the same as in `align()`, so
 * DEFAULT_LINK_THRESHOLD applies to both.
 */
export function passageSimilarity(a: string, b: string, naming?: NamingResource | null): number {
  const fa = freeFeatures(a, naming ?? null)
  const fb = freeFeatures(b, naming ?? null)
  // Entity status must not depend on argument order: sum capitalisation votes of both sides.
  const cap = new Map<string, number>()
  for (const f of [fa, fb]) for (const [k, occ] of f) cap.set(k, (cap.get(k) ?? 0) + occ.cap)
  const w = new Map<string, number>()
  for (const f of [fa, fb]) {
    for (const k of f.keys()) {
      if (w.has(k)) continue
      const kd = kindOfKey(k, (cap.get(k) ?? 0) > 0)
      const rarity = k.startsWith('a:') ? FREE_ACTOR_RARITY : commonKeys().has(k) ? 0.5 : 1
      w.set(k, rarity * KIND_WEIGHT[kd])
    }
  }
  return round(similarity(fa, fb, norm2Of(fa, w), norm2Of(fb, w), w).score)
}

let common: Set<string> | null = null
/** Feature keys of the COMMON_NEWS words (so "country" and its synonym "nation" agree). */
function commonKeys(): Set<string> {
  if (!common) {
    common = new Set()
    for (const w of COMMON_NEWS) for (const t of tokenize(w)) {
      const k = wordKey(t)
      if (k !== null) common.add(k)
    }
  }
  return common
}

function freeFeatures(text: string, naming: NamingResource | null): SentenceFeatures {
  const tokens = tokenize(text)
  const mentions = naming ? findNamingMentions(tokens, naming) : []
  // Quotation state over the whole string (a free passage is one "paragraph").
  const quoted = new Uint8Array(tokens.length)
  let depth = 0
  let straight = false
  tokens.forEach((t, i) => {
    if (t.kind === 'punct') {
      if (t.norm === '“' || t.norm === '«') depth++
      else if (t.norm === '”' || t.norm === '»') depth = Math.max(0, depth - 1)
      else if (t.norm === '"') straight = !straight
    } else if (depth > 0 || straight) quoted[i] = 1
  })
  return featuresOfRange(tokens, text, 0, tokens.length, mentions, (i) => quoted[i] === 1)
}
