// The sample study opened on first run: the seed article beside the constructed coverage in
// samples/baku-tel-aviv/. Bundled at build time so the web twin needs no server-side files.
import type { ArticleMeta, Study, StudyArticle } from '@shared/model'
import { err, ok, type Result } from '@shared/util/result'
import { emptyStudy } from '../state/studyStore'
import { parseStudyText } from '../state/studyIO'

const studyFiles = import.meta.glob('../../../samples/baku-tel-aviv/*.parallax.json', { query: '?raw', import: 'default' })
const textFiles = import.meta.glob('../../../samples/baku-tel-aviv/*.txt', { query: '?raw', import: 'default' })
const metaFiles = import.meta.glob('../../../samples/baku-tel-aviv/*.meta.json', { import: 'default' })

const SEED = 'baku-tel-aviv-ties'

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export async function loadSampleStudy(): Promise<Result<Study>> {
  const studyLoader = Object.values(studyFiles)[0]
  if (studyLoader) return parseStudyText((await studyLoader()) as string, 'the sample study')
  // Before the generated study exists: build one from the sample texts and their sidecars.
  const { ingestText } = await import('@shared/pipeline/01-ingest/ingest')
  const articles: StudyArticle[] = []
  for (const [path, load] of Object.entries(textFiles)) {
    const file = baseName(path)
    const text = (await load()) as string
    const metaLoad = metaFiles[path.replace(/\.txt$/, '.meta.json')]
    const meta = metaLoad ? ((await metaLoad()) as Partial<ArticleMeta>) : {}
    const r = ingestText(text, meta, { name: file })
    if (!r.ok) return r
    const a = r.value
    articles.push({ id: file.replace(/\.txt$/, ''), meta: a.meta, text: a.text, hash: a.hash, source: { ...a.source, fileName: file } })
  }
  if (articles.length === 0) return err('NOT_AVAILABLE', 'The sample study is not bundled in this build.')
  articles.sort((a, b) => (a.id === SEED ? -1 : b.id === SEED ? 1 : a.id.localeCompare(b.id)))
  return ok({ ...emptyStudy(), title: 'Azerbaijan’s embassy in Israel (sample)', base: articles[0]!.id, articles })
}
