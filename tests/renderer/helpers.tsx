// Shared fixtures for renderer component tests: the real sample study, the real engine (run on
// the test thread through the same runner contract the worker uses), fixed-size rendering.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ReactNode } from 'react'
import { expect } from 'vitest'
import { render, waitFor, type RenderResult } from '@testing-library/react'
import type { Analysis, Study } from '@shared/model'
import { parseStudyText } from '../../renderer/src/state/studyIO'
import { AppStateProvider, type ViewId } from '../../renderer/src/state/AppState'
import { ExplainProvider } from '../../renderer/src/components/text/explain'
import { createInlineRunner } from '../../renderer/src/workers/analysisClient'
import { runAnalysis } from '../../renderer/src/workers/runAnalysis'
import { studyArticles } from '../../renderer/src/state/AppState'
import { rework } from '../shared/helpers/twelveArticles'

export function sampleStudy(): Study {
  const text = readFileSync(resolve(import.meta.dirname, '../../samples/baku-tel-aviv/baku-tel-aviv.parallax.json'), 'utf8')
  const r = parseStudyText(text, 'sample')
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

let cached: Analysis | null = null
export function sampleAnalysis(): Analysis {
  if (!cached) {
    const s = sampleStudy()
    cached = runAnalysis({ articles: studyArticles(s), base: s.base, corrections: s.corrections, codebook: s.codebook }, () => {})
  }
  return cached
}

export function renderWithStudy(ui: ReactNode, study: Study = sampleStudy(), view: ViewId = 'compare'): RenderResult {
  return render(
    <AppStateProvider initial={study} runner={createInlineRunner()} initialView={view}>
      <ExplainProvider>{ui}</ExplainProvider>
    </AppStateProvider>
  )
}

/** Waits until the engine's result is on screen (at least one highlight rendered). */
export async function waitForAnalysis(container: HTMLElement): Promise<void> {
  await waitFor(() => expect(container.querySelector('[data-flag-category]')).not.toBeNull(), { timeout: 20_000 })
}

/**
 * The sample study plus a reworked copy of each article (other id and outlet, paragraphs in
 * reverse order, last paragraph dropped): 12 articles, above the composer's all-pairs limit, so
 * the analysis aligns only base pairs (alignScope 'base').
 */
export function largeStudy(): Study {
  const s = sampleStudy()
  return { ...s, title: 'Twelve articles', articles: [...s.articles, ...s.articles.map(rework)] }
}
