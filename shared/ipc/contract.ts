/**
 * THE contract between the renderer and the Electron main process.
 *
 * Rules (enforced by tests/electron/ipc/contract.test-d.ts and the handler registry):
 * - one method per operation; each takes at most ONE request object (serializable, versionable);
 * - every method resolves to `Result<T>` and never rejects: errors cross as data `{code, message}`;
 * - a user cancelling a dialog is NOT an error: it resolves `ok(null)`;
 * - this file is types only (plus the constant operation list), so the renderer, the preload and
 *   main all import it without pulling runtime code. Changes after the first commit are additive.
 *
 * In the renderer, `window.api` is present only inside Electron (see ./global.d.ts); the web twin
 * has no preload, so `renderer/src/platform` feature-detects it.
 */
import type { Result } from '../util/result'

/** One article file as picked by the user: raw bytes, decoded by shared/pipeline/01-ingest. */
export interface ArticleFile {
  /** File name only (no directory), e.g. "report.html"; ingest uses the extension. */
  readonly name: string
  readonly bytes: Uint8Array
}

export interface OpenArticlesResponse {
  readonly files: readonly ArticleFile[]
}

/** A study file on disk. */
export interface StudyFileRef {
  /** Absolute path (main hands it out; the renderer only echoes it back). */
  readonly path: string
  /** File name shown in the UI, e.g. "baku.parallax.json". */
  readonly name: string
}

/** An opened study: the raw JSON text; the renderer validates/migrates it with shared/study. */
export interface OpenedStudy extends StudyFileRef {
  readonly text: string
}

export interface OpenRecentRequest {
  /** Must be one of the paths returned by `recentStudies()`; anything else is INVALID_PAYLOAD. */
  readonly path: string
}

export interface SaveStudyRequest {
  /** The serialized study (`"format": "parallax-study"` with a `schemaVersion`). */
  readonly json: string
  /**
   * Where the study currently lives (from openStudy/openRecent/a previous save). Main only writes
   * to paths it handed out itself in this session; an unknown path falls back to the Save dialog.
   */
  readonly path?: string
  /** true: always ask for a location (File → Save study as…). */
  readonly saveAs: boolean
  /** File name offered when the Save dialog opens (e.g. "baku-tel-aviv.parallax.json"). Added after v1. */
  readonly suggestedName?: string
}

export interface SavedFile {
  readonly path: string
}

export interface AutosaveRequest {
  readonly json: string
}

export interface RecoveredAutosave {
  readonly json: string
  /** ISO 8601 time the autosave was written. */
  readonly savedAt: string
}

/** A save-dialog filter, e.g. `{ name: 'CSV', extensions: ['csv'] }` (extensions without dot). */
export interface FileFilter {
  readonly name: string
  readonly extensions: readonly string[]
}

export interface ExportFileRequest {
  /** Default file name offered in the Save dialog (a name, not a path). */
  readonly suggestedName: string
  readonly filters: readonly FileFilter[]
  /** Text is written as UTF-8. */
  readonly data: string | Uint8Array
}

export interface ExportPdfRequest {
  /** A self-contained HTML document (inline CSS/SVG). It is printed with JavaScript disabled and no network. */
  readonly html: string
  readonly suggestedName: string
}

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly electron: string
  readonly chrome: string
  readonly node: string
}

/** Commands sent by the application menu to the renderer. */
export type MenuCommand =
  | { readonly type: 'open-articles' }
  | { readonly type: 'open-study' }
  | { readonly type: 'save-study' }
  | { readonly type: 'save-study-as' }
  | { readonly type: 'export' }
  /** Not sent by the desktop menu (Help → About is a native dialog in main); kept for the renderer's own use. */
  | { readonly type: 'about' }
  | { readonly type: 'toggle-theme' }
  /** Sent by View → Larger/Smaller text/Actual size: the renderer owns text zoom (main does not zoom the page). */
  | { readonly type: 'zoom-in' }
  | { readonly type: 'zoom-out' }
  | { readonly type: 'zoom-reset' }
  /** File → Open recent → <path>: the renderer calls `openRecent({ path })`. */
  | { readonly type: 'open-recent'; readonly path: string }

