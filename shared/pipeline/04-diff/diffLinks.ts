/**
 * Stage 04-diff: word-level differences inside every aligned passage pair, and a
 * classification of each difference where one applies.
 *
 * A "hunk" is a maximal run of non-equal ops between two equal runs: a substitution (delete and
 * insert), a pure deletion or a pure insertion. Each hunk is checked against annotations of the
 * tokens it touches on each side, in this order (a hunk may yield several changes, but one
 * token is explained by one rule only):
 *
 *   naming-swap        a mention of actor X on side a and a different term for X on side b
 *                      ("Zionist regime" → "Israel"), from the naming classes
 *   number-changed     numbers on both sides with different values ("over 100" → "dozens")
 *   reporting-verb     two reporting verbs ("said" → "claimed"), with their stances
 *   intensity          two levels of one intensity scale ("criticised" → "slammed")
 *   hedge-added/dropped a hedge on one side only ("reportedly", "so-called", "may")
 *   evaluative-added/removed an evaluative word on one side only (project lexicons; the small
 *                      fallback list in shared/resources/wording/evaluative.json otherwise)
 *   quote-changed      the hunk lies inside a quotation: trimmed, extended or reworded
 *   other              any remaining substitution of words ("wording differs")
 *
 * Pure insertions and deletions that match no rule are left unclassified: the ops already
 * show them, and an explanation would only restate "this was added".
 */
import type { Article, Change, Link, PassageDiff, Segmentation, Token } from '../../model'
import { findNamingMentions, type NamingMention, type NamingResource } from '../../resources/naming'
import { lexiconHits } from '../../resources/lexicons'
import { builtinWording, matchNorms, type HedgeEntry, type IntensityEntry, type ReportingEntry, type Wording } from '../../resources/wording'
import { diffTokens, TokenAlphabet, type TokenRun } from './dmp'
import { quoteMask } from '../../text/quoteMask'

export interface DiffLinksInput {
  readonly articles: readonly Article[]
  readonly segmentations: readonly Segmentation[]
  readonly links: readonly Link[]
  readonly naming: NamingResource | null
  /** Word data; defaults to the built-in files. */
  readonly wording?: Wording
  /**
   * Diff only the links that have this article on one side (e.g. the base). The number of links
   * between non-base articles grows with the square of the number of articles, so a caller
   * that shows base-vs-other comparisons first can diff the other pairs on demand.
   */
  readonly involving?: string
}


/** A Map, not an object literal: a word such as "constructor" must not hit Object.prototype. */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', twenty: '20', thirty: '30', fifty: '50',
  hundred: '100', hundreds: '100', thousand: '1000', thousands: '1000', dozen: '12', dozens: '12',
  million: '1000000', millions: '1000000', billion: '1000000000'
}))

/** Lexicon categories that count as "evaluative wording" (hedges and reporting verbs have own rules). */
const EVALUATIVE_CATEGORIES: ReadonlySet<string> = new Set(['loaded', 'labeling', 'exaggeration', 'fear', 'doubt'])

interface Annot<T> {
  readonly tokenStart: number
  readonly tokenEnd: number
  readonly payload: T
}

/** Per-article annotations, computed once and looked up per token. */
interface ArticleInfo {
  readonly article: Article
  readonly seg: Segmentation
  readonly naming: (Annot<NamingMention> | undefined)[]
  readonly intensity: (Annot<IntensityEntry> | undefined)[]
  readonly reporting: (Annot<ReportingEntry> | undefined)[]
  readonly hedge: (Annot<HedgeEntry> | undefined)[]
  readonly evaluative: (Annot<{ rule: string; label: string }> | undefined)[]
  readonly quoted: Uint8Array
  /** `numberValue` of each token, computed once per article (hunks look tokens up many times). */
  readonly numbers: (string | null)[]
  /** 1 where a token carries any annotation above, or is a number: a hunk without any such
   *  token can only be an unclassified edit or an `other` substitution (fast path). */
  readonly marked: Uint8Array
}

function perToken<T>(n: number, list: readonly Annot<T>[]): (Annot<T> | undefined)[] {
  // Filled with undefined so every such array has one elements kind (HOLEY_ELEMENTS) whether or
  // not the article has any annotation of the kind: `new Array(n)` alone stays a small-integer
  // array when nothing is stored, giving ArticleInfo objects different field types, which made
  // V8 discard its optimized classification code ("wrong map") and compile it again.
  const out = new Array<Annot<T> | undefined>(n).fill(undefined)
  for (const a of list) for (let i = a.tokenStart; i < a.tokenEnd; i++) out[i] ??= a
  return out
}

