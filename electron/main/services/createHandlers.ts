/**
 * The implementation of every ParallaxApi operation, written against the ports only (no
 * Electron import), so tests/electron drives it with fakes and a temp dir.
 *
 * Path trust: the renderer may only echo back paths main handed out in this session (dialog
 * results, opened or saved studies, the recent list). `saveStudy` with any other path shows the
 * Save dialog instead of writing there; `openRecent` with a path not in the list is rejected.
 */
import { basename, join, resolve } from 'node:path'
import { ARTICLE_EXTENSIONS, type ParallaxHandlers, type StudyFileRef } from '../../../shared/ipc/contract'
import { AppFailure, err, ok } from '../../../shared/util/result'
import { readArticleFiles } from './articleFiles'
import { writeAtomic } from './atomicWrite'
import { createAutosaveStore } from './autosave'
import type { Ports } from './ports'
import { createRecentStore } from './recentStudies'
import { readStudyFile, saveStudyFile } from './studyFiles'

export interface HandlerOptions {
  /** Newest study schema this build understands. */
  readonly maxSchemaVersion: number
  /** Called whenever the recent list changes (main rebuilds the File → Open recent menu). */
  readonly onRecentChanged?: (list: readonly StudyFileRef[]) => void
}

const STUDY_FILTERS = [{ name: 'Parallax study', extensions: ['json'] }]
const STUDY_SUFFIX = '.parallax.json'

/** Adds `.parallax.json` unless the chosen name already ends in `.json`. */
export function withStudySuffix(path: string): string {
  return /\.json$/i.test(path) ? path : `${path}${STUDY_SUFFIX}`
}

export function createHandlers(ports: Ports, options: HandlerOptions): ParallaxHandlers {
  const { fs, dialog, pdf, paths } = ports
  const recent = createRecentStore(fs, paths)
  const autosave = createAutosaveStore(fs, paths, ports.now)
  const granted = new Set<string>()
  const grant = (p: string): string => {
    const r = resolve(p)
    granted.add(r)
    return r
  }
  const notify = (list: readonly StudyFileRef[]): void => options.onRecentChanged?.(list)

  async function remember(path: string): Promise<void> {
    // The recent list is a convenience: failing to update it must not fail the open/save.
    try {
      notify(await recent.add(path))
    } catch {
      /* ignore */
    }
  }

  async function writeExport(target: string, data: string | Uint8Array): Promise<void> {
    try {
      await writeAtomic(fs, target, data, { backup: false })
    } catch (e) {
      throw new AppFailure({ code: 'EXPORT_FAILED', message: `${basename(target)} could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}).` })
    }
  }

  return {
    async openArticles() {
      const picked = await dialog.openFiles({
        title: 'Open articles',
        filters: [{ name: 'Articles', extensions: [...ARTICLE_EXTENSIONS] }],
        multiple: true
      })
      if (!picked || picked.length === 0) return ok(null)
      return ok({ files: await readArticleFiles(fs, picked) })
    },

    async openStudy() {
      const picked = await dialog.openFiles({ title: 'Open study', filters: STUDY_FILTERS, multiple: false })
      const first = picked?.[0]
      if (!first) return ok(null)
      const path = grant(first)
      const study = await readStudyFile(fs, path)
      await remember(path)
      return ok(study)
    },

    async openRecent({ path }) {
      const p = resolve(path)
      if (!(await recent.list()).some((r) => r.path === p)) return err('INVALID_PAYLOAD', 'openRecent: path is not in the recent studies list')
      try {
        const study = await readStudyFile(fs, p)
        grant(p)
        await remember(p)
        return ok(study)
      } catch (e) {
        // A study that vanished leaves the list, and the menu with it.
        if (e instanceof AppFailure && e.error.code === 'FILE_UNREADABLE') notify(await recent.remove(p))
        throw e
      }
    },

    async recentStudies() {
      const list = await recent.list()
      for (const r of list) granted.add(r.path)
      return ok(list)
    },

    async saveStudy({ json, path, saveAs, suggestedName }) {
      let target = path !== undefined && !saveAs && granted.has(resolve(path)) ? resolve(path) : null
      if (!target) {
        const suggested = path ? basename(path) : suggestedName ? withStudySuffix(suggestedName) : `study${STUDY_SUFFIX}`
        const chosen = await dialog.saveFile({ title: 'Save study', defaultPath: join(paths.documents(), suggested), filters: STUDY_FILTERS })
        if (!chosen) return ok(null)
        target = grant(withStudySuffix(chosen))
      }
      await saveStudyFile(fs, target, json, { maxSchemaVersion: options.maxSchemaVersion })
      await remember(target)
      return ok({ path: target })
    },

    async autosave({ json }) {
      await autosave.save(json)
      return ok(null)
    },

    async recoverAutosave() {
      return ok(await autosave.recover())
    },

    async clearAutosave() {
      await autosave.clear()
      return ok(null)
    },

    async exportFile({ suggestedName, filters, data }) {
      const chosen = await dialog.saveFile({ title: 'Export', defaultPath: join(paths.documents(), suggestedName), filters })
      if (!chosen) return ok(null)
      await writeExport(chosen, data)
      return ok({ path: chosen })
    },

    async exportPdf({ html, suggestedName }) {
      const name = /\.pdf$/i.test(suggestedName) ? suggestedName : `${suggestedName}.pdf`
      const chosen = await dialog.saveFile({ title: 'Export PDF', defaultPath: join(paths.documents(), name), filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      if (!chosen) return ok(null)
      let bytes: Uint8Array
      try {
        bytes = await pdf.htmlToPdf(html)
      } catch (e) {
        return err('EXPORT_FAILED', `The PDF could not be produced (${e instanceof Error ? e.message : String(e)}).`)
      }
      await writeExport(chosen, bytes)
      return ok({ path: chosen })
    },

    async appInfo() {
      return ok(ports.appInfo())
    }
  }
}
