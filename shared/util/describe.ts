/**
 * Helpers for one-line validation messages ("entry 12 "term" must be …, found 7"): the value at
 * a schema issue's path, and a short printable form of it.
 */

/** A short printable form of a value for error messages (JSON, cut at 60 characters). */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing'
  const s = JSON.stringify(v)
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s
}

/** The value at `path` inside `root`, or undefined where the path leaves the data. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PropertyKey, unknown>)[k]
  }
  return cur
}
