import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, screen } from '@testing-library/react'
import { OverviewView } from '../../../../renderer/src/features/overview/OverviewView'
import { renderWithStudy, sampleAnalysis, sampleStudy } from '../../helpers'

afterEach(cleanup)

describe('OverviewView', () => {
  it('shows engine metrics per outlet, charts and the naming table', async () => {
    const study = sampleStudy()
    const analysis = sampleAnalysis()
    const { container } = renderWithStudy(<OverviewView />, study, 'overview')
    const table = await screen.findByTestId('metrics-table', {}, { timeout: 20_000 })
    const rows = table.querySelectorAll('tbody tr')
    expect(rows).toHaveLength(study.articles.length)
    const base = table.querySelector(`tr[data-article-id="${study.base}"]`)!
    const m = analysis.metrics.find((x) => x.article === study.base)!
    expect(base.textContent).toContain(String(m.words))
    expect(base.textContent).toContain(`${Math.round(m.uniqueShare * 100)}%`)
    // Every derived column is defined under the table (a number quoted without its definition misleads).
    const help = container.querySelector('[data-metrics-help]')!.textContent!
    for (const th of [...table.querySelectorAll('thead th')].slice(2)) expect(help.toLowerCase()).toContain(th.textContent!.toLowerCase().replace(/ \(own voice\)$/, ''))
    expect(container.querySelectorAll('svg.recharts-surface').length).toBeGreaterThanOrEqual(4)
    const naming = screen.getByTestId('naming-table')
    expect(naming.querySelectorAll('tbody tr').length).toBe(new Set(analysis.naming.map((c) => c.actor)).size)
    // Rows are named by the naming classes' labels, not their ids.
    expect(naming.querySelector('th[data-actor="aliyev"]')!.textContent).toBe('Ilham Aliyev')
    expect(analysis.actorLabels?.['aliyev']).toBe('Ilham Aliyev')
    // An actor named inside another's name is listed apart, with that actor's label; inside a
    // hyphenated word that names no actor ('anti-Iranian'), with that word.
    const nested = [...naming.querySelectorAll('[data-naming-nested]')]
    expect(nested.length).toBeGreaterThan(0)
    for (const e of nested) expect(e.textContent).toMatch(/^(inside [A-Z][^:]*|in “[a-z]+(-[a-z]+)+”): “[^”]+” ×\d+$/)
    expect(nested.some((e) => e.textContent!.startsWith('inside '))).toBe(true)
  })
})
