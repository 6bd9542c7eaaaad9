/** The real ports over Electron APIs (dialogs, app paths, printToPDF). Kept thin: logic lives in services/. */
import { app, BrowserWindow, dialog, session, type FileFilter as ElectronFilter } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import type { FileFilter } from '../../../shared/ipc/contract'
import type { DialogPort, PathsPort, PdfPort } from '../services/ports'

const toFilters = (f: readonly FileFilter[]): ElectronFilter[] => f.map((x) => ({ name: x.name, extensions: [...x.extensions] }))

export function createDialogPort(getWindow: () => BrowserWindow | null): DialogPort {
  return {
    async openFiles(o) {
      const props: ('openFile' | 'multiSelections')[] = o.multiple ? ['openFile', 'multiSelections'] : ['openFile']
      const opts = { title: o.title, filters: toFilters(o.filters), properties: props }
      const win = getWindow()
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths
    },
    async saveFile(o) {
      const opts = { title: o.title, defaultPath: o.defaultPath, filters: toFilters(o.filters) }
      const win = getWindow()
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
      return r.canceled || !r.filePath ? null : r.filePath
    }
  }
}

export function createPathsPort(): PathsPort {
  return {
    userData: () => app.getPath('userData'),
    documents: () => app.getPath('documents'),
    temp: () => app.getPath('temp')
  }
}

/**
 * Prints HTML in a hidden window: sandboxed, JavaScript off, its own in-memory session that
 * refuses every request except the one temp file it loads and data: URLs (so a report can't
 * reach the network or read other local files into the PDF).
 */
export function createPdfPort(paths: PathsPort): PdfPort {
  return {
    async htmlToPdf(html: string): Promise<Uint8Array> {
      const file = join(paths.temp(), `parallax-print-${randomBytes(8).toString('hex')}.html`)
      const fileUrl = pathToFileURL(file).href
      await writeFile(file, html, { encoding: 'utf8', mode: 0o600 })
      const partition = `parallax-pdf-${randomBytes(4).toString('hex')}`
      const ses = session.fromPartition(partition, { cache: false })
      ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !(details.url === fileUrl || details.url.startsWith('data:')) }))
      ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          session: ses,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          disableBlinkFeatures: 'Auxclick'
        }
      })
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
      win.webContents.on('will-navigate', (e) => e.preventDefault())
      try {
        await win.loadFile(file)
        const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true })
        return new Uint8Array(pdf)
      } finally {
        win.destroy()
        await rm(file, { force: true })
      }
    }
  }
}
