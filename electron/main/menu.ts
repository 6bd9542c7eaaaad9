/**
 * The application menu. Commands that need the workspace state go to the renderer as MenuCommand
 * events; zoom uses Electron's built-in roles, and Help → About is a native dialog from main.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { AppInfo, MenuCommand, StudyFileRef } from '../../shared/ipc/contract'

export interface MenuDeps {
  readonly send: (cmd: MenuCommand) => void
  readonly recent: readonly StudyFileRef[]
  readonly showAbout: () => void
  readonly isMac: boolean
}

export const ABOUT_CREDITS =
  'Sentiment scores use the AFINN-165 word list by Finn Årup Nielsen, licensed under the Open Database ' +
  'License (ODbL) v1.0, through the "sentiment" npm package (MIT).'

export function aboutText(info: AppInfo): string {
  return [
    `${info.name} ${info.version}`,
    'A workbench for studying media bias by comparing coverage of the same events.',
    '',
    ABOUT_CREDITS,
    '',
    `Electron ${info.electron} · Chromium ${info.chrome} · Node ${info.node}`
  ].join('\n')
}

export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const cmd = (c: MenuCommand) => (): void => deps.send(c)
  const recentItems: MenuItemConstructorOptions[] =
    deps.recent.length === 0
      ? [{ label: 'No recent studies', enabled: false }]
      : deps.recent.map((r) => ({ label: r.name, sublabel: r.path, click: cmd({ type: 'open-recent', path: r.path }) }))
  return [
    ...(deps.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open articles…', accelerator: 'CmdOrCtrl+O', click: cmd({ type: 'open-articles' }) },
        { label: 'Open study…', accelerator: 'CmdOrCtrl+Shift+O', click: cmd({ type: 'open-study' }) },
        { label: 'Open recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Save study', accelerator: 'CmdOrCtrl+S', click: cmd({ type: 'save-study' }) },
        { label: 'Save study as…', accelerator: 'CmdOrCtrl+Shift+S', click: cmd({ type: 'save-study-as' }) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: cmd({ type: 'export' }) },
        { type: 'separator' },
        deps.isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Toggle dark theme', accelerator: 'CmdOrCtrl+Shift+D', click: cmd({ type: 'toggle-theme' }) },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { label: '&Help', submenu: [{ label: 'About Parallax', click: deps.showAbout }] }
  ]
}

export function installMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(deps)))
}