export type MenuCommandType = MenuCommand['type']

export interface ParallaxApi {
  /** File dialog (multi-select .txt .md .html .htm .pdf .docx); each file ≤ 50 MB (checked before reading). */
  openArticles(): Promise<Result<OpenArticlesResponse | null>>
  /** File dialog for a `.parallax.json` study; returns its text (validated by the renderer). */
  openStudy(): Promise<Result<OpenedStudy | null>>
  /** Opens a study from the recent list (no dialog). A missing file is FILE_UNREADABLE and leaves the list. */
  openRecent(req: OpenRecentRequest): Promise<Result<OpenedStudy>>
  /** Most recent first, at most 10, no duplicates. */
  recentStudies(): Promise<Result<readonly StudyFileRef[]>>
  /**
   * Atomic save: temp file in the same folder, fsync, rename; the previous version is kept as
   * `<file>.bak`. Refuses (STUDY_INVALID / STUDY_TOO_NEW) to overwrite a file that is not a
   * Parallax study or has a newer schema. `null` = the user cancelled the dialog.
   */
  saveStudy(req: SaveStudyRequest): Promise<Result<SavedFile | null>>
  /** Writes the working study to app data (atomic). Call it on a debounce while editing. */
  autosave(req: AutosaveRequest): Promise<Result<null>>
  /** The last autosave, if any (after a crash or kill). `null` = nothing to recover. */
  recoverAutosave(): Promise<Result<RecoveredAutosave | null>>
  /** Drops the autosave (after a successful save, or when the user discards recovery). */
  clearAutosave(): Promise<Result<null>>
  /** Save dialog + write (CSV, JSON, HTML, worksheet…). `null` = cancelled. */
  exportFile(req: ExportFileRequest): Promise<Result<SavedFile | null>>
  /** Save dialog + print the HTML to PDF in a hidden, sandboxed, JavaScript-less window. */
  exportPdf(req: ExportPdfRequest): Promise<Result<SavedFile | null>>
  appInfo(): Promise<Result<AppInfo>>
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void
}

/** The request/response operations (everything except event subscriptions). */
export type Operation = Exclude<keyof ParallaxApi, 'onMenuCommand'>

/** Every operation, in a fixed order (used by the preload, the handler registry and tests). */
export const OPERATIONS = [
  'openArticles',
  'openStudy',
  'openRecent',
  'recentStudies',
  'saveStudy',
  'autosave',
  'recoverAutosave',
  'clearAutosave',
  'exportFile',
  'exportPdf',
  'appInfo'
] as const satisfies readonly Operation[]

/** The request object of an operation (`undefined` for operations without one). */
export type RequestOf<K extends Operation> = Parameters<ParallaxApi[K]> extends [infer R] ? R : undefined

/** The value inside the `Result` of an operation. */
export type ResponseOf<K extends Operation> = Awaited<ReturnType<ParallaxApi[K]>> extends Result<infer T> ? T : never

/** What main implements: one function per operation, already-validated request in, Result out. */
export type ParallaxHandlers = { readonly [K in Operation]: (req: RequestOf<K>) => Promise<Result<ResponseOf<K>>> }

/** Limits shared by the dialog service and the payload validators. */
export const LIMITS = {
  /** Per article file, checked with stat() before reading. */
  maxArticleBytes: 50 * 1024 * 1024,
  /** Study JSON / export text, in UTF-16 code units. */
  maxStudyChars: 512 * 1024 * 1024,
  maxExportBytes: 512 * 1024 * 1024,
  maxRecent: 10
} as const

/** Extensions accepted by openArticles (lower case, no dot). */
export const ARTICLE_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'pdf', 'docx'] as const
