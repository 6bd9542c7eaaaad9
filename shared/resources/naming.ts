/**
 * Naming-equivalence classes ("actors"): which terms refer to the same referent, and the
 * viewpoint each term signals. Alignment treats the terms of one actor as equivalent
 * evidence, the diff stage calls a swap between them a naming swap, and language analysis
 * flags the loaded ones and builds the naming table. The data is the project's own
 * (`naming/actors.json`, rules in `naming/README.md`) and users may extend it.
 */
import type { Token } from '../model'
import { PhraseMatcher } from '../text/phrases'
import { tokenize } from '../text/tokenize'
import { firstAtOrAfter } from '../util/search'
import builtin from './naming/actors.json'

export interface NamingTerm {
  readonly id: string
  readonly actor: string
  readonly forms: readonly string[]
  /** 'neutral' or a label of the viewpoint the term signals. */
  readonly viewpoint: string
  readonly loaded: boolean
  /** Metonyms ("Baku" for Azerbaijan's government) only count when not after these words. */
  readonly metonym: boolean
  /**
   * Words (lower-case, one word each) that cancel a match when they come right before it.
   * Checked for every term that lists them (in practice the metonyms: "in Tehran").
   */
  readonly notAfter: readonly string[]
  /** Words that cancel a match when they come right after it ("Tel Aviv University"). */
  readonly notBefore: readonly string[]
  /**
   * Match the surface form (case-insensitive, apostrophes and dashes folded) instead of the
   * stems: "the ayatollahs" must not match "the Ayatollah" (a title).
   */
  readonly exact: boolean
  /**
   * The word(s) of a form that carry the judgement, highlighted by the flag instead of the whole
   * form ("regime" in "Israeli regime"); '' = the whole form. A form without the head is
   * highlighted whole.
   */
  readonly head: string
  /**
   * Actor ids whose own terms inside this term's forms are also mentions ("Azerbaijan" in
   * "Azerbaijan's State Security Service"), emitted as `NamingMention.nested`.
   */
  readonly contains: readonly string[]
  readonly explanation: string
}

export interface Actor {
  readonly id: string
  readonly label: string
  readonly kind: string
  readonly side: string
  readonly terms: readonly NamingTerm[]
}

export interface NamingResource {
  readonly id: string
  readonly version: string
  readonly actors: readonly Actor[]
  readonly actorById: ReadonlyMap<string, Actor>
  readonly termById: ReadonlyMap<string, NamingTerm>
  readonly matcher: PhraseMatcher<NamingTerm>
  /** Term id → accepted surface sequences (token norms joined by ' '), for `exact` terms only. */
  readonly exactForms: ReadonlyMap<string, ReadonlySet<string>>
}

export interface NamingMention {
  readonly tokenStart: number
  readonly tokenEnd: number
  readonly start: number
  readonly end: number
  readonly actor: string
  readonly term: NamingTerm
  /**
   * Secondary mentions inside this one, from the term's `contains` (the country in "Azerbaijan's
   * State Security Service"): for actor counts and alignment evidence, never a flag. Absent when
   * there are none. The top-level list stays sorted and disjoint; nested mentions lie inside
   * their parent and have no `nested` of their own.
   */
  readonly nested?: readonly NamingMention[]
}

/** Thrown when a naming file is malformed; the message names the file, entry and reason. */
export class ResourceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ResourceError'
  }
}

function str(v: unknown, where: string, field: string, optional = false): string {
  if (v === undefined && optional) return ''
  if (typeof v !== 'string' || (!optional && v.trim() === '')) {
    throw new ResourceError(`${where}: "${field}" must be a non-empty string, found ${JSON.stringify(v)}`)
  }
  return v
}

