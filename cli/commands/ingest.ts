// `parallax ingest FILE… [--json]`: extracted articles, metadata and text.
import type { Article } from '../../shared/model'
import { InputError, type Parsed } from '../args'
import { ingestFiles } from '../platform/ingestNode'
import { exportArticle } from '../../shared/pipeline/06-report/serializers/json'
import type { Io } from './common'

function record(a: Article): Record<string, unknown> {
  // Same fields as the JSON export's articles[], except isBase (ingest has no base).
  const { isBase: _isBase, ...rest } = exportArticle(a, false)
  return rest
}

/**
 * The human-readable record. `language` and `constructed` are always shown (QA: a note used to
 * hide `constructed`, and `language` was never printed): whether a text is a constructed
 * teaching sample, and which language the analysis assumes, matter for every reading of it.
 */
export function readable(a: Article): string {
  const m = a.meta
  const words = a.text.split(/\s+/).filter(Boolean).length
  const lines = [
    `== ${a.id} ==`,
    `title:    ${m.title || '(none)'}`,
    `outlet:   ${m.outlet || '(unknown)'}`,
    ...(m.author ? [`author:   ${m.author}`] : []),
    `date:     ${m.date || '(unknown)'}`,
    ...(m.url ? [`url:      ${m.url}`] : []),
    `language: ${m.language || '(not given)'}`,
    ...(m.viewpoint ? [`viewpoint: ${m.viewpoint}`] : []),
    `constructed: ${m.constructed ? 'yes (teaching sample, not real coverage)' : 'no'}`,
    ...(m.note ? [`note:     ${m.note}`] : []),
    `source:   ${a.source.fileName} (${a.source.format}, ${a.source.encoding}, ${a.source.byteLength} bytes)`,
    `words:    ${words}`,
    `sha256:   ${a.hash}`,
    ...a.warnings.map((w) => `warning:  ${w.message}`),
    '',
    a.text,
    ''
  ]
  return lines.join('\n')
}

/**
 * Unlike `compare`, a failed file does not stop the others here: the good ones are printed and
 * each failure gets its own line on stderr (exit 1), so one run can check a whole folder.
 */
export async function runIngest(args: Parsed, io: Io, stderrLine: (s: string) => void): Promise<number> {
  io.progress.update(`reading ${args.positionals.length} file${args.positionals.length === 1 ? '' : 's'}…`)
  const { articles, errors } = await ingestFiles(args.positionals)
  io.progress.done()
  if (args.switches.has('json')) {
    io.out(JSON.stringify({ articles: articles.map(record), errors: errors.map((e) => ({ path: e.path, code: e.code, message: e.message })) }, null, 2) + '\n')
  } else {
    io.out(articles.map(readable).join('\n'))
  }
  if (errors.length === 0) return 0
  if (errors.length === 1) throw new InputError(errors[0]!.message.replace(/\.$/, ''))
  for (const e of errors) stderrLine(`parallax: ${e.message.replace(/\.$/, '')}`)
  return 1
}
