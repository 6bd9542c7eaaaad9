// The web twin's platform: a hidden <input type=file> to open, an <a download> to save, and
// localStorage for autosave/recovery. Nothing leaves the machine.
import { ok, err, type Result } from '@shared/util/result'
import type { MenuCommand } from '@shared/ipc/contract'
import { APP_NAME, ENGINE_VERSION } from '@shared/version'
import type { ExportRequest, OpenedStudyText, PickedFile, Platform } from './platform'
import { pickFiles, pickTextFile } from './pickFiles'

const AUTOSAVE_KEY = 'parallax.autosave.v1'

/** What the web twin's "Add articles" dialog offers: article formats and metadata sidecars. */
export const ARTICLE_ACCEPT = '.txt,.md,.html,.htm,.pdf,.docx,.json,text/plain,text/html'

export async function readPicked(files: readonly File[]): Promise<PickedFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
}

function download(name: string, data: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    async openArticleFiles(): Promise<Result<readonly PickedFile[] | null>> {
      // .json lets the user pick the name.meta.json sidecars with their articles (the ingest
      // adapter pairs them by name), as a folder drop does; without it the dialog hides them.
      const files = await pickFiles(ARTICLE_ACCEPT, true)
      if (!files || files.length === 0) return ok(null)
      return ok(await readPicked(files))
    },
    async openStudy(): Promise<Result<OpenedStudyText | null>> {
      const files = await pickFiles('.json,application/json', false)
      const f = files?.[0]
      if (!f) return ok(null)
      try {
        return ok({ name: f.name, text: await f.text() })
      } catch {
        return err('FILE_UNREADABLE', `${f.name} could not be read.`)
      }
    },
    openTextFile: pickTextFile,
    async recentStudies(): Promise<readonly { readonly name: string; readonly path: string }[]> {
      return []
    },
    async openRecent(): Promise<Result<OpenedStudyText>> {
      return err('NOT_AVAILABLE', 'Recent studies are a desktop feature; use Open study.')
    },
    async saveStudy(json, suggestedName): Promise<Result<string | null>> {
      download(suggestedName, json, 'application/json')
      return ok(suggestedName)
    },
    async exportFile(req: ExportRequest): Promise<Result<string | null>> {
      download(req.suggestedName, req.data, req.mime)
      return ok(req.suggestedName)
    },
    async exportPdf(html: string): Promise<Result<string | null>> {
      // The browser's own print dialog ("Save as PDF") on the report in a sandboxed frame (it is
      // self-contained and needs no script). srcdoc, not a blob: URL: the page's CSP
      // (default-src 'self', no frame-src) blocks blob: frames, which then load an error page
      // of another origin whose print() throws, so every web PDF export used to fail.
      const frame = document.createElement('iframe')
      frame.setAttribute('sandbox', 'allow-modals allow-same-origin')
      frame.setAttribute('data-print-frame', '')
      frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10px;top:-10px'
      frame.srcdoc = html
      document.body.appendChild(frame)
      await new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }))
      try {
        frame.contentWindow!.print()
      } catch {
        frame.remove()
        return err('EXPORT_FAILED', 'The browser refused to print the report; export HTML and print it instead.')
      }
      setTimeout(() => frame.remove(), 60_000)
      return ok('print dialog')
    },
    async autosave(json: string): Promise<void> {
      try {
        localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ json, savedAt: new Date().toISOString() }))
      } catch {
        // Quota exceeded or storage disabled: autosave is best effort in the browser.
      }
    },
    async recoverAutosave(): Promise<{ json: string; savedAt: string } | null> {
      try {
        const raw = localStorage.getItem(AUTOSAVE_KEY)
        if (!raw) return null
        const v = JSON.parse(raw) as { json?: unknown; savedAt?: unknown }
        return typeof v.json === 'string' && typeof v.savedAt === 'string' ? { json: v.json, savedAt: v.savedAt } : null
      } catch {
        return null
      }
    },
    async clearAutosave(): Promise<void> {
      try {
        localStorage.removeItem(AUTOSAVE_KEY)
      } catch {
        // ignore
      }
    },
    onMenuCommand(_listener: (cmd: MenuCommand) => void): () => void {
      // The web twin has no application menu; the toolbar offers the same commands.
      return () => {}
    },
    async appInfo(): Promise<readonly string[]> {
      return [`${APP_NAME} ${ENGINE_VERSION} (web)`, navigator.userAgent]
    }
  }
}