/** Validate and compile a naming file. `source` names the file in error messages. */
export function loadNaming(data: unknown, source = 'naming'): NamingResource {
  if (typeof data !== 'object' || data === null) throw new ResourceError(`${source}: expected a JSON object`)
  const d = data as Record<string, unknown>
  const id = str(d['id'], source, 'id')
  const version = str(d['version'], source, 'version')
  if (!Array.isArray(d['actors'])) throw new ResourceError(`${source}: "actors" must be an array`)
  const actors: Actor[] = []
  const actorById = new Map<string, Actor>()
  const termById = new Map<string, NamingTerm>()
  const pendingContains: Array<{ where: string; ids: readonly string[] }> = []
  ;(d['actors'] as unknown[]).forEach((a, ai) => {
    const where = `${source}: actor ${ai}`
    if (typeof a !== 'object' || a === null) throw new ResourceError(`${where}: must be an object`)
    const ar = a as Record<string, unknown>
    const actorId = str(ar['id'], where, 'id')
    if (actorById.has(actorId)) throw new ResourceError(`${where}: duplicate actor id "${actorId}"`)
    if (!Array.isArray(ar['terms']) || ar['terms'].length === 0) throw new ResourceError(`${where} "${actorId}": "terms" must be a non-empty array`)
    const terms = (ar['terms'] as unknown[]).map((t, ti): NamingTerm => {
      const tw = `${where} "${actorId}", term ${ti}`
      if (typeof t !== 'object' || t === null) throw new ResourceError(`${tw}: must be an object`)
      const tr = t as Record<string, unknown>
      const termId = str(tr['id'], tw, 'id')
      if (termById.has(termId)) throw new ResourceError(`${tw}: duplicate term id "${termId}"`)
      const forms = tr['forms']
      if (!Array.isArray(forms) || forms.length === 0 || forms.some((f) => typeof f !== 'string' || f.trim() === '')) {
        throw new ResourceError(`${tw} "${termId}": "forms" must be a non-empty array of non-empty strings`)
      }
      const loaded = tr['loaded'] === undefined ? false : tr['loaded']
      if (typeof loaded !== 'boolean') throw new ResourceError(`${tw} "${termId}": "loaded" must be true or false`)
      const viewpoint = str(tr['viewpoint'], tw, 'viewpoint')
      const explanation = str(tr['explanation'], tw, 'explanation', true)
      if ((loaded || viewpoint !== 'neutral') && explanation === '' && !String(viewpoint).startsWith('neutral')) {
        throw new ResourceError(`${tw} "${termId}": a non-neutral term needs an "explanation"`)
      }
      for (const k of Object.keys(tr)) {
        if (!TERM_KEYS.has(k)) throw new ResourceError(`${tw} "${termId}": unknown field "${k}" (allowed: ${[...TERM_KEYS].join(', ')})`)
      }
      const flag = (k: string): boolean => {
        const v = tr[k] === undefined ? false : tr[k]
        if (typeof v !== 'boolean') throw new ResourceError(`${tw} "${termId}": "${k}" must be true or false, found ${JSON.stringify(v)}`)
        return v
      }
      const head = str(tr['head'], tw, 'head', true).trim()
      if (head !== '') {
        const hs = formStems(head)
        if (hs.length === 0 || !(forms as string[]).some((f) => indexOfRun(formStems(f), hs) >= 0)) {
          throw new ResourceError(`${tw} "${termId}": "head" "${head}" must be consecutive words of at least one form`)
        }
      }
      const contains = tr['contains'] === undefined ? [] : tr['contains']
      if (!Array.isArray(contains) || contains.some((c) => typeof c !== 'string' || c === '' || c === actorId)) {
        throw new ResourceError(`${tw} "${termId}": "contains" must be an array of other actors' ids, found ${JSON.stringify(contains)}`)
      }
      pendingContains.push({ where: `${tw} "${termId}"`, ids: contains as string[] })
      const term: NamingTerm = {
        id: termId,
        actor: actorId,
        forms: forms as string[],
        viewpoint,
        loaded,
        metonym: flag('metonym'),
        notAfter: wordList(tr['notAfter'], `${tw} "${termId}"`, 'notAfter'),
        notBefore: wordList(tr['notBefore'], `${tw} "${termId}"`, 'notBefore'),
        exact: flag('exact'),
        head,
        contains: contains as string[],
        explanation
      }
      termById.set(termId, term)
      return term
    })
    const actor: Actor = {
      id: actorId,
      label: str(ar['label'], where, 'label'),
      kind: str(ar['kind'], where, 'kind'),
      side: str(ar['side'], where, 'side', true),
      terms
    }
    actorById.set(actorId, actor)
    actors.push(actor)
  })
  // `contains` may name an actor defined later in the file: checked once all are known.
  for (const p of pendingContains) {
    for (const c of p.ids) if (!actorById.has(c)) throw new ResourceError(`${p.where}: "contains" names unknown actor "${c}"`)
  }
  const matcher = new PhraseMatcher<NamingTerm>(
    actors.flatMap((a) => a.terms.flatMap((t) => t.forms.map((f) => ({ stems: formStems(f), payload: t }))))
  )
  // Exact terms: the accepted surface sequences (token norms joined by a space).
  const exactForms = new Map<string, ReadonlySet<string>>()
  for (const a of actors) for (const t of a.terms) if (t.exact) exactForms.set(t.id, new Set(t.forms.map((f) => formNorms(f).join(' '))))
  return { id, version, actors, actorById, termById, matcher, exactForms }
}