/**
 * Per-article annotations. The loops over every token live in small helpers: prepare() runs
 * once per article, and with its loops inline V8 compiled the whole function (on-stack, then
 * again twice) for ~25 ms of optimizing-compiler time; the helpers compile in a few ms each.
 */
function prepare(article: Article, seg: Segmentation, naming: NamingResource | null, wording: Wording): ArticleInfo {
  const tokens = seg.tokens
  const n = tokens.length
  const mentions = naming ? findNamingMentions(tokens, naming).map((m) => ({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, payload: m })) : []
  const info = {
    article,
    seg,
    naming: perToken(n, mentions),
    intensity: perToken(n, wording.intensity.match(tokens, 0, n)),
    reporting: perToken(n, matchNorms(wording.reporting, tokens)),
    hedge: perToken(n, matchNorms(wording.hedges, tokens)),
    evaluative: perToken(n, evaluativeAnnots(article, tokens, wording)),
    quoted: quoteMask(seg),
    numbers: numberValues(tokens),
    marked: new Uint8Array(n)
  }
  markAnnotated(info)
  return info
}

/**
 * Evaluative words: the project lexicons first (their rule ids are the provenance), then the
 * small fallback list for words they do not cover. Negated hits ("not brutal") are left out:
 * a negated evaluative word does not add that judgement. Sorted by first token.
 */
function evaluativeAnnots(article: Article, tokens: readonly Token[], wording: Wording): Annot<{ rule: string; label: string }>[] {
  const n = tokens.length
  const evaluative: Annot<{ rule: string; label: string }>[] = lexiconHits(tokens, 0, n, { text: article.text })
    .filter((h) => EVALUATIVE_CATEGORIES.has(h.category) && !h.negated)
    .map((h) => ({ tokenStart: h.tokenStart, tokenEnd: h.tokenEnd, payload: { rule: h.entry.rule, label: h.category } }))
  const covered = new Uint8Array(n)
  for (const e of evaluative) for (let i = e.tokenStart; i < e.tokenEnd; i++) covered[i] = 1
  for (const m of wording.evaluative.match(tokens, 0, n)) {
    let free = true
    for (let i = m.tokenStart; i < m.tokenEnd; i++) if (covered[i]) free = false
    if (free) evaluative.push({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, payload: { rule: `evaluative:${m.payload.form}`, label: 'evaluative' } })
  }
  evaluative.sort((x, y) => x.tokenStart - y.tokenStart)
  return evaluative
}

/** Sets `marked` (see ArticleInfo) from the other annotations. */
function markAnnotated(info: ArticleInfo): void {
  const n = info.marked.length
  for (let i = 0; i < n; i++) {
    if (info.naming[i] || info.intensity[i] || info.reporting[i] || info.hedge[i] || info.evaluative[i] || info.quoted[i] || info.numbers[i] !== null) info.marked[i] = 1
  }
}

/** Distinct annotations touching tokens `[from, to)`, in order. */
function touching<T>(arr: readonly (Annot<T> | undefined)[], from: number, to: number): Annot<T>[] {
  const out: Annot<T>[] = []
  for (let i = from; i < to; i++) {
    const a = arr[i]
    if (a && out[out.length - 1] !== a) out.push(a)
  }
  return out
}

function textOf(info: ArticleInfo, from: number, to: number): string {
  const t = info.seg.tokens
  return info.article.text.slice(t[from]!.start, t[to - 1]!.end)
}

function spanOf(info: ArticleInfo, from: number, to: number): { start: number; end: number } {
  const t = info.seg.tokens
  return { start: t[from]!.start, end: t[to - 1]!.end }
}

/**
 * `numberValue` of every token, in an array of one elements kind for every article (see
 * perToken: `tokens.map` gave arrays of different kinds, and the classification code that
 * reads them was deoptimized when the second kind arrived).
 */
function numberValues(tokens: readonly Token[]): (string | null)[] {
  const out = new Array<string | null>(tokens.length).fill(null)
  for (let i = 0; i < tokens.length; i++) out[i] = numberValue(tokens[i]!)
  return out
}

function numberValue(t: Token): string | null {
  if (t.kind === 'number') return t.norm.replace(/,/g, '')
  if (t.kind === 'word') return NUMBER_WORDS.get(t.norm) ?? null
  return null
}

