/**
 * A light, deterministic English stemmer (suffix stripping in the spirit of Porter's "step 1"
 * plus a few derivational endings). Alignment and lexicon matching both compare stems, so the
 * only hard requirement is consistency: the same function stems text tokens and lexicon
 * entries. It is deliberately conservative: it would rather leave "news" alone than merge it
 * with "new".
 *
 *   claims → claim, claimed → claim, claiming → claim, studies → study, regimes → regim,
 *   slammed → slam, occupied → occupy, terrorists → terrorist, Azerbaijan's → azerbaijan
 *
 * Invariant (tests/shared/text/stem.test.ts, over a table of common regular verbs): a regular
 * verb's base, -s, -ed and -ing forms share one stem, whether or not the base ends in a silent
 * -e ("float"/"floated", "rejoice"/"rejoiced", "hope"/"hoped" vs "hop"/"hopped") or doubles its
 * last consonant (British "travelled"). Stems are keys, not words: "create" stems to "creat".
 */
const KEEP = new Set([
  'news', 'is', 'was', 'has', 'his', 'this', 'its', 'us', 'as', 'thus', 'gas', 'bus', 'yes',
  'series', 'species', 'politics', 'economics', 'always', 'perhaps', 'during', 'nothing',
  'something', 'anything', 'everything', 'thing', 'bring', 'king', 'ring', 'sing', 'spring',
  'string', 'wing', 'sibling', 'morning', 'evening', 'ceiling', 'red', 'bed', 'shed', 'need',
  'seed', 'feed', 'speed', 'breed', 'creed', 'deed', 'embed', 'hundred', 'sacred', 'naked',
  'wicked', 'kindred', 'alias', 'atlas', 'bias', 'canvas', 'chaos', 'cosmos', 'lens', 'less',
  'unless', 'across', 'analysis', 'basis', 'crisis', 'thesis', 'emphasis', 'diagnosis'
])

/**
 * Words whose final -e tells them apart from another common word (humane/human, morale/moral,
 * severe/sever, route/rout, vigilante/vigilant): `finish` keeps their -e, so "severe sanctions"
 * never meets "severed ties". Their -ed/-ing forms stay with the -e-less word ("routed" → "rout").
 */
const KEEP_E = new Set([
  'humane', 'morale', 'finale', 'locale', 'vigilante', 'route', 'caste', 'paste', 'severe'
])

function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'
}

function hasVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isVowel(s[i]) || (s[i] === 'y' && i > 0)) return true
  return false
}

/** Number of vowel groups: a rough syllable count ("not" 1, "visit" 2, "quot" 1). */
function syllables(s: string): number {
  let n = 0
  let inVowel = false
  for (let i = 0; i < s.length; i++) {
    const v = isVowel(s[i]) && !(s[i] === 'u' && s[i - 1] === 'q')
    if (v && !inVowel) n++
    inVowel = v
  }
  return n
}

/** Ends consonant–vowel–consonant (last not w/x/y), treating "qu" as a consonant. */
function endsCVC(s: string): boolean {
  const n = s.length
  if (n < 3) return false
  const c2 = s[n - 1]!
  const v = s[n - 2]!
  const c1 = s[n - 3]!
  return !isVowel(c2) && !'wxy'.includes(c2) && isVowel(v) && (!isVowel(c1) || (c1 === 'u' && s[n - 4] === 'q'))
}

/**
 * Whether a bare stem ending in `b` is written with a silent -e in its base form ("hop" → "hope"
 * after "hoping", "rejoic" → "rejoice"). It answers yes only where no regular verb (and hardly any
 * English word) ends bare, so the answer never turns a verb without -e into one with it:
 *  - after v, u, c ("leave", "argue", "issue", "cue", "rejoice", "force"; a verb ending in c
 *    takes -ck-: "panicked");
 *  - two letters, vowel–consonant or ending in i: "used", "owed", "aged"; "died", "tied";
 *  - one syllable ending consonant–vowel–consonant: a bare one-syllable verb doubles its last
 *    consonant ("hopped", "stopped"), so an undoubled "hoped", "noted", "ruled" had an -e;
 *  - z after a vowel ("criticize", "seize"), s after n/r/l/p or a one-sound vowel pair ("sense",
 *    "reverse", "pulse", "collapse", "cause", "raise"; not "bias"), l after a consonant other than l/r/w ("handle",
 *    "title"), g other than ng/gg ("charge", "judge", "oblige"), and d or b after one vowel that
 *    follows a consonant ("conclude", "decide", "describe").
 * Everything else is ambiguous ("float"/"create", "belong"/"change", "focus"/"accuse",
 * "consider"/"declare"), and there the -e is dropped from every form instead: "create",
 * "creates", "created" and "creating" all stem to "creat". Either way the base form and its
 * -s/-ed/-ing forms meet, which is the stemmer's invariant for regular verbs.
 */
