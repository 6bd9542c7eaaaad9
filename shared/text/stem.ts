/**
 * A light, deterministic English stemmer (suffix stripping in the spirit of Porter's "step 1"
 * plus a few derivational endings). Alignment and lexicon matching both compare stems, so the
 * only hard requirement is consistency: the same function stems text tokens and lexicon
 * entries. It is deliberately conservative: it would rather leave "news" alone than merge it
 * with "new".
 *
 *   claims → claim, claimed → claim, claiming → claim, studies → study, regimes → regime,
 *   slammed → slam, occupied → occupy, terrorists → terrorist, Azerbaijan's → azerbaijan
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

function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'
}

function hasVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isVowel(s[i]) || (s[i] === 'y' && i > 0)) return true
  return false
}

/** After removing -ed/-ing: undo consonant doubling ("slammed" → "slam") or restore -e ("hoped" → "hope"). */
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
 * After removing -ed/-ing: undo consonant doubling ("slammed" → "slam", but "added" → "add")
 * or restore a silent -e ("noted" → "note", "cited" → "cite", "conceded" → "concede"), so the
 * inflected forms meet their base form's stem.
 */
function repair(stem: string): string {
  const n = stem.length
  const last = stem[n - 1]
  if (n >= 3 && last === stem[n - 2] && !isVowel(last) && last !== 'l' && last !== 's' && last !== 'z') {
    const undoubled = stem.slice(0, -1)
    return endsCVC(undoubled) ? undoubled : stem
  }
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz') || stem.endsWith('us') || stem.endsWith('v')) return stem + 'e'
  if (stem.endsWith('is') && n > 4) return stem.slice(0, -1) + 'ze'
  // One-syllable CVC stems come from silent-e verbs (a CVC verb would have doubled): note, hope, vote.
  if (syllables(stem) === 1 && endsCVC(stem)) return stem + 'e'
  // Longer stems: restore -e only after the endings where the bare stem is not a word.
  if (n >= 3 && /[^aeiou][aeiouy](?:v|c|g|s|z|d|b)$/.test(stem)) return stem + 'e'
  if (/(?:rg|ng|rc|nc|lv|rv|ns|rs|ls|ps|ds)$/.test(stem) && n >= 4) return stem + 'e'
  return stem
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
  // A few derivational endings that matter for evaluative words ("maliciously" → "malicious").
  if (w.endsWith('ically') && w.length > 8) w = w.slice(0, -4)
  else if (w.endsWith('ly') && w.length > 5 && !w.endsWith('ply') && !w.endsWith('ally')) w = w.slice(0, -2)
  else if (w.endsWith('ally') && w.length > 6) w = w.slice(0, -2)
  // British and American spellings meet: "criticise" and "criticize" share a stem.
  if (w.length > 5 && w.endsWith('ise')) w = w.slice(0, -2) + 'ze'
  return w
}
