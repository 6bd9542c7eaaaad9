// End-to-end flows of the comparison workspace in the web twin (dist-web served at :4174):
// load the sample study, toggle layers, explanations, review, annotate, correct the alignment.
import { test, expect, type Page, type ConsoleMessage, type Download } from '@playwright/test'

function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  return problems
}

async function openSample(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await expect(page.locator('[data-passage-row]').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('[data-flag-category]').first()).toBeVisible()
}

test('the sample study opens with aligned passages and highlights', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  const ids = await page.locator('[role="columnheader"][data-article-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')))
  expect(ids.length).toBeGreaterThanOrEqual(5)
  expect(ids[0]).toBe('baku-tel-aviv-ties')
  // Rows hold passages of several articles; some are marked as present in one article only.
  expect(await page.locator('[data-passage-row]').count()).toBeGreaterThan(2)
  expect(await page.locator('[data-passage-row] [data-article-id="baku-tel-aviv-ties"] [data-flag-category]').count()).toBeGreaterThan(0)
  await expect(page.getByText(/Only in this article|Only in the base|Not in the base/).first()).toBeVisible()
  // Highlights carry category + rule hooks and are keyboard-focusable.
  const mark = page.locator('[data-flag-category]').first()
  expect(await mark.getAttribute('data-flag-rule')).toBeTruthy()
  expect(await mark.getAttribute('tabindex')).toBe('0')
  expect(problems).toEqual([])
})

test('a reordered passage jumps to its neighbour’s row, scrolling far rows into view', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  // Of the jump buttons on screen, take the one whose target row is furthest from its own row,
  // so the virtualised list has to scroll and render that row.
  const buttons = page.locator('[data-moved-position] button')
  await expect(buttons.first()).toBeVisible()
  const jumps = await buttons.evaluateAll((els) =>
    els.map((b, i) => ({
      i,
      from: Number(b.closest('[data-passage-row]')!.getAttribute('data-passage-row')),
      to: Number(/row (\d+)/.exec(b.getAttribute('aria-label')!)![1]) - 1,
      article: b.closest('[data-article-id]')!.getAttribute('data-article-id')!
    }))
  )
  const far = jumps.reduce((x, y) => (Math.abs(y.to - y.from) > Math.abs(x.to - x.from) ? y : x))
  await buttons.nth(far.i).click()
  const cell = page.locator(`[data-passage-row="${far.to}"] .cell[data-article-id="${far.article}"]`)
  await expect(cell).toBeInViewport()
  await expect(cell).toBeFocused()
  await expect(cell).toHaveClass(/flash/)
  expect(problems).toEqual([])
})