interface Hunk {
  /** Token ranges (absolute indices into each article's tokens). */
  readonly a0: number
  readonly a1: number
  readonly b0: number
  readonly b1: number
}

/** Group consecutive non-equal runs into hunks; offsets shifted to absolute token indices. */
function hunks(runs: readonly TokenRun[], aOff: number, bOff: number): Hunk[] {
  const out: Hunk[] = []
  let cur: { a0: number; a1: number; b0: number; b1: number } | null = null
  for (const r of runs) {
    if (r.op === 'equal') {
      if (cur) out.push(cur)
      cur = null
      continue
    }
    if (!cur) cur = { a0: r.a0 + aOff, a1: r.a1 + aOff, b0: r.b0 + bOff, b1: r.b1 + bOff }
    else {
      cur.a1 = Math.max(cur.a1, r.a1 + aOff)
      cur.b1 = Math.max(cur.b1, r.b1 + bOff)
    }
  }
  if (cur) out.push(cur)
  return out
}

/**
 * Token indices a rule has explained on each side, and the changes so far, of one hunk. A class
 * (methods on its prototype), not closures made per hunk.
 */
class HunkState {
  readonly out: Change[] = []
  readonly usedA = new Set<number>()
  readonly usedB = new Set<number>()

  useA(from: number, to: number): void {
    for (let i = from; i < to; i++) this.usedA.add(i)
  }

  useB(from: number, to: number): void {
    for (let i = from; i < to; i++) this.usedB.add(i)
  }

  freeA(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.usedA.has(i)) return false
    return true
  }

  freeB(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.usedB.has(i)) return false
    return true
  }
}

/**
 * Classify one hunk into zero or more changes (see the header for the rule order).
 *
 * Each rule is its own small function: V8 optimizes a function as a whole, and this one used to
 * hold all eight rules (with closures), which took ~65 ms of optimizing-compiler time per
 * compile on the bench sets (twice, after a deoptimization), more than the hunks themselves.
 * Split, only the rules that run often get optimized, each cheaply. Same rules, same order.
 */
function classifyHunk(A: ArticleInfo, B: ArticleInfo, h: Hunk, naming: NamingResource | null): Change[] {
  let marked = false
  for (let i = h.a0; i < h.a1 && !marked; i++) if (A.marked[i]) marked = true
  for (let i = h.b0; i < h.b1 && !marked; i++) if (B.marked[i]) marked = true
  if (!marked) return otherChange(A, B, h)
  const st = new HunkState()
  namingRule(A, B, h, naming, st)
  if (h.a1 > h.a0 && h.b1 > h.b0) numberRule(A, B, h, st)
  reportingRule(A, B, h, st)
  intensityRule(A, B, h, st)
  hedgeRule(A, B, h, st)
  evaluativeRule(A, B, h, st)
  if (quoteRule(A, B, h, st)) return st.out
  return st.out.length === 0 ? otherChange(A, B, h) : st.out
}

/**
 * A term the other side's hunk also uses for that actor was not swapped away: in a reworded
 * sentence where both sides say "Azerbaijan" and one adds "Baku", nothing replaced
 * "Azerbaijan". (The replacement may be a term side a also uses elsewhere in the hunk: "the
 * Zionists established…" where the other side says "Israel" is a swap even if side a says
 * "Israel" in its other sentence.)
 */
function usesTerm(ms: readonly Annot<NamingMention>[], actor: string, term: string): boolean {
  for (const m of ms) if (m.payload.actor === actor && m.payload.term.id === term) return true
  return false
}

