/**
 * HTML → PDF in the CLI through an installed Chromium/Chrome in headless mode (the app uses
 * Electron's printToPDF and the web twin the browser's print dialog instead). The HTML is
 * self-contained, so Chromium needs no network: it loads a temp file and prints it.
 */
import { execFile } from 'node:child_process'
import { accessSync, closeSync, constants, copyFileSync, existsSync, mkdtempSync, openSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { err, ok, type Result } from '../shared/util/result'

export const PDF_NOT_AVAILABLE_MESSAGE =
  'PDF export needs Chromium or Chrome; install it (e.g. apt-get install chromium) or export HTML and print it from a browser.'

const KNOWN_PATHS = ['/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser']
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK)
    return statSync(p).isFile()
  } catch {
    return false
  }
}

/**
 * Why `path` cannot be run as the browser, in words for the user (the path given does not
 * exist, is a folder, or is not executable), or null when it can.
 */
export function browserPathProblem(path: string): string | null {
  if (isExecutable(path)) return null
  let what = 'does not exist'
  try {
    const st = statSync(path)
    what = st.isDirectory() ? 'is a folder, not a program' : 'is not an executable file'
  } catch {
    // Missing (or unreadable) path: "does not exist" is what the user can act on.
  }
  return what
}

/**
 * The browser binary to use: $PARALLAX_CHROMIUM when set (and executable), else Debian's real
 * binary (preferred over the /usr/bin wrapper script, which prints shell noise), else the
 * first known name on PATH. Null when none is found.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env['PARALLAX_CHROMIUM']
  if (override) return isExecutable(override) ? override : null
  for (const p of KNOWN_PATHS) if (isExecutable(p)) return p
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const p = join(dir, name)
      if (isExecutable(p)) return p
    }
  }
  return null
}

/**
 * The browser `htmlToPdf` will use, or why there is none (NOT_AVAILABLE, one actionable
 * sentence). Cheap, so the CLI asks before a long analysis. `chromium` as in PdfOptions.
 */
export function pdfBrowser(chromium?: string | null, env: NodeJS.ProcessEnv = process.env): Result<string> {
  // A browser path the user chose that cannot run is their typo, not a missing install:
  // say which path is wrong instead of telling them to install Chromium.
  const override = chromium === undefined ? env['PARALLAX_CHROMIUM'] : undefined
  const overrideProblem = override ? browserPathProblem(override) : null
  if (overrideProblem) {
    return err('NOT_AVAILABLE', `PARALLAX_CHROMIUM=${override} ${overrideProblem}; point it at a Chromium or Chrome program, or unset it to use the installed one.`)
  }
  const path = chromium === undefined ? findChromium(env) : chromium
  if (!path) return err('NOT_AVAILABLE', PDF_NOT_AVAILABLE_MESSAGE)
  // One check (browserPathProblem is null exactly when the path is executable).
  const problem = browserPathProblem(path)
  return problem ? err('NOT_AVAILABLE', `The browser ${path} ${problem}.`) : ok(path)
}

export interface PdfOptions {
  /** Kill Chromium after this many milliseconds (default 60 s). */
  readonly timeoutMs?: number
  /** Browser binary; defaults to `findChromium()`. */
  readonly chromium?: string | null
}

/**
 * Prints `html` to a PDF at `outPath`. Returns NOT_AVAILABLE (with an actionable message) when
 * no Chromium is installed, EXPORT_FAILED when Chromium fails, times out or writes no valid PDF.
 * The output is written next to its final place by Chromium and verified (`%PDF` magic) before
 * success is reported; a stale file at `outPath` is never taken for a result.
 */
export async function htmlToPdf(html: string, outPath: string, options: PdfOptions = {}): Promise<Result<void>> {
  const found = pdfBrowser(options.chromium)
  if (!found.ok) return found
  const chromium = found.value
  const out = resolve(outPath)
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pdf-'))
  try {
    const htmlFile = join(dir, 'report.html')
    writeFileSync(htmlFile, html, 'utf8')
    // Print into the temp dir first, then verify and move, so a failed run never leaves a
    // half-written file at the destination.
    const tmpPdf = join(dir, 'out.pdf')
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-sync',
      '--hide-scrollbars',
      // A private profile: concurrent exports and a running browser never share a lock.
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${tmpPdf}`,
      pathToFileURL(htmlFile).href
    ]
    const run = await new Promise<{ code: number | null; stderr: string; timedOut: boolean }>((done) => {
      const child = execFile(
        chromium,
        args,
        { timeout: options.timeoutMs ?? 60_000, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          const e = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null
          done({
            code: e ? (typeof e.code === 'number' ? e.code : 1) : 0,
            stderr: String(stderr ?? ''),
            timedOut: !!e?.killed
          })
        }
      )
      child.stdin?.end()
    })
    if (run.timedOut) return err('EXPORT_FAILED', `PDF export timed out after ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s in ${chromium}.`)
    if (!existsSync(tmpPdf) || !startsWithPdfMagic(tmpPdf)) {
      const why = run.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^\[\d+:\d+:/.test(l))[0]
      return err('EXPORT_FAILED', `Chromium did not produce a PDF (exit ${run.code ?? '?'})${why ? `: ${why}` : ''}.`)
    }
    // Copy beside the destination, then rename: atomic on one filesystem (the temp dir may be
    // on another, where rename would fail).
    const part = `${out}.${process.pid}.part`
    try {
      copyFileSync(tmpPdf, part)
      renameSync(part, out)
    } catch (e) {
      try {
        unlinkSync(part)
      } catch {
        // nothing to clean up
      }
      return err('EXPORT_FAILED', `Could not write ${outPath}: ${(e as Error).message}`)
    }
    return ok(undefined)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function startsWithPdfMagic(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(5)
    const n = readSync(fd, buf, 0, 5, 0)
    return n === 5 && buf.toString('latin1') === '%PDF-'
  } finally {
    closeSync(fd)
  }
}
