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

test('"Add articles…" offers .meta.json sidecars in its dialog and pairs them with their articles', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/')
  await expect(page.locator('[data-flag-category]').first()).toBeVisible({ timeout: 30_000 })
  await page.getByRole('tab', { name: 'Library' }).click()
  // Start from scratch, as a researcher building a study does.
  await page.getByRole('button', { name: 'New study' }).click()
  await expect(page.locator('[data-library-article]')).toHaveCount(0)
  const chooserP = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '+ Add articles…' }).click()
  const chooser = await chooserP
  // A browser's dialog hides what `accept` leaves out: without .json the sidecars cannot be picked.
  expect((await chooser.element().getAttribute('accept'))?.split(',')).toContain('.json')
  await chooser.setFiles(['samples/baku-tel-aviv/ararat-mirror.txt', 'samples/baku-tel-aviv/ararat-mirror.meta.json', 'samples/baku-tel-aviv/meridian-wire.txt', 'samples/baku-tel-aviv/meridian-wire.meta.json'])
  await expect(page.locator('[data-library-article]')).toHaveCount(2)
  await expect(page.locator('[data-library-article="ararat-mirror"]')).toContainText('Ararat Weekly Mirror')
  await expect(page.locator('[data-library-article="meridian-wire"]')).toContainText('Meridian Wire Service')
  expect(problems).toEqual([])
})
