/**
 * Who holds which title in an article, so a definite title used later ("The foreign minister
 * said …", "said the spokesman") can be resolved to the person it was given to, also across
 * paragraph breaks, where the pronoun rule of coref.ts does not reach.
 *
 * A title is given to a person by one of these patterns (the person being a naming-class PERSON
 * mention, or a run of two to four capitalised words, which is a name the resources do not know):
 *   1. title before the name:  "Foreign Minister Ana Costa", "The foreign minister, Ana Costa,",
 *      "The spokesman for the ministry, Daniel Reyes,"
 *   2. name, then an appositive:  "Ana Costa, the foreign minister,", "Bayramov, Azerbaijan's
 *      foreign minister", "Daniel Reyes, a spokesman for the ministry"
 *   3. the person's naming mention itself holds the title ("Israel's foreign minister").
 * The title's key is its role noun's stem ("minister"), and the role with the word before it
 * when that is a lower-case or capitalised modifier ("foreign minister", "prime minister").
 *
 * Resolution (`resolveTitle`) is deliberately strict: a reference "the [modifier] ROLE" resolves
 * only when every holder introduced before it with that key is the same person. Two foreign
 * ministers in one article (the seed has Bayramov and Cohen) leave "the foreign minister"
 * unresolved; "the defence minister" never resolves to a foreign minister (a modifier must match).
 */
import type { Token } from '../../model'
import type { NamingMention, NamingResource } from '../../resources/naming'
import { withStems } from '../../text/stem'

/** Role nouns by stem (shared with coref.ts's paragraph rule). */
export const ROLE_NOUNS: ReadonlySet<string> = withStems([
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'ambassador', 'diplomat',
  'official', 'premier', 'chancellor', 'envoy', 'secretary', 'leader', 'general', 'commander',
  'governor', 'senator', 'mayor', 'chief', 'director', 'lawmaker', 'prosecutor', 'judge', 'king',
  'queen', 'prince', 'emir', 'sheikh', 'ayatollah', 'cleric', 'author', 'writer', 'analyst'
])

export interface TitleHolder {
  /** "minister" or "foreign minister" (one holder per key). */
  readonly key: string
  /** Actor id when the person is a naming-class actor, else ''. */
  readonly actor: string
  /** The actor's label or the name as written. */
  readonly name: string
  /** Offset where the title was given: only later references may resolve to it. */
  readonly start: number
}

/** Capitalised words that open a name run but are no names. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'on', 'in', 'at', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'he', 'she', 'they', 'it', 'but', 'and', 'this', 'that'])
/** Words that may open an appositive before its title ("the", "a", "its", "Azerbaijan's"). */
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their'])

function isCap(text: string, t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false
  const c = text[t.start]!
  return c !== c.toLowerCase()
}

/** Keys of the role at token `r` (with the modifier word at r-1 when it is one). */
function keysAt(tokens: readonly Token[], r: number, lo: number): string[] {
  const role = tokens[r]!.stem
  const prev = r - 1 >= lo ? tokens[r - 1] : undefined
  const keys = [role]
  if (prev && prev.kind === 'word' && /^[a-z-]+$/.test(prev.norm) && !APPOSITIVE_OPENERS.has(prev.norm) && !ROLE_NOUNS.has(prev.stem)) keys.push(`${prev.norm} ${role}`)
  return keys
}

/**
 * Holders of titles in `tokens` (the whole article), in text order. `mentions` are the naming
 * matches (any order); only PERSON actors count.
 */
