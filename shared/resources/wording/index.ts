/**
 * Word data for classifying wording differences inside aligned passages (stage 04-diff):
 * intensity scales, reporting verbs with stance, hedges, and a small fallback list of
 * evaluative words. The data is the project's own (`*.json` here, rules in README.md).
 *
 * Every form is compiled through the shared tokenizer and stemmer into one PhraseMatcher per
 * list, so inflections match ("slams", "slammed") and multi-word forms ("hit out at") match as
 * token sequences. A malformed file throws `WordingError` naming the file, entry and reason.
 */
import type { Token } from '../../model'
import { PhraseMatcher, type PhraseMatch } from '../../text/phrases'
import { tokenize } from '../../text/tokenize'
import intensityData from './intensity.json'
import reportingData from './reporting.json'
import hedgesData from './hedges.json'
import evaluativeData from './evaluative.json'
import synonymsData from './synonyms.json'
import eventsData from './events.json'

export class WordingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WordingError'
  }
}

export interface IntensityEntry {
  readonly scale: string
  readonly gloss: string
  /** 0 = weakest level of the scale. */
  readonly level: number
  readonly levels: number
  readonly form: string
}

export interface ReportingEntry {
  readonly stance: string
  /** Plain description of the stance. */
  readonly meaning: string
  readonly form: string
}

export interface HedgeEntry {
  readonly group: string
  readonly explanation: string
  readonly form: string
}

export interface EvaluativeEntry {
  readonly form: string
}

export interface Wording {
  readonly version: string
  readonly intensity: PhraseMatcher<IntensityEntry>
  /** Compiled over exact norms: match with `matchNorms`. */
  readonly reporting: PhraseMatcher<ReportingEntry>
  /** Compiled over exact norms: match with `matchNorms`. */
  readonly hedges: PhraseMatcher<HedgeEntry>
  readonly evaluative: PhraseMatcher<EvaluativeEntry>
}

function stems(form: string): string[] {
  return tokenize(form).filter((t) => t.kind !== 'punct').map((t) => t.stem)
}

/** Exact (normalised) word sequence of a form, for lists matched by norm (see `matchNorms`). */
function norms(form: string): string[] {
  return tokenize(form).filter((t) => t.kind !== 'punct').map((t) => t.norm)
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new WordingError(`${where}: must be an object`)
  return v as Record<string, unknown>
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
    throw new WordingError(`${where}: must be a non-empty array of non-empty strings`)
  }
  return v as string[]
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new WordingError(`${where}: must be a non-empty string, found ${JSON.stringify(v)}`)
  return v
}

/** Validate and compile the four wording files. */
export function compileWording(files: {
  intensity: unknown
  reporting: unknown
  hedges: unknown
  evaluative: unknown
}): Wording {
  const src = 'shared/resources/wording'
  const iData = obj(files.intensity, `${src}/intensity.json`)
  const intensity: { stems: string[]; payload: IntensityEntry }[] = []
  if (!Array.isArray(iData['scales'])) throw new WordingError(`${src}/intensity.json: "scales" must be an array`)
  iData['scales'].forEach((s, si) => {
    const w = `${src}/intensity.json: scale ${si}`
    const so = obj(s, w)
    const scale = str(so['id'], `${w} "id"`)
    const gloss = str(so['gloss'], `${w} "${scale}" "gloss"`)
    const levels = so['levels']
    if (!Array.isArray(levels) || levels.length < 2) throw new WordingError(`${w} "${scale}": "levels" needs at least two levels`)
    levels.forEach((lv, li) => {
      for (const form of strings(lv, `${w} "${scale}" level ${li}`)) {
        intensity.push({ stems: stems(form), payload: { scale, gloss, level: li, levels: levels.length, form } })
      }
    })
  })
  const rData = obj(files.reporting, `${src}/reporting.json`)
  const stances = obj(rData['stances'], `${src}/reporting.json "stances"`)
  const reporting: { stems: string[]; payload: ReportingEntry }[] = []
  if (!Array.isArray(rData['verbs'])) throw new WordingError(`${src}/reporting.json: "verbs" must be an array`)
  rData['verbs'].forEach((v, vi) => {
    const w = `${src}/reporting.json: verbs ${vi}`
    const vo = obj(v, w)
    const stance = str(vo['stance'], `${w} "stance"`)
    const meaning = stances[stance]
    if (typeof meaning !== 'string') throw new WordingError(`${w}: stance "${stance}" is not described in "stances"`)
    for (const form of strings(vo['forms'], `${w} "forms"`)) reporting.push({ stems: norms(form), payload: { stance, meaning, form } })
  })
  const hData = obj(files.hedges, `${src}/hedges.json`)
  const hedges: { stems: string[]; payload: HedgeEntry }[] = []
  if (!Array.isArray(hData['groups'])) throw new WordingError(`${src}/hedges.json: "groups" must be an array`)
  hData['groups'].forEach((g, gi) => {
    const w = `${src}/hedges.json: group ${gi}`
    const go = obj(g, w)
    const group = str(go['id'], `${w} "id"`)
    const explanation = str(go['explanation'], `${w} "${group}" "explanation"`)
    for (const form of strings(go['forms'], `${w} "${group}" "forms"`)) hedges.push({ stems: norms(form), payload: { group, explanation, form } })
  })
  const eData = obj(files.evaluative, `${src}/evaluative.json`)
  const evaluative = strings(eData['forms'], `${src}/evaluative.json "forms"`).map((form) => ({ stems: stems(form), payload: { form } }))
  const version = ['intensity', 'reporting', 'hedges', 'evaluative']
    .map((k) => String(obj((files as Record<string, unknown>)[k], k)['version'] ?? '0'))
    .join('/')
  return {
    version,
    intensity: new PhraseMatcher(intensity),
    reporting: new PhraseMatcher(reporting),
    hedges: new PhraseMatcher(hedges),
    evaluative: new PhraseMatcher(evaluative)
  }
}

