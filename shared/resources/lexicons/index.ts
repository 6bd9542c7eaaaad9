/**
 * The built-in lexicons: curated JSON data (`./data/*.json`, rules in `./README.md`), compiled
 * once, on first use, into a `PhraseMatcher` over token stems.
 *
 * Any stage may call `lexiconHits(tokens, from, to)` to find lexicon terms in a token range;
 * matching is by stem sequence (so inflections and multi-word terms match through the shared
 * tokenizer/stemmer), case-insensitive, longest match first, with each entry's context rules
 * applied and negation scope recorded.
 *
 * Validation: the structural schema (`../schema.ts`, zod) is checked by `compileLexicons`
 * (`./compile.ts`), which tests run over every built-in file on every CI run
 * (tests/shared/resources/builtinData.test.ts): a malformed built-in file fails there, loudly,
 * with file, group/entry and reason. At run time the built-in files are compiled without the
 * zod pass (it cost ~30 ms per process start, and loading zod ~50 ms more); the semantic checks
 * below (duplicate ids or stem sequences, unknown context rules, heads, glosses) still run and
 * still throw `LexiconError` naming file, entry and reason.
 *
 * Invariants:
 *  - one stem sequence belongs to exactly one entry across all lexicons (the loader rejects
 *    duplicates, so a match has one unambiguous provenance `<lexiconId>:<entryId>`);
 *  - a broken file throws `LexiconError` naming file, group/entry (index and term) and reason;
 *  - this module never imports zod (eslint.config.mjs gates it to schema.ts): the engine's
 *    start-up does not pay for it.
 */
import type { Token } from '../../model'
import { PhraseMatcher } from '../../text/phrases'
import { stem } from '../../text/stem'
import { tokenize } from '../../text/tokenize'
import type { LexiconCategory, LexiconFileData, PosHint } from '../schema'
import { CONTEXT_RULE_BY_ID } from './rules'
import loaded from './data/loaded.json'
import labeling from './data/labeling.json'
import exaggeration from './data/exaggeration.json'
import doubt from './data/doubt.json'
import fear from './data/fear.json'
import epistemic from './data/epistemic.json'
import reporting from './data/reporting.json'
import sourcing from './data/sourcing.json'
import contested from './data/contested.json'
import propaganda from './data/propaganda.json'

export { CONTEXT_RULES } from './rules'
export type { LexiconCategory } from '../schema'

/** Version of the lexicon data set; bump the first part by hand, the hash follows the data. */
const LEXICON_SET = '1.1'

export class LexiconError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LexiconError'
  }
}

export interface LexiconEntry {
  /** Id of the lexicon file the entry comes from, e.g. 'loaded'. */
  readonly lexicon: string
  /** Id unique inside the lexicon (a slug of the term unless given). */
  readonly id: string
  /** Provenance string used on flags: `<lexiconId>:<entryId>`. */
  readonly rule: string
  readonly term: string
  readonly group: string
  readonly category: LexiconCategory
  readonly pos: PosHint
  /** 0..1: how reliably the term is evaluative in news text (used as flag confidence). */
  readonly strength: number
  /** Template: `{text}` → matched words, `{term}` → lemma, `{gloss}` → the entry's gloss. */
  readonly explanation: string
  readonly gloss: string
  /** Context rule ids that must all keep a match (see ./rules.ts). */
  readonly context: readonly string[]
  /** Contested naming: the viewpoint the term signals ('' otherwise). */
  readonly viewpoint: string
  /** Stems of the words to highlight inside a match (empty: the whole match). */
  readonly headStems: readonly string[]
}

export interface LexiconInfo {
  readonly id: string
  readonly version: string
  readonly description: string
  readonly size: number
}

export interface CompiledLexicons {
  readonly version: string
  readonly lexicons: readonly LexiconInfo[]
  readonly entries: readonly LexiconEntry[]
  readonly matcher: PhraseMatcher<LexiconEntry>
  /**
   * Stem sequences owned by the spaced spelling of a hyphenated term ("taxpayer funded" from
   * "taxpayer-funded") → the first word as written in the term. Such a match counts only when
   * the text has that exact first word: "a taxpayer funded stadium" is the compound spelled
   * open, "taxpayers funded the stadium" is a clause (subject + verb), not the compound.
   */
  readonly spacedFirst?: ReadonlyMap<string, string>
}