export function titleHolders(text: string, tokens: readonly Token[], mentions: readonly NamingMention[], naming: NamingResource): TitleHolder[] {
  const personAt = new Map<number, NamingMention>()
  for (const m of mentions) if (naming.actorById.get(m.actor)?.kind === 'person') for (let k = m.tokenStart; k < m.tokenEnd; k++) personAt.set(k, m)
  const out: TitleHolder[] = []
  const add = (keys: readonly string[], who: { actor: string; name: string }, start: number): void => {
    for (const key of keys) out.push({ key, actor: who.actor, name: who.name, start })
  }
  /** The person (mention or capitalised run of 2–4 words) starting at token i, or null. */
  const personFrom = (i: number): { actor: string; name: string; end: number } | null => {
    const m = personAt.get(i)
    if (m && m.tokenStart === i) return { actor: m.actor, name: naming.actorById.get(m.actor)?.label ?? m.actor, end: m.tokenEnd }
    let e = i
    while (e < tokens.length && e - i < 4 && isCap(text, tokens[e]) && !NOT_NAMES.has(tokens[e]!.norm) && !ROLE_NOUNS.has(tokens[e]!.stem)) e++
    return e - i >= 2 ? { actor: '', name: text.slice(tokens[i]!.start, tokens[e - 1]!.end), end: e } : null
  }
  /** The person (mention or run) ending right before token i, or null. */
  const personBefore = (i: number): { actor: string; name: string } | null => {
    const m = personAt.get(i - 1)
    if (m) return { actor: m.actor, name: naming.actorById.get(m.actor)?.label ?? m.actor }
    let s = i
    while (s > 0 && i - s < 4 && isCap(text, tokens[s - 1]) && !NOT_NAMES.has(tokens[s - 1]!.norm) && !ROLE_NOUNS.has(tokens[s - 1]!.stem)) s--
    // A run that opens the sentence may begin with an ordinary capitalised word; still a name
    // when two or more capitalised words remain.
    return i - s >= 2 ? { actor: '', name: text.slice(tokens[s]!.start, tokens[i - 1]!.end) } : null
  }

  for (let r = 0; r < tokens.length; r++) {
    const t = tokens[r]!
    if (t.kind !== 'word' || !ROLE_NOUNS.has(t.stem)) continue
    // 3. Inside a person's own mention ("Israel's foreign minister", "Foreign Minister Cohen").
    const own = personAt.get(r)
    if (own) {
      add(keysAt(tokens, r, own.tokenStart), { actor: own.actor, name: naming.actorById.get(own.actor)?.label ?? own.actor }, t.start)
      continue
    }
    const keys = keysAt(tokens, r, 0)
    // 1. Title before the name: right after it ("Foreign Minister Ana Costa"), or after a comma,
    // possibly past a short "for/of …" complement ("The spokesman for the ministry, Daniel Reyes,").
    let who = personFrom(r + 1)
    if (!who) {
      let c = r + 1
      if (tokens[c]?.norm === 'for' || tokens[c]?.norm === 'of') {
        const limit = c + 6
        while (c < tokens.length && c < limit && tokens[c]!.kind === 'word') c++
      }
      if (tokens[c]?.norm === ',') who = personFrom(c + 1)
    }
    if (who) {
      add(keys, who, t.start)
      continue
    }
    // 2. Name, comma, appositive: "Ana Costa, the foreign minister" / "Bayramov, Azerbaijan's
    // foreign minister" / "Daniel Reyes, a spokesman for …". Up to two words between the comma
    // and the role (an opener and a modifier).
    for (let c = r - 1; c >= 0 && r - c <= 3; c--) {
      const w = tokens[c]!
      if (w.norm === ',') {
        const p = personBefore(c)
        if (p) add(keys, p, t.start)
        break
      }
      if (w.kind !== 'word') break
    }
  }
  return out
}

/** Holders grouped by key for resolveTitle: per key, in text order, with the first change of person. */
export interface TitleIndex {
  readonly byKey: ReadonlyMap<string, { readonly holders: readonly TitleHolder[]; readonly firstOther: number }>
  /**
   * Holders the naming data does not know (actor ''), in text order, one per name and place:
   * the people a later "she said" or bare surname ("Costa said") can stand for (attribution.ts).
   */
  readonly unknown: readonly TitleHolder[]
}

const samePerson = (a: TitleHolder, b: TitleHolder): boolean => a.actor === b.actor && (a.actor !== '' || a.name === b.name)

/** Index holders (in text order, as titleHolders returns them) by key. */
export function indexTitles(holders: readonly TitleHolder[]): TitleIndex {
  const lists = new Map<string, TitleHolder[]>()
  for (const h of holders) {
    const l = lists.get(h.key)
    if (l) l.push(h)
    else lists.set(h.key, [h])
  }
  const byKey = new Map<string, { holders: readonly TitleHolder[]; firstOther: number }>()
  for (const [key, l] of lists) {
    let firstOther = l.length
    for (let i = 1; i < l.length; i++) {
      if (!samePerson(l[0]!, l[i]!)) {
        firstOther = i
        break
      }
    }
    byKey.set(key, { holders: l, firstOther })
  }
  const unknown: TitleHolder[] = []
  for (const h of holders) {
    const prev = unknown[unknown.length - 1]
    if (h.actor === '' && !(prev && prev.name === h.name && prev.start === h.start)) unknown.push(h)
  }
  return { byKey, unknown }
}

/**
 * The one person a title reference with `key` can mean: the holders of that key given before
 * offset `before`, all the same person; null when none or several. Binary search: called for
 * every definite title before a person in its paragraph, which a scan of all holders made
 * quadratic on long articles.
 */
export function resolveTitle(index: TitleIndex, key: string, before: number): TitleHolder | null {
  const e = index.byKey.get(key)
  if (!e) return null
  let lo = 0
  let hi = e.holders.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (e.holders[mid]!.start < before) lo = mid + 1
    else hi = mid
  }
  // lo = how many were given before the reference; all of them must be the first holder's person.
  return lo === 0 || lo > e.firstOther ? null : e.holders[0]!
}

/**
 * The key of a definite title reference in tokens [a, b): "the ROLE" → "minister", "the
 * MODIFIER ROLE" → "foreign minister"; null for anything else ("the minister of defence" is a
 * new description and never reaches here: callers stop before "of").
 */
export function titleReferenceKey(tokens: readonly Token[], a: number, b: number): string | null {
  if (b - a < 2 || b - a > 3 || tokens[a]!.norm !== 'the') return null
  const role = tokens[b - 1]!
  if (role.kind !== 'word' || !ROLE_NOUNS.has(role.stem)) return null
  if (b - a === 2) return role.stem
  const mod = tokens[a + 1]!
  return mod.kind === 'word' && /^[a-z-]+$/.test(mod.norm) && !ROLE_NOUNS.has(mod.stem) ? `${mod.norm} ${role.stem}` : null
}