let cached: Wording | null = null

/** The built-in wording data, validated and compiled once at first use. */
export function builtinWording(): Wording {
  cached ??= compileWording({ intensity: intensityData, reporting: reportingData, hedges: hedgesData, evaluative: evaluativeData })
  return cached
}

/**
 * Matches of a norm-compiled list (reporting verbs, hedges). These lists are matched on exact
 * normalised words, not stems, because stems merge verbs with unrelated nouns and adjectives:
 * "stated"/"states" → "state", "remarked"/"remarks", "likely" → "like". Their forms therefore
 * list each inflection they should match.
 */
export function matchNorms<T>(matcher: PhraseMatcher<T>, tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch<T>[] {
  return matcher.match(tokens, from, to, false, 'norm')
}

/**
 * Near-synonym classes (`synonyms.json`): stem → class id. Alignment maps every word of a
 * class to one feature. Stems come from the shared tokenizer/stemmer, so inflections the file
 * does not list still land in the class when their stem matches a listed word's stem.
 */
export function compileSynonyms(data: unknown, source = 'shared/resources/wording/synonyms.json'): ReadonlyMap<string, string> {
  const o = obj(data, source)
  if (!Array.isArray(o['classes'])) throw new WordingError(`${source}: "classes" must be an array`)
  return compileClasses(o['classes'], `${source}: class`)
}

let synonyms: ReadonlyMap<string, string> | null = null

/** The built-in synonym classes, validated once at first use. */
export function builtinSynonyms(): ReadonlyMap<string, string> {
  synonyms ??= compileSynonyms(synonymsData)
  return synonyms
}

/** Event-frame data (`events.json`), compiled to stem → class id maps. */
export interface EventFrames {
  /** Stem of an event word (verb or derived noun) → event class id. */
  readonly events: ReadonlyMap<string, string>
  /** Stem of an object head → object class id. */
  readonly objects: ReadonlyMap<string, string>
}

/** One list of `{id, words}` classes → stem → id (a stem may belong to one class only). */
function compileClasses(list: unknown, where: string): Map<string, string> {
  if (!Array.isArray(list)) throw new WordingError(`${where}: must be an array`)
  const out = new Map<string, string>()
  list.forEach((c, ci) => {
    const w = `${where} ${ci}`
    const co = obj(c, w)
    const id = str(co['id'], `${w} "id"`)
    if (id.includes('|')) throw new WordingError(`${w}: id "${id}" may not contain "|" (frame keys join ids with it)`)
    for (const word of strings(co['words'], `${w} "${id}" "words"`)) {
      const toks = tokenize(word).filter((t) => t.kind !== 'punct')
      if (toks.length !== 1) throw new WordingError(`${w} "${id}": "${word}" must be a single word`)
      const stem = toks[0]!.stem
      const prev = out.get(stem)
      if (prev !== undefined && prev !== id) throw new WordingError(`${w} "${id}": "${word}" (stem "${stem}") is already in class "${prev}"`)
      out.set(stem, id)
    }
  })
  return out
}

/**
 * Validate and compile event-frame data. A stem may be an event word or an object head, not
 * both: a word that is both would form a frame with itself.
 */
export function compileEvents(data: unknown, source = 'shared/resources/wording/events.json'): EventFrames {
  const o = obj(data, source)
  const events = compileClasses(o['events'], `${source}: events`)
  const objects = compileClasses(o['objects'], `${source}: objects`)
  for (const [stem, id] of objects) {
    const ev = events.get(stem)
    if (ev !== undefined) throw new WordingError(`${source}: stem "${stem}" is both event "${ev}" and object "${id}"`)
  }
  return { events, objects }
}

let eventFrames: EventFrames | null = null

/** The built-in event frames, validated once at first use. */
export function builtinEvents(): EventFrames {
  eventFrames ??= compileEvents(eventsData)
  return eventFrames
}