export interface LexiconHit {
  readonly tokenStart: number
  readonly tokenEnd: number
  readonly category: LexiconCategory
  readonly entry: LexiconEntry
  /** True when a negator precedes the match within its negation scope. */
  readonly negated: boolean
}

function slug(term: string): string {
  return term
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** "brutal" → "brutally", "terrible" → "terribly", "angry" → "angrily", "drastic" → "drastically". */
function adverbOf(word: string): string {
  if (word.endsWith('ic')) return word + 'ally'
  if (word.endsWith('le') && word.length > 4) return word.slice(0, -1) + 'y'
  if (word.endsWith('y') && word.length > 3) return word.slice(0, -1) + 'ily'
  if (word.endsWith('ly')) return word
  return word + 'ly'
}

/**
 * Derivations of a one-word adjective that keep its judgement: the adverb ("brutally"), the
 * noun in -ness ("callousness", "pettiness") and, for short adjectives, the comparative and
 * superlative ("nastier", "harshest"). Participles (-ed/-ing) and -ic/-ous/-ful/-less words
 * take no -er/-est ("more dangerous"). Generated forms never override an explicit entry.
 */
export function adjectiveForms(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [adverbOf(word)]
  const out = [adverbOf(word)]
  const y = /[^aeiou]y$/.test(word)
  out.push(y ? word.slice(0, -1) + 'iness' : word + 'ness')
  const short = word.length <= 6 && !/(?:ed|ing|ic|ous|ful|less|al|ive|ant|ent)$/.test(word)
  if (short) {
    if (y) out.push(word.slice(0, -1) + 'ier', word.slice(0, -1) + 'iest')
    else if (word.endsWith('e')) out.push(word + 'r', word + 'st')
    else if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(word)) out.push(word + word.slice(-1) + 'er', word + word.slice(-1) + 'est')
    else out.push(word + 'er', word + 'est')
  }
  return out
}

/**
 * Regular inflections of a verb's first word ("lash out" → "lashes out", "lashed out",
 * "lashing out"). The shared stemmer joins most of them already, but not all ("conceded" →
 * "conced" while "concede" stays), so verbs compile every form; duplicates collapse.
 */
export function verbForms(term: string): string[] {
  const sp = term.indexOf(' ')
  const w = sp < 0 ? term : term.slice(0, sp)
  const rest = sp < 0 ? '' : term.slice(sp)
  if (!/^[a-z]+$/.test(w)) return [term]
  const forms = [w]
  if (/(?:s|x|z|ch|sh)$/.test(w)) forms.push(w + 'es')
  else if (/[^aeiou]y$/.test(w)) forms.push(w.slice(0, -1) + 'ies')
  else forms.push(w + 's')
  if (w.endsWith('e')) forms.push(w + 'd', w.slice(0, -1) + 'ing')
  else if (/[^aeiou]y$/.test(w)) forms.push(w.slice(0, -1) + 'ied', w + 'ing')
  else if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w)) forms.push(w + w.slice(-1) + 'ed', w + w.slice(-1) + 'ing', w + 'ed', w + 'ing')
  else forms.push(w + 'ed', w + 'ing')
  return forms.map((f) => f + rest)
}

/** Parts that never license a spaced spelling of a hyphenated term (see buildLexicons). */
const SPACED_FORM_BLOCKERS = new Set(['would', 'be', 'could', 'should', 'will', 'all', 'one', 'make', 'made', 'up', 'in', 'out'])

/** Lower-case ASCII words separated by single spaces: most lexicon forms. */
const PLAIN_WORDS = /^[a-z]+(?: [a-z]+)*$/

/** Stems of a form's words, as the tokenizer gives them for article text. */
function stemsOf(form: string): string[] {
  // Fast path (compiling ~10k forms goes through here at first use): the tokenizer reads each
  // plain lower-case word as one word token whose norm is the word itself, so its stem is
  // stem(word). Anything else (capitals, hyphens, apostrophes, digits) takes the tokenizer.
  if (PLAIN_WORDS.test(form)) return form.split(' ').map((w) => stem(w))
  return tokenize(form).filter((t) => t.kind !== 'punct').map((t) => t.stem)
}

const versions = new WeakMap<object, string>()