function takesE(b: string): boolean {
  const n = b.length
  if (n < 2) return false
  const last = b[n - 1]!
  const prev = b[n - 2]!
  if (last === 'v' || last === 'u' || last === 'c') return true
  if (n === 2) return (isVowel(prev) && !isVowel(last) && last !== 'y') || last === 'i'
  if (syllables(b) === 1 && endsCVC(b)) return true
  switch (last) {
    case 'z': return isVowel(prev)
    // A vowel pair before s is one sound ("caus", "rais", "releas") unless it starts with i ("bias").
    case 's': return 'nrlp'.includes(prev) || (isVowel(prev) && isVowel(b[n - 3]) && b[n - 3] !== 'i')
    case 'l': return !isVowel(prev) && !'lrw'.includes(prev)
    case 'g': return prev !== 'n' && prev !== 'g'
    case 'd': case 'b': return isVowel(prev) && !isVowel(b[n - 3]) && b[n - 3] !== 'y'
    default: return false
  }
}

/**
 * After removing -ed/-ing: undo consonant doubling ("slammed" → "slam", but "added" → "add"),
 * write British -ised as -ized ("criticised" → "criticiz"), then give back a silent -e where
 * `takesE` says the base form has one ("noted" → "note", "rejoiced" → "rejoice", but "floated"
 * → "float" and "created" → "creat").
 */
function repair(stem: string): string {
  const n = stem.length
  const last = stem[n - 1]
  if (n >= 3 && last === stem[n - 2] && !isVowel(last) && last !== 'l' && last !== 's' && last !== 'z') {
    const undoubled = stem.slice(0, -1)
    if (endsCVC(undoubled)) return undoubled
  }
  const b = stem.endsWith('is') && n > 4 ? stem.slice(0, -1) + 'z' : stem
  return takesE(b) ? b + 'e' : b
}

/**
 * The last step for every word, inflected or not, so that base forms meet their inflections:
 *  - a silent -e stays only where `takesE` would give it back ("create" → "creat" like
 *    "created"; "hope", "rejoice" and "leave" keep theirs) or the word is in KEEP_E; -ee, -ie,
 *    -oe, -ye are not silent;
 *  - British -ll- after a stem of two or more syllables is one l in every form ("travelled",
 *    "travelling" and "travel"; "install" and "installed" both → "instal"; "fuelled" → "fuel"),
 *    while one-syllable "call", "kill", "sell" keep both.
 */
function finish(w: string): string {
  const n = w.length
  if (KEEP_E.has(w)) return w
  if (n >= 3 && w.endsWith('e') && ((!isVowel(w[n - 2]) && w[n - 2] !== 'y') || w[n - 2] === 'u')) {
    const b = w.slice(0, -1)
    return takesE(b) ? w : b
  }
  if (n >= 5 && w.endsWith('ll')) {
    const u = w.slice(0, -1)
    if (syllables(u) >= 2 || u.endsWith('uel')) return u
  }
  return w
}

export function stem(norm: string): string {
  let w = norm
  if (w.length <= 3 || KEEP.has(w)) return w
  // Possessives: "azerbaijan's", "iran's", "ministers'"
  if (w.endsWith("'s")) w = w.slice(0, -2)
  else if (w.endsWith("'")) w = w.slice(0, -1)
  if (w.length <= 3 || KEEP.has(w)) return w
  // Plurals and third person
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y'
  else if (/(?:ches|shes|xes|zzes|sses)$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && w.length > 3 && (!w.endsWith('is') || (w.length >= 7 && !w.endsWith('sis')))) w = w.slice(0, -1)
  // Past tense and participles
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y'
  else if (w.endsWith('eed')) {
    // "agreed" → "agree"; "need" is in KEEP
    if (w.length > 4) w = w.slice(0, -1)
  } else if (w.endsWith('ed') && w.length >= 4 && hasVowel(w.slice(0, -2))) w = repair(w.slice(0, -2))
  else if (w.endsWith('ing') && w.length > 5 && hasVowel(w.slice(0, -3))) w = repair(w.slice(0, -3))
  // Five-letter -ing forms of three-letter -e verbs: "using" → "use", "aging" → "age", "suing" →
  // "sue", "dying" → "die" ("doing", "being", "going" are left alone: see takesE).
  else if (w.length === 5 && w.endsWith('ing') && takesE(w.slice(0, 2))) w = w.slice(0, 2) + 'e'
  else if (w.length === 5 && w.endsWith('ying')) w = w[0] + 'ie'
  // A few derivational endings that matter for evaluative words ("maliciously" → "malicious").
  if (w.endsWith('ically') && w.length > 8) w = w.slice(0, -4)
  else if (w.endsWith('ly') && w.length > 5 && !w.endsWith('ply') && !w.endsWith('ally')) w = w.slice(0, -2)
  else if (w.endsWith('ally') && w.length > 6) w = w.slice(0, -2)
  // British and American spellings meet: "criticise" and "criticize" share a stem.
  if (w.length > 5 && w.endsWith('ise')) w = w.slice(0, -2) + 'ze'
  return finish(w)
}

/**
 * A word list as a lookup set for token stems: each word and its stem. Code that tests
 * `token.stem` against words written by hand must build its set with this, so the list keeps
 * working when the stemmer's rules change ("indicate" is stored as "indicat" too).
 */
export function withStems(words: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>()
  for (const w of words) {
    out.add(w)
    out.add(stem(w))
  }
  return out
}
