import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// Debian's Chromium (apt-get install chromium). Never `npx playwright install`.
const executablePath =
  process.env['CHROMIUM_PATH'] ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p))

export default defineConfig({
  testDir: 'tests/e2e',
  // screenshots.spec.ts regenerates docs/screenshots (`npm run screenshots`); not a test.
  testIgnore: process.env['SCREENSHOTS'] === '1' ? [] : ['**/screenshots.spec.ts'],
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: 'http://127.0.0.1:4174',
    browserName: 'chromium',
    launchOptions: { executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] },
    screenshot: 'only-on-failure'
  },
  webServer: {
    command: 'npx vite build -c vite.web.config.mts && npx vite preview -c vite.web.config.mts',
    url: 'http://127.0.0.1:4174',
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000
  }
})