/** The data set's version: LEXICON_SET plus a hash of the files' data (no compiling needed). */
function lexiconSetVersion(files: ReadonlyArray<{ readonly data: unknown }>): string {
  // Memoised per files array: the built-in version is needed at load (LEXICON_VERSION) and again
  // when the built-in files compile.
  let v = versions.get(files)
  if (v === undefined) {
    v = `${LEXICON_SET}+${fnv1a(JSON.stringify(files.map((f) => f.data)))}`
    versions.set(files, v)
  }
  return v
}

/** Cheap deterministic FNV-1a hash (hex), so LEXICON_VERSION changes whenever the data does. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/**
 * Compile lexicon files whose structure `parse` vouches for (it returns the file typed, or
 * throws LexiconError naming file, entry and reason). `compileLexicons` (./compile.ts) passes
 * the zod schema; the built-in files pass a cast, their schema being checked by a test.
 * Each file is parsed just before its entries are compiled, so with several broken files the
 * first one's problem is reported. Throws LexiconError on the first problem.
 */
export function buildLexicons(
  files: ReadonlyArray<{ readonly source: string; readonly data: unknown }>,
  parse: (data: unknown, source: string) => LexiconFileData
): CompiledLexicons {
  const entries: LexiconEntry[] = []
  const infos: LexiconInfo[] = []
  const patterns: { stems: string[]; payload: LexiconEntry }[] = []
  /** stem key → "source: entry" of its first owner, to report duplicates across files. */
  const owners = new Map<string, string>()
  const lexIds = new Set<string>()
  const deferred: { form: string; entry: LexiconEntry; spacedFirst?: string }[] = []
  /** Stems per form for this build: a term's stems are asked for up to three times. */
  const stemCache = new Map<string, string[]>()
  const stemsOfForm = (form: string): string[] => {
    let st = stemCache.get(form)
    if (st === undefined) {
      st = stemsOf(form)
      stemCache.set(form, st)
    }
    return st
  }
  for (const { source, data } of files) {
    const file = parse(data, source)
    if (lexIds.has(file.id)) throw new LexiconError(`${source}: duplicate lexicon id "${file.id}"`)
    lexIds.add(file.id)
    const ids = new Set<string>()
    let size = 0
    file.groups.forEach((g, gi) => {
      g.entries.forEach((raw, ei) => {
        const e = typeof raw === 'string' ? { term: raw } : raw
        // Built only for an error message (most entries never need it).
        const where = (): string => `${source}: group ${gi} "${g.id}", entry ${ei} ("${e.term}")`
        const id = e.id ?? slug(e.term)
        if (id === '') throw new LexiconError(`${where()}: the term has no letters or digits to build an id from`)
        if (ids.has(id)) throw new LexiconError(`${where()}: duplicate entry id "${id}" in lexicon "${file.id}"`)
        ids.add(id)
        const context = [...(g.context ?? []), ...(e.context ?? [])]
        for (const c of context) {
          if (!CONTEXT_RULE_BY_ID.has(c)) throw new LexiconError(`${where()}: unknown context rule "${c}"`)
        }
        // A one-word -ly entry whose stem is its base word ("rightly" → right, "deadly" → dead)
        // matches only its -ly form, so "human rights", "the dead" or "totaling" are not flagged
        // (rule ly-form; participle-form would also keep -ing/-ed forms of the stem).
        if (/^[a-z]+ly$/.test(e.term) && stemsOfForm(e.term)[0] !== e.term && !context.includes('participle-form') && !context.includes('ly-form')) context.push('ly-form')
        const category = e.category ?? g.category
        if (category !== 'contested-naming' && !context.includes('not-proper-name')) context.push('not-proper-name')
        const entry: LexiconEntry = {
          lexicon: file.id,
          id,
          rule: `${file.id}:${id}`,
          term: e.term,
          group: g.id,
          category,
          pos: e.pos ?? g.pos ?? 'any',
          strength: e.strength ?? g.strength,
          explanation: e.explanation ?? g.explanation,
          gloss: e.gloss ?? g.gloss ?? '',
          context,
          viewpoint: e.viewpoint ?? g.viewpoint ?? '',
          headStems: e.head === undefined ? [] : stemsOfForm(e.head)
        }
        if (e.head !== undefined && !stemsOfForm(e.term).join(' ').includes(entry.headStems.join(' '))) {
          throw new LexiconError(`${where()}: "head" ("${e.head}") is not a run of words of the term`)
        }
        if (entry.explanation.includes('{gloss}') && entry.gloss === '') {
          throw new LexiconError(`${where()}: the explanation uses {gloss} but neither the entry nor its group has a "gloss"`)
        }
        // Explicit forms claim their stem sequence now (a clash is a data error); generated
        // forms (adverbs, inflections, unhyphenated spellings) are added after every file is
        // read, and only where no explicit form owns the sequence.
        for (const f of e.forms === undefined ? [e.term] : new Set([e.term, ...e.forms])) {
          const stems = stemsOfForm(f)
          if (stems.length === 0) throw new LexiconError(`${where()}: form "${f}" has no words`)
          const key = stems.join(' ')
          const owner = owners.get(key)
          if (owner !== undefined) {
            if (owner === `${source} "${e.term}"`) continue
            throw new LexiconError(`${where()}: "${f}" matches the same words as ${owner}`)
          }
          owners.set(key, `${source} "${e.term}"`)
          patterns.push({ stems, payload: entry })
        }
        const generated: string[] = []
        if (entry.pos === 'adj' && !e.term.includes(' ')) generated.push(...adjectiveForms(e.term))
        if (entry.pos === 'verb') generated.push(...verbForms(e.term))
        // Spaced spelling of hyphenated terms ("far-right" → "far right"), except where the parts
        // are everyday function words that meet by chance ("would-be" vs "would be balanced").
        // Short set phrases also occur hyphenated as one token ("soft-on-crime", "open-borders").
        const words = e.term.split(' ')
        if (words.length >= 2 && words.length <= 3 && words.every((w) => /^[a-z]+$/.test(w))) generated.push(words.join('-'))
        // Over the term and the forms generated so far (not the spaced ones this loop adds).
        for (let k = -1, n = generated.length; k < n; k++) {
          const f = k < 0 ? e.term : generated[k]!
          if (f.includes('-') && !f.split('-').some((p) => SPACED_FORM_BLOCKERS.has(p))) generated.push(f.replace(/-/g, ' '))
        }
        for (const f of generated) {
          // Spaced spellings are the generated forms without a hyphen whose term had one.
          const spaced = !f.includes('-') && (e.term.includes('-') || generated.some((g) => g.includes('-') && g.replace(/-/g, ' ') === f))
          deferred.push(spaced ? { form: f, entry, spacedFirst: f.split(' ')[0]!.toLowerCase() } : { form: f, entry })
        }
        entries.push(entry)
        size++
      })
    })
    infos.push({ id: file.id, version: file.version, description: file.description, size })
  }
  const spacedFirst = new Map<string, string>()
  for (const { form, entry, spacedFirst: first } of deferred) {
    const stems = stemsOfForm(form)
    const key = stems.join(' ')
    if (stems.length === 0 || owners.has(key)) continue
    owners.set(key, entry.rule)
    patterns.push({ stems, payload: entry })
    if (first !== undefined && stems.length > 1) spacedFirst.set(key, first)
  }
  return { version: lexiconSetVersion(files), lexicons: infos, entries, matcher: new PhraseMatcher(patterns), spacedFirst }
}

