/**
 * The Electron adapters with `electron` mocked (no binary here): the PDF window's isolation
 * (sandboxed, JavaScript off, own session that refuses every request but the one temp file and
 * data: URLs), temp-file cleanup, and the dialog/paths mapping.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (...a: unknown[]) => unknown
const rec = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string | null; destroyed: boolean; listeners: Map<string, Listener> }[],
  beforeRequest: null as Listener | null,
  permission: null as Listener | null,
  printOptions: null as unknown,
  printFails: false,
  htmlAtPrint: '' as string,
  dialogArgs: [] as unknown[][]
}))

vi.mock('electron', async () => {
  const { readFileSync: read } = await import('node:fs')
  class BrowserWindow {
    options: Record<string, unknown>
    loaded: string | null = null
    destroyed = false
    listeners = new Map<string, Listener>()
    webContents = {
      setWindowOpenHandler: (h: Listener) => this.listeners.set('open', h),
      on: (ev: string, f: Listener) => this.listeners.set(ev, f),
      printToPDF: async (o: unknown) => {
        rec.printOptions = o
        if (rec.printFails) throw new Error('print failed')
        return Buffer.from('%PDF-1.7 test')
      }
    }
    constructor(o: Record<string, unknown>) {
      this.options = o
      rec.windows.push(this)
    }
    async loadFile(f: string): Promise<void> {
      this.loaded = f
      rec.htmlAtPrint = read(f, 'utf8')
    }
    destroy(): void {
      this.destroyed = true
    }
  }
  return {
    app: { getPath: (n: string) => `/fake/${n}` },
    BrowserWindow,
    dialog: {
      showOpenDialog: async (...a: unknown[]) => {
        rec.dialogArgs.push(a)
        return { canceled: false, filePaths: ['/d/a.txt', '/d/b.md'] }
      },
      showSaveDialog: async (...a: unknown[]) => {
        rec.dialogArgs.push(a)
        return { canceled: true }
      }
    },
    session: {
      fromPartition: (name: string, opts: unknown) => ({
        name,
        opts,
        webRequest: { onBeforeRequest: (f: Listener) => (rec.beforeRequest = f) },
        setPermissionRequestHandler: (f: Listener) => (rec.permission = f)
      })
    }
  }
})

const { createPdfPort, createDialogPort, createPathsPort } = await import('../../../../electron/main/adapters/electronPorts')

const temp = mkdtempSync(join(tmpdir(), 'parallax-pdfport-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))
beforeEach(() => {
  rec.windows.length = 0
  rec.printFails = false
})

const paths = { userData: () => temp, documents: () => temp, temp: () => temp }

describe('createPdfPort', () => {
  it('prints in a hidden sandboxed window with JavaScript off and its own session', async () => {
    const bytes = await createPdfPort(paths).htmlToPdf('<h1>Report</h1>')
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 test')
    const w = rec.windows[0]!
    const prefs = w.options['webPreferences'] as Record<string, unknown>
    expect(w.options['show']).toBe(false)
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true })
    expect(prefs['preload']).toBeUndefined()
    expect((prefs['session'] as { name: string }).name).toMatch(/^parallax-pdf-/)
    expect(rec.htmlAtPrint).toBe('<h1>Report</h1>')
    expect(rec.printOptions).toMatchObject({ printBackground: true })
    expect(w.destroyed).toBe(true)
    expect(existsSync(w.loaded!)).toBe(false)
  })

  it('lets the page load only its own file and data: URLs; denies permissions, popups and navigation', async () => {
    await createPdfPort(paths).htmlToPdf('<p>x</p>')
    const w = rec.windows[0]!
    const own = pathToFileURL(w.loaded!).href
    const cancel = (url: string): boolean => {
      let c: boolean | undefined
      rec.beforeRequest!({ url }, (r: { cancel: boolean }) => (c = r.cancel))
      return c!
    }
    expect(cancel(own)).toBe(false)
    expect(cancel('data:image/png;base64,AA==')).toBe(false)
    expect(cancel('https://example.com/track.gif')).toBe(true)
    expect(cancel('file:///etc/passwd')).toBe(true)
    const cb = vi.fn()
    rec.permission!({}, 'media', cb)
    expect(cb).toHaveBeenCalledWith(false)
    expect(w.listeners.get('open')!({ url: 'https://x' })).toEqual({ action: 'deny' })
    const preventDefault = vi.fn()
    w.listeners.get('will-navigate')!({ preventDefault })
    expect(preventDefault).toHaveBeenCalled()
  })

  it('cleans up the window and the temp file when printing fails', async () => {
    rec.printFails = true
    await expect(createPdfPort(paths).htmlToPdf('<p>x</p>')).rejects.toThrow('print failed')
    const w = rec.windows[0]!
    expect(w.destroyed).toBe(true)
    expect(existsSync(w.loaded!)).toBe(false)
  })
})

describe('createDialogPort / createPathsPort', () => {
  it('maps options and results (cancel → null)', async () => {
    const d = createDialogPort(() => null)
    expect(await d.openFiles({ title: 'Open', filters: [{ name: 'A', extensions: ['txt'] }], multiple: true })).toEqual(['/d/a.txt', '/d/b.md'])
    expect(rec.dialogArgs.at(-1)![0]).toMatchObject({ properties: ['openFile', 'multiSelections'], filters: [{ name: 'A', extensions: ['txt'] }] })
    expect(await d.saveFile({ title: 'Save', defaultPath: '/d/x.json', filters: [] })).toBeNull()
    expect(createPathsPort().userData()).toBe('/fake/userData')
  })
})
