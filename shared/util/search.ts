/**
 * Binary search over spans sorted by `start` (tokens, flags, mentions: every engine list is
 * kept in text order). Returns the first index whose start is >= `offset`, or `xs.length`.
 */
export function firstAtOrAfter(xs: readonly { readonly start: number }[], offset: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
