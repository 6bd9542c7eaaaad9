// The desktop platform against a recording ParallaxApi (the contract's shape, no Electron).
import { describe, expect, it } from 'vitest'
import type { MenuCommand, ParallaxApi } from '@shared/ipc/contract'
import { ok, err } from '@shared/util/result'
import { createElectronPlatform } from '../../../renderer/src/platform/desktop'

function fakeApi(calls: unknown[][]): ParallaxApi {
  const rec =
    <T,>(name: string, value: T) =>
    async (req?: unknown) => {
      calls.push([name, req])
      return value
    }
  return {
    openArticles: rec('openArticles', ok({ files: [{ name: 'a.txt', bytes: new Uint8Array([104, 105]) }] })),
    openStudy: rec('openStudy', ok(null)),
    openRecent: rec('openRecent', err('FILE_UNREADABLE', 'gone.parallax.json no longer exists.')),
    recentStudies: rec('recentStudies', ok([])),
    saveStudy: rec('saveStudy', ok({ path: '/tmp/s.parallax.json' })),
    autosave: rec('autosave', ok(null)),
    recoverAutosave: rec('recoverAutosave', ok({ json: '{}', savedAt: '2026-01-01T00:00:00Z' })),
    clearAutosave: rec('clearAutosave', ok(null)),
    exportFile: rec('exportFile', ok({ path: '/tmp/x.csv' })),
    exportPdf: rec('exportPdf', ok(null)),
    appInfo: rec('appInfo', ok({ name: 'Parallax', version: '0.1.0', electron: '41', chrome: '146', node: '24' })),
    onMenuCommand: (l: (c: MenuCommand) => void) => {
      calls.push(['onMenuCommand'])
      l({ type: 'about' })
      return () => calls.push(['unsubscribe'])
    }
  }
}

describe('desktop platform', () => {
  it('maps every operation onto one contract call and passes results through', async () => {
    const calls: unknown[][] = []
    const p = createElectronPlatform(fakeApi(calls))
    const files = await p.openArticleFiles()
    expect(files.ok && files.value?.[0]?.name).toBe('a.txt')
    expect(await p.openStudy()).toEqual({ ok: true, value: null })
    const recent = await p.openRecent('/x')
    expect(recent.ok ? null : recent.error.code).toBe('FILE_UNREADABLE')
    expect(await p.saveStudy('{}', 'n.parallax.json', '/tmp/s.parallax.json', false)).toEqual({ ok: true, value: '/tmp/s.parallax.json' })
    expect(await p.exportFile({ suggestedName: 'x.csv', mime: 'text/csv', extensions: ['csv'], filterName: 'CSV', data: 'a,b' })).toEqual({ ok: true, value: '/tmp/x.csv' })
    expect(await p.exportPdf('<html></html>', 'r.pdf')).toEqual({ ok: true, value: null })
    expect(await p.recoverAutosave()).toEqual({ json: '{}', savedAt: '2026-01-01T00:00:00Z' })
    const seen: string[] = []
    const off = p.onMenuCommand((c) => seen.push(c.type))
    off()
    expect(seen).toEqual(['about'])
    expect((await p.appInfo())[1]).toContain('Electron 41')
    expect(calls.find((c) => c[0] === 'saveStudy')?.[1]).toEqual({ json: '{}', path: '/tmp/s.parallax.json', saveAs: false })
    expect(calls.find((c) => c[0] === 'exportFile')?.[1]).toEqual({ suggestedName: 'x.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], data: 'a,b' })
    // A successful save clears the crash-recovery autosave.
    expect(calls.some((c) => c[0] === 'clearAutosave')).toBe(true)
  })
})