const BUILTIN_FILES = [
  { source: 'shared/resources/lexicons/data/loaded.json', data: loaded as unknown },
  { source: 'shared/resources/lexicons/data/labeling.json', data: labeling as unknown },
  { source: 'shared/resources/lexicons/data/exaggeration.json', data: exaggeration as unknown },
  { source: 'shared/resources/lexicons/data/doubt.json', data: doubt as unknown },
  { source: 'shared/resources/lexicons/data/fear.json', data: fear as unknown },
  { source: 'shared/resources/lexicons/data/epistemic.json', data: epistemic as unknown },
  { source: 'shared/resources/lexicons/data/reporting.json', data: reporting as unknown },
  { source: 'shared/resources/lexicons/data/sourcing.json', data: sourcing as unknown },
  { source: 'shared/resources/lexicons/data/contested.json', data: contested as unknown },
  { source: 'shared/resources/lexicons/data/propaganda.json', data: propaganda as unknown }
]

let cached: CompiledLexicons | null = null

/**
 * The built-in lexicons, compiled once at first use (not at module load: a process that never
 * matches lexicon words never pays for them). The zod schema is not run here: the built-in
 * files are checked against it by tests/shared/resources/builtinData.test.ts on every CI run,
 * which fails loudly with file, entry and reason if one is broken (issue 5); the test also
 * checks the schema changes nothing in them (no trimming or defaults), so compiling them
 * unparsed gives the same lexicons. The semantic checks of buildLexicons still run here.
 */