test('layer toggles hide and show highlight categories', async ({ page }) => {
  await openSample(page)
  const naming = page.locator('[data-flag-category="contested-naming"]')
  await expect(naming.first()).toBeVisible()
  const toggle = page.getByRole('switch', { name: /Contested naming/ })
  await expect(toggle).toHaveAttribute('aria-checked', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-checked', 'false')
  await expect(naming).toHaveCount(0)
  // Keyboard shortcut 2 toggles it back.
  await page.locator('body').press('2')
  await expect(naming.first()).toBeVisible()
  // Sentiment layer adds per-sentence scores.
  await expect(page.locator('.senti-badge')).toHaveCount(0)
  await page.getByRole('switch', { name: /Sentiment/ }).click()
  await expect(page.locator('.senti-badge').first()).toBeVisible()
})

test('hovering or focusing a highlight shows its explanation as a tooltip', async ({ page }) => {
  await openSample(page)
  const mark = page.locator('[data-passage-row] [data-flag-category]').first()
  const category = await mark.getAttribute('data-flag-category')
  const rule = (await mark.getAttribute('data-flag-rule'))!
  await mark.hover()
  const tip = page.getByRole('tooltip')
  await expect(tip).toBeVisible()
  await expect(tip).toContainText(rule)
  await expect(tip).toContainText(/Confidence/)
  await expect(tip).toContainText(/own voice|Quoted/)
  expect(await mark.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'))
  await page.mouse.move(5, 5)
  await expect(tip).toHaveCount(0)
  // Keyboard: F moves focus to the first highlight, which opens its tooltip.
  await page.locator('body').press('f')
  await expect(page.getByRole('tooltip')).toBeVisible()
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-flag-category'))
  expect(focused).toBe(category)
})

test('review a flag: accept from the passage panel, then undo', async ({ page }) => {
  await openSample(page)
  const mark = page.locator('[data-passage-row] [data-flag-category]').first()
  const flagId = (await mark.getAttribute('data-flag-id'))!
  await mark.click()
  const drawer = page.getByRole('complementary', { name: 'Passage details' })
  await expect(drawer).toBeVisible()
  await drawer.getByRole('button', { name: /Accept/ }).first().click()
  await expect(page.locator(`mark[data-flag-id="${flagId}"]`).first()).toHaveClass(/accepted/)
  await page.getByRole('tab', { name: 'Review' }).click()
  await page.getByLabel('Status').selectOption('accepted')
  await expect(page.locator('[data-review-flag]')).toHaveCount(1)
  await expect(page.locator(`[data-review-flag="${flagId}"]`)).toHaveClass(/accepted/)
  await page.getByLabel('Status').selectOption('all')
  // Reject another flag in the Review table.
  const row = page.locator('[data-review-flag]:not(.accepted)').first()
  const rowId = (await row.getAttribute('data-review-flag'))!
  await row.getByRole('button', { name: /Reject/ }).click()
  const same = page.locator(`[data-review-flag="${rowId}"]`)
  await expect(same).toHaveClass(/rejected/)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(same).not.toHaveClass(/rejected/)
  await page.getByLabel('Status').selectOption('accepted')
  await expect(page.locator(`[data-review-flag="${flagId}"]`)).toHaveClass(/accepted/)
})

test('annotate a text selection with a category and a note', async ({ page }) => {
  await openSample(page)
  // Select the first word-run of a base passage (a plain span carrying its article offset).
  const selected = await page.evaluate(() => {
    const span = document.querySelector('[data-passage-row] .cell.base span[data-o]:not(.q)') as HTMLElement
    const node = span.firstChild as Text
    const range = document.createRange()
    range.setStart(node, 0)
    range.setEnd(node, Math.min(12, node.length))
    const sel = window.getSelection()!
    sel.removeAllRanges()
    sel.addRange(range)
    span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    return range.toString()
  })
  await page.getByRole('button', { name: /Annotate selection/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Annotate selection' })
  await expect(dialog).toContainText(selected.trim())
  await dialog.getByLabel('Category').selectOption('labeling')
  await dialog.getByLabel('Note').fill('frames the embassy as a threat')
  await dialog.getByRole('button', { name: 'Save annotation' }).click()
  const ann = page.locator('mark[data-flag-rule="user"]')
  await expect(ann.first()).toBeVisible()
  await expect(ann.first()).toHaveAttribute('data-flag-category', 'labeling')
  await ann.first().hover()
  await expect(page.getByRole('tooltip')).toContainText('frames the embassy as a threat')
  await page.getByRole('tab', { name: 'Review' }).click()
  await expect(page.locator('[data-annotation-id]')).toHaveCount(1)
})

test('correct the alignment: link two passages, unlink a machine link', async ({ page }) => {
  await openSample(page)
  await page.getByRole('tab', { name: 'Review' }).click()
  await page.getByLabel('Base sentence').selectOption({ index: 3 })
  await page.getByLabel('Other sentence').selectOption({ index: 2 })
  await page.getByRole('button', { name: 'Link these passages' }).click()
  await expect(page.locator('[data-correction="link"]')).toHaveCount(1)
  // The new link comes back from the engine as a user link.
  await expect(page.getByText(/1 link\(s\) made by you/)).toBeVisible({ timeout: 20_000 })
  await page.getByRole('tab', { name: 'Side by side' }).click()
  const linked = page.locator('[data-passage-row] .cell:not(.base):not(.absent):not(.blank):not(.only)').first()
  await linked.click()
  const drawer = page.getByRole('complementary', { name: 'Passage details' })
  await drawer.getByRole('button', { name: 'Unlink' }).first().click()
  await page.getByRole('tab', { name: 'Review' }).click()
  await expect(page.locator('[data-correction="unlink"]')).toHaveCount(1)
  // The toolbar's Undo (notices may mention "Undo" in their Dismiss buttons' names).
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(page.locator('[data-correction="unlink"]')).toHaveCount(0)
})

test('correct the alignment: merge two links and split one in the Pair view; study and JSON export follow', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  await page.getByRole('tab', { name: 'Pair' }).click()
  // The first other article whose pair lists two adjacent links (a "Merge with next" button).
  const second = page.getByLabel('Second')
  const options = await second.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))
  const mergeButtons = page.getByRole('button', { name: /^Merge passage pair \d+ with pair \d+$/ })
  const firstArticle = await page.getByLabel('First').inputValue()
  for (const value of options.filter((v) => v !== firstArticle)) {
    await second.selectOption(value)
    await expect(page.locator('[data-passage-row]').first()).toBeVisible()
    if ((await mergeButtons.count()) > 0) break
  }
  const merge = mergeButtons.first()
  await expect(merge).toBeVisible()
  const pairOf = await second.inputValue()
  const rows = page.locator('[data-passage-row]')
  const before = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-passage-row')!))
  const first = await merge.locator('xpath=ancestor::*[@data-passage-row][1]').getAttribute('data-passage-row')
  const next = before[before.indexOf(first!) + 1]!
  // The engine's id for the merged link: the union of each side's sentences.
  const side = (id: string, k: 0 | 1): [string, number, number] => {
    const m = /^(.+):(\d+)-(\d+)$/.exec(id.split('~')[k]!)!
    return [m[1]!, Number(m[2]), Number(m[3])]
  }
  const union = (k: 0 | 1): string => {
    const [art, s1, e1] = side(first!, k)
    const [, s2, e2] = side(next, k)
    return `${art}:${Math.min(s1, s2)}-${Math.max(e1, e2)}`
  }
  const mergedId = `${union(0)}~${union(1)}`
  // Keyboard: focus the button and press Enter.
  await merge.focus()
  await page.keyboard.press('Enter')
  const merged = page.locator(`[data-passage-row="${mergedId}"]`)
  await expect(merged).toBeVisible({ timeout: 20_000 })
  await expect(merged).toContainText('linked by you')
  await expect(rows).toHaveCount(before.length - 1)

  const grab = async (item: RegExp): Promise<string> => {
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    const dl = page.waitForEvent('download')
    await dialog.getByRole('button', { name: item }).click()
    const text = (await readDownload(await dl)).toString('utf8')
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    return text
  }
  type Exported = { links: { id: string; origin: string }[] }
  let study = JSON.parse(await grab(/Study file/)) as { corrections: { kind: string; linkIds?: string[]; linkId?: string; atA?: number; atB?: number }[] }
  expect(study.corrections).toEqual([expect.objectContaining({ kind: 'merge', linkIds: [first, next] })])
  let exported = JSON.parse(await grab(/JSON \(everything\)/)) as Exported
  expect(exported.links.find((l) => l.id === mergedId)?.origin).toBe('user')
  expect(exported.links.map((l) => l.id)).not.toContain(first)
  expect(exported.links.map((l) => l.id)).not.toContain(next)

  // Split the merged link at its first boundary on each side that spans several sentences.
  const selects = merged.getByRole('combobox', { name: /^Split point in / })
  const splitButton = merged.getByRole('button', { name: /^Split passage pair \d+$/ })
  await expect(splitButton).toBeDisabled()
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 })
  await splitButton.click()
  await expect(merged).toHaveCount(0, { timeout: 20_000 })
  await expect(rows).toHaveCount(before.length)
  study = JSON.parse(await grab(/Study file/))
  expect(study.corrections.map((c) => c.kind)).toEqual(['merge', 'split'])
  expect(study.corrections[1]).toMatchObject({ linkId: mergedId })
  exported = JSON.parse(await grab(/JSON \(everything\)/)) as Exported
  const ids = exported.links.map((l) => l.id)
  expect(ids).not.toContain(mergedId)
  // The halves are user links cut from the merged passage (both sides start/end inside it).
  const halves = exported.links.filter((l) => l.origin === 'user')
  expect(halves).toHaveLength(2)

  // Review lists both; undo removes the split and the merged link comes back.
  await page.getByRole('tab', { name: 'Review' }).click()
  await expect(page.locator('[data-correction="merge"]')).toHaveCount(1)
  await expect(page.locator('[data-correction="split"]')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(page.locator('[data-correction="split"]')).toHaveCount(0)
  await page.getByRole('tab', { name: 'Pair' }).click()
  await page.getByLabel('Second').selectOption(pairOf)
  await expect(page.locator(`[data-passage-row="${mergedId}"]`)).toBeVisible({ timeout: 20_000 })
  expect(problems).toEqual([])
})

