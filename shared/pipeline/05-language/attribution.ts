/**
 * Who is quoted or cited, with which verb (see quotes.ts for the quotation spans).
 *
 * Direct quotations, patterns tried in order:
 *   1. before the opening mark, in the same stretch of text:  X said: "…"  /  X said, "…"  /
 *      X called it "…"  /  according to X, "…"
 *   2. after the closing mark:  "…," X said.  /  "…," said X.  /  "…," he added.
 *   3. a quotation that follows another one with only spaces between inherits its speaker.
 * Indirect attributions (no marks) in sentences outside quotations:
 *   according to X, …     X reported/said/claimed that …     X indicate(s) that …
 *
 * Speaker resolution, in order: the nearest PERSON actor mention (or its coreference)
 * before the verb; else the noun phrase that is the verb's subject (from the previous clause
 * boundary up to the verb), with any actor it contains; else a capitalised name or pronoun
 * right after the verb ("said Kanaani"). A speaker phrase without a person or name whose last
 * word is a vague head ("sources", "officials", "observers", "news outlets") is anonymous.
 */
import type { ActorMention, Quote, Segmentation, Token } from '../../model'
import type { NamingResource } from '../../resources/naming'
import { ANONYMOUS_HEADS, isReportingVerb, quoteIndexAt, type QuotationSpan } from './quotes'
import { firstAtOrAfter } from '../../util/search'

export interface AttributionContext {
  readonly text: string
  readonly tokens: readonly Token[]
  readonly segmentation: Segmentation
  readonly naming: NamingResource
  readonly mentions: readonly ActorMention[]
  readonly tokenSentence: Int32Array
}

/** How far before an opening mark a reporting verb may stand (word tokens). */
const VERB_BEFORE_WINDOW = 14
/** How far after a closing mark a reporting verb may stand (word tokens). */
const VERB_AFTER_WINDOW = 5
const TERMINALS = new Set(['.', '!', '?', '…'])
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
/** Words skipped between a subject and its reporting verb ("the ministry has also said"). */
const SUBJECT_AUXILIARIES = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'also', 'then', 'later', 'once', 'previously', 'again', 'reportedly'])
const SUBJECT_SKIP = new Set(['what', 'that', 'which', 'who', 'as', 'and', 'but', 'recall', 'to', 'it', 'is', 'was'])


interface Speaker {
  readonly speaker: string
  readonly speakerActor: string
  readonly anonymous: boolean
}

const NOBODY: Speaker = { speaker: '', speakerActor: '', anonymous: false }

function actorSpeaker(ctx: AttributionContext, actorId: string): Speaker {
  const a = ctx.naming.actorById.get(actorId)
  return { speaker: a?.label ?? actorId, speakerActor: actorId, anonymous: false }
}

function isCap(ctx: AttributionContext, t: Token): boolean {
  const c = ctx.text[t.start]!
  return t.kind === 'word' && c !== c.toLowerCase()
}

/**
 * Per mentions array: is it in non-decreasing start order? resolveCoreference emits mentions in
 * text order, so the lookups below binary-search instead of scanning every mention of the
 * article for each reporting verb (quadratic on long articles); an unsorted array (another
 * caller) takes the plain scans, which give the same answers.
 */
const sortedByStart = new WeakMap<readonly ActorMention[], boolean>()

function isSortedByStart(ms: readonly ActorMention[]): boolean {
  let sorted = sortedByStart.get(ms)
  if (sorted === undefined) {
    sorted = true
    for (let i = 1; i < ms.length && sorted; i++) if (ms[i]!.start < ms[i - 1]!.start) sorted = false
    sortedByStart.set(ms, sorted)
  }
  return sorted
}


/** Mentions whose start lies in [start, end), nearest to `end` first. */
function mentionsIn(ctx: AttributionContext, start: number, end: number): ActorMention[] {
  const ms = ctx.mentions
  if (!isSortedByStart(ms)) return ms.filter((m) => m.start >= start && m.end <= end).sort((a, b) => b.start - a.start)
  // The same elements, in the same order, as the filter above (a mention starting after `end`
  // cannot end by `end`); then the same stable sort.
  const out: ActorMention[] = []
  for (let i = firstAtOrAfter(ms, start); i < ms.length && ms[i]!.start <= end; i++) if (ms[i]!.end <= end) out.push(ms[i]!)
  return out.sort((a, b) => b.start - a.start)
}

