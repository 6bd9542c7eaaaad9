// The codebook view with the real engine: import (real parser), add/remove by hand, export (real
// serialisers), and the re-analysis that turns entries into flags with rule codebook:<term>.
import { afterEach, describe, expect, it } from 'vitest'
import type { ReactNode } from 'react'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { ok } from '@shared/util/result'
import type { ExportRequest } from '../../../../renderer/src/platform'
import { setPlatform } from '../../../../renderer/src/platform'
import { createWebPlatform } from '../../../../renderer/src/platform/web'
import { CodebookView, mergeCodebooks } from '../../../../renderer/src/features/codebook/CodebookView'
import { Notices } from '../../../../renderer/src/components/Notices'
import { useApp } from '../../../../renderer/src/state/AppState'
import { renderWithStudy, sampleStudy } from '../../helpers'

afterEach(() => {
  cleanup()
  setPlatform(null)
})

function fakeFiles(file: { name: string; text: string }, exported: ExportRequest[]): void {
  setPlatform({
    ...createWebPlatform(),
    openTextFile: async () => ok(file),
    exportFile: async (req) => {
      exported.push(req)
      return ok(req.suggestedName)
    }
  })
}

/** Codebook flags of the current analysis, by rule. */
function Rules(): null {
  const { analysis } = useApp()
  const rules = (analysis?.language ?? []).flatMap((l) => l.flags.map((f) => f.rule)).filter((r) => r.startsWith('codebook:'))
  document.body.dataset['rules'] = [...new Set(rules)].sort().join('|')
  document.body.dataset['cb'] = analysis?.codebook?.name ?? ''
  return null
}

describe('mergeCodebooks', () => {
  it.each([
    [null, ['a'], ['a']],
    [['a', 'b'], ['B', 'c'], ['a', 'B', 'c']]
  ] as const)('%j + %j -> %j', (cur, inc, want) => {
    const cb = (terms: readonly string[] | null) => (terms ? { name: 'x', entries: terms.map((term) => ({ term, category: 'loaded' as const, note: '' })) } : null)
    expect(mergeCodebooks(cb(cur), cb(inc)!).entries.map((e) => e.term)).toEqual(want)
  })
})

/** Renders the codebook view with the notices area (and `extra`), then clicks Import. */
function importWithNotices(extra?: ReactNode): void {
  renderWithStudy(
    <>
      <Notices />
      <CodebookView />
      {extra}
    </>,
    sampleStudy(),
    'codebook'
  )
  fireEvent.click(screen.getByRole('button', { name: 'Import CSV/JSON…' }))
}

