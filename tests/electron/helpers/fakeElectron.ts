/**
 * A recording stand-in for the `electron` module, so the BUILT main and preload bundles run in
 * plain Node (the Electron binary can't be downloaded here; see STACK.md §3). It records what the
 * bundles do — window options, handlers, listeners, exposed API — for the smoke test to assert.
 * Nothing here decides an outcome: handler results come from the real bundled services.
 */
import Module from 'node:module'
import { pathToFileURL } from 'node:url'

type Listener = (...args: unknown[]) => unknown

export interface FakeWebContents {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null
  listeners: Map<string, Listener[]>
  sent: { channel: string; args: unknown[] }[]
  mainFrame: { url: string; parent: null }
  id: number
}

export interface FakeWindow {
  options: Record<string, unknown>
  webContents: FakeWebContents
  loadedFile: string | null
}

export interface FakeElectronState {
  windows: FakeWindow[]
  handlers: Map<string, Listener>
  appListeners: Map<string, Listener[]>
  calls: string[]
  permissionRequestHandler: Listener | null
  permissionCheckHandler: Listener | null
  headersHandler: Listener | null
  beforeRequestHandler: Listener | null
  exposed: Map<string, Record<string, unknown>>
  rendererListeners: Map<string, Listener[]>
  menuTemplate: unknown[] | null
  userData: string
  /** Answer of the next Save dialog (null = cancel). */
  nextSavePath: string | null
  messageBoxes: Record<string, unknown>[]
}

export function createFakeElectron(userData: string): { module: Record<string, unknown>; state: FakeElectronState } {
  const state: FakeElectronState = {
    windows: [],
    handlers: new Map(),
    appListeners: new Map(),
    calls: [],
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    headersHandler: null,
    beforeRequestHandler: null,
    exposed: new Map(),
    rendererListeners: new Map(),
    menuTemplate: null,
    userData,
    nextSavePath: null,
    messageBoxes: []
  }
  const push = (m: Map<string, Listener[]>, k: string, f: Listener): void => {
    m.set(k, [...(m.get(k) ?? []), f])
  }

  class BrowserWindow {
    static getAllWindows(): unknown[] {
      return state.windows
    }
    options: Record<string, unknown>
    webContents: FakeWebContents & Record<string, unknown>
    loadedFile: string | null = null
    constructor(options: Record<string, unknown>) {
      this.options = options
      const wc: FakeWebContents & Record<string, unknown> = {
        windowOpenHandler: null,
        listeners: new Map(),
        sent: [],
        mainFrame: { url: '', parent: null },
        id: state.windows.length + 1,
        setWindowOpenHandler: (h: FakeWebContents['windowOpenHandler']) => {
          wc.windowOpenHandler = h
        },
        on: (ev: string, f: Listener) => push(wc.listeners, ev, f),
        send: (channel: string, ...args: unknown[]) => wc.sent.push({ channel, args })
      }
      this.webContents = wc
      state.windows.push(this as unknown as FakeWindow)
    }
    loadFile(f: string): Promise<void> {
      this.loadedFile = f
      this.webContents.mainFrame.url = pathToFileURL(f).href
      state.calls.push('loadFile')
      return Promise.resolve()
    }
    loadURL(u: string): Promise<void> {
      state.calls.push(`loadURL ${u}`)
      return Promise.resolve()
    }
    once(): void {}
    on(): void {}
    show(): void {}
    focus(): void {}
    isMinimized(): boolean {
      return false
    }
    isDestroyed(): boolean {
      return false
    }
  }

  const mod: Record<string, unknown> = {
    app: {
      enableSandbox: () => state.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (ev: string, f: Listener) => push(state.appListeners, ev, f),
      whenReady: () => Promise.resolve(),
      quit: () => state.calls.push('quit'),
      getVersion: () => '0.1.0',
      getPath: (name: string) => (name === 'userData' ? state.userData : `${state.userData}/${name}`)
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => {
        const p = state.nextSavePath
        state.nextSavePath = null
        return p ? { canceled: false, filePath: p } : { canceled: true }
      },
      showMessageBox: async (...args: unknown[]) => {
        state.messageBoxes.push(args.at(-1) as Record<string, unknown>)
        return { response: 0 }
      }
    },
    ipcMain: { handle: (ch: string, f: Listener) => state.handlers.set(ch, f) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (f: Listener) => {
          state.permissionRequestHandler = f
        },
        setPermissionCheckHandler: (f: Listener) => {
          state.permissionCheckHandler = f
        },
        webRequest: {
          onHeadersReceived: (f: Listener) => {
            state.headersHandler = f
          },
          onBeforeRequest: (f: Listener) => {
            state.beforeRequestHandler = f
          }
        }
      },
      fromPartition: () => {
        throw new Error('fromPartition is only used by exportPdf (not exercised by the smoke test)')
      }
    },
    Menu: {
      buildFromTemplate: (t: unknown[]) => {
        state.menuTemplate = t
        return { template: t }
      },
      setApplicationMenu: () => state.calls.push('setApplicationMenu')
    },
    shell: { openExternal: async () => state.calls.push('openExternal') },
    contextBridge: {
      exposeInMainWorld: (key: string, value: Record<string, unknown>) => state.exposed.set(key, value)
    },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        const h = state.handlers.get(channel)
        if (!h) throw new Error(`No handler registered for '${channel}'`)
        const win = state.windows[0]!
        // The event main sees for a call from our own renderer's top frame.
        const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame }
        return h(event, payload)
      },
      on: (ch: string, f: Listener) => push(state.rendererListeners, ch, f),
      removeListener: (ch: string, f: Listener) => {
        state.rendererListeners.set(ch, (state.rendererListeners.get(ch) ?? []).filter((g) => g !== f))
      }
    }
  }
  return { module: mod, state }
}

/** Routes `require('electron')` to `fake` until the returned function is called. */
export function installElectronFake(fake: Record<string, unknown>): () => void {
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown }
  const orig = M._load
  M._load = function (this: unknown, req: string, ...rest: unknown[]): unknown {
    return req === 'electron' ? fake : orig.call(this, req, ...rest)
  }
  return () => {
    M._load = orig
  }
}
