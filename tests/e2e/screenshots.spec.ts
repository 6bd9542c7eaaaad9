// Screenshots of each view for the README (docs/screenshots/). Run on demand:
//   SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts
import { test, expect, type Page } from '@playwright/test'

const OUT = 'docs/screenshots'

test.skip(!process.env['SCREENSHOTS'], 'set SCREENSHOTS=1 to refresh docs/screenshots')

async function open(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await expect(page.locator('[data-flag-category]').first()).toBeVisible({ timeout: 30_000 })
}

test('side by side with tooltip', async ({ page }) => {
  await open(page)
  await page.locator('[data-passage-row="1"] [data-flag-category="contested-naming"]').first().hover()
  await expect(page.getByRole('tooltip')).toBeVisible()
  await page.screenshot({ path: `${OUT}/side-by-side.png` })
})

test('side by side, dark, sentiment and differences, passage details', async ({ page }) => {
  await open(page)
  await page.getByRole('button', { name: 'Dark theme' }).click()
  await page.getByRole('switch', { name: /Sentiment/ }).click()
  await page.getByRole('switch', { name: /Differences/ }).click()
  await page.locator('[data-passage-row] .cell.base').nth(1).click()
  await page.screenshot({ path: `${OUT}/side-by-side-dark.png` })
})

for (const [tab, file] of [
  ['Library', 'library'],
  ['Pair', 'pair'],
  ['Overview', 'overview'],
  ['Review', 'review']
] as const) {
  test(`${tab} view`, async ({ page }) => {
    await open(page)
    await page.getByRole('tab', { name: tab }).click()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${OUT}/${file}.png`, fullPage: true })
    if (file === 'overview') {
      await page.locator('.chart-grid').scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${OUT}/overview-charts.png` })
    }
  })
}