describe('CodebookView', () => {
  it('imports a CSV codebook; the re-analysis flags its terms with rule codebook:<term>', async () => {
    const exported: ExportRequest[] = []
    fakeFiles({ name: 'class-terms.csv', text: 'term,category,note\nembassy,loaded,"testing, a note"\nstrategic partnership,exaggeration,\n' }, exported)
    renderWithStudy(
      <>
        <CodebookView />
        <Rules />
      </>,
      sampleStudy(),
      'codebook'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Import CSV/JSON…' }))
    const table = await screen.findByRole('table', { name: 'Codebook class-terms' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    await waitFor(() => expect(document.body.dataset['rules']).toContain('codebook:embassy'), { timeout: 20_000 })
    expect(document.body.dataset['cb']).toBe('class-terms')
    // Methods box names the codebook and lexicon version that produced the flags.
    await waitFor(() => expect(screen.getByLabelText('Methods').textContent).toContain('class-terms (2 entries'))
    const row = table.querySelector('[data-codebook-term="embassy"]')!
    await waitFor(() => expect(Number(row.children[3]!.textContent)).toBeGreaterThan(0))

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }))
    await waitFor(() => expect(exported).toHaveLength(2))
    expect(exported[0]!.data).toBe('term,category,note\nembassy,loaded,"testing, a note"\nstrategic partnership,exaggeration,\n')
    expect(JSON.parse(exported[1]!.data)).toEqual({
      name: 'class-terms',
      entries: [
        { term: 'embassy', category: 'loaded', note: 'testing, a note' },
        { term: 'strategic partnership', category: 'exaggeration', note: '' }
      ]
    })
  })

  it('refuses a broken file with the engine message and keeps the codebook', async () => {
    fakeFiles({ name: 'bad.csv', text: 'term,category\nfoo,not-a-category\n' }, [])
    importWithNotices()
    expect((await screen.findByRole('alert')).textContent).toContain('bad.csv: line 2: unknown category "not-a-category"')
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByText(/No codebook entries yet/)).toBeTruthy()
  })

  it('imports the good rows of a file with 2 bad rows and lists both problems together', async () => {
    const exported: ExportRequest[] = []
    const text = 'term,category,note\nembassy,loaded,a\nfoo,not-a-category,\nstrategic partnership,exaggeration,\n,loaded,orphan note\n'
    fakeFiles({ name: 'class-terms.csv', text }, exported)
    importWithNotices(<Rules />)
    const table = await screen.findByRole('table', { name: 'Codebook class-terms' })
    expect([...table.querySelectorAll('[data-codebook-term]')].map((r) => r.getAttribute('data-codebook-term'))).toEqual(['embassy', 'strategic partnership'])
    // One list names every skipped row: line, field and reason.
    const report = screen.getByRole('region', { name: 'Codebook import problems' })
    expect(report.textContent).toContain('class-terms.csv: imported 2, skipped 2 rows.')
    const items = within(report).getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(/^line 3, category: unknown category "not-a-category" \(use one of: /)
    expect(items[1]).toBe('line 5, term: "term" is empty')
    expect(screen.getByRole('status').textContent).toContain('Imported 2 codebook entries from class-terms.csv; skipped 2 rows with problems')
    // The analysis (and so the study's record of which codebook made the flags) has only the good rows.
    await waitFor(() => expect(document.body.dataset['rules']).toContain('codebook:embassy'), { timeout: 20_000 })
    await waitFor(() => expect(screen.getByLabelText('Methods').textContent).toContain('class-terms (2 entries'))
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
    await waitFor(() => expect(exported).toHaveLength(1))
    expect(exported[0]!.data).toBe('term,category,note\nembassy,loaded,a\nstrategic partnership,exaggeration,\n')
    fireEvent.click(within(report).getByRole('button', { name: 'Dismiss the import problems' }))
    expect(screen.queryByRole('region', { name: 'Codebook import problems' })).toBeNull()
  })

  it('rejects a file whose every row is bad, naming the first problem and listing all', async () => {
    fakeFiles({ name: 'bad.json', text: '[{"term":"x","category":"nope"},{"term":"!!!","category":"loaded"}]' }, [])
    importWithNotices()
    expect((await screen.findByRole('alert')).textContent).toMatch(/bad\.json: entry 0 \("x"\): "category": .* \(and 1 more, listed in the codebook view\)/)
    const items = within(screen.getByRole('region', { name: 'Codebook import problems' })).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/^entry 0 \("x"\), category: /), 'entry 1 ("!!!"), term: "term" has no words'])
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('adds and removes entries by hand with the engine checks', async () => {
    renderWithStudy(<CodebookView />, sampleStudy(), 'codebook')
    const term = screen.getByLabelText('Term')
    fireEvent.change(term, { target: { value: '!!!' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/no words/)
    fireEvent.change(term, { target: { value: 'regime change' } })
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'labeling' } })
    fireEvent.change(screen.getByLabelText('Note (shown in the explanation)'), { target: { value: 'policy framing' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add entry' }))
    const row = await waitFor(() => {
      const r = document.querySelector('[data-codebook-term="regime change"]')
      expect(r).not.toBeNull()
      return r as HTMLElement
    })
    expect(row.textContent).toContain('Labelling')
    expect(row.textContent).toContain('policy framing')
    fireEvent.click(within(row).getByRole('button', { name: 'Remove regime change' }))
    expect(document.querySelector('[data-codebook-term="regime change"]')).toBeNull()
  })
})
