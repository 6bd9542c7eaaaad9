// The preload (electron/preload/index.ts) exposes `window.api` inside Electron only. The web twin
// has no preload, so the property is optional: feature-detect it in renderer/src/platform.
import type { ParallaxApi } from './contract'

declare global {
  interface Window {
    readonly api?: ParallaxApi
  }
}

export {}