export function builtinLexicons(): CompiledLexicons {
  cached ??= buildLexicons(BUILTIN_FILES, (data) => data as LexiconFileData)
  return cached
}

/** Version string of the built-in lexicon data, recorded in studies and exports (a hash of the data; no compiling). */
export const LEXICON_VERSION: string = lexiconSetVersion(BUILTIN_FILES)

/** The built-in files as (source, data), for the schema test. */
export function builtinLexiconFiles(): ReadonlyArray<{ readonly source: string; readonly data: unknown }> {
  return BUILTIN_FILES
}

/** Words that open a negation scope. Contractions ("isn't", "won't") are caught by the n't ending. */
const NEGATORS = new Set([
  'not', 'no', 'never', 'without', 'hardly', 'barely', 'scarcely', 'neither', 'nor', 'cannot',
  'none', 'nobody', 'nothing', 'nowhere', 'lack', 'lacks', 'lacked', 'lacking', 'rarely', 'seldom'
])
/** Comparatives that turn a preceding negation into emphasis ("could not be more", "no less than"). */
const EMPHATIC_COMPARATIVES = new Set(['more', 'less', 'short', 'shortage', 'better', 'worse', 'greater', 'bigger', 'clearer', 'further'])
/** Punctuation that closes a negation scope. */
const SCOPE_BREAK = new Set([',', '.', ';', ':', '!', '?', '…', '(', ')', '"', '“', '”', '—', '–'])
/** How many word tokens a negator governs to its right ("not a very brutal act" → brutal negated). */
export const NEGATION_SCOPE_WORDS = 4

/** Words that may stand between an emphatic comparative and the word it governs. */
const COMPARATIVE_LINKS = new Set(['than', 'of', 'a', 'an', 'the'])

/** Do only linking words (or adverbs in -ly: "more dangerously divided") stand between k and i? */
function governsMatch(tokens: readonly Token[], k: number, i: number): boolean {
  for (let j = k + 1; j < i; j++) {
    const t = tokens[j]!
    if (t.kind !== 'word' || !(COMPARATIVE_LINKS.has(t.norm) || t.norm.endsWith('ly'))) return false
  }
  return true
}

export function isNegator(t: Token): boolean {
  return t.kind === 'word' && (NEGATORS.has(t.norm) || t.norm.endsWith("n't"))
}

/**
 * Is token `i` inside the scope of a negator? Looks back up to NEGATION_SCOPE_WORDS word
 * tokens, stopping at clause punctuation or a contrastive "but".
 */
export function isNegatedAt(tokens: readonly Token[], i: number, from = 0): boolean {
  let words = 0
  for (let k = i - 1; k >= from && words < NEGATION_SCOPE_WORDS; k--) {
    const t = tokens[k]!
    if (t.kind === 'punct') {
      if (SCOPE_BREAK.has(t.norm)) return false
      continue
    }
    if (isNegator(t)) return true
    if (t.norm === 'but' || t.norm === 'only') return false
    // Negation + comparative asserts the extreme instead of denying it: "could not be more
    // reckless", "never been more divided", "no less than a disaster", "nothing short of
    // disastrous", "no shortage of outrageous claims". A comparative word between the negator
    // and the match ends the scope (the match keeps its full strength).
    // The comparative must govern the match: only than/of/a/an/the may stand between them
    // ("more reckless", "less than a disaster", "short of disastrous"); "did not give further
    // details about the attack" and "no more war" (comparative right after the negator) stay
    // negations.
    if (EMPHATIC_COMPARATIVES.has(t.norm) && governsMatch(tokens, k, i) && !(t.norm === 'more' && k - 1 >= from && isNegator(tokens[k - 1]!))) return false
    words++
  }
  return false
}

