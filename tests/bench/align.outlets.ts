/**
 * Bench set (c) for tests/bench/align.bench.ts: independent outlets' coverage of one story.
 *
 * Why a second synthetic set: set (b) builds ~88% of every article from one shared pool of
 * sample sentences in nearly the same order, so any two articles share long verbatim runs.
 * That is what syndicated wire copy looks like, not what several newsrooms writing up the same
 * events look like. In real coverage of one story by different outlets (see the samples: five
 * outlets on the Baku–Tel Aviv embassy), what is shared is the *facts* (who did what, to whom,
 * where, when, how many) and the *quotations*; the sentences themselves are each newsroom's
 * own:
 *  - every outlet writes its own sentences around the same facts: its own verb and noun choices
 *    (a house style: one outlet "signs" deals, another "concludes" them), its own names for the
 *    actors (naming is where bias shows: "Israel" / "the Zionist regime" / "Tel Aviv"), its own
 *    clause order (attribution first or last, date first, passive voice), and sometimes two
 *    facts merged into one sentence;
 *  - facts are ordered by each outlet's news judgement (a shared sense of importance, plus
 *    its own), not in one common order, and each reports a subset (~55-70%) of them;
 *  - verbatim text is limited to quotations (from statements and press conferences; some
 *    outlets quote in full, others trim to a fragment) and the occasional wire paragraph that
 *    an outlet reprints as is;
 *  - each outlet adds background and comment of its own (~15% of the sentences) that no other
 *    outlet has.
 * The bench prints, for every set, the share of each article's word 6-grams that also occur in
 * the base (median over articles), so the recipe can be checked against the real-coverage
 * samples of set (a) rather than taken on trust.
 *
 * Everything is deterministic (seeded PRNG); vocabulary is the project's own general English.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** mulberry32: small, fast, deterministic PRNG (the bench's sets (b) and (c) both use it). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type R = () => number
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

/**
 * Vocabulary breadth: real articles of 5,000 words use ~1,200-1,600 distinct words, most of
 * them rare (Zipf's law); a grammar of a few hundred words would not. Content words beyond the
 * grammar are pseudo-words of a Zipf rank (deterministic spelling), as in set (b).
 */
const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'sa', 'lo', 'ver', 'an', 'is', 'tor', 'bel', 'ma', 'nu', 'ri', 'des', 'gal', 'pe', 'co', 'str', 'ul']
const ZIPF_VOCAB = 30000
function wordOfRank(k: number): string {
  let w = ''
  let x = k + 7
  do {
    w += SYLLABLES[x % SYLLABLES.length]
    x = Math.floor(x / SYLLABLES.length)
  } while (x > 0)
  return w
}
/** A pseudo-word drawn from Zipf(s = 1) over ZIPF_VOCAB ranks (also set (b)'s filler words). */
export function zipfWord(r: R): string {
  const hN = Math.log(ZIPF_VOCAB) + 0.5772
  return wordOfRank(Math.min(ZIPF_VOCAB - 1, Math.floor(Math.exp(r() * hN - 0.5772))))
}

/**
 * Collects an article's sentences into paragraphs of 3-5 sentences (one draw of `r` per `add`,
 * after its sentences, so both generators keep their random streams) and counts its words.
 */
export class ParagraphWriter {
  private readonly paragraphs: string[] = []
  private para: string[] = []
  words = 0
  constructor(private readonly r: R) {}

  add(sentences: readonly string[]): void {
    for (const s of sentences) {
      this.para.push(s)
      this.words += s.split(/\s+/).length
    }
    if (this.para.length >= 3 + Math.floor(this.r() * 3)) {
      this.paragraphs.push(this.para.join(' '))
      this.para = []
    }
  }

