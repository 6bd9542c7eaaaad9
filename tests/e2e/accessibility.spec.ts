// Keyboard and screen-reader basics in the web twin: landmarks and headings, the Tab order from
// the toolbar into a column's highlights (with visible focus rings and the explanation tooltip),
// ARIA tabs with arrow keys, and dialogs that trap focus, close on Escape and return focus.
import { test, expect, type Page } from '@playwright/test'

async function openSample(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await expect(page.locator('[data-flag-category]').first()).toBeVisible({ timeout: 30_000 })
}

interface Focused {
  name: string
  tag: string
  role: string | null
  flag: string | null
  article: string | null
  outline: string
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const cs = getComputedStyle(el)
    return {
      name: el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40),
      tag: el.tagName,
      role: el.getAttribute('role'),
      flag: el.getAttribute('data-flag-category'),
      article: el.closest('[data-article-id]')?.getAttribute('data-article-id') ?? null,
      outline: `${cs.outlineStyle} ${cs.outlineWidth}`
    }
  })
}

test('landmarks and headings', async ({ page }) => {
  await openSample(page)
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Parallax' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Side by side' })).toHaveCount(1)
  await expect(page.getByRole('toolbar', { name: 'Commands' })).toBeVisible()
  await expect(page.getByRole('grid', { name: 'Articles side by side' })).toBeVisible()
})

test('Tab goes from the views through the toolbar and layers into the first column\'s highlights, with focus rings and tooltips', async ({ page }) => {
  await openSample(page)
  const base = await page.locator('[role="columnheader"][data-article-id]').first().getAttribute('data-article-id')
  await page.getByRole('tab', { name: 'Side by side' }).focus()
  const seen: Focused[] = []
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    seen.push(f)
    // Every stop shows a focus ring (keyboard focus → :focus-visible outline).
    expect(f.outline, `focus ring on ${f.tag} ${f.name}`).not.toMatch(/^none/)
    if (f.flag) break
  }
  const names = seen.map((f) => f.name)
  // One Tab stop for the whole tab list: the next stop is a command, not another view tab.
  expect(seen[0]!.role).not.toBe('tab')
  for (const n of ['Open…', 'Save', 'Export…', 'Smaller text', 'Larger text', 'Dark theme', 'Keyboard shortcuts', 'About']) expect(names).toContain(n)
  expect(seen.some((f) => f.role === 'switch' && /Loaded wording/.test(f.name))).toBe(true)
  expect(names.some((n) => /^Collapse /.test(n))).toBe(true)
  // The order is toolbar → layers → column headers → text.
  const about = names.indexOf('About')
  const firstSwitch = seen.findIndex((f) => f.role === 'switch')
  const firstCollapse = names.findIndex((n) => /^Collapse /.test(n))
  expect(about).toBeLessThan(firstSwitch)
  expect(firstSwitch).toBeLessThan(firstCollapse)
  const last = seen[seen.length - 1]!
  expect(last.flag).toBeTruthy()
  expect(last.article).toBe(base)
  const tip = page.getByRole('tooltip')
  await expect(tip).toBeVisible()
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'))).toBe(await tip.getAttribute('id'))
  // Further Tabs stay on highlights of the text, each announcing its tooltip.
  await page.keyboard.press('Tab')
  expect((await focused(page)).flag).toBeTruthy()
  await expect(page.getByRole('tooltip')).toBeVisible()
  // Escape hides the tooltip without moving focus.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('tooltip')).toHaveCount(0)
  expect((await focused(page)).flag).toBeTruthy()
})

test('view tabs follow the ARIA tabs pattern (arrows, Home, End)', async ({ page }) => {
  await openSample(page)
  await page.getByRole('tab', { name: 'Side by side' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Pair' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tab', { name: 'Pair' })).toBeFocused()
  await expect(page.getByRole('heading', { level: 2, name: 'Pair' })).toHaveCount(1)
  await page.keyboard.press('Home')
  await expect(page.getByRole('tab', { name: 'Library' })).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: 'Codebook' })).toHaveAttribute('aria-selected', 'true')
})

for (const [opener, title] of [
  ['Keyboard shortcuts', 'Keyboard shortcuts'],
  ['Export…', 'Export']
] as const) {
  test(`the ${title} dialog traps focus, closes on Escape and returns focus`, async ({ page }) => {
    await openSample(page)
    const button = page.getByRole('button', { name: opener, exact: true })
    await button.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: title })
    await expect(dialog).toBeVisible()
    const inside = (): Promise<boolean> => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))
    expect(await inside()).toBe(true)
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      expect(await inside()).toBe(true)
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab')
      expect(await inside()).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(button).toBeFocused()
  })
}

test('the text-size control reaches every view', async ({ page }) => {
  await openSample(page)
  const size = (sel: string): Promise<number> => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  const views: [string, string][] = [
    ['Side by side', '.cell-text'],
    ['Library', '.article-card'],
    ['Pair', 'main'],
    ['Overview', 'main'],
    ['Review', 'main'],
    ['Codebook', 'main']
  ]
  const before: number[] = []
  for (const [tab, sel] of views) {
    await page.getByRole('tab', { name: tab }).click()
    before.push(await size(sel))
  }
  await page.getByRole('button', { name: 'Larger text' }).click()
  await page.getByRole('button', { name: 'Larger text' }).click()
  for (const [i, [tab, sel]] of views.entries()) {
    await page.getByRole('tab', { name: tab }).click()
    expect(await size(sel), tab).toBeGreaterThan(before[i]!)
  }
  // Chart text (SVG) scales too.
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(page.locator('.recharts-cartesian-axis-tick-value').first()).toBeVisible({ timeout: 20_000 })
  expect(await size('.recharts-cartesian-axis-tick-value')).toBeGreaterThan(13)
})

test('closing the passage details from the keyboard returns focus to its row', async ({ page }) => {
  await openSample(page)
  const cell = page.locator('[data-passage-row] .cell.base').nth(1)
  const row = await cell.evaluate((e) => e.closest('[data-passage-row]')!.getAttribute('data-passage-row'))
  await cell.click()
  const drawer = page.getByRole('complementary', { name: 'Passage details' })
  await expect(drawer).toBeVisible()
  await drawer.getByRole('button', { name: 'Close passage details' }).focus()
  await page.keyboard.press('Enter')
  await expect(drawer).toHaveCount(0)
  // Focus returns in the next animation frame after the drawer unmounts, so poll for it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-passage-row]')?.getAttribute('data-passage-row'))).toBe(row)
  // Escape from inside the drawer does the same.
  await cell.click()
  await drawer.getByRole('button', { name: 'Close passage details' }).focus()
  await page.keyboard.press('Escape')
  await expect(drawer).toHaveCount(0)
  // Focus returns in the next animation frame after the drawer unmounts, so poll for it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-passage-row]')?.getAttribute('data-passage-row'))).toBe(row)
})
