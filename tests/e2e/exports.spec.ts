// Exports in a real browser with JavaScript DISABLED: the HTML report and the worksheet must
// show their highlights, explanations and charts without any script. Built from the real
// pipeline on the shipped samples; screenshots go to test-results/ for a human to look at.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Analysis, Article, ArticleMeta } from '../../shared/model'
import { ingestText } from '../../shared/pipeline/01-ingest/ingest'
import { analyze } from '../../shared/pipeline/analyze'
import { renderHtmlReport } from '../../shared/pipeline/06-report/serializers/html'
import { renderWorksheet } from '../../shared/pipeline/06-report/serializers/worksheet'
import { htmlToPdf } from '../../cli/pdf'

const SAMPLES = 'samples/baku-tel-aviv'
const OUT = 'test-results/exports'
const BASE = 'baku-tel-aviv-ties'

function loadSamples(): Article[] {
  const names = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort((a, b) => (a === BASE ? -1 : b === BASE ? 1 : a.localeCompare(b)))
  return names.map((n) => {
    const metaPath = join(SAMPLES, `${n}.meta.json`)
    const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as Partial<ArticleMeta>) : {}
    const r = ingestText(readFileSync(join(SAMPLES, `${n}.txt`), 'utf8'), meta, { name: `${n}.txt` })
    if (!r.ok) throw new Error(`${n}: ${r.error.message}`)
    return { ...r.value, id: n }
  })
}

let analysis: Analysis
const files: Record<string, string> = {}

test.beforeAll(() => {
  analysis = analyze({ articles: loadSamples(), base: BASE })
  mkdirSync(OUT, { recursive: true })
  const docs = {
    report: renderHtmlReport(analysis, { generatedAt: '2024-05-01T10:00:00Z', linkThreshold: 0.3 }),
    'report-all': renderHtmlReport(analysis, { generatedAt: '2024-05-01T10:00:00Z', linkThreshold: 0.3, passages: 'all' }),
    'report-blind': renderHtmlReport(analysis, { generatedAt: '2024-05-01T10:00:00Z', blindSources: true }),
    worksheet: renderWorksheet(analysis, { blindSources: true, answerKey: false, generatedAt: '2024-05-01T10:00:00Z' }),
    'answer-key': renderWorksheet(analysis, { blindSources: true, answerKey: true, generatedAt: '2024-05-01T10:00:00Z' })
  }
  for (const [k, html] of Object.entries(docs)) {
    files[k] = join(OUT, `${k}.html`)
    writeFileSync(files[k]!, html)
  }
})

async function openNoJs(browser: Browser, file: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  // Any request other than the file itself would mean the export is not self-contained.
  const requests: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) requests.push(r.url())
  })
  await page.goto(pathToFileURL(file).href)
  return {
    page,
    close: async (): Promise<void> => {
      expect(requests).toEqual([])
      await context.close()
    }
  }
}