/** Every field a term may have (`actor` is filled in by the loader; extendNaming re-reads it). */
const TERM_KEYS: ReadonlySet<string> = new Set([
  'id', 'actor', 'forms', 'viewpoint', 'loaded', 'metonym', 'notAfter', 'notBefore', 'exact', 'head', 'contains', 'explanation'
])

/** A list of single words (lower-cased): anything else is a data error. */
function wordList(v: unknown, where: string, field: string): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) throw new ResourceError(`${where}: "${field}" must be an array of words, found ${JSON.stringify(v)}`)
  return v.map((w, i) => {
    const toks = typeof w === 'string' ? tokenize(w) : []
    if (toks.length !== 1 || toks[0]!.kind !== 'word') {
      throw new ResourceError(`${where}: "${field}" entry ${i} must be one word, found ${JSON.stringify(w)}`)
    }
    return toks[0]!.norm
  })
}

/** Index of `run` as consecutive items of `seq`, or -1. */
function indexOfRun(seq: readonly string[], run: readonly string[]): number {
  outer: for (let i = 0; i + run.length <= seq.length; i++) {
    for (let k = 0; k < run.length; k++) if (seq[i + k] !== run[k]) continue outer
    return i
  }
  return -1
}

/** Surface norms of a form (case and apostrophes folded, not stemmed): for `exact` terms. */
function formNorms(form: string): string[] {
  return tokenize(form).map((t) => t.norm)
}

/** Stems of a term's form, through the same tokenizer as article text. */
export function formStems(form: string): string[] {
  return tokenize(form).map((t) => t.stem)
}

/**
 * Merge user-defined actors/terms over a base resource (same actor id: terms are added; same
 * term id: replaced).
 */
export function extendNaming(base: NamingResource, extra: unknown, source = 'user naming'): NamingResource {
  const ext = loadNaming(extra, source)
  const merged = base.actors.map((a) => {
    const more = ext.actorById.get(a.id)
    if (!more) return a
    const ids = new Set(more.terms.map((t) => t.id))
    return { ...a, terms: [...a.terms.filter((t) => !ids.has(t.id)), ...more.terms] }
  })
  for (const a of ext.actors) if (!base.actorById.has(a.id)) merged.push(a)
  return loadNaming({ id: base.id, version: `${base.version}+${ext.version}`, actors: merged }, source)
}

/**
 * Find actor mentions in a token range: left to right, at each position the longest form that
 * passes its term's rules (a rejected long form lets a shorter one at the same place match), and
 * the result sorted and disjoint. Rules, all data-driven (naming/README.md):
 *  - `exact`: the tokens' surface norms must equal one of the term's forms (not just the stems);
 *  - `notAfter` / `notBefore`: the word right before / after the match cancels it;
 *  - datelines: a match that opens a dateline ("JERUSALEM (Reuters) –", "Baku, March 29 (AP) –")
 *    is the place of reporting, not a mention; the dateline's other place words go with it.
 *    With the article `text` (optional, so token-only callers keep working), the bare wire form
 *    is recognised too: a place in capitals opening its line, then a dash ("TEHRAN —", "TEL
 *    AVIV, Israel —"); without the text it cannot be told from "Moscow — Tehran's ally — said";
 *  - `contains`: mentions of the listed actors inside the match become `nested` mentions.
 */
