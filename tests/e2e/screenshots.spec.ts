// Screenshots of each view for the README (docs/screenshots/). Run on demand:
//   npm run screenshots   (SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts)
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
  await page.locator('[data-passage-row="0"] [data-flag-category="contested-naming"]').first().hover()
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

test('codebook view with an imported codebook', async ({ page }) => {
  await open(page)
  await page.getByRole('tab', { name: 'Codebook' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import CSV/JSON…' }).click()
  await (await chooser).setFiles({
    name: 'media-literacy-class.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'term,category,note\nembassy,loaded,Class focus: how each outlet frames the embassy\nstrategic partnership,exaggeration,Is the partnership described or sold?\nIsrael,contested-naming,Compare with the names other outlets use\n'
    )
  })
  await expect(page.locator('[data-methods] [data-codebook-name="media-literacy-class"]')).toBeVisible({ timeout: 20_000 })
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${OUT}/codebook.png`, fullPage: true })
})

test('export dialog', async ({ page }) => {
  await open(page)
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible()
  await page.screenshot({ path: `${OUT}/export.png` })
})

test('recovery prompt (not for the README)', async ({ page }) => {
  await open(page)
  await page.getByRole('tab', { name: 'Library' }).click()
  await page.getByLabel('Study title').fill('Year 10 media literacy: embassy coverage')
  await page.getByLabel('Study title').blur()
  await expect.poll(() => page.evaluate(() => localStorage.getItem('parallax.autosave.v1')), { timeout: 10_000 }).toContain('Year 10')
  await page.reload()
  await expect(page.getByRole('dialog', { name: 'Unsaved work found' })).toBeVisible()
  await page.screenshot({ path: 'test-results/recovery.png' })
})

test('pair of two non-base articles (not for the README)', async ({ page }) => {
  await open(page)
  await page.getByRole('tab', { name: 'Pair' }).click()
  const ids = await page.getByLabel('First').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  await page.getByLabel('First').selectOption(ids[1]!)
  await page.getByLabel('Second').selectOption(ids[2]!)
  await page.getByRole('button', { name: 'Swap articles' }).click()
  await page.screenshot({ path: 'test-results/pair-nonbase.png' })
})
