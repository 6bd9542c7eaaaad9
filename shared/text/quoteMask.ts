/**
 * Which tokens lie inside quotation marks, per token (1 = inside). A cheap, local reading used
 * by alignment (quoted words are strong evidence) and the diff stage (a change inside a quote
 * is a quotation change). Curly and guillemet quotes nest; a straight `"` toggles. State resets
 * at every paragraph, so an unclosed quote never leaks into the next one. (Language analysis
 * has its own, fuller quotation finder with speakers; this mask needs none of that.)
 */
import type { Segmentation } from '../model'

const OPEN = new Set(['“', '«', '„'])
const CLOSE = new Set(['”', '»'])

export function quoteMask(seg: Segmentation): Uint8Array {
  const mask = new Uint8Array(seg.tokens.length)
  for (const p of seg.paragraphs) {
    const s0 = seg.sentences[p.sentenceStart]
    const s1 = seg.sentences[p.sentenceEnd - 1]
    if (!s0 || !s1) continue
    let depth = 0
    let straight = false
    for (let i = s0.tokenStart; i < s1.tokenEnd; i++) {
      const t = seg.tokens[i]!
      if (t.kind === 'punct') {
        if (OPEN.has(t.norm)) depth++
        else if (CLOSE.has(t.norm)) depth = Math.max(0, depth - 1)
        else if (t.norm === '"') straight = !straight
        continue
      }
      if (depth > 0 || straight) mask[i] = 1
    }
  }
  return mask
}