test('HTML report: highlights, explanations and charts render with JavaScript off', async ({ browser }) => {
  const { page, close } = await openNoJs(browser, files['report']!)
  const totalFlags = analysis.language.reduce((n, l) => n + l.flags.length, 0)
  expect(totalFlags).toBeGreaterThan(10)
  // Every flag has at least one visible mark with its category and rule.
  const marks = page.locator('mark.flag')
  const markedIds = new Set(await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-flag-id'))))
  for (const l of analysis.language) for (const f of l.flags) expect(markedIds.has(f.id), f.id).toBe(true)
  await expect(marks.first()).toBeVisible()
  const box = await marks.first().boundingBox()
  expect(box!.width).toBeGreaterThan(0)
  // Highlights are tinted (computed style applies without script).
  const bg = await marks.first().evaluate((e) => getComputedStyle(e).backgroundColor)
  expect(bg).not.toBe('rgba(0, 0, 0, 0)')
  // Explanations: every flag has a visible note (flags that would print the same note share one).
  const notes = page.locator('ol.notes li')
  const noted = new Set(
    (await notes.evaluateAll((els) => els.flatMap((e) => [e.getAttribute('data-note-for') ?? '', ...(e.getAttribute('data-note-also') ?? '').split(' ')])))
  )
  for (const l of analysis.language) for (const f of l.flags) expect(noted.has(f.id), f.id).toBe(true)
  expect(await notes.count()).toBeLessThanOrEqual(totalFlags)
  await expect(notes.first()).toBeVisible()
  const firstFlag = analysis.language.find((l) => l.flags.length > 0)!.flags[0]!
  await expect(page.locator(`li[data-note-for="${firstFlag.id}"]`)).toContainText(firstFlag.explanation.slice(0, 40))
  // Charts: inline SVG with non-zero size.
  for (const chart of ['flags', 'sentiment', 'alignment']) {
    const svg = page.locator(`svg[data-chart="${chart}"]`).first()
    await expect(svg).toBeVisible()
    const b = await svg.boundingBox()
    expect(b!.width, chart).toBeGreaterThan(100)
    expect(b!.height, chart).toBeGreaterThan(50)
  }
  expect(await page.locator('svg[data-chart="alignment"] polygon').count()).toBeGreaterThan(0)
  // Aligned passages with word diffs.
  expect(await page.locator('table.aligned del').count()).toBeGreaterThan(0)
  expect(await page.locator('table.aligned ins').count()).toBeGreaterThan(0)
  await page.screenshot({ path: join(OUT, 'report-full.png'), fullPage: true })
  await page.locator('#articles').screenshot({ path: join(OUT, 'report-articles.png') })
  await page.locator('#overview').screenshot({ path: join(OUT, 'report-overview.png') })
  await close()
})

test('HTML report in blind mode shows no outlet or author name', async ({ browser }) => {
  const { page, close } = await openNoJs(browser, files['report-blind']!)
  const text = await page.locator('body').innerText()
  for (const a of analysis.articles) {
    for (const n of [a.meta.outlet, a.meta.author].filter((s) => s.trim().length >= 3)) expect(text, n).not.toContain(n)
  }
  await expect(page.locator('#articles h3').first()).toContainText('Article A')
  await close()
})

test('worksheet: no highlights, questions with ruled space; answer key: highlights and model answers', async ({ browser }) => {
  const ws = await openNoJs(browser, files['worksheet']!)
  expect(await ws.page.locator('mark').count()).toBe(0)
  const qs = ws.page.locator('li.q')
  expect(await qs.count()).toBeGreaterThanOrEqual(5)
  await expect(qs.first().locator('.line').first()).toBeVisible()
  const text = await ws.page.locator('body').innerText()
  for (const a of analysis.articles) if (a.meta.outlet) expect(text, a.meta.outlet).not.toContain(a.meta.outlet)
  await ws.page.screenshot({ path: join(OUT, 'worksheet-full.png'), fullPage: true })
  await ws.close()

  const key = await openNoJs(browser, files['answer-key']!)
  expect(await key.page.locator('mark.flag').count()).toBeGreaterThan(10)
  const answers = key.page.locator('[data-answer]')
  expect(await answers.count()).toBeGreaterThanOrEqual(5)
  await expect(answers.first()).toBeVisible()
  await key.page.screenshot({ path: join(OUT, 'answer-key-full.png'), fullPage: true })
  await key.close()
})

test('PDF of the report via headless Chromium', async () => {
  const out = join(OUT, 'report.pdf')
  const r = await htmlToPdf(readFileSync(files['report']!, 'utf8'), out)
  expect(r).toEqual({ ok: true, value: undefined })
  expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // Render page 1 for a human to look at, when poppler is installed.
  try {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', out, join(OUT, 'report-pdf')])
  } catch {
    // pdftoppm missing: the %PDF check above still holds.
  }
  const missing = await htmlToPdf('<p>x</p>', join(OUT, 'never.pdf'), { chromium: null })
  expect(missing.ok).toBe(false)
  if (!missing.ok) expect(missing.error.code).toBe('NOT_AVAILABLE')
  expect(existsSync(join(OUT, 'never.pdf'))).toBe(false)
})

test('aligned passages: the default report lists only pairs with differences and prints to fewer pages than "all"', async ({ browser }) => {
  const pages: Record<string, number> = {}
  for (const k of ['report', 'report-all']) {
    const { page, close } = await openNoJs(browser, files[k]!)
    const rows = await page.locator('table.aligned tr[data-link-id]').count()
    if (k === 'report') {
      // The omission sentence is visible and its count matches the rows left out.
      const note = page.locator('#aligned p.omitted')
      await expect(note).toBeVisible()
      await expect(note).toContainText('--passages all')
      expect(Number(await note.getAttribute('data-omitted'))).toBe(analysis.alignment.links.length - rows)
      // Pairs of two non-base articles are collapsed to their summary line (rows stay in the
      // file; a click opens them, no script needed); pairs with the base are open.
      const closed = page.locator('details.pair-group:not([open])')
      expect(await closed.count()).toBeGreaterThan(0)
      const pairId = (await closed.first().getAttribute('data-pair'))!
      const group = page.locator(`details.pair-group[data-pair="${pairId}"]`)
      await expect(group.locator('table.aligned')).toBeHidden()
      await group.locator(':scope > summary').click()
      await expect(group.locator('table.aligned')).toBeVisible()
      for (const d of await page.locator('details.pair-group').all()) {
        const pair = (await d.getAttribute('data-pair'))!.split('|')
        if (pair.includes(BASE)) expect(await d.getAttribute('open'), pair.join(' ~ ')).not.toBeNull()
      }
    } else {
      expect(rows).toBe(analysis.alignment.links.length)
      expect(await page.locator('#aligned p.omitted').count()).toBe(0)
      expect(await page.locator('details.pair-group:not([open])').count()).toBe(0)
    }
    await page.screenshot({ path: join(OUT, `${k}-passages-full.png`), fullPage: true })
    await close()
    const pdf = join(OUT, `${k}.pdf`)
    const r = await htmlToPdf(readFileSync(files[k]!, 'utf8'), pdf)
    expect(r.ok).toBe(true)
    try {
      pages[k] = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])
    } catch {
      // poppler missing: count /Type /Page objects instead (Chromium writes one per page).
      pages[k] = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length
    }
  }
  writeFileSync(join(OUT, 'passages-pages.json'), JSON.stringify(pages))
  expect(pages['report']).toBeGreaterThan(0)
  expect(pages['report']!).toBeLessThan(pages['report-all']!)
})