export function findNamingMentions(
  tokens: readonly Token[],
  resource: NamingResource,
  from = 0,
  to = tokens.length,
  text?: string
): NamingMention[] {
  const out: NamingMention[] = []
  let next = from
  // Tokens up to this index belong to a dateline's place: no mention starts there.
  let datelineUntil = -1
  for (const m of resource.matcher.match(tokens, from, to, true)) {
    if (m.tokenStart < next) continue
    if (m.tokenStart < datelineUntil) continue
    if (!passesRules(tokens, resource, m.payload, m.tokenStart, m.tokenEnd, to)) continue
    const after = m.tokenEnd < to ? tokens[m.tokenEnd]!.norm : ''
    const caps = text !== undefined && (after === ',' || DASHES.has(after)) && capsAtLineStart(text, tokens, m.tokenStart, m.tokenEnd)
    const place = (after === ',' || after === '(' || caps) && isPlaceName(resource, m.payload)
      ? datelinePlaceEnd(tokens, m.tokenEnd, to, caps)
      : -1
    if (place >= 0) {
      datelineUntil = place
      next = place
      continue
    }
    out.push(mentionOf(tokens, resource, m.payload, m.tokenStart, m.tokenEnd))
    next = m.tokenEnd
  }
  return out
}

/**
 * Datelines open with a place: a metonym or a term of a state or place. An organisation's name
 * before its acronym and a dash ("the Revolutionary Guards (IRGC) – the elite force –") has the
 * same shape and must stay a mention.
 */
function isPlaceName(resource: NamingResource, term: NamingTerm): boolean {
  if (term.metonym) return true
  const kind = resource.actorById.get(term.actor)?.kind
  return kind === 'state' || kind === 'place'
}

function passesRules(tokens: readonly Token[], resource: NamingResource, term: NamingTerm, a: number, b: number, to: number, checkNotAfter = true): boolean {
  if (term.exact) {
    let key = tokens[a]!.norm
    for (let k = a + 1; k < b; k++) key += ' ' + tokens[k]!.norm
    if (!resource.exactForms.get(term.id)?.has(key)) return false
  }
  if (checkNotAfter && term.notAfter.length > 0 && a > 0) {
    const prev = tokens[a - 1]!
    if (prev.kind === 'word' && term.notAfter.includes(prev.norm)) return false
  }
  if (term.notBefore.length > 0 && b < to) {
    const after = tokens[b]!
    // "Jerusalem's Old City": a possessive joins the next word to the name as much as a space does.
    if (after.kind === 'word' && term.notBefore.includes(after.norm)) return false
  }
  return true
}

function mentionOf(tokens: readonly Token[], resource: NamingResource, term: NamingTerm, a: number, b: number): NamingMention {
  const base = { tokenStart: a, tokenEnd: b, start: tokens[a]!.start, end: tokens[b - 1]!.end, actor: term.actor, term }
  if (term.contains.length === 0) return base
  // Inner matches of the listed actors only (never the term itself or another actor's).
  const nested: NamingMention[] = []
  let next = a
  for (const m of resource.matcher.match(tokens, a, b, true)) {
    if (m.tokenStart < next || m.payload === term || !term.contains.includes(m.payload.actor)) continue
    if (!passesRules(tokens, resource, m.payload, m.tokenStart, m.tokenEnd, b)) continue
    nested.push({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, start: tokens[m.tokenStart]!.start, end: tokens[m.tokenEnd - 1]!.end, actor: m.payload.actor, term: m.payload })
    next = m.tokenEnd
  }
  return nested.length > 0 ? { ...base, nested } : base
}

/**
 * An actor named inside a hyphenated compound that is not itself a name ("Israel" in
 * "anti-Israel", "Iran" in "Iran-backed"): `within` is the compound as written, lower case, dashes
 * folded ("anti-israel", "iran-backed"); it always holds a hyphen, so it is never an actor id.
 */
export interface CompoundLabelMention extends NamingMention {
  readonly within: string
}