/** The first mention (in array order) starting at `a`, or at `b` when given; undefined if none. */
function firstMentionAt(ctx: AttributionContext, a: number, b: number | undefined): ActorMention | undefined {
  const ms = ctx.mentions
  if (!isSortedByStart(ms)) return ms.find((x) => x.start === a || (b !== undefined && x.start === b))
  // Sorted: the first index with start a, the first with start b; the earlier of the two.
  const ia = firstAtOrAfter(ms, a)
  const hitA = ia < ms.length && ms[ia]!.start === a ? ia : -1
  const ib = b === undefined ? -1 : firstAtOrAfter(ms, b)
  const hitB = ib >= 0 && ib < ms.length && ms[ib]!.start === b ? ib : -1
  const i = hitA < 0 ? hitB : hitB < 0 ? hitA : Math.min(hitA, hitB)
  return i < 0 ? undefined : ms[i]
}

/**
 * Subject phrase of the reporting verb at token `v`, searched back to token `lo`: the nearest
 * person mention wins; otherwise the words from the last clause boundary up to the verb.
 */
function subjectBefore(ctx: AttributionContext, v: number, lo: number): Speaker {
  const { tokens, text } = ctx
  if (v <= lo) return NOBODY
  const person = mentionsIn(ctx, tokens[lo]!.start, tokens[v]!.start).find(
    (m) => ctx.naming.actorById.get(m.actor)?.kind === 'person'
  )
  if (person) return actorSpeaker(ctx, person.actor)
  // Clause phrase right before the verb (skip auxiliaries like "has", "had").
  let end = v
  while (end > lo && SUBJECT_AUXILIARIES.has(tokens[end - 1]!.norm)) end--
  let start = end
  while (start > lo) {
    const t = tokens[start - 1]!
    if (t.kind === 'punct' && (CLAUSE_BREAKS.has(t.norm) || TERMINALS.has(t.norm))) break
    if (end - start >= 8) break
    start--
  }
  while (start < end && (tokens[start]!.kind === 'punct' || SUBJECT_SKIP.has(tokens[start]!.norm))) start++
  if (start >= end) return NOBODY
  const phrase = text.slice(tokens[start]!.start, tokens[end - 1]!.end)
  const inPhrase = mentionsIn(ctx, tokens[start]!.start, tokens[end - 1]!.end)
  const head = tokens[end - 1]!
  const hasName = inPhrase.length > 0 || tokens.slice(start, end).some((t, i) => i > 0 && isCap(ctx, t))
  const anonymous = ANONYMOUS_HEADS.has(head.norm) && !inPhrase.some((m) => ctx.naming.actorById.get(m.actor)?.kind === 'person')
  // A lone lower-case word that is not a vague head ("it", "this") is no speaker at all.
  if (!hasName && !anonymous && end - start === 1 && !isCap(ctx, tokens[start]!)) return NOBODY
  return { speaker: phrase, speakerActor: inPhrase[inPhrase.length - 1]?.actor ?? '', anonymous }
}

/** Speaker right after a verb ("said Kanaani", "said the minister"). */
function subjectAfter(ctx: AttributionContext, v: number, hi: number): Speaker {
  const { tokens } = ctx
  const next = tokens[v + 1]
  if (!next || v + 1 >= hi) return NOBODY
  const m = firstMentionAt(ctx, next.start, next.norm === 'the' ? tokens[v + 2]?.start : undefined)
  if (m) return actorSpeaker(ctx, m.actor)
  if (isCap(ctx, next)) {
    let e = v + 1
    while (e < hi && isCap(ctx, tokens[e]!)) e++
    return { speaker: ctx.text.slice(next.start, tokens[e - 1]!.end), speakerActor: '', anonymous: false }
  }
  return NOBODY
}