/** 1. Naming swap: same actor, different term, both touched by the hunk. */
function namingRule(A: ArticleInfo, B: ArticleInfo, h: Hunk, naming: NamingResource | null, st: HunkState): void {
  const ma = touching(A.naming, h.a0, h.a1)
  if (ma.length === 0) return
  const mb = touching(B.naming, h.b0, h.b1)
  for (const x of ma) {
    if (usesTerm(mb, x.payload.actor, x.payload.term.id)) continue
    // Different TERMS of one actor ("Zionist regime" vs "Israel"); two forms of one term
    // ("Jeyhun Bayramov" vs "Bayramov", "Azerbaijan" vs "Azerbaijan's") are not a naming choice.
    const y = mb.find(
      (m) =>
        m.payload.actor === x.payload.actor &&
        m.payload.term.id !== x.payload.term.id &&
        st.freeB(m.tokenStart, m.tokenEnd)
    )
    if (!y) continue
    const sa = textOf(A, x.tokenStart, x.tokenEnd)
    const sb = textOf(B, y.tokenStart, y.tokenEnd)
    if (sa.toLowerCase() === sb.toLowerCase()) continue
    const ta = x.payload.term
    const tb = y.payload.term
    const label = naming?.actorById.get(x.payload.actor)?.label ?? x.payload.actor
    const note = tb.explanation || ta.explanation
    st.out.push({
      kind: 'naming-swap',
      a: spanOf(A, x.tokenStart, x.tokenEnd),
      b: spanOf(B, y.tokenStart, y.tokenEnd),
      rule: `naming:${x.payload.actor}:${ta.id}>${tb.id}`,
      explanation: `"${sa}" (${ta.viewpoint}) became "${sb}" (${tb.viewpoint}); both name ${label}.${note ? ' ' + note : ''}`
    })
    st.useA(x.tokenStart, x.tokenEnd)
    st.useB(y.tokenStart, y.tokenEnd)
  }
}

/** 2. Numbers: a value on each side that the other side's hunk does not have (hunks with both sides). */
function numberRule(A: ArticleInfo, B: ArticleInfo, h: Hunk, st: HunkState): void {
  const va = new Map<string, number>()
  const vb = new Map<string, number>()
  for (let i = h.a0; i < h.a1; i++) {
    const v = st.usedA.has(i) ? null : (A.numbers[i] ?? null)
    if (v !== null && !va.has(v)) va.set(v, i)
  }
  for (let i = h.b0; i < h.b1; i++) {
    const v = st.usedB.has(i) ? null : (B.numbers[i] ?? null)
    if (v !== null && !vb.has(v)) vb.set(v, i)
  }
  const onlyA = [...va].filter(([v]) => !vb.has(v))
  const onlyB = [...vb].filter(([v]) => !va.has(v))
  if (onlyA.length > 0 && onlyB.length > 0) {
    const ia = onlyA[0]![1]
    const ib = onlyB[0]![1]
    st.out.push({
      kind: 'number-changed',
      a: spanOf(A, ia, ia + 1),
      b: spanOf(B, ib, ib + 1),
      rule: 'number:changed',
      explanation: `The figure "${textOf(A, ia, ia + 1)}" appears as "${textOf(B, ib, ib + 1)}" in the other version: check which is right, and whether rounding or a different source explains it.`
    })
    st.useA(ia, ia + 1)
    st.useB(ib, ib + 1)
  }
}

/** 3. Reporting verbs on both sides. */
function reportingRule(A: ArticleInfo, B: ArticleInfo, h: Hunk, st: HunkState): void {
  const ra = touching(A.reporting, h.a0, h.a1).filter((r) => st.freeA(r.tokenStart, r.tokenEnd))
  const rb = touching(B.reporting, h.b0, h.b1).filter((r) => st.freeB(r.tokenStart, r.tokenEnd))
  if (ra.length > 0 && rb.length > 0) {
    const x = ra[0]!
    const y = rb[0]!
    const sa = textOf(A, x.tokenStart, x.tokenEnd)
    const sb = textOf(B, y.tokenStart, y.tokenEnd)
    if (sa.toLowerCase() !== sb.toLowerCase()) {
      const same = x.payload.stance === y.payload.stance
      st.out.push({
        kind: 'reporting-verb',
        a: spanOf(A, x.tokenStart, x.tokenEnd),
        b: spanOf(B, y.tokenStart, y.tokenEnd),
        rule: `reporting:${x.payload.stance}>${y.payload.stance}`,
        explanation: same
          ? `Reporting verb "${sa}" became "${sb}"; both are ${x.payload.stance} (${y.payload.meaning}).`
          : `Reporting verb "${sa}" (${x.payload.stance}: ${x.payload.meaning}) became "${sb}" (${y.payload.stance}: ${y.payload.meaning}).`
      })
      st.useA(x.tokenStart, x.tokenEnd)
      st.useB(y.tokenStart, y.tokenEnd)
    }
  }
}

