/**
 * Normalisation used for matching (never for display): case-folding and folding of
 * typographic variants, so "Azerbaijan’s", "AZERBAIJAN'S" and "azerbaijan's" compare equal.
 * Length may change (e.g. "ß" → "ss"), which is why matching code works on tokens that keep
 * their own offsets rather than on a normalised copy of the text.
 */
const FOLD: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2026': '...'
}
const FOLD_RE = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u201C-\u201F\u00AB\u00BB\u2010-\u2014\u2212\u00A0\u2026]/g

export function normalizeForm(text: string): string {
  const lower = text.toLowerCase()
  return FOLD_RE.test(lower) ? lower.replace(FOLD_RE, (c) => FOLD[c] ?? c) : lower
}
