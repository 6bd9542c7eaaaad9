/**
 * Main process: lifecycle, the hardened window, IPC and the menu.
 *
 * Hardening (checked by tests/electron/main/smoke.test.ts against the BUILT bundle):
 * contextIsolation + sandbox (also app-wide via enableSandbox), no nodeIntegration, webSecurity,
 * a strict CSP sent as a header (and as the renderer's meta tag), window.open denied, navigation
 * prevented, every permission request denied, no remote content, IPC only from our own page.
 */
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { EVENTS } from '../../shared/ipc/channels'
import type { AppInfo, MenuCommand, StudyFileRef } from '../../shared/ipc/contract'
import { STUDY_SCHEMA_VERSION } from '../../shared/study/schema'
import { APP_NAME } from '../../shared/version'
import { createDialogPort, createPathsPort, createPdfPort } from './adapters/electronPorts'
import { registerHandlers } from './ipc/registerHandlers'
import { aboutText, installMenu } from './menu'
import { createHandlers } from './services/createHandlers'
import { createNodeFs } from './services/nodeFs'


const RENDERER_HTML = join(__dirname, '../renderer/index.html')
const RENDERER_URL = pathToFileURL(RENDERER_HTML).href

let mainWindow: BrowserWindow | null = null

function appInfo(): AppInfo {
  return {
    name: APP_NAME,
    version: app.getVersion(),
    electron: process.versions.electron ?? 'unknown',
    chrome: process.versions.chrome ?? 'unknown',
    node: process.versions.node
  }
}

function sendCommand(cmd: MenuCommand): void {
  mainWindow?.webContents.send(EVENTS.menuCommand, cmd)
}

function showAbout(): void {
  const opts = { type: 'info' as const, title: `About ${APP_NAME}`, message: APP_NAME, detail: aboutText(appInfo()), buttons: ['OK'] }
  if (mainWindow) void dialog.showMessageBox(mainWindow, opts)
  else void dialog.showMessageBox(opts)
}

function rebuildMenu(recent: readonly StudyFileRef[]): void {
  installMenu({ send: sendCommand, recent, showAbout, isMac: process.platform === 'darwin' })
}

/** IPC is accepted only from the top frame of our window showing our own renderer file. */
function isTrustedSender(event: unknown): boolean {
  const e = event as IpcMainInvokeEvent
  const frame = e.senderFrame
  // Compare by id and parent, not object identity (WebFrameMain wrappers need not be identical).
  if (!frame || !mainWindow || mainWindow.isDestroyed() || e.sender.id !== mainWindow.webContents.id) return false
  return frame.parent === null && frame.url.split('#')[0] === RENDERER_URL
}

function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    title: APP_NAME,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick'
    }
  })
  harden(win.webContents)
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  void win.loadFile(RENDERER_HTML)
  return win
}

export function start(): void {
  app.enableSandbox()
  if (!app.requestSingleInstanceLock()) {
    // One instance owns the autosave file; a second launch focuses the first window.
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('web-contents-created', (_e, contents) => harden(contents))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })

  void app.whenReady().then(async () => {
    const ses = session.defaultSession
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    ses.setPermissionCheckHandler(() => false)
    ses.webRequest.onHeadersReceived((details, callback) => {
      // Same policy as the <meta> in renderer/index.html, plus frame-ancestors (header-only). Kept a
      // literal here so electronegativity's CSP check can parse it.
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
          ]
        }
      })
    })
    // No remote content: only our files, data:, blob: and devtools internals may load.
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !/^(file|data|blob|devtools|chrome-extension):/.test(details.url) })
    })

    const paths = createPathsPort()
    const handlers = createHandlers(
      {
        fs: createNodeFs(),
        dialog: createDialogPort(() => mainWindow),
        pdf: createPdfPort(paths),
        paths,
        appInfo,
        now: () => new Date()
      },
      { maxSchemaVersion: STUDY_SCHEMA_VERSION, onRecentChanged: rebuildMenu }
    )
    registerHandlers(ipcMain, handlers, { isTrustedSender })

    rebuildMenu([])
    const recent = await handlers.recentStudies(undefined)
    if (recent.ok) rebuildMenu(recent.value)

    mainWindow = createWindow()
  })
}

start()