export interface CompoundMentions {
  /**
   * Parts that name actors as words of their own: every word part of the compound names an
   * actor ("Azerbaijan-Israel ties", "Baku-Tel Aviv axis"). These are naming choices like any
   * mention.
   */
  readonly names: NamingMention[]
  /**
   * Actors inside a compound with a part that names no actor: a label or modifier ("anti-Israel",
   * "pro-Iran", "Iran-backed", "Turkish-made") or a name the resource does not know ("Russia-Ukraine").
   */
  readonly labels: CompoundLabelMention[]
}

/** A word token holding a hyphen between letters ("anti-Israel", "Baku-Tel"); norms fold dashes to '-'. */
const HYPHENATED_RE = /^[^-]+(?:-[^-]+)+$/u
/** Tokens looked at before and after a compound, so a form may run across its edge ("Baku-Tel Aviv"). */
const COMPOUND_WINDOW = 3
/**
 * After a metonym, these parts make the compound a place ("a Tel Aviv-based firm", "Baku-born"):
 * the city, not its government, as after "in" (the metonyms' notAfter).
 */
const LOCATIVE_PARTS: ReadonlySet<string> = new Set(['based', 'born', 'bred', 'raised', 'headquartered', 'area', 'bound'])

/**
 * Actors named inside hyphenated compounds, which the tokenizer keeps as one token and
 * `findNamingMentions` therefore never sees: "anti-Israel", "Azerbaijan-Israel ties", "Iran-backed",
 * and "Baku-Tel Aviv", where the compound splits "Tel Aviv" across two tokens. `mentions` are
 * `findNamingMentions`' results for the same range: their tokens are never split again ("Nagorno-
 * Karabakh" is a form of its own). Offsets are exact (the part inside the compound); tokenStart /
 * tokenEnd are the tokens that hold the mention, so two mentions of one compound share a token.
 * Each compound's parts are tokenized alone and matched with the term rules of
 * `findNamingMentions` (longest form first; `notAfter` sees the word before the compound); a
 * metonym before a locative part ("Tel Aviv-based") is a place, not a mention. Separate from
 * `findNamingMentions` so its callers (alignment, diff) keep their output; cheap when the range
 * has no hyphenated word (one scan).
 */
export function findCompoundMentions(
  tokens: readonly Token[],
  resource: NamingResource,
  mentions: readonly NamingMention[],
  from: number,
  to: number,
  text: string
): CompoundMentions {
  const names: NamingMention[] = []
  const labels: CompoundLabelMention[] = []
  let covered: Uint8Array | null = null
  const compounds: number[] = []
  for (const i of hyphenatedTokens(tokens, from, to, text)) {
    const t = tokens[i]!
    if (t.kind !== 'word' || !HYPHENATED_RE.test(t.norm) || !mayName(resource, t, text)) continue
    if (covered === null) {
      covered = new Uint8Array(to - from)
      for (const m of mentions) for (let k = Math.max(m.tokenStart, from); k < Math.min(m.tokenEnd, to); k++) covered[k - from] = 1
    }
    if (covered[i - from] === 0) compounds.push(i)
  }
  if (covered === null || compounds.length === 0) return { names, labels }
  // Windows of COMPOUND_WINDOW tokens around each compound, merged when they touch, so a form
  // may run from one compound into the next ("Baku-Tel Aviv-Baku").
  for (let c = 0; c < compounds.length; ) {
    const a = Math.max(from, compounds[c]! - COMPOUND_WINDOW)
    let b = Math.min(to, compounds[c]! + COMPOUND_WINDOW + 1)
    let d = c + 1
    while (d < compounds.length && compounds[d]! - COMPOUND_WINDOW <= b) b = Math.min(to, compounds[d++]! + COMPOUND_WINDOW + 1)
    windowMentions(tokens, resource, covered, from, a, b, text, names, labels)
    c = d
  }
  return { names, labels }
}

/**
 * Indices in [from, to) of the tokens holding a hyphen, ascending. Found by searching the text
 * for the two hyphens the tokenizer joins words with ('-', U+2010): a native search over the
 * characters, where testing every token's norm cost more than the rest of the compound pass
 * (most paragraphs have no compound).
 */