/**
 * `isNegatedAt` for many tokens of one token array (the sentiment pass asks about every word).
 * isNegatedAt only answers true when its backward scan reaches a negator, so a token with no
 * negator in [from, i) is never negated: the index keeps, per token, the nearest negator at or
 * before it and runs the scan only when that negator lies in the range. Same answers as
 * isNegatedAt(tokens, i, from) for every i and from; `tokens` must not change afterwards.
 */
export function negationIndex(tokens: readonly Token[]): (i: number, from: number) => boolean {
  const lastNegator = new Int32Array(tokens.length)
  let last = -1
  for (let k = 0; k < tokens.length; k++) {
    if (isNegator(tokens[k]!)) last = k
    lastNegator[k] = last
  }
  return (i, from) => i > from && lastNegator[i - 1]! >= from && isNegatedAt(tokens, i, from)
}

export interface LexiconHitOptions {
  readonly lexicons?: CompiledLexicons
  /** The text the tokens index into; enables case-sensitive context rules (proper names). */
  readonly text?: string
}

/** Lexicon matches in `tokens[from, to)`: longest first, disjoint, context rules applied. */
export function lexiconHits(
  tokens: readonly Token[],
  from = 0,
  to = tokens.length,
  options: LexiconHitOptions = {}
): LexiconHit[] {
  const lex = options.lexicons ?? builtinLexicons()
  const text = options.text ?? ''
  const out: LexiconHit[] = []
  const spaced = lex.spacedFirst
  for (const m of lex.matcher.match(tokens, from, to)) {
    const entry = m.payload
    if (spaced !== undefined && spaced.size > 0 && m.tokenEnd - m.tokenStart > 1 && !spacedFormHolds(tokens, m.tokenStart, m.tokenEnd, spaced)) continue
    let keep = true
    for (const c of entry.context) {
      if (!CONTEXT_RULE_BY_ID.get(c)!.keep(tokens, m.tokenStart, m.tokenEnd, text)) {
        keep = false
        break
      }
    }
    if (!keep) continue
    out.push({
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      category: entry.category,
      entry,
      negated: isNegatedAt(tokens, m.tokenStart, from)
    })
  }
  return out
}

/** For a match of a spaced hyphenated term's spelling: is its first word the term's own? */
function spacedFormHolds(tokens: readonly Token[], a: number, b: number, spaced: ReadonlyMap<string, string>): boolean {
  let key = ''
  for (let k = a; k < b; k++) {
    const t = tokens[k]!
    if (t.kind === 'punct') continue
    key = key === '' ? t.stem : `${key} ${t.stem}`
  }
  const first = spaced.get(key)
  return first === undefined || tokens[a]!.norm === first
}

/**
 * The token range to highlight for a hit: the entry's head words when it names them ("illegal"
 * in "illegal immigrants"), else the whole match. Falls back to the whole match when the head
 * is not found (a spelling variant).
 */
export function headRange(tokens: readonly Token[], hit: LexiconHit): [number, number] {
  const head = hit.entry.headStems
  if (head.length === 0) return [hit.tokenStart, hit.tokenEnd]
  const words: number[] = []
  for (let k = hit.tokenStart; k < hit.tokenEnd; k++) if (tokens[k]!.kind !== 'punct') words.push(k)
  for (let i = 0; i + head.length <= words.length; i++) {
    let same = true
    for (let j = 0; j < head.length && same; j++) same = tokens[words[i + j]!]!.stem === head[j]
    if (same) return [words[i]!, words[i + head.length - 1]! + 1]
  }
  return [hit.tokenStart, hit.tokenEnd]
}

/** Fill an entry's explanation template for a concrete match. */
export function explainEntry(entry: LexiconEntry, matched: string): string {
  return entry.explanation.replaceAll('{text}', matched).replaceAll('{term}', entry.term).replaceAll('{gloss}', entry.gloss)
}

/** Entry counts per category, for the README and reports. */
export function lexiconSizes(lex: CompiledLexicons = builtinLexicons()): Record<LexiconCategory, number> {
  const out = {} as Record<LexiconCategory, number>
  for (const e of lex.entries) out[e.category] = (out[e.category] ?? 0) + 1
  return out
}

/** Exposed for tests of stem consistency: the stem sequence a term compiles to. */
export function termStems(term: string): string[] {
  return stemsOf(term)
}