  /** The article text: paragraphs separated by blank lines, ending with a newline. */
  text(): string {
    const all = this.para.length ? [...this.paragraphs, this.para.join(' ')] : this.paragraphs
    return all.join('\n\n') + '\n'
  }
}
/** A noun phrase of 2-3 Zipf words ("the kasamiro desten of loveris"). */
function zipfPhrase(r: R): string {
  return r() < 0.5 ? `${zipfWord(r)} ${zipfWord(r)}` : `${zipfWord(r)} ${zipfWord(r)} of ${zipfWord(r)}`
}
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'was', 'for', 'on', 'with', 'as', 'by', 'it', 'from', 'at', 'its', 'his', 'their', 'which', 'has', 'have', 'be', 'an', 'this', 'but', 'not', 'are', 'were']

/** Actors and the names outlets use for them (index 0: neutral; later ones loaded or metonyms). */
const ACTORS: Record<string, readonly string[]> = {
  az: ['Azerbaijan', 'Baku', 'the Azerbaijani government', 'the Aliyev government', 'the Republic of Azerbaijan'],
  il: ['Israel', 'Tel Aviv', 'the Israeli government', 'the Zionist regime', 'the Jewish state'],
  ir: ['Iran', 'Tehran', 'the Iranian government', 'the Islamic Republic', 'the Iranian regime'],
  am: ['Armenia', 'Yerevan', 'the Armenian government'],
  tr: ['Turkey', 'Ankara', 'the Turkish government'],
  ru: ['Russia', 'Moscow', 'the Kremlin'],
  us: ['the United States', 'Washington', 'the US administration'],
  eu: ['the European Union', 'Brussels', 'the EU']
}
const ACTOR_IDS = Object.keys(ACTORS)
const ADJ: Record<string, string> = { az: 'Azerbaijani', il: 'Israeli', ir: 'Iranian', am: 'Armenian', tr: 'Turkish', ru: 'Russian', us: 'American', eu: 'European' }