function hyphenatedTokens(tokens: readonly Token[], from: number, to: number, text: string): number[] {
  const out: number[] = []
  if (from >= to) return out
  const a = tokens[from]!.start
  const b = tokens[to - 1]!.end
  // Searched in the range's own slice (a cheap view in V8): on the whole text a missing hyphen
  // would be searched for to the end of the article from every paragraph. Only word tokens are
  // kept (a spaced '-' used as a dash is punctuation).
  const range = text.slice(a, b)
  const search = (h: string): void => {
    for (let at = range.indexOf(h); at >= 0; at = range.indexOf(h, at + 1)) {
      const pos = a + at
      // The token holding pos: the last one starting at or before it.
      const k = firstAtOrAfter(tokens, pos + 1) - 1
      if (k >= from && k < to && tokens[k]!.end > pos && tokens[k]!.kind === 'word' && out[out.length - 1] !== k) out.push(k)
    }
  }
  search('-')
  if (range.indexOf('\u2010') < 0) return out
  // U+2010 as well (rare): merge both kinds' hits, each token once, ascending.
  search('\u2010')
  return [...new Set(out)].sort((x, y) => x - y)
}

/**
 * Can a part of this compound be (part of) a form? Not when no part's stem occurs in any form:
 * most compounds ("well-known", "long-term") name nobody, and splitting and matching each around
 * its window cost ~4% of the stage on the bench; the answer is cached per resource and surface.
 * A compound that cannot name an actor opens no window (inside another's window it is still
 * split, as before).
 */
function mayName(resource: NamingResource, t: Token, text: string): boolean {
  let c = compoundCache.get(resource)
  if (c === undefined) {
    const stems = new Set<string>()
    for (const a of resource.actors) for (const term of a.terms) for (const f of term.forms) for (const st of formStems(f)) stems.add(st)
    compoundCache.set(resource, (c = { stems, surfaces: new Map() }))
  }
  const surface = text.slice(t.start, t.end)
  let may = c.surfaces.get(surface)
  if (may === undefined) {
    may = splitParts(t, text).some((p) => p.kind === 'word' && c.stems.has(p.stem))
    if (c.surfaces.size >= COMPOUND_CACHE_MAX) c.surfaces.clear()
    c.surfaces.set(surface, may)
  }
  return may
}
const COMPOUND_CACHE_MAX = 20_000
const compoundCache = new WeakMap<NamingResource, { stems: ReadonlySet<string>; surfaces: Map<string, boolean> }>()

interface Part {
  readonly token: Token
  /** Index of the article token that holds it. */
  readonly source: number
  /** Part of a hyphenated token (not a whole token). */
  readonly inCompound: boolean
}

const HYPHEN_PART = (at: number): Token => ({ start: at, end: at + 1, kind: 'punct', norm: '-', stem: '-' })
/** Stands for a token findNamingMentions already gave to a mention: no form matches it. */
const BARRIER = (t: Token): Token => ({ start: t.start, end: t.end, kind: 'punct', norm: '', stem: '' })

