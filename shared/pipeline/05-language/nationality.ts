/**
 * Nationality adjectives ("Azerbaijani", "Israeli") and the state actor they stand for, and the
 * role nouns a person's own naming forms give them ("President Aliyev" → president).
 *
 * Why: a definite title with a nationality ("the Azerbaijani minister", "the Israeli
 * spokesman") names an official of that state's side even when no person is named, and must
 * never be resolved to a person of another side (coreference's "most recent person" rule would
 * otherwise make "the Azerbaijani minister" Eli Cohen after "Bayramov met Eli Cohen").
 *
 * An adjective maps to a state only through the naming resource: either it is itself a
 * one-word form of a state actor ("Azerbaijani", "Azeri", "Iranian" are forms in actors.json),
 * or the table below names its country and the resource has a state with that form. The table
 * is general knowledge (demonym → country); it names no side itself.
 */
import type { NamingResource } from '../../resources/naming'
import { ROLE_NOUNS } from './titles'

/** Demonym → the country's usual English name (matched against state actors' forms). */
const DEMONYMS: Readonly<Record<string, string>> = {
  israeli: 'israel', palestinian: 'palestine', ukrainian: 'ukraine', russian: 'russia', iranian: 'iran',
  azerbaijani: 'azerbaijan', azeri: 'azerbaijan', armenian: 'armenia', turkish: 'turkey', american: 'united states',
  british: 'united kingdom', french: 'france', german: 'germany', chinese: 'china', syrian: 'syria', iraqi: 'iraq',
  lebanese: 'lebanon', egyptian: 'egypt', saudi: 'saudi arabia', georgian: 'georgia', pakistani: 'pakistan',
  indian: 'india', qatari: 'qatar', jordanian: 'jordan', emirati: 'united arab emirates', kazakh: 'kazakhstan',
  turkmen: 'turkmenistan', afghan: 'afghanistan', italian: 'italy', spanish: 'spain', polish: 'poland',
  japanese: 'japan', korean: 'korea', canadian: 'canada', belarusian: 'belarus', hungarian: 'hungary'
}
/** Endings of one-word state forms that are adjectives ("Azerbaijani", "Iranian", "Turkish"), not names ("Tehran"). */
const ADJECTIVE_ENDING = /(i|ian|ish|ese|can)$/

interface NationalityIndex {
  readonly byAdjective: ReadonlyMap<string, string>
  readonly roles: Map<string, ReadonlySet<string>>
}
const cache = new WeakMap<NamingResource, NationalityIndex>()

function indexOf(naming: NamingResource): NationalityIndex {
  let ix = cache.get(naming)
  if (ix) return ix
  const byAdjective = new Map<string, string>()
  const stateByForm = new Map<string, string>()
  for (const a of naming.actors) {
    if (a.kind !== 'state') continue
    for (const t of a.terms) {
      for (const f of t.forms) {
        const form = f.toLowerCase()
        if (!stateByForm.has(form)) stateByForm.set(form, a.id)
        if (!form.includes(' ') && ADJECTIVE_ENDING.test(form) && !byAdjective.has(form)) byAdjective.set(form, a.id)
      }
    }
  }
  for (const [adj, country] of Object.entries(DEMONYMS)) {
    const id = stateByForm.get(country)
    if (id && !byAdjective.has(adj)) byAdjective.set(adj, id)
  }
  ix = { byAdjective, roles: new Map() }
  cache.set(naming, ix)
  return ix
}

/** The state actor a nationality adjective (token norm, lower case) stands for, or ''. */
export function nationalityActor(naming: NamingResource, norm: string): string {
  return indexOf(naming).byAdjective.get(norm) ?? ''
}

/** Role nouns (ROLE_NOUNS stems) in the person's own naming forms ("Azerbaijani Foreign Minister" → minister). */
export function actorRoles(naming: NamingResource, actor: string): ReadonlySet<string> {
  const ix = indexOf(naming)
  let roles = ix.roles.get(actor)
  if (roles) return roles
  const set = new Set<string>()
  for (const t of naming.actorById.get(actor)?.terms ?? []) {
    for (const f of t.forms) {
      for (const w of f.toLowerCase().split(/[\s'’-]+/)) {
        if (ROLE_NOUNS.has(w)) set.add(w)
        else if (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))) set.add(w.slice(0, -1))
      }
    }
  }
  roles = set
  ix.roles.set(actor, roles)
  return roles
}

/** Roles that fit any official ("the official", "the diplomat", "the leader"). */
const GENERIC_ROLES = new Set(['official', 'diplomat', 'leader'])

/**
 * Can "the [modifier] ROLE" refer to `actor`? Not when the modifier is a nationality of another
 * side ("the Azerbaijani minister" is not Eli Cohen), nor when the person's own forms name
 * roles and this one is none of them and not generic ("the spokesman" is not President Aliyev).
 * A person whose forms name no role (an adviser, an unknown) fits any role.
 */
export function roleFits(naming: NamingResource, actor: string, role: string, modifier: string): boolean {
  const state = modifier === '' ? '' : nationalityActor(naming, modifier)
  if (state !== '') {
    const side = naming.actorById.get(state)?.side ?? ''
    if (side === '' || naming.actorById.get(actor)?.side !== side) return false
  }
  const roles = actorRoles(naming, actor)
  return roles.size === 0 || GENERIC_ROLES.has(role) || roles.has(role)
}
