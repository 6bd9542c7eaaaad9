/** Reading the article files the user picked: extension and size checks happen before any read. */
import { basename, extname } from 'node:path'
import { ARTICLE_EXTENSIONS, LIMITS, type ArticleFile } from '../../../shared/ipc/contract'
import { AppFailure } from '../../../shared/util/result'
import type { FsPort } from './ports'

const MB = 1024 * 1024

export async function readArticleFiles(fs: FsPort, paths: readonly string[]): Promise<ArticleFile[]> {
  // Check every file first so a bad pick fails before megabytes are read.
  for (const p of paths) {
    const name = basename(p)
    const ext = extname(p).slice(1).toLowerCase()
    if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext)) {
      throw new AppFailure({ code: 'UNSUPPORTED_FORMAT', message: `${name}: Parallax reads .txt, .md, .html, .htm, .pdf and .docx files.` })
    }
    const st = await fs.stat(p)
    if (!st || !st.isFile) throw new AppFailure({ code: 'FILE_UNREADABLE', message: `${name} could not be found.` })
    if (st.size > LIMITS.maxArticleBytes) {
      throw new AppFailure({ code: 'FILE_TOO_LARGE', message: `${name} is ${(st.size / MB).toFixed(1)} MB; the limit is ${LIMITS.maxArticleBytes / MB} MB per file.` })
    }
  }
  const files: ArticleFile[] = []
  for (const p of paths) {
    try {
      files.push({ name: basename(p), bytes: await fs.readFile(p) })
    } catch (e) {
      throw new AppFailure({ code: 'FILE_UNREADABLE', message: `${basename(p)} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).` })
    }
  }
  return files
}
