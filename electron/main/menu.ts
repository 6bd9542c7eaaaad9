/**
 * The application menu. Commands go to the renderer as MenuCommand events (it owns the study, the
 * theme and the text zoom); Help → About is a native dialog from main.
 *
 * Shortcuts the renderer already handles on keydown (Ctrl+O/S/Shift+S, Ctrl+=/-/0) are shown but
 * not registered (`registerAccelerator: false`, Linux/Windows), so one key press never acts twice.
 * Undo/redo are left out of Edit for the same reason: Ctrl+Z is the study's undo in the renderer.
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
  const shown = (accelerator: string): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> => ({
    accelerator,
    registerAccelerator: false
  })
  const recentItems: MenuItemConstructorOptions[] =
    deps.recent.length === 0
      ? [{ label: 'No recent studies', enabled: false }]
      : deps.recent.map((r) => ({ label: r.name, sublabel: r.path, click: cmd({ type: 'open-recent', path: r.path }) }))
  return [
    ...(deps.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open articles…', ...shown('CmdOrCtrl+O'), click: cmd({ type: 'open-articles' }) },
        { label: 'Open study…', accelerator: 'CmdOrCtrl+Shift+O', click: cmd({ type: 'open-study' }) },
        { label: 'Open recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Save study', ...shown('CmdOrCtrl+S'), click: cmd({ type: 'save-study' }) },
        { label: 'Save study as…', ...shown('CmdOrCtrl+Shift+S'), click: cmd({ type: 'save-study-as' }) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: cmd({ type: 'export' }) },
        { type: 'separator' },
        deps.isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }]
    },
    {
      label: '&View',
      submenu: [
        { label: 'Toggle dark theme', accelerator: 'CmdOrCtrl+Shift+D', click: cmd({ type: 'toggle-theme' }) },
        { type: 'separator' },
        { label: 'Larger text', ...shown('CmdOrCtrl+='), click: cmd({ type: 'zoom-in' }) },
        { label: 'Smaller text', ...shown('CmdOrCtrl+-'), click: cmd({ type: 'zoom-out' }) },
        { label: 'Actual size', ...shown('CmdOrCtrl+0'), click: cmd({ type: 'zoom-reset' }) },
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
