// Shared steps of the commands: reading articles and running the composer with progress.
import type { Analysis, Article } from '../../shared/model'
import { analyze, type AnalyzeInput } from '../../shared/pipeline/analyze'
import { DEFAULT_LINK_THRESHOLD } from '../../shared/pipeline/03-align/align'
import type { JsonExportOptions } from '../../shared/pipeline/06-report/serializers/json'
import { InputError } from '../args'
import type { Progress } from '../io'
import { ingestFiles } from '../platform/ingestNode'

/** What the CLI writes to stdout/stderr; injected so commands stay testable in-process. */
export interface Io {
  readonly out: (text: string) => void
  /** Status lines ("wrote x.html"); go to stderr when stdout carries JSON. */
  readonly note: (text: string) => void
  /** One warning line on stderr (`parallax: warning: …`): the run succeeds, but read this. */
  readonly warn: (text: string) => void
  readonly progress: Progress
  /** ISO timestamp for exports and studies. */
  readonly now: () => string
}

/**
 * Ingest files; any failure is fatal (an analysis silently missing an outlet would mislead).
 * The message is the first failure's own one-liner, with a count of the others.
 */
export async function loadArticles(paths: readonly string[], io: Io): Promise<Article[]> {
  io.progress.update(`reading ${paths.length} file${paths.length === 1 ? '' : 's'}…`)
  const { articles, errors } = await ingestFiles(paths)
  io.progress.done()
  if (errors.length > 0) {
    const first = errors[0]!
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more file${errors.length > 2 ? 's' : ''} failed)` : ''
    throw new InputError(`${first.message.replace(/\.$/, '')}${more}`)
  }
  return articles
}

/** Run the composer, reporting stages on stderr (`analysing 5 articles… segment 1/5`). */
export function analyzeWithProgress(input: AnalyzeInput, io: Io): Analysis {
  const n = input.articles.length
  const what = `analysing ${n} article${n === 1 ? '' : 's'}…`
  io.progress.update(what)
  const analysis = analyze({ ...input, onProgress: (stage, done, total) => io.progress.update(`${what} ${stage} ${done}/${total}`) })
  io.progress.done()
  return analysis
}

/** Settings recorded in every export's methods section. */
export function exportSettings(linkThreshold: number | undefined): JsonExportOptions['settings'] {
  return { linkThreshold: linkThreshold ?? DEFAULT_LINK_THRESHOLD }
}
