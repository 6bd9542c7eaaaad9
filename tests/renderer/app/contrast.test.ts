// WCAG AA contrast of the theme's text/background pairs, read from the stylesheet itself so a
// colour change that breaks legibility (on a projector or for low-vision readers) fails here.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const css = readFileSync(resolve(import.meta.dirname, '../../../renderer/src/app/styles.css'), 'utf8')

function vars(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`)
  const body = css.slice(start, css.indexOf('\n}', start))
  const out = new Map<string, string>()
  for (const m of body.matchAll(/--([\w-]+):\s*([^;]+);/g)) out.set(m[1]!, m[2]!.trim())
  return out
}

type RGBA = [number, number, number, number]
function parse(c: string): RGBA {
  const hex = /^#([0-9a-f]{6})$/i.exec(c)
  if (hex) {
    const n = parseInt(hex[1]!, 16)
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1]
  }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(c)
  if (rgba) {
    const [r, g, b, a] = rgba[1]!.split(',').map((x) => Number(x.trim()))
    return [r!, g!, b!, a ?? 1]
  }
  throw new Error(`unparsed colour ${c}`)
}
function over(top: RGBA, under: RGBA): RGBA {
  const a = top[3]
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1]
}
function lum([r, g, b]: RGBA): number {
  const ch = (v: number): number => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
}
function ratio(a: RGBA, b: RGBA): number {
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const CATS = ['loaded', 'labeling', 'exaggeration', 'doubt', 'fear', 'hedge', 'factive', 'reporting-verb', 'vague-source', 'contested-naming', 'annotation']
const SURFACES = ['bg', 'panel', 'panel-2', 'base-col', 'only-bg', 'quote-bg', 'diff-bg']

/** [text, background, background drawn over] — the last for translucent tints. */
function pairs(): [string, string, string?][] {
  const out: [string, string, string?][] = []
  for (const s of SURFACES) out.push(['fg', s], ['muted', s], ['accent', s])
  for (const c of CATS) out.push(['fg', `t-${c}`], [`c-${c}`, 'panel'], [`c-${c}`, 'bg'])
  for (const t of ['neg1', 'neg2', 'neg3', 'pos1', 'pos2', 'pos3']) out.push(['fg', t, 'panel'], ['fg', t, 'base-col'])
  out.push(['only', 'panel'], ['only', 'only-bg'], ['accent-fg', 'accent'], ['danger', 'panel'], ['ok', 'panel'], ['c-exaggeration', 'base-col'], ['c-exaggeration', 'panel-2'])
  return out
}

describe.each([
  ['light', ':root'],
  ['dark', ":root[data-theme='dark']"]
])('%s theme contrast (WCAG AA, 4.5:1 for text)', (_, selector) => {
  const v = vars(selector)
  it.each(pairs())('--%s on --%s', (fg, bg, under) => {
    const back = under ? over(parse(v.get(bg)!), parse(v.get(under)!)) : parse(v.get(bg)!)
    expect(ratio(parse(v.get(fg)!), back)).toBeGreaterThanOrEqual(4.5)
  })
})