/** The compound mentions of the article tokens [a, b), appended to `names` or `labels`. */
function windowMentions(
  tokens: readonly Token[],
  resource: NamingResource,
  covered: Uint8Array,
  from: number,
  a: number,
  b: number,
  text: string,
  names: NamingMention[],
  labels: CompoundLabelMention[]
): void {
  const seq: Part[] = []
  for (let k = a; k < b; k++) {
    const t = tokens[k]!
    if (covered[k - from] === 1) seq.push({ token: BARRIER(t), source: k, inCompound: false })
    else if (t.kind === 'word' && t.norm.includes('-') && HYPHENATED_RE.test(t.norm)) {
      for (const p of splitParts(t, text)) seq.push({ token: p, source: k, inCompound: true })
    } else seq.push({ token: t, source: k, inCompound: false })
  }
  const ptoks = seq.map((p) => p.token)
  const found: NamingMention[] = []
  let next = 0
  for (const m of resource.matcher.match(ptoks, 0, ptoks.length, true)) {
    if (m.tokenStart < next) continue
    // Only forms that take at least one part of a compound: whole-token matches are
    // findNamingMentions' (it rejected them by a rule, or they would be covered).
    let inside = false
    for (let k = m.tokenStart; k < m.tokenEnd; k++) inside ||= seq[k]!.inCompound
    if (!inside) continue
    // The word before a compound governs the compound, not its first part: "in Tehran-backed
    // areas" names Tehran as the backer, while "in Tehran" is the place.
    const governs = ptoks[m.tokenEnd]?.norm !== '-'
    if (!passesRules(ptoks, resource, m.payload, m.tokenStart, m.tokenEnd, ptoks.length, governs)) continue
    if (m.payload.metonym && ptoks[m.tokenEnd]?.norm === '-' && LOCATIVE_PARTS.has(ptoks[m.tokenEnd + 1]?.norm ?? '')) continue
    found.push({
      tokenStart: seq[m.tokenStart]!.source,
      tokenEnd: seq[m.tokenEnd - 1]!.source + 1,
      start: ptoks[m.tokenStart]!.start,
      end: ptoks[m.tokenEnd - 1]!.end,
      actor: m.payload.actor,
      term: m.payload
    })
    next = m.tokenEnd
  }
  if (found.length === 0) return
  // A compound is a label when any of its word parts names no actor ("anti", "backed", "made",
  // and names the resource does not know: "Council on American-Islamic Relations" is an
  // organisation's name, not a naming choice for the United States); else all its parts are
  // names ("Azerbaijan-Israel", "Baku-Tel Aviv").
  const labelTokens = new Set<number>()
  for (const p of seq) {
    if (!p.inCompound || p.token.kind !== 'word' || labelTokens.has(p.source)) continue
    if (!found.some((m) => m.start <= p.token.start && p.token.end <= m.end)) labelTokens.add(p.source)
  }
  for (const m of found) {
    let label = false
    for (let k = m.tokenStart; k < m.tokenEnd; k++) label ||= labelTokens.has(k)
    if (!label) {
      names.push(m)
      continue
    }
    // The compound as written, with the words a form took beyond it ("islamic republic-backed").
    const words: string[] = []
    for (let k = m.tokenStart; k < m.tokenEnd; k++) words.push(tokens[k]!.norm)
    labels.push({ ...m, within: words.join(' ') })
  }
}

/**
 * The word parts of a hyphenated token, each tokenized alone, with a '-' token between them.
 * Compounds recur ("Israeli-made" 110 times in the bench article), and tokenizing each part
 * anew (a regex per call) was most of the compound pass: the parts are cached per surface, with
 * offsets relative to the token, and shifted to it (tokenizing a piece alone or in place gives
 * the same tokens: the pattern never looks outside the piece).
 */
function splitParts(t: Token, text: string): Token[] {
  const surface = text.slice(t.start, t.end)
  let rel = partsCache.get(surface)
  if (rel === undefined) {
    const out: Token[] = []
    for (const m of surface.matchAll(/[^-\u2010\u2011]+|[-\u2010\u2011]/gu)) {
      if (m[0].length === 1 && /[-\u2010\u2011]/u.test(m[0])) out.push(HYPHEN_PART(m.index))
      else out.push(...tokenize(surface, m.index, m.index + m[0].length))
    }
    if (partsCache.size >= COMPOUND_CACHE_MAX) partsCache.clear()
    partsCache.set(surface, (rel = out))
  }
  return rel.map((p) => ({ start: p.start + t.start, end: p.end + t.start, kind: p.kind, norm: p.norm, stem: p.stem }))
}
const partsCache = new Map<string, readonly Token[]>()

const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'
])
const DASHES: ReadonlySet<string> = new Set(['-', '\u2013', '\u2014', '\u2015', '\u2012', '\u2212', '--'])
/** Longest agency name in a dateline's parentheses ("(Reuters)", "(AP)", "(Islamic Republic News Agency)"). */
const AGENCY_MAX_WORDS = 5
/** Longest region after the city ("BAKU, Azerbaijan", "WASHINGTON, D.C."). */
const REGION_MAX_WORDS = 3

/**
 * Is the range [a, b) a place written in capitals ("TEHRAN", "TEL AVIV") at the start of its
 * line (only spaces before it)? That is how wire copy sets a dateline; a sentence never opens
 * with its subject in capitals. At least two letters, so a lone initial is not taken for one.
 */
