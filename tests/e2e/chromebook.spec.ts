// A school Chromebook: 1366x768 and 1280x720 screens, and browser zoom 150% (a 1366x768 screen
// seen as 911x512 CSS pixels). The frame must leave room for the articles and no view may push
// its controls off the side of the screen.
import { test, expect, type Page } from '@playwright/test'

async function open(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height })
  await page.goto('/')
  await expect(page.locator('[data-flag-category]').first()).toBeVisible({ timeout: 30_000 })
}

for (const [w, h] of [
  [1366, 768],
  [1280, 720]
] as const) {
  test(`${w}x${h}: one-row top bar and layer bar, the articles start in the top quarter`, async ({ page }) => {
    await open(page, w, h)
    const box = async (sel: string): Promise<{ y: number; height: number }> => (await page.locator(sel).first().boundingBox())!
    const top = await box('.topbar')
    const tab = await box('[role="tab"]')
    const toolbar = await box('.toolbar')
    // One row: the commands sit beside the tabs, not under them.
    expect(toolbar.y).toBeLessThan(tab.y + tab.height)
    expect(top.height).toBeLessThan(60)
    expect((await box('.layerbar')).height).toBeLessThan(50)
    const firstRow = await box('[data-passage-row]')
    expect(firstRow.y).toBeLessThan(h / 4)
    // The sample's six articles fit side by side without scrolling sideways.
    const [scroll, client] = await page.locator('.sbs-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(scroll).toBeLessThanOrEqual(client)
    // The legend is one click away, and the choice sticks.
    await page.getByRole('button', { name: 'Legend' }).click()
    await expect(page.getByRole('list', { name: 'Legend' })).toBeVisible()
    await page.reload()
    await expect(page.locator('[data-flag-category]').first()).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('list', { name: 'Legend' })).toBeVisible()
  })
}

test('zoom 150% on 1366x768: no view scrolls sideways, review buttons stay on screen', async ({ page }) => {
  await open(page, 911, 512)
  for (const tab of ['Library', 'Pair', 'Overview', 'Review', 'Codebook']) {
    await page.getByRole('tab', { name: tab }).click()
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
    if (tab === 'Overview') await expect(page.getByTestId('metrics-table')).toBeVisible({ timeout: 20_000 })
    const [scroll, client] = await page.locator('main.view').evaluate((m) => [m.scrollWidth, m.clientWidth])
    expect(scroll, `${tab} scrolls sideways`).toBeLessThanOrEqual(client)
    if (tab === 'Review') {
      const b = (await page.getByRole('button', { name: /^Reject/ }).first().boundingBox())!
      expect(b.x + b.width).toBeLessThanOrEqual(911)
    }
  }
})