/** Event predicates: synonym sets for the verb (past tense), the passive participle and the noun. */
interface Pred {
  readonly verbs: readonly string[]
  readonly passive: readonly string[]
  readonly nouns: readonly string[]
  /** Object phrases (an {X} is filled with an actor name, {N} with the fact's number). */
  readonly objects: readonly string[]
}
const PREDS: readonly Pred[] = [
  { verbs: ['signed', 'concluded', 'agreed', 'finalised'], passive: ['signed', 'concluded', 'agreed'], nouns: ['signing', 'conclusion'],
    objects: ['a defence cooperation agreement', 'a memorandum on energy cooperation', 'a deal worth {N} million dollars', 'a protocol on water technology', 'a visa waiver accord', 'an agreement on {N} joint projects'] },
  { verbs: ['opened', 'inaugurated', 'launched', 'set up'], passive: ['opened', 'inaugurated', 'launched'], nouns: ['opening', 'inauguration', 'launch'],
    objects: ['an embassy in {X}', 'a trade office in {X}', 'a consulate in {X}', 'a liaison office in {X}', 'a cultural centre in {X}'] },
  { verbs: ['met', 'held talks with', 'sat down with', 'received'], passive: ['met', 'received', 'welcomed'], nouns: ['meeting', 'talks', 'discussions'],
    objects: ['the foreign minister of {X}', 'a delegation from {X}', 'the ambassador of {X}', 'envoys from {X}', 'the defence minister of {X}'] },
  { verbs: ['criticised', 'condemned', 'denounced', 'rebuked', 'attacked'], passive: ['criticised', 'condemned', 'denounced'], nouns: ['criticism', 'condemnation'],
    objects: ['the move by {X}', 'the decision of {X}', 'the arms sales of {X}', 'the military presence of {X}', 'statements by officials of {X}'] },
  { verbs: ['bought', 'purchased', 'acquired', 'ordered'], passive: ['bought', 'purchased', 'acquired'], nouns: ['purchase', 'acquisition', 'order'],
    objects: ['{N} drones from {X}', '{N} missile systems from {X}', 'radar equipment worth {N} million dollars from {X}', '{N} armoured vehicles from {X}', 'surveillance satellites from {X}'] },
  { verbs: ['supplied', 'shipped', 'exported', 'delivered'], passive: ['supplied', 'shipped', 'delivered'], nouns: ['supply', 'shipments', 'deliveries'],
    objects: ['{N} thousand barrels of oil a day to {X}', 'natural gas to {X}', 'grain to {X}', '{N} percent of its crude exports to {X}', 'electricity to {X}'] },
  { verbs: ['warned', 'cautioned', 'threatened'], passive: ['warned', 'cautioned'], nouns: ['warning', 'threat'],
    objects: ['{X} against further escalation', '{X} of consequences', '{X} against interference', 'neighbours of {X} about the risks'] },
  { verbs: ['discussed', 'addressed', 'reviewed', 'talked about'], passive: ['discussed', 'addressed', 'reviewed'], nouns: ['discussion', 'review'],
    objects: ['security along the border with {X}', 'trade with {X}', 'the situation in {X}', 'energy routes through {X}', 'the peace process with {X}', '{N} joint projects with {X}'] },
  { verbs: ['announced', 'declared', 'unveiled', 'made public'], passive: ['announced', 'unveiled', 'made public'], nouns: ['announcement', 'declaration'],
    objects: ['new sanctions on {X}', 'a loan of {N} million dollars to {X}', 'plans to expand ties with {X}', 'a review of relations with {X}', 'military exercises near {X}'] },
  { verbs: ['visited', 'travelled to', 'arrived in', 'toured'], passive: ['visited', 'toured'], nouns: ['visit', 'trip', 'tour'],
    objects: ['{X}', 'the capital of {X}', 'border regions of {X}', 'a military base in {X}'] },
  { verbs: ['rejected', 'dismissed', 'refused'], passive: ['rejected', 'dismissed'], nouns: ['rejection', 'refusal'],
    objects: ['the claims of {X}', 'a proposal from {X}', 'accusations by {X}', 'demands from {X}'] },
  { verbs: ['accused', 'blamed', 'charged'], passive: ['accused', 'blamed'], nouns: ['accusation', 'charge'],
    objects: ['{X} of destabilising the region', '{X} of spying', '{X} of arming separatists', '{X} of violating the ceasefire {N} times'] }
]

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const ROLES = ['foreign minister', 'defence minister', 'president', 'prime minister', 'spokesperson', 'ambassador', 'deputy foreign minister', 'energy minister', 'adviser', 'lawmaker']
const FIRST = ['Jeyhun', 'Eli', 'Hossein', 'Ararat', 'Mevlut', 'Sergei', 'Antony', 'Josep', 'Leyla', 'Naftali', 'Nasser', 'Anahit', 'Hakan', 'Maria', 'Elnur', 'Yair', 'Ali', 'Zara', 'Dmitry', 'Karen', 'Rashad', 'Tamar', 'Mehdi', 'Ilham']
const LAST = ['Bayramov', 'Cohen', 'Kanani', 'Mirzoyan', 'Demir', 'Lavrov', 'Miller', 'Borrell', 'Aliyeva', 'Shapira', 'Rezaei', 'Sarkissian', 'Kaya', 'Petrova', 'Hasanov', 'Levi', 'Jafari', 'Grigoryan', 'Volkov', 'Harris', 'Mammadov', 'Peretz', 'Karimi', 'Huseynov']
/** Sources an outlet attributes facts to. */
const SOURCES: readonly (readonly [string, string])[] = [['officials', 'said'], ['a statement', 'said'], ['diplomats', 'said'], ['state media', 'reported'], ['the ministry', 'said'], ['sources', 'told reporters'], ['local media', 'reported'], ['an official', 'said']]
/** Quotation building blocks: speakers' own words are shared verbatim across outlets. */
const Q_SUBJ = ['We', 'Our government', 'Our country', 'This partnership', 'Nobody', 'The region', 'Our people', 'This step']
const Q_VERB = ['will continue to', 'must', 'will always', 'would like to', 'should be ready to', 'must be able to', 'decided to', 'will not hesitate to']
const Q_OBJ = ['strengthen our ties with our friends', 'defend our sovereignty and our borders', 'resist foreign bases on our doorstep', 'build a future of peace and prosperity', 'answer any provocation firmly', 'work with all our neighbours', 'keep this region from becoming a battlefield', 'protect the security of our citizens', 'open a new chapter in our relations', 'take the threats coming from the south seriously']
const Q_TAIL = ['and everyone should know that', 'whatever others may say', 'because history has taught us', 'and this is only the beginning', 'as we have said many times', 'and we expect the same from others', '', '', '']

