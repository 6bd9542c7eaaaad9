// Drag and drop in the Library (web twin): several files at once with a metadata sidecar.
// Folder drops (webkitGetAsEntry) cannot be built by a page script; the recursive folder reader
// is covered with a fake entry tree in tests/renderer/platform/dropEntries.test.ts.
import { test, expect } from '@playwright/test'

test('dropping several files with a .meta.json sidecar adds them with the sidecar metadata', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await expect(page.locator('[data-flag-category]').first()).toBeVisible({ timeout: 30_000 })
  await page.getByRole('tab', { name: 'Library' }).click()
  const before = await page.locator('[data-library-article]').count()
  await page.locator('.library').evaluate((el) => {
    const dt = new DataTransfer()
    dt.items.add(new File(['Embassy row deepens\n\nIran summoned the ambassador on Thursday, state media said.'], 'gulf-courier.txt', { type: 'text/plain' }))
    dt.items.add(new File([JSON.stringify({ outlet: 'Gulf Courier', date: '2023-04-01', viewpoint: 'Regional daily' })], 'gulf-courier.meta.json', { type: 'application/json' }))
    dt.items.add(new File(['Flights resume\n\nDirect flights between Baku and Tel Aviv continued, the airline said.'], 'harbour-news.md', { type: 'text/markdown' }))
    el.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }))
    el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }))
  })
  await expect(page.locator('[data-library-article]')).toHaveCount(before + 2)
  const card = page.locator('[data-library-article="gulf-courier"]')
  await expect(card).toContainText('Gulf Courier')
  await expect(card).toContainText('2023-04-01')
  await expect(page.locator('[data-library-article="harbour-news"]')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 articles' })).toBeVisible()
  expect(problems).toEqual([])
})
