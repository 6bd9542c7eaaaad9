/**
 * Actor mentions: the naming-class matches plus a deliberately simple coreference.
 *
 * Rule (documented in the lexicon README, section "actors"): inside one paragraph, after a
 * mention of a PERSON actor, the pronouns he/him/his/she/her and a definite role noun ("the
 * minister", "the foreign minister", "the spokesman") refer to the most recent person
 * mentioned. Pronouns never cross a paragraph break, plural pronouns and "it" are never
 * resolved, and a role noun followed by "of" ("the minister of defence") is a new description,
 * not a reference. A definite role noun before any person of its paragraph ("The foreign
 * minister said …" opening a new paragraph) resolves to the one person the article gave that
 * title earlier ("Foreign Minister Jeyhun Bayramov", "Bayramov, the foreign minister"), and stays
 * unresolved when several people hold it (titles.ts). A role noun resolves to the most recent
 * person only when it fits them (nationality.ts roleFits): a nationality adjective of another
 * side ("the Azerbaijani minister" after Eli Cohen) or a role the person's own naming forms do
 * not give them ("the spokesman" after President Aliyev) leaves it unresolved. The resulting mention's `term` is
 * `coref:<word>` so it is never mistaken for a naming choice.
 *
 * Names that contain another actor ("Azerbaijan's State Security Service") also yield nested
 * mentions (`nestedMentions`), kept out of the main list; see `LanguageResult.nestedMentions`
 * for the invariants. They never update the "most recent person": a person's name inside an
 * institution's name is not who "he" refers to next.
 */
import type { ActorMention, Segmentation, Token } from '../../model'
import type { NamingMention, NamingResource } from '../../resources/naming'
import { firstAtOrAfter } from '../../util/search'
import { resolveTitle, ROLE_NOUNS, titleReferenceKey, type TitleIndex } from './titles'
import { roleFits } from './nationality'

const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'himself', 'herself'])

export interface CorefInput {
  readonly article: string
  readonly tokens: readonly Token[]
  readonly segmentation: Segmentation
  readonly naming: NamingResource
  readonly mentions: readonly NamingMention[]
  readonly tokenSentence: Int32Array
  /**
   * The article's title holders (titles.ts), asked for only when a reference needs them. With
   * them, "the [modifier] ROLE" before any person in its paragraph resolves to the one person
   * given that title earlier in the article.
   */
  readonly titles?: () => TitleIndex
}

/** Are the mentions in (tokenStart, start) order, the order resolveCoreference walks them in? */
function inOrder(ms: readonly NamingMention[]): boolean {
  for (let i = 1; i < ms.length; i++) {
    const a = ms[i - 1]!
    const b = ms[i]!
    if (a.tokenStart > b.tokenStart || (a.tokenStart === b.tokenStart && a.start > b.start)) return false
  }
  return true
}

