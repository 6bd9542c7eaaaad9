// The renderer's only view of the outside world. Two implementations: web.ts (file input,
// downloads, localStorage) and electron.ts (window.api from the preload). Features never touch
// window.api or the DOM file APIs directly.
import type { Result } from '@shared/util/result'
import type { MenuCommand } from '@shared/ipc/contract'

export interface PickedFile {
  readonly name: string
  readonly bytes: Uint8Array
}

export interface OpenedStudyText {
  readonly name: string
  readonly text: string
  /** Electron only: where the study lives, echoed back on save. */
  readonly path?: string
}

export interface ExportRequest {
  readonly suggestedName: string
  readonly mime: string
  readonly extensions: readonly string[]
  readonly filterName: string
  readonly data: string
}

export interface Platform {
  readonly kind: 'web' | 'electron'
  /** `ok(null)` when the user cancels. */
  openArticleFiles(): Promise<Result<readonly PickedFile[] | null>>
  openStudy(): Promise<Result<OpenedStudyText | null>>
  /** A small text file such as a codebook (`accept` as for <input type=file>); `ok(null)` on cancel. */
  openTextFile(accept: string): Promise<Result<OpenedStudyText | null>>
  /** Most recent first (Electron); the web twin keeps no list. */
  recentStudies(): Promise<readonly { readonly name: string; readonly path: string }[]>
  /** Electron's File → Open recent; the web twin has no recent list. */
  openRecent(path: string): Promise<Result<OpenedStudyText>>
  /** Returns where it was saved (a path in Electron, the file name on the web), null if cancelled. */
  saveStudy(json: string, suggestedName: string, path: string | undefined, saveAs: boolean): Promise<Result<string | null>>
  exportFile(req: ExportRequest): Promise<Result<string | null>>
  /** PDF of a self-contained HTML report (Electron printToPDF; the browser's print dialog on the web). */
  exportPdf(html: string, suggestedName: string): Promise<Result<string | null>>
  autosave(json: string): Promise<void>
  recoverAutosave(): Promise<{ readonly json: string; readonly savedAt: string } | null>
  clearAutosave(): Promise<void>
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void
  /** Version lines for the About box. */
  appInfo(): Promise<readonly string[]>
}
