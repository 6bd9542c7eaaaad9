/**
 * IPC channel names: one per operation plus the menu event. Every name carries the `parallax:`
 * prefix, so main can reject anything else before looking at a payload.
 */
import type { Operation } from './contract'

export const CHANNEL_PREFIX = 'parallax:'

export const CHANNELS = {
  openArticles: 'parallax:open-articles',
  openStudy: 'parallax:open-study',
  openRecent: 'parallax:open-recent',
  recentStudies: 'parallax:recent-studies',
  saveStudy: 'parallax:save-study',
  autosave: 'parallax:autosave',
  recoverAutosave: 'parallax:recover-autosave',
  clearAutosave: 'parallax:clear-autosave',
  exportFile: 'parallax:export-file',
  exportPdf: 'parallax:export-pdf',
  appInfo: 'parallax:app-info'
} as const satisfies { readonly [K in Operation]: `parallax:${string}` }

/** Main → renderer events (webContents.send), not invokable. */
export const EVENTS = {
  menuCommand: 'parallax:menu-command'
} as const

export type Channel = (typeof CHANNELS)[Operation]

/** Reverse lookup: channel name → operation, or undefined for unknown channels. */
export function operationForChannel(channel: string): Operation | undefined {
  for (const [op, ch] of Object.entries(CHANNELS)) if (ch === channel) return op as Operation
  return undefined
}