test('library: edit metadata, change base, remove with undo', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  await page.getByRole('tab', { name: 'Library' }).click()
  const cards = page.locator('[data-library-article]')
  const n = await cards.count()
  expect(n).toBeGreaterThanOrEqual(5)
  const second = cards.nth(1)
  const id = (await second.getAttribute('data-library-article'))!
  await second.getByRole('button', { name: 'Edit metadata' }).click()
  await second.getByLabel('Outlet').fill('Renamed Outlet')
  await second.getByRole('button', { name: 'Save metadata' }).click()
  await expect(second).toContainText('Renamed Outlet')
  await second.getByRole('button', { name: 'Make base' }).click()
  await expect(second).toContainText('BASE')
  await page.getByRole('tab', { name: 'Side by side' }).click()
  await expect(page.locator('[role="columnheader"][data-article-id]').first()).toHaveAttribute('data-article-id', id, { timeout: 20_000 })
  await expect(page.locator('[role="columnheader"][data-article-id]').first()).toContainText('Renamed Outlet')
  await page.getByRole('tab', { name: 'Library' }).click()
  await cards.nth(2).getByRole('button', { name: 'Remove' }).click()
  await expect(cards).toHaveCount(n - 1)
  await page.keyboard.press('Control+z')
  await expect(cards).toHaveCount(n)
  expect(problems).toEqual([])
})

