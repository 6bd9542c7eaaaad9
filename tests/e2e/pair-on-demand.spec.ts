// On-demand pair alignment in the web twin: with 12 articles the analysis aligns each article
// with the base only; opening two non-base articles in the Pair view aligns that pair in the
// analysis worker and shows its links with word diffs.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test, expect } from '@playwright/test'

const samples = resolve(__dirname, '../../samples/baku-tel-aviv')
const others = ['ararat-mirror', 'caspian-state-wire', 'jerusalem-ledger', 'meridian-wire', 'northern-review', 'baku-tel-aviv-ties']

/** A reprint of a sample article: paragraphs in reverse order, the last one dropped. */
function reprint(name: string): { name: string; text: string } {
  const paras = readFileSync(resolve(samples, `${name}.txt`), 'utf8').replace(/\r\n/g, '\n').trim().split(/\n\s*\n/)
  return { name: `${name}-reprint.txt`, text: paras.slice(0, -1).reverse().join('\n\n') + '\n' }
}

test('12 articles: a non-base pair is aligned on demand and shows links with word diffs', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await expect(page.locator('[data-flag-category]').first()).toBeVisible({ timeout: 30_000 })
  await page.getByRole('tab', { name: 'Library' }).click()
  await expect(page.locator('[data-library-article]')).toHaveCount(6)
  const files = others.map(reprint)
  await page.locator('.library').evaluate((el, list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }))
    el.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }))
    el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }))
  }, files)
  await expect(page.locator('[data-library-article]')).toHaveCount(12)
  const ids = await page.locator('[data-library-article]').evaluateAll((els) => els.map((e) => e.getAttribute('data-library-article')!))
  const copy = ids.find((id) => id.startsWith('meridian-wire-reprint'))!
  expect(copy).toBeTruthy()

  await page.getByRole('tab', { name: 'Pair' }).click()
  // Wait for the 12-article analysis: the Methods box is not here, so use the pickers' options.
  await expect(page.getByLabel('First').locator('option')).toHaveCount(12, { timeout: 30_000 })
  await page.getByLabel('First').selectOption('jerusalem-ledger')
  await page.getByLabel('Second').selectOption(copy)
  await expect(page.locator('[data-pair]')).toHaveAttribute('data-pair', `jerusalem-ledger|${copy}`)
  await expect(page.locator('.badge.on-demand')).toHaveText('aligned on demand', { timeout: 30_000 })
  const rows = page.locator('[data-passage-row]')
  expect(await rows.count()).toBeGreaterThan(0)
  await expect(rows.first().locator('.pair-diff .inline-diff')).toBeVisible()
  for (const id of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-passage-row')!))) {
    expect(id).toMatch(new RegExp(`^(jerusalem-ledger|${copy}):\\d+-\\d+~(jerusalem-ledger|${copy}):\\d+-\\d+$`))
  }
  await expect(page.getByText('No aligned passages')).toHaveCount(0)

  // The overview's methods box lists the pair.
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(page.locator('[data-align-scope]')).toHaveAttribute('data-align-scope', 'base')
  await expect(page.locator('[data-on-demand-pairs]')).toContainText('~')
  expect(problems).toEqual([])
})
