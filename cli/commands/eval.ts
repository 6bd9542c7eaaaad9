// `parallax eval spans|pairs|align GOLD [--json]`: gold formats and metrics in docs/eval.md.
import { readFileSync, statSync } from 'node:fs'
import { evalAlign, formatAlignMetrics, goldArticles, GoldFormatError, parseAlignGold } from '../../shared/eval/align'
import { evalPairs, formatPairMetrics, PairsFormatError, parsePairsGold } from '../../shared/eval/pairs'
import { evalSpans, parseSpansGold, type PRF, type SpanMetrics } from '../../shared/eval/spans'
import type { Article } from '../../shared/model'
import { analyze } from '../../shared/pipeline/analyze'
import { sha256 } from '../../shared/util/sha256'
import { DEFAULT_LINK_THRESHOLD, passageSimilarity } from '../../shared/pipeline/03-align/align'
import { builtinNaming } from '../../shared/resources/naming'
import { InputError, type Parsed } from '../args'
import { fsMessage } from '../io'
import { analyzeWithProgress, type Io } from './common'

function readGold(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path} is a folder, not a gold file`)
    return readFileSync(path, 'utf8')
  } catch (e) {
    if (e instanceof InputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError(code === 'ENOENT' ? `${path} does not exist` : fsMessage('read', path, e))
  }
}

/** Gold-file format problems are the user's input errors: one line, no stack. */
function asInputError(path: string, e: unknown): never {
  if (e instanceof GoldFormatError || e instanceof PairsFormatError) throw new InputError(`${path}: ${e.message}`)
  throw e
}

export async function runEval(args: Parsed, io: Io): Promise<number> {
  // Argument counts and the kind were checked by checkUsage (cli/args.ts).
  const kind = args.positionals[0]!
  const gold = args.positionals[1]!
  const asJson = args.switches.has('json')
  const text = readGold(gold)

  if (kind === 'align') {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new InputError(`${gold}: not valid JSON (an alignment gold file is one JSON object)`)
    }
    let g
    try {
      g = parseAlignGold(parsed)
    } catch (e) {
      asInputError(gold, e)
    }
    const analysis = analyzeWithProgress({ articles: goldArticles(g) }, io)
    const m = evalAlign(g, analysis.alignment.links)
    io.out(asJson ? JSON.stringify(m) + '\n' : formatAlignMetrics(m) + '\n')
    return 0
  }

  if (kind === 'pairs') {
    let records
    try {
      records = parsePairsGold(text)
    } catch (e) {
      asInputError(gold, e)
    }
    if (records.length === 0) throw new InputError(`${gold}: no pairs found`)
    const naming = builtinNaming()
    io.progress.update(`scoring ${records.length} pairs…`)
    const m = evalPairs(records, (a, b) => passageSimilarity(a, b, naming), DEFAULT_LINK_THRESHOLD)
    io.progress.done()
    io.out(asJson ? JSON.stringify(m) + '\n' : formatPairMetrics(m) + '\n')
    return 0
  }

  const parsed = parseSpansGold(text)
  if (!parsed.ok) throw new InputError(`${gold}: ${parsed.error.message}`)
  const records = parsed.value
  if (records.length === 0) throw new InputError(`${gold}: no records found`)
  const naming = builtinNaming()
  let done = 0
  // Each record is analysed on its own through the composer, exactly as the app would analyse
  // a one-sentence article; every flag (own voice or quoted) is a prediction.
  const m = evalSpans(records, (t, id) => {
    if (++done % 200 === 0) io.progress.update(`scoring spans… ${done}/${records.length}`)
    return analyze({ articles: [recordArticle(id, t)], naming }).language[0]!.flags
  })
  io.progress.done()
  io.out(asJson ? JSON.stringify(m) + '\n' : formatSpanMetrics(m) + '\n')
  return 0
}

function recordArticle(id: string, text: string): Article {
  return {
    id: 'record',
    meta: { title: '', outlet: '', author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: false, note: `gold record ${id}` },
    text,
    hash: sha256(text),
    source: { format: 'paste', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: text.length },
    warnings: []
  }
}

/** The readable table printed without --json. */
export function formatSpanMetrics(m: SpanMetrics): string {
  const row = (name: string, p: PRF): string =>
    `${name.padEnd(20)} ${p.precision.toFixed(3).padStart(9)}  ${p.recall.toFixed(3).padStart(6)}  ${p.f1.toFixed(3)}`
  return [
    `${'spans'.padEnd(20)} precision  recall  f1`,
    row('tokens', m.tokens),
    ...(m.sentences ? [row('sentences', m.sentences)] : []),
    ...Object.entries(m.byLabel).map(([label, p]) => row(`  label ${label}`, p)),
    `records: ${m.records}`
  ].join('\n')
}
