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
  readonly notAfter: readonly string[]
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
}

export interface NamingMention {
  readonly tokenStart: number
  readonly tokenEnd: number
  readonly start: number
  readonly end: number
  readonly actor: string
  readonly term: NamingTerm
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
      const notAfter = tr['notAfter'] === undefined ? [] : tr['notAfter']
      if (!Array.isArray(notAfter)) throw new ResourceError(`${tw} "${termId}": "notAfter" must be an array`)
      const term: NamingTerm = {
        id: termId,
        actor: actorId,
        forms: forms as string[],
        viewpoint,
        loaded,
        metonym: tr['metonym'] === true,
        notAfter: (notAfter as unknown[]).map((w) => String(w).toLowerCase()),
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
  const matcher = new PhraseMatcher<NamingTerm>(
    actors.flatMap((a) => a.terms.flatMap((t) => t.forms.map((f) => ({ stems: formStems(f), payload: t }))))
  )
  return { id, version, actors, actorById, termById, matcher }
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

/** Find actor mentions in a token range, longest match first; metonym rules applied. */
export function findNamingMentions(
  tokens: readonly Token[],
  resource: NamingResource,
  from = 0,
  to = tokens.length
): NamingMention[] {
  const out: NamingMention[] = []
  for (const m of resource.matcher.match(tokens, from, to)) {
    const term = m.payload
    if (term.metonym && m.tokenStart > 0) {
      const prev = tokens[m.tokenStart - 1]!
      if (prev.kind === 'word' && term.notAfter.includes(prev.norm)) continue
    }
    out.push({
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      start: tokens[m.tokenStart]!.start,
      end: tokens[m.tokenEnd - 1]!.end,
      actor: term.actor,
      term
    })
  }
  return out
}

let cached: NamingResource | null = null

/** The built-in naming classes (validated once, at first use). */
export function builtinNaming(): NamingResource {
  cached ??= loadNaming(builtin, 'shared/resources/naming/actors.json')
  return cached
}
