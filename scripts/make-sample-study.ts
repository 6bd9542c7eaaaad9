/**
 * Builds the sample study the app and the web twin open on first run:
 * samples/baku-tel-aviv/baku-tel-aviv.parallax.json, from the sample articles in that folder
 * (every .txt/.md/.html with its .meta.json sidecar), through the real Node ingestion, with the
 * seed article as base.
 *
 *   npx tsx scripts/make-sample-study.ts           rewrite the study if the samples changed
 *   npx tsx scripts/make-sample-study.ts --check   exit 1 if the committed study is out of date
 *
 * Deterministic: the articles are ordered seed first, then by file name, and a study whose
 * articles are unchanged is left alone (timestamps and recorded versions included), so
 * rerunning without sample changes rewrites nothing.
 * tests/scripts/make-sample-study.test.ts fails when the committed file drifts from the samples.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ingestFiles } from '../cli/platform/ingestNode'
import type { Study } from '../shared/model'
import { LEXICON_VERSION } from '../shared/pipeline/05-language/analyzeLanguage'
import { createStudy, parseStudy, serializeStudy } from '../shared/study'

export const SAMPLE_DIR = resolve(import.meta.dirname, '../samples/baku-tel-aviv')
export const STUDY_PATH = join(SAMPLE_DIR, 'baku-tel-aviv.parallax.json')
export const SEED_FILE = 'baku-tel-aviv-ties.txt'
export const SAMPLE_TITLE = 'Azerbaijan’s embassy in Israel: six reports of the same events'

const ARTICLE_EXT = /\.(txt|md|html?)$/i

/** The sample article files, seed first, then by name. */
export function sampleFiles(dir = SAMPLE_DIR): string[] {
  const names = readdirSync(dir).filter((n) => ARTICLE_EXT.test(n) && !n.startsWith('.'))
  if (!names.includes(SEED_FILE)) throw new Error(`${SEED_FILE} is missing from ${dir}`)
  return [SEED_FILE, ...names.filter((n) => n !== SEED_FILE).sort()].map((n) => join(dir, n))
}

/**
 * What must stay in sync with the sample files: everything except timestamps and the versions
 * of the app and lexicons that wrote the file (those change with engine work, not samples).
 */
export function sampleContent(study: Study): string {
  return serializeStudy({ ...study, createdAt: '', savedAt: '', appVersion: '', lexiconVersion: '' })
}

/**
 * The sample study as it should be. When `committed` already has this content, it is returned
 * as is (so the file only changes when the samples do).
 */
export async function buildSampleStudy(committed?: Study, now = new Date().toISOString()): Promise<Study> {
  const { articles, errors } = await ingestFiles(sampleFiles())
  if (errors.length > 0) throw new Error(`cannot ingest the samples: ${errors.map((e) => e.message).join('; ')}`)
  const r = createStudy(articles, articles[0]!.id, { lexiconVersion: LEXICON_VERSION, now, title: SAMPLE_TITLE })
  if (!r.ok) throw new Error(r.error.message)
  if (committed && sampleContent(committed) === sampleContent(r.value)) return committed
  return committed ? { ...r.value, createdAt: committed.createdAt } : r.value
}

/** The committed study, or undefined when absent or unreadable. */
export function readCommittedStudy(): { text: string; study: Study } | undefined {
  let text: string
  try {
    text = readFileSync(STUDY_PATH, 'utf8')
  } catch {
    return undefined
  }
  const r = parseStudy(text)
  return r.ok ? { text, study: r.value } : undefined
}

async function run(argv: readonly string[]): Promise<number> {
  const committed = readCommittedStudy()
  const study = await buildSampleStudy(committed?.study)
  const text = serializeStudy(study)
  if (argv.includes('--check')) {
    if (committed && sampleContent(committed.study) === sampleContent(study)) {
      console.log(`${STUDY_PATH}: in sync with the sample articles`)
      return 0
    }
    console.error(`${STUDY_PATH} is out of date; run: npx tsx scripts/make-sample-study.ts`)
    return 1
  }
  if (committed?.text === text) {
    console.log(`${STUDY_PATH}: unchanged`)
    return 0
  }
  writeFileSync(STUDY_PATH, text)
  console.log(`wrote ${STUDY_PATH} (${study.articles.length} articles, base ${study.base})`)
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  run(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e))
      process.exitCode = 1
    }
  )
}