/** 4. Intensity: two levels of one scale. */
function intensityRule(A: ArticleInfo, B: ArticleInfo, h: Hunk, st: HunkState): void {
  const ia = touching(A.intensity, h.a0, h.a1).filter((r) => st.freeA(r.tokenStart, r.tokenEnd))
  const ib = touching(B.intensity, h.b0, h.b1).filter((r) => st.freeB(r.tokenStart, r.tokenEnd))
  for (const x of ia) {
    const y = ib.find((m) => m.payload.scale === x.payload.scale && m.payload.level !== x.payload.level && st.freeB(m.tokenStart, m.tokenEnd))
    if (!y) continue
    const sa = textOf(A, x.tokenStart, x.tokenEnd)
    const sb = textOf(B, y.tokenStart, y.tokenEnd)
    const stronger = y.payload.level > x.payload.level
    st.out.push({
      kind: 'intensity',
      a: spanOf(A, x.tokenStart, x.tokenEnd),
      b: spanOf(B, y.tokenStart, y.tokenEnd),
      rule: `intensity:${x.payload.scale}:${x.payload.form}>${y.payload.form}`,
      explanation: `"${sb}" is a ${stronger ? 'stronger' : 'weaker'} word for ${x.payload.gloss} than "${sa}" (level ${y.payload.level + 1} vs ${x.payload.level + 1} of ${x.payload.levels}).`
    })
    st.useA(x.tokenStart, x.tokenEnd)
    st.useB(y.tokenStart, y.tokenEnd)
  }
}

/** 5. Hedges on one side only (compared by hedge group and form). */
function hedgeRule(A: ArticleInfo, B: ArticleInfo, h: Hunk, st: HunkState): void {
  const ha = touching(A.hedge, h.a0, h.a1).filter((r) => st.freeA(r.tokenStart, r.tokenEnd))
  const hb = touching(B.hedge, h.b0, h.b1).filter((r) => st.freeB(r.tokenStart, r.tokenEnd))
  const formsA = new Set(ha.map((x) => x.payload.form))
  const formsB = new Set(hb.map((x) => x.payload.form))
  for (const y of hb) {
    if (formsA.has(y.payload.form)) continue
    const s = textOf(B, y.tokenStart, y.tokenEnd)
    st.out.push({ kind: 'hedge-added', b: spanOf(B, y.tokenStart, y.tokenEnd), rule: `hedge:${y.payload.group}:${y.payload.form}`, explanation: `Hedge "${s}" added: it ${y.payload.explanation}.` })
    st.useB(y.tokenStart, y.tokenEnd)
  }
  for (const x of ha) {
    if (formsB.has(x.payload.form)) continue
    const s = textOf(A, x.tokenStart, x.tokenEnd)
    st.out.push({ kind: 'hedge-dropped', a: spanOf(A, x.tokenStart, x.tokenEnd), rule: `hedge:${x.payload.group}:${x.payload.form}`, explanation: `Hedge "${s}" dropped: the other version states it without the qualification (the hedge ${x.payload.explanation}).` })
    st.useA(x.tokenStart, x.tokenEnd)
  }
}

/** 6. Evaluative words on one side only. */
function evaluativeRule(A: ArticleInfo, B: ArticleInfo, h: Hunk, st: HunkState): void {
  const ea = touching(A.evaluative, h.a0, h.a1).filter((r) => st.freeA(r.tokenStart, r.tokenEnd))
  const eb = touching(B.evaluative, h.b0, h.b1).filter((r) => st.freeB(r.tokenStart, r.tokenEnd))
  const rulesA = new Set(ea.map((x) => x.payload.rule))
  const rulesB = new Set(eb.map((x) => x.payload.rule))
  for (const y of eb) {
    if (rulesA.has(y.payload.rule)) continue
    const s = textOf(B, y.tokenStart, y.tokenEnd)
    st.out.push({ kind: 'evaluative-added', b: spanOf(B, y.tokenStart, y.tokenEnd), rule: y.payload.rule, explanation: `Evaluative wording "${s}" (${y.payload.label}) appears only in this version: it adds a judgement the other does not make.` })
    st.useB(y.tokenStart, y.tokenEnd)
  }
  for (const x of ea) {
    if (rulesB.has(x.payload.rule)) continue
    const s = textOf(A, x.tokenStart, x.tokenEnd)
    st.out.push({ kind: 'evaluative-removed', a: spanOf(A, x.tokenStart, x.tokenEnd), rule: x.payload.rule, explanation: `Evaluative wording "${s}" (${x.payload.label}) is absent from the other version, which reports the same thing without that judgement.` })
    st.useA(x.tokenStart, x.tokenEnd)
  }
}

