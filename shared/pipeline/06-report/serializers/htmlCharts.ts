/**
 * Hand-written inline SVG charts for the HTML report: no script, no library, no network, so
 * they render with JavaScript off and print as vectors. Every chart has a text alternative
 * (`role="img"` + `aria-label`, `<title>` on marks) and never relies on colour alone: bars
 * carry category codes, sentiment arcs are small multiples (one panel per article), and
 * "only in this article" cells of the alignment map are hatched as well as tinted.
 */
import type { Analysis, ArticleId, FlagCategory } from '../../../model'
import { CATEGORY_ORDER, CATEGORY_STYLES, escapeHtml, fmt, orderedArticles } from './shared'

/** Rounds coordinates so the SVG stays small and diffs stay stable. */
function r(n: number): string {
  return (Math.round(n * 10) / 10).toString()
}

/**
 * Grouped bars: one group per article, one bar per category (own-voice flags per 100 words).
 * Only categories non-zero somewhere are drawn; each bar is labelled with its category code
 * under it and its value above it when there is room.
 */
export function flagsChartSvg(analysis: Analysis, names: ReadonlyMap<ArticleId, string>): string {
  const arts = orderedArticles(analysis)
  const metric = new Map(analysis.metrics.map((m) => [m.article, m]))
  const cats: FlagCategory[] = CATEGORY_ORDER.filter((c) =>
    arts.some((a) => (metric.get(a.id)?.flagsPer100[c] ?? 0) > 0)
  )
  if (cats.length === 0 || arts.length === 0) {
    return '<p class="empty">No own-voice flags in any article, so there is nothing to chart.</p>'
  }
  const max = Math.max(...arts.flatMap((a) => cats.map((c) => metric.get(a.id)?.flagsPer100[c] ?? 0)))
  const W = 900
  const H = 236
  const left = 44
  const top = 16
  const plotH = 170
  const groupW = (W - left - 10) / arts.length
  const barW = Math.min(34, (groupW * 0.86) / cats.length)
  const parts: string[] = []
  // Y axis with 4 gridlines.
  // A "nice" step (1, 2 or 5 × 10^k) giving at most 5 gridlines.
  const raw = Math.max(max, 0.01) / 4
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? raw
  const ticks = Math.ceil(Math.max(max, 0.01) / step)
  const niceMax = step * ticks
  for (let k = 0; k <= ticks; k++) {
    const v = step * k
    const y = top + plotH - (v / niceMax) * plotH
    parts.push(`<line x1="${left}" x2="${W - 6}" y1="${r(y)}" y2="${r(y)}" stroke="#c8c8c8" stroke-width="1"/>`)
    parts.push(`<text x="${left - 6}" y="${r(y + 4)}" text-anchor="end" font-size="11" fill="#333">${fmt(v, step < 0.1 ? 2 : 1)}</text>`)
  }
  arts.forEach((a, gi) => {
    const gx = left + gi * groupW + (groupW - barW * cats.length) / 2
    cats.forEach((c, ci) => {
      const v = metric.get(a.id)?.flagsPer100[c] ?? 0
      const h = (v / niceMax) * plotH
      const x = gx + ci * barW
      const y = top + plotH - h
      const s = CATEGORY_STYLES[c]
      const label = `${names.get(a.id) ?? a.id}: ${s.label} ${fmt(v, 2)} per 100 words`
      parts.push(
        `<rect x="${r(x + 1)}" y="${r(y)}" width="${r(barW - 2)}" height="${r(Math.max(h, 0.5))}" fill="${s.background}" stroke="${s.line}" stroke-width="1.5"><title>${escapeHtml(label)}</title></rect>`
      )
      // Every bar carries its category code (rotated when bars are narrow), so the chart
      // never depends on colour alone.
      if (barW >= 16) {
        parts.push(`<text x="${r(x + barW / 2)}" y="${r(top + plotH + 13)}" text-anchor="middle" font-size="10" fill="#222">${s.code}</text>`)
        if (v > 0) parts.push(`<text x="${r(x + barW / 2)}" y="${r(y - 3)}" text-anchor="middle" font-size="9" fill="#222">${fmt(v, 1)}</text>`)
      } else {
        const tx = x + barW / 2 + 3
        const ty = top + plotH + 4
        parts.push(`<text x="${r(tx)}" y="${r(ty)}" text-anchor="end" font-size="8" fill="#222" transform="rotate(-90 ${r(tx)} ${r(ty)})">${s.code}</text>`)
      }
    })
    parts.push(
      `<text x="${r(left + gi * groupW + groupW / 2)}" y="${r(top + plotH + 36)}" text-anchor="middle" font-size="12" font-weight="600" fill="#111">${escapeHtml(truncate(names.get(a.id) ?? a.id, Math.floor(groupW / 7)))}</text>`
    )
  })
  parts.push(`<line x1="${left}" x2="${W - 6}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333" stroke-width="1.2"/>`)
  parts.push(`<text x="12" y="${r(top + plotH / 2)}" font-size="11" fill="#333" transform="rotate(-90 12 ${r(top + plotH / 2)})" text-anchor="middle">per 100 words</text>`)
  const key = cats.map((c) => `${CATEGORY_STYLES[c].icon} ${CATEGORY_STYLES[c].code} = ${CATEGORY_STYLES[c].label}`).join('; ')
  const alt = `Bar chart of own-voice flags per 100 words by category for each article. ${key}.`
  // The key is HTML under the chart so it wraps instead of running off the SVG's edge.
  return `<svg class="chart" data-chart="flags" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(alt)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg><p class="small">${escapeHtml(key)}</p>`
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, Math.max(1, n - 1)) + '…'
}

