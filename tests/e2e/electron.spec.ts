/**
 * The desktop app end to end: launch the built Electron app and check the sample study is on
 * screen. Skipped (with the reason) where the Electron binary is absent, e.g. on the build machine
 * whose network blocks Electron's download server.
 */
import { test, expect, _electron as electron } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

// require('electron') returns the binary path, or THROWS when the download was skipped.
function electronBinary(): string | null {
  try {
    const p = createRequire(join(ROOT, 'package.json'))('electron') as unknown as string
    return typeof p === 'string' && existsSync(p) ? p : null
  } catch {
    return null
  }
}
const bin = electronBinary()

test.describe('electron app', () => {
  test.skip(!bin, 'Electron binary not installed (its download is blocked here)')

  test.beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' })
  })

  test('opens the hardened window with the sample study side by side', async () => {
    const args = [ROOT]
    // Chromium refuses to run as root without this (CI containers).
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox')
    const app = await electron.launch({ executablePath: bin!, args, cwd: ROOT })
    try {
      const win = await app.firstWindow()
      await expect(win).toHaveTitle(/Parallax/)
      const columns = win.locator('[data-article-id]')
      await expect(columns.first()).toBeVisible({ timeout: 30_000 })
      expect(await columns.count()).toBeGreaterThanOrEqual(2)
      await expect(win.locator('[data-passage-row]').first()).toBeVisible()

      // The page sees the preload API but no Node.
      const surface = await win.evaluate(() => ({
        api: typeof (window as unknown as { api?: object }).api,
        apiKeys: Object.keys((window as unknown as { api?: object }).api ?? {}).length,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process
      }))
      expect(surface).toEqual({ api: 'object', apiKeys: 12, require: 'undefined', process: 'undefined' })

      // (The window's webPreferences are asserted on the built bundle in tests/electron/main/smoke.test.ts.)
    } finally {
      await app.close()
    }
  })
})
