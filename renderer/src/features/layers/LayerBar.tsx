// Layer toggles and the legend. Each category shows its glyph and underline style next to its
// name, so the legend works in greyscale print and for colour-blind readers.
import { useState, type ReactNode } from 'react'
import { useApp } from '../../state/AppState'
import { CATEGORIES, CATEGORY, LAYERS } from '../../state/layers'

const LEGEND_KEY = 'parallax.legend.v1'

/**
 * Whether the legend starts open: the user's last choice on this machine, else open only on
 * screens tall enough to spare its two rows (a 768-px Chromebook keeps them for the articles;
 * every highlight still explains itself on hover or focus).
 */
export function initialLegend(): boolean {
  try {
    const v = localStorage.getItem(LEGEND_KEY)
    if (v === 'shown' || v === 'hidden') return v === 'shown'
  } catch {
    // storage disabled: fall through to the screen-size default
  }
  return typeof window === 'undefined' || window.innerHeight >= 800
}

export function LayerBar(): ReactNode {
  const { layers, toggleLayer } = useApp()
  const [legend, setLegendState] = useState(initialLegend)
  const setLegend = (f: (x: boolean) => boolean): void =>
    setLegendState((x) => {
      const next = f(x)
      try {
        localStorage.setItem(LEGEND_KEY, next ? 'shown' : 'hidden')
      } catch {
        // storage disabled: the choice lasts until the bar is next shown
      }
      return next
    })
  return (
    <div className="layerbar">
      <div className="layer-toggles" role="group" aria-label="Highlight layers">
        <span className="lb-label">Layers</span>
        {LAYERS.map((l) => (
          <button
            key={l.id}
            type="button"
            role="switch"
            aria-checked={layers.has(l.id)}
            className={`layer-toggle layer-${l.id}${layers.has(l.id) ? ' on' : ''}`}
            onClick={() => toggleLayer(l.id)}
            title={`${l.hint} (key ${l.key})`}
            data-layer={l.id}
          >
            <span className="switch" aria-hidden="true">
              {layers.has(l.id) ? '●' : '○'}
            </span>{' '}
            {l.label} <kbd>{l.key}</kbd>
          </button>
        ))}
        <button type="button" className="link" aria-expanded={legend} onClick={() => setLegend((x) => !x)}>
          {legend ? 'Hide legend' : 'Legend'}
        </button>
      </div>
      {legend && (
        <ul className="legend" aria-label="Legend">
          {CATEGORIES.filter((c) => (c === 'contested-naming' ? layers.has('naming') : c === 'annotation' ? layers.has('annotations') : layers.has('loaded'))).map((c) => (
            <li key={c}>
              <mark className={`hl cat-${c} legend-sample`}>
                {CATEGORY[c].label}
                <span className="hl-glyph" aria-hidden="true">
                  {CATEGORY[c].glyph}
                </span>
              </mark>
            </li>
          ))}
          {layers.has('sentiment') && (
            <li>
              <span className="sent sent-neg2">negative</span> <span className="sent sent-pos2">positive</span> sentence
            </li>
          )}
          {layers.has('quotes') && (
            <li>
              <span className="q">quoted words</span> <span className="speaker">— speaker</span>{' '}
              <span className="qsrc">source</span> said … <span className="speaker">— reported: source</span>
            </li>
          )}
          {layers.has('diff') && (
            <li>
              <span className="d">not in base</span>
            </li>
          )}
          <li>
            <span className="badge only">◇ only in one article</span>
          </li>
        </ul>
      )}
    </div>
  )
}
