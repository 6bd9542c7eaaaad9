// Per-outlet metrics, sentiment arcs, the alignment map and the naming table, all straight from
// the engine's report (Analysis.metrics / .naming / .alignment / .language).
import { useMemo, type ReactNode } from 'react'
import type { FlagCategory } from '@shared/model'
import { useApp } from '../../state/AppState'
import { displayName } from '../../state/derive'
import { useWorkspace } from '../../state/useDerived'
import { CATEGORIES, CATEGORY, CATEGORY_HEX } from '../../state/layers'
import { AlignmentMap, GroupedBars, Lines } from '../../components/charts/Charts'
import { MethodsBox } from '../../components/MethodsBox'
import { nestedPlace } from '@shared/pipeline/06-report/serializers/shared'
import { NoAnalysis } from '../../components/NoAnalysis'

const W = 640
const H = 300

function fmt(n: number, d = 2): string {
  return Number.isFinite(n) ? n.toFixed(d) : '–'
}

export function OverviewView(): ReactNode {
  const { analysis } = useApp()
  const { derived, meta } = useWorkspace()
  const data = useMemo(() => {
    if (!analysis || !derived) return null
    const name = (id: string): string => displayName(meta.get(id), id)
    const cats = CATEGORIES.filter((c) => c !== 'annotation' && analysis.metrics.some((m) => (m.flagsPer100[c] ?? 0) > 0))
    const flagRows = derived.order.map((id) => {
      const m = analysis.metrics.find((x) => x.article === id)
      const row: Record<string, string | number> = { outlet: name(id) }
      for (const c of cats) row[c] = Number((m?.flagsPer100[c] ?? 0).toFixed(2))
      return row
    })
    const arcRows: Record<string, number | null>[] = []
    derived.order.forEach((id, si) => {
      const idx = derived.byId.get(id)!
      const n = idx.seg.sentences.length
      const scores = idx.seg.sentences.map((s) => idx.sentiment.get(s.index)?.score ?? 0)
      scores.forEach((_, k) => {
        const win = scores.slice(Math.max(0, k - 1), k + 2)
        arcRows.push({ pos: n > 1 ? Math.round((k / (n - 1)) * 1000) / 10 : 0, [`s${si}`]: Number((win.reduce((a, b) => a + b, 0) / win.length).toFixed(2)) })
      })
    })
    arcRows.sort((a, b) => (a['pos'] ?? 0) - (b['pos'] ?? 0))
    const baseIdx = derived.byId.get(derived.base)!
    const nb = Math.max(1, baseIdx.seg.sentences.length - 1)
    const mapSeries = derived.order
      .filter((id) => id !== derived.base)
      .map((id) => {
        const n = Math.max(1, derived.byId.get(id)!.seg.sentences.length - 1)
        const points = analysis.alignment.links
          .filter((l) => (l.a.article === derived.base && l.b.article === id) || (l.b.article === derived.base && l.a.article === id))
          .map((l) => {
            const bs = l.a.article === derived.base ? l.a : l.b
            const os = l.a.article === derived.base ? l.b : l.a
            return { x: Math.round((bs.sentenceStart / nb) * 100), y: Math.round((os.sentenceStart / n) * 100), z: Number(l.score.toFixed(2)) }
          })
        return { label: name(id), points }
      })
    const sides = [...new Set(analysis.metrics.flatMap((m) => Object.keys(m.sourcesBySide)))].sort()
    const sourceRows = derived.order.map((id) => {
      const m = analysis.metrics.find((x) => x.article === id)
      const row: Record<string, string | number> = { outlet: name(id) }
      for (const s of sides) row[s || 'unknown'] = m?.sourcesBySide[s] ?? 0
      return row
    })
    // Actors by display name (the naming classes' label; the id for older analyses).
    const actorName = (id: string): string => analysis.actorLabels?.[id] ?? id
    const actors = [...new Set(analysis.naming.map((c) => c.actor))].sort((x, y) => actorName(x).localeCompare(actorName(y)))
    return { name, cats, flagRows, arcRows, mapSeries, sides, sourceRows, actors, actorName }
  }, [analysis, derived, meta])

  if (!analysis || !derived || !data) return <NoAnalysis what="summarise" />
  const { name } = data
  return (
    <div className="overview">
      <section className="ov-section">
        <h2>Per-outlet metrics</h2>
        <div className="table-wrap">
          <table className="table metrics" data-testid="metrics-table">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Words</th>
                <th scope="col">Flags per 100 words (own voice)</th>
                <th scope="col">Own voice / quoted flags</th>
                <th scope="col">Mean sentiment</th>
                <th scope="col">Sources quoted, by side</th>
                <th scope="col">Only in this article</th>
              </tr>
            </thead>
            <tbody>
              {derived.order.map((id) => {
                const m = analysis.metrics.find((x) => x.article === id)
                if (!m) return null
                const per = Object.entries(m.flagsPer100).filter(([, v]) => (v ?? 0) > 0)
                return (
                  <tr key={id} data-article-id={id}>
                    <th scope="row">
                      {name(id)} {id === derived.base && <span className="badge base">BASE</span>}
                    </th>
                    <td>{m.words}</td>
                    <td>
                      {per.length === 0
                        ? '–'
                        : per.map(([c, v]) => (
                            <span key={c} className="metric-chip">
                              {CATEGORY[c as FlagCategory].glyph} {CATEGORY[c as FlagCategory].label} {fmt(v ?? 0)}
                            </span>
                          ))}
                    </td>
                    <td>
                      {m.ownVoiceFlags} / {m.quotedFlags}
                    </td>
                    <td>{fmt(m.meanSentiment)}</td>
                    <td>
                      {Object.entries(m.sourcesBySide).length === 0
                        ? '–'
                        : Object.entries(m.sourcesBySide).map(([s, n]) => (
                            <span key={s} className="metric-chip">
                              {s || 'unknown side'}: {n}
                            </span>
                          ))}
                    </td>
                    <td>{Math.round(m.uniqueShare * 100)}%</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        {/* What each number means, so a figure quoted in a paper or a class has its definition. */}
        <p className="muted small" data-metrics-help="">
          Flags per 100 words count the outlet’s own voice only (words inside quotations are left out); “Own voice / quoted flags” gives both
          counts. Mean sentiment is the average over sentences of each sentence’s summed word scores (below 0: more negative wording; 0: neutral or
          balanced). “Sources quoted, by side” counts quotations by the side of the person quoted (unknown side: the speaker is not a known
          actor). “Only in this article” is the share of its sentences with no counterpart in any other article.
        </p>
      </section>
      <div className="chart-grid">
        <section className="ov-section chart">
          <h2>Loaded language: flags per 100 words</h2>
          <GroupedBars data={data.flagRows} category="outlet" series={data.cats.map((c) => ({ key: c, label: `${CATEGORY[c].glyph} ${CATEGORY[c].label}`, color: CATEGORY_HEX[c] }))} width={W} height={H} yLabel="per 100 words" stacked />
        </section>
        <section className="ov-section chart">
          <h2>Sentiment arc (3-sentence moving average)</h2>
          <Lines data={data.arcRows} x="pos" series={derived.order.map((id, i) => ({ key: `s${i}`, label: name(id) }))} width={W} height={H} xLabel="position in article (%)" yLabel="sentiment" />
        </section>
        <section className="ov-section chart">
          <h2>Alignment map: where each outlet reports the base’s passages</h2>
          <AlignmentMap series={data.mapSeries} width={W} height={H} />
          <p className="muted small">Points on the diagonal: same order as the base. Off the diagonal: reordered. Empty stretches: passages one side leaves out.</p>
        </section>
        <section className="ov-section chart">
          <h2>Sources quoted, by side</h2>
          <GroupedBars data={data.sourceRows} category="outlet" series={data.sides.map((s) => ({ key: s || 'unknown', label: s || 'unknown side' }))} width={W} height={H} yLabel="quotations" stacked />
        </section>
      </div>
      <section className="ov-section">
        <h2>Naming table: what each outlet calls each actor</h2>
        <div className="table-wrap">
          <table className="table naming" data-testid="naming-table">
            <thead>
              <tr>
                <th scope="col">Actor</th>
                {derived.order.map((id) => (
                  <th key={id} scope="col">
                    {name(id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.actors.map((actor) => (
                <tr key={actor}>
                  <th scope="row" data-actor={actor}>
                    {data.actorName(actor)}
                  </th>
                  {derived.order.map((id) => {
                    const cell = analysis.naming.find((c) => c.actor === actor && c.article === id)
                    return (
                      <td key={id}>
                        {!cell || (cell.terms.length === 0 && !cell.nested?.length) ? (
                          <span className="muted">—</span>
                        ) : (
                          <>
                            {cell.terms.map((t) => (
                              <div key={t.term} className={`term vp-${t.viewpoint.replace(/[^a-z]/gi, '')}`}>
                                “{t.surface}” ×{t.count}
                                {t.viewpoint && t.viewpoint !== 'neutral' && <span className="muted small"> ({t.viewpoint})</span>}
                              </div>
                            ))}
                            {/* Named inside another actor's name: a mention, not a naming choice. */}
                            {cell.nested?.map((n) => (
                              <div key={`${n.within}|${n.term}`} className="term muted small" data-naming-nested={n.within}>
                                {nestedPlace(n.within, analysis.actorLabels?.[n.within])}: “{n.surface}” ×{n.count}
                              </div>
                            ))}
                          </>
                        )}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <MethodsBox />
    </div>
  )
}
