// Picks the platform once: Electron when the preload exposed window.api, else the web twin.
import { createElectronPlatform } from './desktop'
import type { Platform } from './platform'
import { createWebPlatform } from './web'

export type { Platform, PickedFile, ExportRequest, OpenedStudyText } from './platform'

let current: Platform | null = null

export function getPlatform(): Platform {
  if (!current) {
    const api = typeof window !== 'undefined' ? window.api : undefined
    current = api ? createElectronPlatform(api) : createWebPlatform()
  }
  return current
}

/** Tests swap the platform (e.g. a recording fake of the same interface). */
export function setPlatform(p: Platform | null): void {
  current = p
}