export function resolveCoreference(input: CorefInput): ActorMention[] {
  const { tokens, segmentation, naming, tokenSentence, article } = input
  // The naming matcher's mentions come in that order already; copy and sort only if not.
  const sorted = inOrder(input.mentions) ? input.mentions : [...input.mentions].sort((a, b) => a.tokenStart - b.tokenStart || a.start - b.start)
  const out: ActorMention[] = []
  let mi = 0
  for (const p of segmentation.paragraphs) {
    const first = segmentation.sentences[p.sentenceStart]
    const last = segmentation.sentences[p.sentenceEnd - 1]
    if (!first || !last) continue
    let lastPerson = ''
    /** People named in this paragraph so far, most recent last (for role nouns that must fit). */
    const persons: string[] = []
    for (let k = first.tokenStart; k < last.tokenEnd; k++) {
      while (mi < sorted.length && sorted[mi]!.tokenStart < k) mi++
      if (mi < sorted.length && sorted[mi]!.tokenStart === k) {
        // Every mention that starts in the tokens taken so far: parts of a hyphenated compound
        // share tokens ("Baku" and "Tel Aviv" in "Baku-Tel Aviv", "Tel Aviv" and "Baku" in "Tel
        // Aviv-Baku"). Disjoint by offsets, so (tokenStart, start) order is offset order.
        let end = k + 1
        for (; mi < sorted.length && sorted[mi]!.tokenStart < end; mi++) {
          const m = sorted[mi]!
          out.push({ article, start: m.start, end: m.end, actor: m.actor, sentence: tokenSentence[m.tokenStart]!, term: m.term.id })
          if (naming.actorById.get(m.actor)?.kind === 'person') {
            lastPerson = m.actor
            persons.push(m.actor)
          }
          end = Math.max(end, m.tokenEnd)
        }
        k = end - 1
        continue
      }
      const t = tokens[k]!
      if (t.kind !== 'word' || (lastPerson === '' && (!input.titles || t.norm !== 'the'))) continue
      if (PERSON_PRONOUNS.has(t.norm)) {
        if (lastPerson === '') continue
        out.push({ article, start: t.start, end: t.end, actor: lastPerson, sentence: tokenSentence[k]!, term: `coref:${t.norm}` })
        continue
      }
      if (t.norm === 'the') {
        // "the minister", "the foreign minister": a role noun within the next two words.
        for (let j = k + 1; j <= k + 2 && j < last.tokenEnd; j++) {
          const w = tokens[j]!
          if (w.kind !== 'word') break
          if (ROLE_NOUNS.has(w.stem)) {
            const after = tokens[j + 1]
            if (after && after.norm === 'of') break
            // Before any person in this paragraph: the one person given this title earlier in the
            // article (titles.ts), if exactly one was; otherwise the reference stays unresolved.
            const key = lastPerson === '' && input.titles ? titleReferenceKey(tokens, k, j + 1) : null
            // Within the paragraph: the most recent person the title fits ("the Azerbaijani
            // minister" after "Bayramov met Eli Cohen" is Bayramov; "the spokesman" is never
            // President Aliyev; nationality.ts). None fits: unresolved, and a nationality stays a
            // mention of its state, so the speaker keeps that side.
            const modifier = j === k + 2 ? tokens[k + 1]!.norm : ''
            let actor = ''
            if (key === null) {
              for (let p2 = persons.length - 1; p2 >= 0 && actor === ''; p2--) if (roleFits(naming, persons[p2]!, w.stem, modifier)) actor = persons[p2]!
            } else actor = resolveTitle(input.titles!(), key, t.start)?.actor ?? ''
            if (actor === '') break
            out.push({ article, start: t.start, end: w.end, actor, sentence: tokenSentence[k]!, term: `coref:the-${w.stem}` })
            k = j
            break
          }
        }
      }
    }
  }
  return out
}

/**
 * The nested mentions of the naming matches (`NamingMention.nested`) as actor mentions, for
 * `LanguageResult.nestedMentions`: sorted by start, each tagged with its parent's actor
 * (`within`) and sentence (the sentence the name starts in). Only parents that made it into
 * `mentions` (the coreference output) contribute, so every nested mention lies inside an entry
 * of `mentions`.
 */
export function nestedActorMentions(
  article: string,
  naming: readonly NamingMention[],
  mentions: readonly ActorMention[]
): ActorMention[] {
  const out: ActorMention[] = []
  for (const m of naming) {
    if (!m.nested || m.nested.length === 0) continue
    // `mentions` is in text order with unique starts (resolveCoreference's invariant), so the
    // parent is found by binary search; a Map of every mention by start cost ~4 ms per 100k
    // words whenever one name had nested mentions.
    const i = firstAtOrAfter(mentions, m.start)
    const parent = i < mentions.length && mentions[i]!.start === m.start ? mentions[i] : undefined
    if (!parent || parent.end !== m.end || parent.actor !== m.actor) continue
    for (const n of m.nested) {
      out.push({ article, start: n.start, end: n.end, actor: n.actor, sentence: parent.sentence, term: n.term.id, within: m.actor })
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}
