// Sandboxed preload (bundled to CJS): exposes `window.api`, one function per operation, built from
// the channel map. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS } from '../../shared/ipc/channels'
import { OPERATIONS, type MenuCommand, type Operation, type ParallaxApi } from '../../shared/ipc/contract'
import type { Result } from '../../shared/util/result'

/** invoke() rejects only if main has no handler or the payload can't be cloned; keep it as data. */
function invoker(op: Operation): (req?: unknown) => Promise<Result<unknown>> {
  const channel = CHANNELS[op]
  return async (req?: unknown): Promise<Result<unknown>> => {
    try {
      return (await ipcRenderer.invoke(channel, req)) as Result<unknown>
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: `${op} failed: ${e instanceof Error ? e.message : String(e)}` } }
    }
  }
}

function buildApi(): ParallaxApi {
  const api: Record<string, unknown> = {}
  for (const op of OPERATIONS) api[op] = invoker(op)
  api['onMenuCommand'] = (listener: (cmd: MenuCommand) => void): (() => void) => {
    // Wrap so the page never sees the IpcRendererEvent (it carries `sender`).
    const wrapped = (_e: IpcRendererEvent, cmd: MenuCommand): void => listener(cmd)
    ipcRenderer.on(EVENTS.menuCommand, wrapped)
    return (): void => {
      ipcRenderer.removeListener(EVENTS.menuCommand, wrapped)
    }
  }
  return Object.freeze(api) as unknown as ParallaxApi
}

contextBridge.exposeInMainWorld('api', buildApi())