const NOUN_MARKERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'such', 'no', 'any', 'unfounded', 'baseless', 'false', 'his', 'made'])

/** "a warning", "the report", "unfounded claims": the word is a noun here, not a reporting verb. */
function isNounUse(tokens: readonly Token[], v: number): boolean {
  const prev = tokens[v - 1]
  return !!prev && NOUN_MARKERS.has(prev.norm)
}

function sideOf(ctx: AttributionContext, actor: string): string {
  return actor ? (ctx.naming.actorById.get(actor)?.side ?? '') : ''
}

/** One Quote per quotation span, in the same order (speaker '' when none was found). */
export function attributeQuotes(ctx: AttributionContext, spans: readonly QuotationSpan[], article: string): Quote[] {
  const { tokens, text } = ctx
  const out: Quote[] = []
  for (let i = 0; i < spans.length; i++) {
    const q = spans[i]!
    const open = firstAtOrAfter(tokens, q.start)
    const close = firstAtOrAfter(tokens, q.end)
    let sp: Speaker = NOBODY
    let verb = ''

    // 1. Before the opening mark, back to a sentence end outside quotes or the previous quotation.
    const prevEnd = i > 0 ? spans[i - 1]!.end : -1
    let lo = open
    let words = 0
    const pStart = ctx.segmentation.paragraphs.length > 0 ? paragraphStart(ctx, q.start) : -1
    while (lo > 0 && words < VERB_BEFORE_WINDOW) {
      const t = tokens[lo - 1]!
      if (t.start < prevEnd) break
      if (t.kind === 'punct' && TERMINALS.has(t.norm)) break
      if (pStart >= 0 && t.end <= pStart) break
      if (t.kind === 'word') words++
      lo--
    }
    // The subject may stand further back than the verb window ("Kanaani, the spokesman for
    // Iran's Ministry of Foreign Affairs, said"): search back to the sentence start.
    let subjectLo = lo
    for (let w2 = 0; subjectLo > 0 && w2 < 30; ) {
      const t = tokens[subjectLo - 1]!
      if (t.start < prevEnd || (t.kind === 'punct' && TERMINALS.has(t.norm))) break
      if (t.kind === 'word') w2++
      subjectLo--
    }
    for (let v = open - 1; v >= lo; v--) {
      const t = tokens[v]!
      if (isNounUse(tokens, v)) continue
      if (t.norm === 'according' && tokens[v + 1]?.norm === 'to') {
        const m = mentionsIn(ctx, tokens[v + 1]!.end, q.start).pop()
        sp = m ? actorSpeaker(ctx, m.actor) : subjectAfter(ctx, v + 1, open)
        verb = 'according to'
        break
      }
      if (isReportingVerb(t)) {
        sp = subjectBefore(ctx, v, subjectLo)
        if (sp.speaker === '') sp = subjectAfter(ctx, v, open)
        verb = t.norm
        break
      }
    }

    // 2. After the closing mark: "…," X said / said X / he added.
    if (verb === '' && q.closed) {
      let w = 0
      const pEnd = paragraphEnd(ctx, q.end)
      for (let v = close; v < tokens.length && w < VERB_AFTER_WINDOW; v++) {
        const t = tokens[v]!
        if (t.start >= pEnd) break
        if (t.kind === 'punct') {
          if (TERMINALS.has(t.norm) || t.norm === '"' || t.norm === '“') break
          continue
        }
        w++
        if (isReportingVerb(t) && !isNounUse(tokens, v)) {
          sp = subjectBefore(ctx, v, close)
          if (sp.speaker === '') sp = subjectAfter(ctx, v, Math.min(tokens.length, v + 6))
          verb = t.norm
          break
        }
      }
    }

    // 3. Consecutive quotations: inherit the previous speaker.
    if (sp.speaker === '' && i > 0 && out[i - 1]!.speaker !== '' && /^\s*$/.test(text.slice(spans[i - 1]!.end, q.start))) {
      const p = out[i - 1]!
      sp = { speaker: p.speaker, speakerActor: p.speakerActor, anonymous: p.anonymous }
      verb = p.verb
    }

    out.push({
      article,
      start: q.start,
      end: q.end,
      speaker: sp.speaker,
      speakerActor: sp.speakerActor,
      side: sideOf(ctx, sp.speakerActor),
      verb,
      anonymous: sp.anonymous,
      direct: true
    })
  }
  return out
}