/**
 * Sentiment arc: one small panel per article, sentence position on x, a 3-sentence moving
 * average of the per-word sentiment (`comparative`) on y, with a zero line. A shared y scale
 * keeps panels comparable.
 */
export function sentimentArcsSvg(analysis: Analysis, names: ReadonlyMap<ArticleId, string>): string {
  const arts = orderedArticles(analysis)
  const series = arts.map((a) => {
    const sents = analysis.language.find((l) => l.article === a.id)?.sentences ?? []
    const raw = [...sents].sort((x, y) => x.sentence - y.sentence).map((s) => s.comparative)
    const smooth = raw.map((_, i) => {
      const w = raw.slice(Math.max(0, i - 1), i + 2)
      return w.reduce((p, q) => p + q, 0) / w.length
    })
    return { a, smooth }
  })
  const extent = Math.max(0.1, ...series.flatMap((s) => s.smooth.map((v) => Math.abs(v))))
  const W = 300
  const H = 120
  const padL = 30
  const padT = 22
  const plotW = W - padL - 8
  const plotH = H - padT - 16
  return series
    .map(({ a, smooth }) => {
      const name = names.get(a.id) ?? a.id
      const y = (v: number): number => padT + plotH / 2 - (v / extent) * (plotH / 2)
      const x = (i: number): number => padL + (smooth.length <= 1 ? plotW / 2 : (i / (smooth.length - 1)) * plotW)
      const pts = smooth.map((v, i) => `${r(x(i))},${r(y(v))}`).join(' ')
      const mean = smooth.length ? smooth.reduce((p, q) => p + q, 0) / smooth.length : 0
      const alt = `Sentiment along ${name}: ${smooth.length} sentences, average ${fmt(mean, 3)} per word (negative below the line, positive above).`
      const body =
        `<text x="${padL}" y="14" font-size="12" font-weight="600" fill="#111">${escapeHtml(truncate(name, 40))}</text>` +
        `<rect x="${padL}" y="${padT}" width="${plotW}" height="${plotH}" fill="none" stroke="#bbb"/>` +
        `<line x1="${padL}" x2="${padL + plotW}" y1="${r(y(0))}" y2="${r(y(0))}" stroke="#666" stroke-dasharray="3 3"/>` +
        `<text x="${padL - 4}" y="${r(padT + 9)}" text-anchor="end" font-size="9" fill="#333">+</text>` +
        `<text x="${padL - 4}" y="${r(padT + plotH)}" text-anchor="end" font-size="9" fill="#333">−</text>` +
        `<text x="${padL}" y="${H - 3}" font-size="9" fill="#333">start</text>` +
        `<text x="${padL + plotW}" y="${H - 3}" font-size="9" text-anchor="end" fill="#333">end</text>` +
        (smooth.length > 1
          ? `<polyline points="${pts}" fill="none" stroke="#1a4fa0" stroke-width="2"/>`
          : smooth.length === 1
            ? `<circle cx="${pts.split(',')[0]}" cy="${pts.split(',')[1]}" r="3" fill="#1a4fa0"/>`
            : `<text x="${padL + 8}" y="${r(padT + plotH / 2 - 4)}" font-size="10" fill="#333">no sentences</text>`) +
        smooth.map((v, i) => `<circle cx="${r(x(i))}" cy="${r(y(v))}" r="1.8" fill="#1a4fa0"><title>sentence ${i + 1}: ${fmt(v, 3)}</title></circle>`).join('')
      return `<svg class="chart arc" data-chart="sentiment" data-article="${escapeHtml(a.id)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(alt)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`
    })
    .join('')
}