function capsAtLineStart(text: string, tokens: readonly Token[], a: number, b: number): boolean {
  const start = tokens[a]!.start
  const surface = text.slice(start, tokens[b - 1]!.end)
  if (surface !== surface.toUpperCase() || (surface.match(/\p{L}/gu)?.length ?? 0) < 2) return false
  for (let k = start - 1; k >= 0; k--) {
    const c = text[k]!
    if (c === '\n') return true
    if (c !== ' ' && c !== '\t' && c !== '\u00a0') return false
  }
  return true
}

/**
 * Dateline shape after a place name ending at token `i`: up to two ", Region" parts, then
 * ", Month Day[, Year]" and/or "(Agency)", then a dash. Returns the token index where the place
 * part ends (region words included: "Azerbaijan" in "BAKU, Azerbaijan (AP) —" is not a
 * mention either) or -1. Needs a date or an agency, unless `caps` (the place is written in
 * capitals at the start of its line, see capsAtLineStart): a place followed by a bare dash
 * ("Moscow — Tehran's ally — said") is often the subject of the sentence.
 */
function datelinePlaceEnd(tokens: readonly Token[], i: number, to: number, caps = false): number {
  // Fast exit, the usual case: a dateline tail starts with a comma or a parenthesis.
  const first = i < to ? tokens[i]!.norm : ''
  if (first !== ',' && first !== '(' && !(caps && DASHES.has(first))) return -1
  const at = (k: number): Token | undefined => (k < to ? tokens[k] : undefined)
  const words = (k: number, max: number): number => {
    let n = 0
    while (n < max && at(k + n)?.kind === 'word') n++
    return n
  }
  let k = i
  let placeEnd = i
  // ", Region" (not a month: that is the date).
  for (let r = 0; r < 2; r++) {
    if (at(k)?.norm !== ',' || at(k + 1)?.kind !== 'word' || MONTHS.has(at(k + 1)!.norm)) break
    const n = words(k + 1, REGION_MAX_WORDS)
    const after = at(k + 1 + n)
    if (n === 0 || !after || after.kind !== 'punct') break
    k += 1 + n
    placeEnd = k
  }
  let evidence = false
  // ", Month Day[, Year]".
  if (at(k)?.norm === ',' && MONTHS.has(at(k + 1)?.norm ?? '')) {
    // "Oct. 5": an abbreviated month may keep its dot.
    const d = at(k + 2)?.norm === '.' ? k + 3 : k + 2
    if (at(d)?.kind === 'number') {
      k = d + 1
      if (at(k)?.norm === ',' && at(k + 1)?.kind === 'number') k += 2
      evidence = true
    }
  }
  // "(Agency)".
  if (at(k)?.norm === '(') {
    const n = words(k + 1, AGENCY_MAX_WORDS)
    if (n > 0 && at(k + 1 + n)?.norm === ')') {
      k += n + 2
      evidence = true
    }
  }
  return (evidence || caps) && DASHES.has(at(k)?.norm ?? '') ? placeEnd : -1
}

/**
 * The token range a flag for `m` highlights: the term's `head` words when this form contains
 * them ("regime" in "Israeli regime"), else the whole mention. Stems are compared, so "regimes"
 * finds the head "regime".
 */
export function namingHeadRange(tokens: readonly Token[], m: NamingMention): [number, number] {
  if (m.term.head === '') return [m.tokenStart, m.tokenEnd]
  let hs = headStems.get(m.term.head)
  if (hs === undefined) headStems.set(m.term.head, (hs = formStems(m.term.head)))
  const seq: string[] = []
  for (let k = m.tokenStart; k < m.tokenEnd; k++) seq.push(tokens[k]!.stem)
  const i = indexOfRun(seq, hs)
  return i < 0 ? [m.tokenStart, m.tokenEnd] : [m.tokenStart + i, m.tokenStart + i + hs.length]
}

const headStems = new Map<string, string[]>()

let cached: NamingResource | null = null

/** The built-in naming classes (validated once, at first use). */
export function builtinNaming(): NamingResource {
  cached ??= loadNaming(builtin, 'shared/resources/naming/actors.json')
  return cached
}
