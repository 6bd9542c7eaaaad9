// View preferences of this machine (not of the study): theme and text size.
import { useCallback, useEffect, useState } from 'react'

export type Theme = 'light' | 'dark'
const KEY = 'parallax.prefs.v1'
const STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8]

function load(): { theme: Theme; scale: number } {
  let theme: Theme = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
  let scale = 1
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { theme?: unknown; scale?: unknown }
    if (v.theme === 'dark' || v.theme === 'light') theme = v.theme
    if (typeof v.scale === 'number' && STEPS.includes(v.scale)) scale = v.scale
  } catch {
    // defaults
  }
  return { theme, scale }
}

export interface Prefs {
  readonly theme: Theme
  readonly scale: number
  toggleTheme(): void
  /** +1 larger, -1 smaller, 0 reset. */
  zoom(step: number): void
}

export function usePrefs(): Prefs {
  const [p, setP] = useState(load)
  useEffect(() => {
    document.documentElement.dataset['theme'] = p.theme
    document.documentElement.style.fontSize = `${16 * p.scale}px`
    try {
      localStorage.setItem(KEY, JSON.stringify(p))
    } catch {
      // storage disabled: preferences last for this session only
    }
  }, [p])
  const toggleTheme = useCallback(() => setP((x) => ({ ...x, theme: x.theme === 'dark' ? 'light' : 'dark' })), [])
  const zoom = useCallback((step: number) => {
    setP((x) => {
      if (step === 0) return { ...x, scale: 1 }
      const i = STEPS.indexOf(x.scale)
      const j = Math.max(0, Math.min(STEPS.length - 1, (i < 0 ? 2 : i) + step))
      return { ...x, scale: STEPS[j]! }
    })
  }, [])
  return { ...p, toggleTheme, zoom }
}
