/**
 * Makes sure out/main/index.js and out/preload/index.js are built from the current sources:
 * rebuilds with `electron-vite build` when they are missing or older than any source they bundle.
 * (The renderer part of that build may fail while the UI is in progress; only main/preload matter here.)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../../..')
export const MAIN_BUNDLE = join(ROOT, 'out/main/index.js')
export const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.js')
const SOURCES = ['electron', 'shared/ipc', 'shared/util', 'shared/study', 'shared/version.ts', 'electron.vite.config.ts']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let m = 0
  for (const name of readdirSync(path)) m = Math.max(m, newestMtime(join(path, name)))
  return m
}

export function bundlesAreFresh(): boolean {
  if (!existsSync(MAIN_BUNDLE) || !existsSync(PRELOAD_BUNDLE)) return false
  const built = Math.min(statSync(MAIN_BUNDLE).mtimeMs, statSync(PRELOAD_BUNDLE).mtimeMs)
  return SOURCES.every((s) => newestMtime(join(ROOT, s)) <= built)
}

export function ensureBuilt(): void {
  if (bundlesAreFresh()) return
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 180_000
    })
  } catch {
    // Judge by the outputs below, not the exit code (a broken renderer must not hide main's state).
  }
  if (!bundlesAreFresh()) throw new Error('electron-vite build did not produce fresh out/main and out/preload bundles')
}
