/**
 * Hand corrections replayed over the machine alignment. Corrections are stored in the study and
 * applied in their stored order every time the alignment is recomputed, so a user's decision
 * survives re-analysis:
 *  - `link`   adds (or overrides) the link between the two refs: origin 'user', score 1;
 *  - `unlink` removes the link with that id, whatever its origin. An unlink of an id the machine
 *             no longer produces is a no-op (the passage it named is already unlinked).
 * Link ids are derived from the refs (`linkId`), so ids are stable across runs as long as the
 * segmentation of the text is unchanged.
 */
import type { AlignmentCorrection, Link, PassageRef } from '../../model'

/** `${a.article}:${a.sentenceStart}-${a.sentenceEnd}~${b.article}:${b.sentenceStart}-${b.sentenceEnd}` */
export function linkId(a: PassageRef, b: PassageRef): string {
  return `${a.article}:${a.sentenceStart}-${a.sentenceEnd}~${b.article}:${b.sentenceStart}-${b.sentenceEnd}`
}

/** Apply `corrections` in order to `links`; returns a new array (input untouched). */
export function applyCorrections(links: readonly Link[], corrections: readonly AlignmentCorrection[]): Link[] {
  const byId = new Map<string, Link>()
  for (const l of links) byId.set(l.id, l)
  for (const c of corrections) {
    if (c.kind === 'unlink') {
      byId.delete(c.linkId)
      // A link stored with its sides swapped names the same pair of passages.
      const [x, y] = c.linkId.split('~')
      if (x !== undefined && y !== undefined) byId.delete(`${y}~${x}`)
      continue
    }
    const id = linkId(c.a, c.b)
    const reverse = linkId(c.b, c.a)
    const existing = byId.get(id) ?? byId.get(reverse)
    byId.delete(reverse)
    byId.set(id, { id, a: c.a, b: c.b, score: 1, evidence: existing?.evidence ?? [], origin: 'user' })
  }
  return [...byId.values()]
}
