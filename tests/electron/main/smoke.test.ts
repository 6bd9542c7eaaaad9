/**
 * Smoke test of the BUILT desktop bundles (out/main/index.js, out/preload/index.js) in plain Node,
 * with `electron` replaced by a recording fake (STACK.md §3). Builds first if the bundles are
 * missing or stale. Checks the window hardening, the IPC surface and a real round trip
 * preload → ipcMain → bundled services.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENTS } from '../../../shared/ipc/channels'
import { OPERATIONS, type ParallaxApi } from '../../../shared/ipc/contract'
import { createFakeElectron, installElectronFake, type FakeElectronState } from '../helpers/fakeElectron'
import { ensureBuilt, MAIN_BUNDLE, PRELOAD_BUNDLE } from '../helpers/build'

const require = createRequire(import.meta.url)
let state: FakeElectronState
let uninstall: () => void
let userData: string

type Cb = (allowed: boolean) => void

beforeAll(async () => {
  ensureBuilt()
  userData = mkdtempSync(join(tmpdir(), 'parallax-smoke-'))
  const fake = createFakeElectron(userData)
  state = fake.state
  uninstall = installElectronFake(fake.module)
  delete require.cache[MAIN_BUNDLE]
  delete require.cache[PRELOAD_BUNDLE]
  require(MAIN_BUNDLE)
  // whenReady() resolves at once, then main reads the recent list from disk before the window.
  await vi.waitFor(() => expect(state.windows.length).toBe(1))
  require(PRELOAD_BUNDLE)
}, 200_000)

afterAll(() => {
  uninstall?.()
  if (userData) rmSync(userData, { recursive: true, force: true })
})

function win(): NonNullable<FakeElectronState['windows'][0]> {
  return state.windows[0]!
}
function api(): ParallaxApi {
  return state.exposed.get('api') as unknown as ParallaxApi
}

describe('built main process', () => {
  it('creates one hardened window loading the built renderer', () => {
    const prefs = win().options['webPreferences'] as Record<string, unknown>
    expect(prefs['contextIsolation']).toBe(true)
    expect(prefs['sandbox']).toBe(true)
    expect(prefs['nodeIntegration']).toBe(false)
    expect(prefs['webSecurity']).toBe(true)
    expect(prefs['disableBlinkFeatures']).toBe('Auxclick')
    expect(String(prefs['preload'])).toBe(PRELOAD_BUNDLE)
    expect(existsSync(String(prefs['preload']))).toBe(true)
    expect(win().loadedFile).toMatch(/out[\\/]renderer[\\/]index\.html$/)
    expect(state.calls).toContain('enableSandbox')
  })

  it('registers a handler for every channel and nothing else', () => {
    expect([...state.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
  })

  it('denies every permission request and check', () => {
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn<Cb>()
      state.permissionRequestHandler!({}, perm, cb)
      expect(cb).toHaveBeenCalledWith(false)
    }
    expect(state.permissionCheckHandler!({}, 'media')).toBe(false)
  })

  it('denies window.open and prevents navigation', () => {
    const wc = win().webContents
    expect(wc.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    const nav = wc.listeners.get('will-navigate') ?? []
    expect(nav.length).toBeGreaterThan(0)
    for (const url of ['https://evil.example/', 'file:///tmp/other.html']) {
      const preventDefault = vi.fn()
      for (const l of nav) l({ preventDefault }, url)
      expect(preventDefault).toHaveBeenCalled()
    }
  })

  it('hardens any other web contents created later (web-contents-created)', () => {
    const created = state.appListeners.get('web-contents-created') ?? []
    expect(created.length).toBe(1)
    const listeners = new Map<string, ((e: { preventDefault: () => void }) => void)[]>()
    let openHandler: ((d: { url: string }) => unknown) | null = null
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (ev: string, f: (e: { preventDefault: () => void }) => void) => listeners.set(ev, [...(listeners.get(ev) ?? []), f])
    }
    created[0]!({}, contents)
    expect(openHandler!({ url: 'https://x.example/' })).toEqual({ action: 'deny' })
    const preventDefault = vi.fn()
    for (const l of listeners.get('will-navigate') ?? []) l({ preventDefault })
    expect(preventDefault).toHaveBeenCalled()
  })

  it('sends a strict CSP header and blocks remote requests', () => {
    let headers: Record<string, string[]> = {}
    state.headersHandler!({ responseHeaders: { 'X-Test': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders))
    const csp = headers['Content-Security-Policy']?.[0] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(headers['X-Test']).toEqual(['1'])
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined
      state.beforeRequestHandler!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel))
      return cancel!
    }
    expect(decide('https://example.com/x.js')).toBe(true)
    expect(decide('http://127.0.0.1:8080/')).toBe(true)
    expect(decide('file:///work/out/renderer/index.html')).toBe(false)
    expect(decide('data:image/png;base64,AA==')).toBe(false)
  })

  it('installs the menu, and menu items send commands to the renderer', () => {
    type Item = { label?: string; submenu?: Item[]; click?: () => void; role?: string }
    const tpl = state.menuTemplate as Item[]
    const file = tpl.find((m) => m.label === '&File')!
    const labels = (file.submenu ?? []).map((i) => i.label).filter(Boolean)
    expect(labels).toEqual(['Open articles…', 'Open study…', 'Open recent', 'Save study', 'Save study as…', 'Export…'])
    const help = tpl.find((m) => m.label === '&Help')!
    expect(help.submenu?.[0]?.label).toBe('About Parallax')
    const view = tpl.find((m) => m.label === '&View')!
    const clickAndRead = (item: Item | undefined): unknown => {
      item!.click!()
      return win().webContents.sent.at(-1)
    }
    const byLabel = (menu: Item, label: string): Item | undefined => menu.submenu?.find((i) => i.label === label)
    const sent = (type: string): unknown => ({ channel: EVENTS.menuCommand, args: [{ type }] })
    expect(clickAndRead(byLabel(file, 'Open articles…'))).toEqual(sent('open-articles'))
    expect(clickAndRead(byLabel(file, 'Open study…'))).toEqual(sent('open-study'))
    expect(clickAndRead(byLabel(file, 'Save study'))).toEqual(sent('save-study'))
    expect(clickAndRead(byLabel(file, 'Save study as…'))).toEqual(sent('save-study-as'))
    expect(clickAndRead(byLabel(file, 'Export…'))).toEqual(sent('export'))
    expect(clickAndRead(byLabel(view, 'Toggle dark theme'))).toEqual(sent('toggle-theme'))
    expect(clickAndRead(byLabel(view, 'Larger text'))).toEqual(sent('zoom-in'))
    expect(clickAndRead(byLabel(view, 'Smaller text'))).toEqual(sent('zoom-out'))
    expect(clickAndRead(byLabel(view, 'Actual size'))).toEqual(sent('zoom-reset'))
    expect(byLabel(file, 'Open recent')?.submenu?.[0]?.label).toBe('No recent studies')
  })
})

describe('built main process: About and recent studies', () => {
  type Item = { label?: string; submenu?: Item[]; click?: () => void }
  const menu = (label: string): Item => (state.menuTemplate as Item[]).find((m) => m.label === label)!

  it('Help → About shows a native dialog crediting AFINN-165 under ODbL, with versions', () => {
    menu('&Help').submenu![0]!.click!()
    const box = state.messageBoxes.at(-1)!
    expect(box['title']).toBe('About Parallax')
    expect(String(box['detail'])).toMatch(/AFINN-165 word list by Finn Årup Nielsen/)
    expect(String(box['detail'])).toMatch(/Open Database License \(ODbL\) v1\.0/)
    expect(String(box['detail'])).toMatch(/"sentiment"/)
    expect(String(box['detail'])).toContain(`Node ${process.versions.node}`)
  })

  it('a saved study appears under File → Open recent and the item asks the renderer to open it', async () => {
    const target = join(userData, 'my.parallax.json')
    state.nextSavePath = target
    const json = JSON.stringify({ format: 'parallax-study', schemaVersion: 1, title: 't' })
    expect(await api().saveStudy({ json, saveAs: true })).toEqual({ ok: true, value: { path: target } })
    expect(readFileSync(target, 'utf8')).toBe(json)
    const recent = menu('&File').submenu!.find((i) => i.label === 'Open recent')!
    expect(recent.submenu!.map((i) => i.label)).toEqual(['my.parallax.json'])
    recent.submenu![0]!.click!()
    expect(win().webContents.sent.at(-1)).toEqual({ channel: EVENTS.menuCommand, args: [{ type: 'open-recent', path: target }] })
    expect(await api().openRecent({ path: target })).toMatchObject({ ok: true, value: { path: target, text: json } })
  })
})

describe('built preload', () => {
  it('exposes only window.api, with exactly one function per operation plus onMenuCommand', () => {
    expect([...state.exposed.keys()]).toEqual(['api'])
    const exposed = state.exposed.get('api')!
    expect(Object.keys(exposed).sort()).toEqual([...OPERATIONS, 'onMenuCommand'].sort())
    for (const v of Object.values(exposed)) expect(typeof v).toBe('function')
    expect(Object.isFrozen(exposed)).toBe(true)
  })

  it('round-trips through ipcMain into the bundled services', async () => {
    const info = await api().appInfo()
    expect(info).toMatchObject({ ok: true, value: { name: 'Parallax', version: '0.1.0', node: process.versions.node } })
    expect(await api().recentStudies()).toMatchObject({ ok: true })
    // The fake dialog reports "cancelled": cancel is ok(null), not an error.
    expect(await api().openArticles()).toEqual({ ok: true, value: null })
    const bad = await api().openRecent({ path: 42 as unknown as string })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_PAYLOAD')
  })

  it('delivers menu commands to subscribers and unsubscribes', () => {
    const got: unknown[] = []
    const off = api().onMenuCommand((c) => got.push(c))
    const listeners = state.rendererListeners.get(EVENTS.menuCommand) ?? []
    expect(listeners.length).toBe(1)
    listeners[0]!({ sender: 'secret' }, { type: 'save-study' })
    expect(got).toEqual([{ type: 'save-study' }])
    off()
    expect(state.rendererListeners.get(EVENTS.menuCommand)).toEqual([])
  })

  it('refuses IPC from a frame that is not our renderer', async () => {
    const h = state.handlers.get(CHANNELS.appInfo)!
    const call = async (event: unknown): Promise<{ ok: boolean; error?: { code: string } }> => (await h(event, undefined)) as { ok: boolean }
    const ourUrl = win().webContents.mainFrame.url
    // Our top frame, as a fresh wrapper object: accepted.
    expect(await call({ sender: win().webContents, senderFrame: { url: ourUrl, parent: null } })).toMatchObject({ ok: true })
    // A navigated/foreign top frame: refused.
    expect(await call({ sender: win().webContents, senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' }
    })
    // Same URL but a sub-frame (e.g. an iframe): refused.
    expect(await call({ sender: win().webContents, senderFrame: { url: ourUrl, parent: win().webContents.mainFrame } })).toMatchObject({ ok: false })
    // Another web contents: refused.
    expect(await call({ sender: { id: 99 }, senderFrame: { url: ourUrl, parent: null } })).toMatchObject({ ok: false })
    // No frame (destroyed): refused.
    expect(await call({ sender: win().webContents, senderFrame: null })).toMatchObject({ ok: false })
  })
})
