// The export dialog with a recording platform: every export is the shared serializer's output
// for the on-screen analysis; the worksheet's blind mode hides outlet names.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { ok } from '@shared/util/result'
import { renderWorksheet } from '@shared/pipeline/06-report/serializers/worksheet'
import { selectReportLinks } from '@shared/pipeline/06-report/serializers/html'
import type { ExportRequest } from '../../../../renderer/src/platform'
import { setPlatform } from '../../../../renderer/src/platform'
import { createWebPlatform } from '../../../../renderer/src/platform/web'
import { ExportDialog, CSV_NAMES } from '../../../../renderer/src/features/export/ExportMenu'
import { analysisForExport } from '../../../../renderer/src/features/export/exportAnalysis'
import { largeStudy, renderWithStudy, sampleAnalysis, sampleStudy } from '../../helpers'

afterEach(() => {
  cleanup()
  setPlatform(null)
})

function recording(out: ExportRequest[]): void {
  setPlatform({
    ...createWebPlatform(),
    exportFile: async (req) => {
      out.push(req)
      return ok(req.suggestedName)
    }
  })
}

async function ready(): Promise<void> {
  await waitFor(() => expect((screen.getByRole('button', { name: 'HTML report' }) as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 })
}

describe('ExportDialog', { timeout: 40_000 }, () => {
  it('lists every export with a description', async () => {
    renderWithStudy(<ExportDialog onClose={() => {}} />)
    const dialog = screen.getByRole('dialog', { name: 'Export' })
    for (const h of ['Study file', 'HTML report', 'PDF', 'Classroom worksheet', 'JSON', 'CSV tables']) expect(dialog.textContent).toContain(h)
    for (const f of CSV_NAMES) expect(dialog.textContent).toContain(f)
  })

  it('blind worksheet = renderWorksheet(analysis, {blindSources: true}); outlet names are gone', async () => {
    const out: ExportRequest[] = []
    recording(out)
    const study = sampleStudy()
    renderWithStudy(<ExportDialog onClose={() => {}} />, study)
    await ready()
    fireEvent.click(screen.getByLabelText(/Blind sources/))
    fireEvent.click(screen.getByRole('button', { name: 'Worksheet' }))
    await waitFor(() => expect(out).toHaveLength(1))
    const a = analysisForExport(sampleAnalysis(), study)
    expect(out[0]!.suggestedName).toMatch(/-worksheet-blind\.html$/)
    expect(out[0]!.data).toBe(renderWorksheet(a, { blindSources: true, answerKey: false, title: study.title }))
    const outlet = study.articles.find((x) => x.id !== study.base)!.meta.outlet
    expect(outlet.length).toBeGreaterThan(3)
    expect(out[0]!.data).not.toContain(outlet)
    // Sighted answer key names the outlets and carries the highlights.
    fireEvent.click(screen.getByLabelText(/Blind sources/))
    fireEvent.click(screen.getByRole('button', { name: 'Answer key' }))
    await waitFor(() => expect(out).toHaveLength(2))
    expect(out[1]!.data).toContain(outlet)
    expect(out[1]!.data).toContain('data-flag-category')
  })

  it('one button exports all five CSV files', async () => {
    const out: ExportRequest[] = []
    recording(out)
    renderWithStudy(<ExportDialog onClose={() => {}} />)
    await ready()
    fireEvent.click(screen.getByRole('button', { name: 'All 5 CSV files' }))
    await waitFor(() => expect(out).toHaveLength(5), { timeout: 5000 })
    expect(out.map((r) => r.suggestedName.replace(/^.*?-(?=[a-z]+\.csv$)/, ''))).toEqual([...CSV_NAMES])
    expect(out[0]!.data.split('\n')[0]).toContain('category')
  })
})

describe('ExportDialog: aligned passages in the HTML report', { timeout: 40_000 }, () => {
  const rows = (html: string): number => (html.match(/<tr data-link-id=/g) ?? []).length

  it('"with differences only" is the default; "all" lists every aligned pair', async () => {
    const out: ExportRequest[] = []
    recording(out)
    const study = sampleStudy()
    renderWithStudy(<ExportDialog onClose={() => {}} />, study)
    await ready()
    expect((screen.getByLabelText('with differences only') as HTMLInputElement).checked).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'HTML report' }))
    await waitFor(() => expect(out).toHaveLength(1))
    fireEvent.click(screen.getByLabelText('all'))
    fireEvent.click(screen.getByRole('button', { name: 'HTML report' }))
    await waitFor(() => expect(out).toHaveLength(2))
    const a = analysisForExport(sampleAnalysis(), study)
    const sel = selectReportLinks(a, { passages: 'changes' })
    expect(rows(out[0]!.data)).toBe(sel.kept.length)
    expect(rows(out[1]!.data)).toBe(a.alignment.links.length)
    // The sample has aligned pairs without classified changes, so the default leaves some out.
    expect(sel.omittedUnchanged).toBeGreaterThan(0)
    expect(out[0]!.data).toContain(`data-omitted="${sel.omittedUnchanged}"`)
    expect(out[1]!.data).not.toContain('data-omitted=')
  })
})

describe('ExportDialog: corrections in the HTML report', { timeout: 40_000 }, () => {
  it("the report's Methods states the study's hand corrections (it said 'not recorded' when the app left them out)", async () => {
    const out: ExportRequest[] = []
    recording(out)
    renderWithStudy(<ExportDialog onClose={() => {}} />, { ...sampleStudy(), corrections: [] })
    await ready()
    fireEvent.click(screen.getByRole('button', { name: 'HTML report' }))
    await waitFor(() => expect(out).toHaveLength(1))
    expect(out[0]!.data).toContain('Alignment corrected by hand: none')
    expect(out[0]!.data).not.toContain('not recorded in this report')
  })
})

describe('ExportDialog: corrections in the JSON methods', { timeout: 60_000 }, () => {
  it('a correction between two non-base articles of a base-only analysis is marked pairNotAligned, not stale', async () => {
    const out: ExportRequest[] = []
    recording(out)
    const big = largeStudy()
    const [x, y] = big.articles.filter((a) => a.id !== big.base)
    const study = {
      ...big,
      // An unlink of a link between two non-base articles: that pair is only aligned in the Pair view.
      corrections: [{ kind: 'unlink' as const, linkId: `${x!.id}:0-1~${y!.id}:0-1`, at: '2026-01-01T00:00:00Z' }]
    }
    renderWithStudy(<ExportDialog onClose={() => {}} />, study)
    await waitFor(() => expect((screen.getByRole('button', { name: 'JSON (everything)' }) as HTMLButtonElement).disabled).toBe(false), { timeout: 40_000 })
    fireEvent.click(screen.getByRole('button', { name: 'JSON (everything)' }))
    await waitFor(() => expect(out).toHaveLength(1), { timeout: 10_000 })
    const methods = JSON.parse(out[0]!.data).methods
    expect(methods.alignScope).toBe('base')
    expect(methods.skippedCorrections).toMatchObject([{ index: 0, kind: 'unlink', pairNotAligned: true }])
  })
})