test('pair view and overview render engine output', async ({ page }) => {
  await openSample(page)
  await page.getByRole('tab', { name: 'Pair' }).click()
  await expect(page.locator('.pair-item').first()).toBeVisible()
  await expect(page.locator('.inline-diff').first()).toBeVisible()
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(page.getByTestId('metrics-table')).toBeVisible()
  expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(5)
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  expect(await page.getByTestId('naming-table').locator('tbody tr').count()).toBeGreaterThan(0)
})

test('adding files: good ones join the study, a bad one becomes a dismissible notice', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  await page.getByRole('tab', { name: 'Library' }).click()
  const before = await page.locator('[data-library-article]').count()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /Add articles/ }).click()
  await (await chooser).setFiles([
    { name: 'extra-report.txt', mimeType: 'text/plain', buffer: Buffer.from('Embassy opens in Tel Aviv\n\nAzerbaijan opened its embassy in Tel Aviv on Wednesday, officials said.\n\nIran criticised the move.') },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }
  ])
  await expect(page.locator('[data-library-article]')).toHaveCount(before + 1)
  const notice = page.getByRole('alert').filter({ hasText: 'empty.txt' })
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: /Dismiss/ }).click()
  await expect(notice).toHaveCount(0)
  await page.getByRole('tab', { name: 'Side by side' }).click()
  await expect(page.locator('[role="columnheader"][data-article-id="extra-report"]')).toBeVisible({ timeout: 20_000 })
  expect(problems).toEqual([])
})

test('export dialog downloads the study, the HTML report and a CSV table', async ({ page }) => {
  await openSample(page)
  const grab = async (item: RegExp): Promise<{ name: string; text: string }> => {
    const dialog = page.getByRole('dialog', { name: 'Export' })
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export…' }).click()
    const dl = page.waitForEvent('download')
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: item }).click()
    const d = await dl
    const stream = await d.createReadStream()
    const chunks: Buffer[] = []
    for await (const c of stream) chunks.push(c as Buffer)
    return { name: d.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') }
  }
  const study = await grab(/Study file/)
  expect(study.name).toMatch(/\.parallax\.json$/)
  expect(JSON.parse(study.text).format).toBe('parallax-study')
  const html = await grab(/HTML report/)
  expect(html.text).toMatch(/^<!doctype html>/i)
  expect(html.text).toContain('data-flag-category')
  const csv = await grab(/^flags\.csv$/)
  expect(csv.text.split('\n')[0]).toContain('category')
})

test('export dialog: blind worksheet hides outlet names; all five CSV files download', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel(/Blind sources/).check()
  const dl = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Worksheet' }).click()
  const ws = await dl
  expect(ws.suggestedFilename()).toMatch(/worksheet-blind\.html$/)
  const text = (await readDownload(ws)).toString('utf8')
  expect(text).toContain('Article B')
  expect(text).not.toContain('Caspian State Wire')
  const names: string[] = []
  page.on('download', (d) => names.push(d.suggestedFilename()))
  await dialog.getByRole('button', { name: 'All 5 CSV files' }).click()
  await expect.poll(() => names.length, { timeout: 10_000 }).toBe(5)
  expect(names.map((n) => n.replace(/^.*-(?=[a-z]+\.csv$)/, '')).sort()).toEqual(['flags.csv', 'links.csv', 'metrics.csv', 'naming.csv', 'sentences.csv'])
  expect(problems).toEqual([])
})

async function readDownload(d: Download): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of await d.createReadStream()) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