/** What an outlet does with its words: its house style (stable across its sentences). */
interface Style {
  /** Preferred synonym index per predicate (70% of the time), and its naming per actor. */
  readonly verb: number[]
  readonly noun: number[]
  readonly naming: Record<string, number>
  readonly attributionFirst: boolean
  readonly evaluative: readonly string[]
  readonly dateStyle: number
}

const EVALUATIVE = [
  ['historic', 'landmark', 'long-awaited', 'significant'],
  ['controversial', 'provocative', 'so-called', 'much-criticised'],
  ['hostile', 'aggressive', 'reckless', 'dangerous'],
  ['modest', 'routine', 'largely symbolic', 'expected']
]

function styleOf(r: R): Style {
  return {
    verb: PREDS.map((p) => Math.floor(r() * p.verbs.length)),
    noun: PREDS.map((p) => Math.floor(r() * p.nouns.length)),
    naming: Object.fromEntries(ACTOR_IDS.map((a) => [a, Math.floor(r() * ACTORS[a]!.length)])),
    attributionFirst: r() < 0.5,
    evaluative: pick(r, EVALUATIVE),
    dateStyle: Math.floor(r() * 3)
  }
}

/** One reported fact: fixed content (who, what, whom, number, day) that outlets word on their own. */
interface Fact {
  readonly importance: number
  readonly subj: string
  readonly person: { first: string; last: string; role: string } | null
  readonly pred: number
  readonly object: number
  readonly target: string
  readonly n: number
  readonly day: number
  readonly month: number
  readonly date: number
  readonly quote: string | null
  /** The fact's specifics (a programme, a site, a clause of a deal): shared content words. */
  readonly detail: string
  readonly place: string | null
}

