// The desktop platform: every call goes through the preload's window.api (shared/ipc/contract.ts).
import { ok, type Result } from '@shared/util/result'
import type { ParallaxApi } from '@shared/ipc/contract'
import type { Platform } from './platform'
import { pickTextFile } from './pickFiles'

export function createElectronPlatform(api: ParallaxApi): Platform {
  return {
    kind: 'electron',
    async openArticleFiles() {
      const r = await api.openArticles()
      if (!r.ok) return r
      return ok(r.value ? r.value.files.map((f) => ({ name: f.name, bytes: f.bytes })) : null)
    },
    async openStudy() {
      const r = await api.openStudy()
      if (!r.ok) return r
      return ok(r.value ? { name: r.value.name, text: r.value.text, path: r.value.path } : null)
    },
    openTextFile: pickTextFile,
    async recentStudies() {
      const r = await api.recentStudies()
      return r.ok ? r.value.map((x) => ({ name: x.name, path: x.path })) : []
    },
    async openRecent(path) {
      const r = await api.openRecent({ path })
      if (!r.ok) return r
      return ok({ name: r.value.name, text: r.value.text, path: r.value.path })
    },
    async saveStudy(json, _suggestedName, path, saveAs): Promise<Result<string | null>> {
      const r = await api.saveStudy(path ? { json, path, saveAs } : { json, saveAs })
      if (!r.ok) return r
      if (r.value) await api.clearAutosave()
      return ok(r.value ? r.value.path : null)
    },
    async exportFile(req) {
      const r = await api.exportFile({
        suggestedName: req.suggestedName,
        filters: [{ name: req.filterName, extensions: [...req.extensions] }],
        data: req.data
      })
      if (!r.ok) return r
      return ok(r.value ? r.value.path : null)
    },
    async exportPdf(html, suggestedName) {
      const r = await api.exportPdf({ html, suggestedName })
      if (!r.ok) return r
      return ok(r.value ? r.value.path : null)
    },
    async autosave(json) {
      await api.autosave({ json })
    },
    async recoverAutosave() {
      const r = await api.recoverAutosave()
      return r.ok ? r.value : null
    },
    async clearAutosave() {
      await api.clearAutosave()
    },
    onMenuCommand(listener) {
      return api.onMenuCommand(listener)
    },
    async appInfo() {
      const r = await api.appInfo()
      if (!r.ok) return ['Parallax (desktop)']
      const i = r.value
      return [`${i.name} ${i.version}`, `Electron ${i.electron} · Chromium ${i.chrome} · Node ${i.node}`]
    }
  }
}