test('codebook: import a CSV, its term is flagged with rule codebook:<term>, Methods names it', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  await page.getByRole('tab', { name: 'Codebook' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import CSV/JSON…' }).click()
  await (await chooser).setFiles({ name: 'class-terms.csv', mimeType: 'text/csv', buffer: Buffer.from('term,category,note\nembassy,loaded,Our class marks this word\n') })
  await expect(page.locator('[data-codebook-term="embassy"]')).toBeVisible()
  await expect(page.locator('[data-methods] [data-codebook-name="class-terms"]')).toBeVisible({ timeout: 20_000 })
  await page.getByRole('tab', { name: 'Side by side' }).click()
  const mark = page.locator('[data-flag-rule="codebook:embassy"]').first()
  await expect(mark).toBeVisible({ timeout: 20_000 })
  await mark.hover()
  await expect(page.getByRole('tooltip')).toContainText('Our class marks this word')
  // Undo removes the codebook and, after re-analysis, its flags.
  await page.getByRole('button', { name: /Undo/ }).first().click()
  await expect(page.locator('[data-flag-rule="codebook:embassy"]')).toHaveCount(0, { timeout: 20_000 })
  expect(problems).toEqual([])
})

test('pair view compares two non-base articles with word diffs', async ({ page }) => {
  await openSample(page)
  await page.getByRole('tab', { name: 'Pair' }).click()
  const ids = await page.getByLabel('First').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  await page.getByLabel('First').selectOption(ids[1]!)
  await page.getByLabel('Second').selectOption(ids[2]!)
  await expect(page.locator(`[data-pair="${ids[1]}|${ids[2]}"]`)).toBeVisible()
  await expect(page.locator('.pair-item[data-passage-row]').first()).toBeVisible()
  await expect(page.locator('.pair-diff .inline-diff').first()).toBeVisible()
  await expect(page.getByText(/computed between the base/)).toHaveCount(0)
})

test('recovery: an autosave is offered, not restored silently; Discard opens the sample', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await expect(page.locator('[data-passage-row]').first()).toBeVisible({ timeout: 30_000 })
  // Make a change so the app autosaves, then reload as if after a crash.
  await page.getByRole('tab', { name: 'Library' }).click()
  const title = page.getByLabel('Study title')
  await title.fill('Crash test study')
  await title.blur()
  await expect.poll(() => page.evaluate(() => localStorage.getItem('parallax.autosave.v1')), { timeout: 10_000 }).toContain('Crash test study')
  await page.reload()
  const prompt = page.getByRole('dialog', { name: 'Unsaved work found' })
  await expect(prompt).toContainText('Crash test study')
  await expect(page.getByRole('button', { name: 'Discard and open the sample study' })).toBeVisible()
  await page.getByRole('button', { name: /^Restore unsaved work from / }).click()
  await page.getByRole('tab', { name: 'Library' }).click()
  await expect(page.getByLabel('Study title')).toHaveValue('Crash test study')
  await page.reload()
  await page.getByRole('button', { name: 'Discard and open the sample study' }).click()
  await expect(page.locator('[data-passage-row]').first()).toBeVisible({ timeout: 30_000 })
  expect(await page.evaluate(() => localStorage.getItem('parallax.autosave.v1'))).toBeNull()
})

test('opening a corrupt, foreign or newer study shows the engine message and keeps the current study', async ({ page }) => {
  await openSample(page)
  const cases: [string, string, RegExp][] = [
    ['cut.parallax.json', '{"format":"parallax-study","schemaVersion":1,"tit', /cut\.parallax\.json: the study file is truncated/],
    ['other.json', '{"hello":"world"}', /other\.json: this is not a Parallax study/],
    ['future.parallax.json', JSON.stringify({ format: 'parallax-study', schemaVersion: 99 }), /future\.parallax\.json: .*(newer|99)/]
  ]
  for (const [name, text, msg] of cases) {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
    const alert = page.getByRole('alert').filter({ hasText: msg })
    await expect(alert).toBeVisible()
    await alert.getByRole('button', { name: /Dismiss/ }).click()
  }
  await page.getByRole('tab', { name: 'Side by side' }).click()
  await expect(page.locator('[role="columnheader"][data-article-id="baku-tel-aviv-ties"]')).toBeVisible()
})

test('web PDF: the report is printed from a frame of the page’s own origin (no CSP block, no error)', async ({ page }) => {
  const problems = watchConsole(page)
  await openSample(page)
  await page.getByRole('button', { name: 'Export…' }).click()
  await page.locator('[data-export="pdf"]').click()
  await expect(page.getByRole('status').filter({ hasText: 'print dialog opened' })).toBeVisible({ timeout: 20_000 })
  // The frame holds the report and the page can reach it (a blob: frame was blocked by the CSP
  // and left a cross-origin error page whose print() threw).
  const heading = await page.locator('iframe[data-print-frame]').evaluate((f: HTMLIFrameElement) => f.contentDocument?.querySelector('h1')?.textContent ?? null)
  expect(heading).toContain('embassy in Israel')
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(problems).toEqual([])
})