/** 7. Quotations: the hunk lies (partly) inside a quotation. True when the rule applied (it ends the hunk's classification). */
function quoteRule(A: ArticleInfo, B: ArticleInfo, h: Hunk, st: HunkState): boolean {
  const hasA = h.a1 > h.a0
  const hasB = h.b1 > h.b0
  let qa = false
  let qb = false
  for (let i = h.a0; i < h.a1; i++) if (A.quoted[i]) qa = true
  for (let i = h.b0; i < h.b1; i++) if (B.quoted[i]) qb = true
  if (!((qa && (qb || !hasB)) || (qb && !hasA))) return false
  const how = qa && qb ? 'reworded' : qa ? 'trimmed' : 'extended'
  st.out.push({
    kind: 'quote-changed',
    ...(hasA ? { a: spanOf(A, h.a0, h.a1) } : {}),
    ...(hasB ? { b: spanOf(B, h.b0, h.b1) } : {}),
    rule: `quote:${how}`,
    explanation:
      how === 'reworded' ? 'The quotation is worded differently in the two versions: at least one does not quote the speaker verbatim.'
        : how === 'trimmed' ? `Words quoted in one version ("${textOf(A, h.a0, h.a1)}") are cut from the quotation in the other.`
          : `The quotation is longer in this version ("${textOf(B, h.b0, h.b1)}" is not quoted in the other).`
  })
  return true
}

/** Rule 8: a substitution with words on both sides that no other rule explains. */
function otherChange(A: ArticleInfo, B: ArticleInfo, h: Hunk): Change[] {
  if (h.a1 <= h.a0 || h.b1 <= h.b0) return []
  let wa = false
  let wb = false
  for (let i = h.a0; i < h.a1; i++) if (A.seg.tokens[i]!.kind !== 'punct') wa = true
  for (let i = h.b0; i < h.b1; i++) if (B.seg.tokens[i]!.kind !== 'punct') wb = true
  if (!wa || !wb) return []
  return [{
    kind: 'other',
    a: spanOf(A, h.a0, h.a1),
    b: spanOf(B, h.b0, h.b1),
    rule: 'wording:substitution',
    explanation: `"${textOf(A, h.a0, h.a1)}" is worded "${textOf(B, h.b0, h.b1)}" in the other version.`
  }]
}

/** Token range `[from, to)` of a passage's sentences. */
function tokenRange(seg: Segmentation, sentenceStart: number, sentenceEnd: number): [number, number] {
  const s0 = seg.sentences[sentenceStart]
  const s1 = seg.sentences[sentenceEnd - 1]
  if (!s0 || !s1) return [0, 0]
  return [s0.tokenStart, s1.tokenEnd]
}

/** Diff and classify every link. Links whose articles are unknown are skipped. */
export function diffLinks(input: DiffLinksInput): PassageDiff[] {
  const wording = input.wording ?? builtinWording()
  const idx = new Map<string, number>()
  input.articles.forEach((a, i) => idx.set(a.id, i))
  const infos = new Map<number, ArticleInfo>()
  // One alphabet for the whole call: each article is encoded once and passages are substrings.
  const alphabet = new TokenAlphabet()
  const codes = new Map<number, string | null>()
  const codeOf = (i: number): string | null => {
    if (!codes.has(i)) codes.set(i, alphabet.encodeTokens(input.segmentations[i]!.tokens))
    return codes.get(i)!
  }
  const info = (i: number): ArticleInfo => {
    let x = infos.get(i)
    if (!x) {
      x = prepare(input.articles[i]!, input.segmentations[i]!, input.naming, wording)
      infos.set(i, x)
    }
    return x
  }
  const out: PassageDiff[] = []
  for (const link of input.links) {
    if (input.involving !== undefined && link.a.article !== input.involving && link.b.article !== input.involving) continue
    const ia = idx.get(link.a.article)
    const ib = idx.get(link.b.article)
    if (ia === undefined || ib === undefined) continue
    const A = info(ia)
    const B = info(ib)
    const [a0, a1] = tokenRange(A.seg, link.a.sentenceStart, link.a.sentenceEnd)
    const [b0, b1] = tokenRange(B.seg, link.b.sentenceStart, link.b.sentenceEnd)
    const ca = codeOf(ia)
    const cb = codeOf(ib)
    const d = diffTokens(A.seg.tokens, B.seg.tokens, a0, a1, b0, b1, ca !== null && cb !== null ? { a: ca, b: cb } : undefined)
    const changes: Change[] = []
    for (const h of hunks(d.runs, a0, b0)) changes.push(...classifyHunk(A, B, h, input.naming))
    out.push({ linkId: link.id, ops: d.ops, changes, timedOut: d.timedOut })
  }
  return out
}