function paragraphStart(ctx: AttributionContext, offset: number): number {
  for (const p of ctx.segmentation.paragraphs) if (offset >= p.start && offset < p.end) return p.start
  return 0
}

function paragraphEnd(ctx: AttributionContext, offset: number): number {
  for (const p of ctx.segmentation.paragraphs) if (offset > p.start && offset <= p.end) return p.end
  return ctx.text.length
}

/** Verbs that introduce indirect speech when followed by "that" (exact norms). */
const INDIRECT_VERBS = new Set([
  'say', 'says', 'said', 'report', 'reports', 'reported', 'claim', 'claims', 'claimed', 'announce',
  'announces', 'announced', 'indicate', 'indicates', 'indicated', 'state', 'states', 'stated',
  'insist', 'insists', 'insisted', 'allege', 'alleges', 'alleged', 'warn', 'warns', 'warned',
  'admit', 'admits', 'admitted', 'suggest', 'suggests', 'suggested', 'argue', 'argues', 'argued',
  'believe', 'believes', 'believed', 'assert', 'asserts', 'asserted', 'confirm', 'confirms',
  'confirmed', 'deny', 'denies', 'denied', 'reveal', 'reveals', 'revealed', 'tell', 'tells',
  'told', 'write', 'writes', 'wrote', 'note', 'notes', 'noted', 'acknowledge', 'acknowledged',
  'concede', 'conceded', 'maintain', 'maintained', 'contend', 'contended'
])

/** Attributions without quotation marks, one per sentence at most (span = the sentence). */
export function indirectAttributions(ctx: AttributionContext, spans: readonly QuotationSpan[], article: string): Quote[] {
  const { tokens } = ctx
  const out: Quote[] = []
  for (const s of ctx.segmentation.sentences) {
    if (quoteIndexAt(spans, s.start, s.start + 1) >= 0 || quoteIndexAt(spans, s.end - 1, s.end) >= 0) continue
    let found: { sp: Speaker; verb: string } | null = null
    for (let k = s.tokenStart; k < s.tokenEnd - 1 && !found; k++) {
      const t = tokens[k]!
      if (t.kind !== 'word') continue
      if (t.norm === 'according' && tokens[k + 1]!.norm === 'to') {
        // "according to X," — X runs to the next comma or 8 words.
        let e = k + 2
        while (e < s.tokenEnd && e - k < 10 && tokens[e]!.norm !== ',') e++
        if (e <= k + 2) continue
        const startOff = tokens[k + 2]!.start
        const endOff = tokens[e - 1]!.end
        const ms = mentionsIn(ctx, startOff, endOff)
        const person = ms.find((m) => ctx.naming.actorById.get(m.actor)?.kind === 'person')
        const head = tokens[e - 1]!
        const anonymous = !person && ms.length === 0 ? ANONYMOUS_HEADS.has(head.norm) : !person && ANONYMOUS_HEADS.has(head.norm)
        found = {
          sp: person
            ? actorSpeaker(ctx, person.actor)
            : { speaker: ctx.text.slice(startOff, endOff), speakerActor: ms[0]?.actor ?? '', anonymous },
          verb: 'according to'
        }
      } else if (INDIRECT_VERBS.has(t.norm) && tokens[k + 1]!.norm === 'that' && !isNounUse(tokens, k)) {
        const sp = subjectBefore(ctx, k, s.tokenStart)
        if (sp.speaker !== '') found = { sp, verb: t.norm }
      }
    }
    if (!found) continue
    out.push({
      article,
      start: s.start,
      end: s.end,
      speaker: found.sp.speaker,
      speakerActor: found.sp.speakerActor,
      side: sideOf(ctx, found.sp.speakerActor),
      verb: found.verb,
      anonymous: found.sp.anonymous,
      direct: false
    })
  }
  return out
}