/**
 * Alignment map: for each compared article, a two-row strip (base on top, that article below);
 * each sentence is a cell proportional to its length, linked passages are joined by bands, and
 * sentences with no counterpart in the other article are hatched ("only here").
 */
export function alignmentMapSvg(analysis: Analysis, names: ReadonlyMap<ArticleId, string>): string {
  const arts = orderedArticles(analysis)
  const base = arts[0]
  if (!base || arts.length < 2) return '<p class="empty">Only one article: nothing to align.</p>'
  const segOf = new Map(analysis.segmentations.map((s) => [s.article, s]))
  const W = 900
  const rowH = 18
  const gap = 46
  const labelW = 150
  const plotW = W - labelW - 10
  const panelH = rowH * 2 + gap + 14
  const parts: string[] = [
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="2"/></pattern></defs>'
  ]
  /** x position (0..plotW) of a character offset in an article, by text length. */
  const xOf = (id: ArticleId, off: number): number => {
    const len = analysis.articles.find((a) => a.id === id)?.text.length ?? 1
    return labelW + (off / Math.max(1, len)) * plotW
  }
  const others = arts.slice(1)
  others.forEach((o, k) => {
    const y0 = k * panelH + 4
    const yb = y0 + rowH + gap
    const links = analysis.alignment.links.filter(
      (l) => (l.a.article === base.id && l.b.article === o.id) || (l.b.article === base.id && l.a.article === o.id)
    )
    // Bands first, so cells draw over their ends.
    for (const l of links) {
      const pb = l.a.article === base.id ? l.a : l.b
      const po = l.a.article === base.id ? l.b : l.a
      const x1 = xOf(base.id, pb.start)
      const x2 = xOf(base.id, pb.end)
      const x3 = xOf(o.id, po.end)
      const x4 = xOf(o.id, po.start)
      parts.push(
        `<polygon points="${r(x1)},${r(y0 + rowH)} ${r(x2)},${r(y0 + rowH)} ${r(x3)},${r(yb)} ${r(x4)},${r(yb)}" fill="#9ec3f0" fill-opacity="0.55" stroke="#1a4fa0" stroke-width="0.8"><title>${escapeHtml(`link ${l.id}, score ${fmt(l.score, 2)}`)}</title></polygon>`
      )
    }
    const covered = (id: ArticleId, s: number, e: number): boolean =>
      links.some((l) => {
        const p = l.a.article === id ? l.a : l.b.article === id ? l.b : null
        return p !== null && p.start < e && s < p.end
      })
    for (const [id, y] of [
      [base.id, y0],
      [o.id, yb]
    ] as const) {
      const seg = segOf.get(id)
      for (const s of seg?.sentences ?? []) {
        const linked = covered(id, s.start, s.end)
        parts.push(
          `<rect x="${r(xOf(id, s.start))}" y="${y}" width="${r(Math.max(1, xOf(id, s.end) - xOf(id, s.start) - 1))}" height="${rowH}" fill="${linked ? '#dceaff' : 'url(#hatch)'}" stroke="#333" stroke-width="0.6"><title>${escapeHtml(`${names.get(id) ?? id}, sentence ${s.index + 1}${linked ? '' : ' — no counterpart in the other article'}`)}</title></rect>`
        )
      }
      parts.push(`<text x="${labelW - 8}" y="${y + 13}" text-anchor="end" font-size="12" fill="#111">${escapeHtml(truncate(names.get(id) ?? id, 22))}</text>`)
    }
  })
  const H = others.length * panelH + 26
  parts.push(
    `<rect x="${labelW}" y="${H - 18}" width="14" height="12" fill="url(#hatch)" stroke="#333" stroke-width="0.6"/><text x="${labelW + 20}" y="${H - 8}" font-size="11" fill="#333">sentence with no counterpart in the other article</text>` +
      `<rect x="${labelW + 330}" y="${H - 18}" width="14" height="12" fill="#9ec3f0" stroke="#1a4fa0" stroke-width="0.8"/><text x="${labelW + 350}" y="${H - 8}" font-size="11" fill="#333">band = aligned passages (same event)</text>`
  )
  const alt = `Alignment map: the base article compared with ${others.length} other article(s); bands join passages that report the same thing, hatched cells have no counterpart.`
  return `<svg class="chart" data-chart="alignment" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(alt)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`
}