function makeFacts(r: R, count: number): Fact[] {
  const facts: Fact[] = []
  for (let i = 0; i < count; i++) {
    const subj = pick(r, ACTOR_IDS.slice(0, 5))
    let target = pick(r, ACTOR_IDS)
    if (target === subj) target = ACTOR_IDS[(ACTOR_IDS.indexOf(subj) + 1) % ACTOR_IDS.length]!
    const pred = Math.floor(r() * PREDS.length)
    // Quotations: about a third of facts come with words from a speaker (a statement, a press
    // conference); 1-3 clauses, verbatim in every outlet that quotes them.
    let quote: string | null = null
    if (r() < 0.33) {
      const parts: string[] = []
      const k = 1 + Math.floor(r() * 3)
      for (let j = 0; j < k; j++) {
        const tail = pick(r, Q_TAIL)
        const subj = pick(r, Q_SUBJ)
        parts.push(`${j === 0 || subj === 'We' ? subj : subj.toLowerCase()} ${pick(r, Q_VERB)} ${pick(r, Q_OBJ)}${tail ? ' ' + tail : ''}`)
      }
      quote = parts.join(', ')
    }
    facts.push({
      importance: r(),
      subj,
      person: r() < 0.5 ? { first: pick(r, FIRST), last: pick(r, LAST), role: pick(r, ROLES) } : null,
      pred,
      object: Math.floor(r() * PREDS[pred]!.objects.length),
      target,
      n: pick(r, [2, 3, 5, 8, 12, 15, 20, 25, 40, 60, 100, 150, 250, 400, 1200]),
      day: Math.floor(r() * 7),
      month: Math.floor(r() * 12),
      date: 1 + Math.floor(r() * 28),
      quote,
      detail: zipfPhrase(r),
      place: r() < 0.4 ? cap(wordOfRank(Math.floor(r() * 3000))) : null
    })
  }
  return facts
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** An outlet's own sentence for a fact (and, sometimes, its quotation). */
function realize(f: Fact, st: Style, r: R, own: boolean): string[] {
  const p = PREDS[f.pred]!
  const prefer = (xs: readonly string[], i: number): string => (r() < 0.7 ? xs[i % xs.length]! : pick(r, xs))
  const name = (a: string): string => {
    const xs = ACTORS[a]!
    return r() < 0.75 ? xs[st.naming[a]! % xs.length]! : pick(r, xs)
  }
  const subjName = f.person
    ? r() < 0.5
      ? `${ADJ[f.subj]} ${f.person.role} ${f.person.first} ${f.person.last}`
      : `${f.person.first} ${f.person.last}, ${name(f.subj)}'s ${f.person.role},`
    : name(f.subj)
  const subjShort = f.person ? f.person.last : name(f.subj)
  const hedge = r() < 0.3 ? pick(r, ['some ', 'about ', 'nearly ', 'more than ', '']) : ''
  const obj = p.objects[f.object]!.replace('{X}', name(f.target)).replace('{N}', `${hedge}${f.n}`)
  const when = [`on ${DAYS[f.day]}`, `on ${f.date} ${MONTHS[f.month]}`, `on ${MONTHS[f.month]} ${f.date}`][st.dateStyle]!
  const evalw = r() < 0.25 ? `${pick(r, st.evaluative)} ` : ''
  const verb = prefer(p.verbs, st.verb[f.pred]!)
  const noun = prefer(p.nouns, st.noun[f.pred]!)
  const src = pick(r, SOURCES)
  let s: string
  switch (Math.floor(r() * 6)) {
    case 0:
      s = `${subjName} ${verb} ${obj} ${when}`
      break
    case 1:
      s = `${cap(when)}, ${subjName} ${verb} ${obj}`
      break
    case 2:
      // The passive only where the object is a thing (not "warned X of ...").
      if (p.objects[f.object]!.startsWith('{X}')) {
        s = `${subjName} ${verb} ${obj} ${when}`
        break
      }
      s = `${cap(obj)} ${/s\b/.test(obj.split(' ')[0]!) ? 'were' : 'was'} ${prefer(p.passive, st.verb[f.pred]!)} by ${subjName} ${when}`
      break
    case 3:
      s = st.attributionFirst ? `According to ${src[0]}, ${subjName} ${verb} ${obj} ${when}` : `${subjName} ${verb} ${obj} ${when}, ${src[0]} ${src[1]}`
      break
    case 4:
      s = `The ${evalw}${noun} came ${when}, when ${subjName} ${verb} ${obj}`
      break
    default:
      s = `${subjName} ${verb} ${obj} ${when} in what ${pick(r, ['observers', 'critics', 'supporters', 'analysts'])} called a ${evalw || pick(r, st.evaluative) + ' '}step`
  }
  // The fact's specifics, where this outlet puts them; and the outlet's own context words.
  if (r() < 0.7) s += ` ${pick(r, ['as part of the', 'over the', 'under the', 'concerning the', 'linked to the'])} ${f.detail}`
  if (f.place && r() < 0.7) s += ` in ${f.place}`
  if (r() < 0.5) s += `, ${pick(r, ['amid', 'despite', 'following', 'after', 'ahead of', 'during', 'with'])} ${pick(r, ['the', 'a', 'its', 'their', 'new'])} ${zipfPhrase(r)}`
  const out = [cap(s.replace(/\s+/g, ' ').replace(/,,/g, ',').trim()) + '.']
  // Quotations: most outlets quote a fact's speaker when there is one, in full or trimmed to
  // the clause they care about; the quoted words are verbatim.
  if (f.quote && r() < (own ? 0 : 0.6)) {
    const clauses = f.quote.split(', ')
    const said = prefer(['said', 'stated', 'told reporters', 'declared', 'insisted'], st.verb[f.pred]!)
    if (clauses.length > 1 && r() < 0.4) {
      const frag = pick(r, clauses)
      out.push(`${cap(subjShort)} ${said} that the aim was to "${frag.charAt(0).toLowerCase() + frag.slice(1)}".`)
    } else if (st.attributionFirst) out.push(`${cap(subjShort)} ${said}: "${f.quote}."`)
    else out.push(`"${f.quote}," ${subjShort} ${said}.`)
  }
  return out
}

/**
 * Build `count` articles of ~`words` words into `dir`. Every article covers the same story (one
 * set of facts and quotations, seed 11), in its own words (its own style, seed per outlet).
 */
export function synthesizeOutlets(dir: string, count: number, words: number): void {
  mkdirSync(dir, { recursive: true })
  const story = rng(11)
  // Enough facts that an outlet reporting ~60% of them fills its length (~28 words a fact with
  // its details and occasional quotation), so outlets differ in which facts they report.
  const facts = makeFacts(story, Math.ceil(words / 17))
  // Wire copy: a handful of agency paragraphs that outlets sometimes reprint word for word.
  const wireStyle = styleOf(rng(12))
  const wire = facts.slice(0, 12).map((f, i) => realize(f, wireStyle, rng(500 + i), false).join(' '))
  for (let k = 0; k < count; k++) {
    const r = rng(2000 + k)
    const st = styleOf(r)
    // News judgement: a shared sense of importance plus the outlet's own (noise as large as the
    // signal), so the order of facts differs a lot between outlets.
    const chosen = facts.filter(() => r() < 0.62).map((f) => ({ f, key: f.importance + r() }))
    chosen.sort((x, y) => x.key - y.key)
    // The outlet's background: facts of its own (not in the story pool), no quotations.
    const ownFacts = makeFacts(rng(9000 + k), Math.ceil(words / 60))
    const out = new ParagraphWriter(r)
    let next = 0
    let nextOwn = 0
    while (out.words < words) {
      let ss: string[]
      const x = r()
      if (x < 0.03) ss = [pick(r, wire)]
      else if (x < 0.1 && nextOwn < ownFacts.length) ss = realize(ownFacts[nextOwn++]!, st, r, true)
      else if (x < 0.18) {
        // Comment and colour of the outlet's own (as set (b)'s own material).
        const ws: string[] = []
        for (let i = 8 + Math.floor(r() * 22); i > 0; i--) ws.push(r() < 0.45 ? pick(r, FUNCTION_WORDS) : zipfWord(r))
        ss = [cap(ws.join(' ')) + '.']
      }
      else if (next < chosen.length) {
        ss = realize(chosen[next++]!.f, st, r, false)
        // Two facts in one sentence now and then.
        if (r() < 0.12 && next < chosen.length && ss.length === 1) {
          const more = realize(chosen[next++]!.f, st, r, false)
          const second = /^(The|On|According) /.test(more[0]!) ? more[0]!.charAt(0).toLowerCase() + more[0]!.slice(1) : more[0]!
          ss = [`${ss[0]!.slice(0, -1)}, ${pick(r, ['while', 'and', 'as', 'after'])} ${second}`, ...more.slice(1)]
        }
      } else ss = realize(ownFacts[nextOwn++ % ownFacts.length]!, st, r, true)
      out.add(ss)
    }
    writeFileSync(join(dir, `${String(k).padStart(2, '0')}-outlet.txt`), out.text())
  }
}
