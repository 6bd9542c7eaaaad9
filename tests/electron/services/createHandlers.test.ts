/**
 * The operations behind every IPC channel, driven through `dispatch` (validation included) with
 * fake dialogs/PDF and the real file system in a temp dir.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/services/createHandlers'
import { dispatch } from '../../../electron/main/ipc/registerHandlers'
import type { FsPort } from '../../../electron/main/services/ports'
import { CHANNELS } from '../../../shared/ipc/channels'
import type { Operation, ParallaxHandlers, RequestOf, ResponseOf, StudyFileRef } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/util/result'
import { testPorts, type FakeDialog, type FakePdf } from '../helpers/fakePorts'

let root: string
let dialog: FakeDialog
let pdf: FakePdf
let handlers: ParallaxHandlers
let recentEvents: (readonly StudyFileRef[])[]
let docs: string

function setup(fsOverride?: (fs: FsPort) => FsPort): void {
  const t = testPorts()
  root = t.root
  dialog = t.dialog
  pdf = t.pdf
  docs = t.ports.paths.documents()
  mkdirSync(docs, { recursive: true })
  recentEvents = []
  const ports = fsOverride ? { ...t.ports, fs: fsOverride(t.ports.fs) } : t.ports
  handlers = createHandlers(ports, { maxSchemaVersion: 1, onRecentChanged: (l) => recentEvents.push(l) })
}

async function call<K extends Operation>(op: K, ...req: RequestOf<K> extends undefined ? [] : [RequestOf<K>]): Promise<Result<ResponseOf<K>>> {
  return (await dispatch(handlers, CHANNELS[op], req[0])) as Result<ResponseOf<K>>
}

function study(title: string, schemaVersion = 1): string {
  return JSON.stringify({ format: 'parallax-study', schemaVersion, title, articles: [] }, null, 2)
}

function code(r: Result<unknown>): string | null {
  return r.ok ? null : r.error.code
}

beforeEach(() => setup())
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('openArticles', () => {
  it('returns ok(null) when the dialog is cancelled', async () => {
    dialog.nextOpen.push(null)
    expect(await call('openArticles')).toEqual({ ok: true, value: null })
    expect(dialog.openCalls[0]).toMatchObject({ multiple: true, filters: [{ extensions: ['txt', 'md', 'html', 'htm', 'pdf', 'docx'] }] })
  })

  it('reads the picked files as bytes with their names', async () => {
    const a = join(docs, 'a.txt')
    const b = join(docs, 'b.HTML')
    writeFileSync(a, 'Hello')
    writeFileSync(b, '<p>x</p>')
    dialog.nextOpen.push([a, b])
    const r = await call('openArticles')
    expect(r.ok).toBe(true)
    if (!r.ok || !r.value) throw new Error('expected files')
    expect(r.value.files.map((f) => f.name)).toEqual(['a.txt', 'b.HTML'])
    expect(new TextDecoder().decode(r.value.files[0]!.bytes)).toBe('Hello')
    expect(r.value.files[0]!.bytes).toBeInstanceOf(Uint8Array)
  })

  it('refuses a file over 50 MB before reading it', async () => {
    const big = join(docs, 'big.pdf')
    writeFileSync(big, '')
    truncateSync(big, 50 * 1024 * 1024 + 1) // sparse: the size is real, nothing is written
    dialog.nextOpen.push([big])
    const r = await call('openArticles')
    expect(code(r)).toBe('FILE_TOO_LARGE')
    if (!r.ok) expect(r.error.message).toContain('big.pdf')
  })

  it('refuses an unsupported extension', async () => {
    const x = join(docs, 'x.exe')
    writeFileSync(x, 'MZ')
    dialog.nextOpen.push([x])
    expect(code(await call('openArticles'))).toBe('UNSUPPORTED_FORMAT')
  })
})

describe('saveStudy', () => {
  it('asks where to save the first time, adds .parallax.json, and records the recent study', async () => {
    dialog.nextSave.push(join(docs, 'mine'))
    const r = await call('saveStudy', { json: study('A'), saveAs: false })
    const target = join(docs, 'mine.parallax.json')
    expect(r).toEqual({ ok: true, value: { path: target } })
    expect(readFileSync(target, 'utf8')).toBe(study('A'))
    expect(existsSync(`${target}.bak`)).toBe(false)
    expect(recentEvents.at(-1)).toEqual([{ path: target, name: 'mine.parallax.json' }])
  })

  it('saves in place to a path it handed out and keeps the previous version as .bak', async () => {
    dialog.nextSave.push(join(docs, 's.parallax.json'))
    const first = await call('saveStudy', { json: study('v1'), saveAs: false })
    if (!first.ok || !first.value) throw new Error('save failed')
    const r = await call('saveStudy', { json: study('v2'), path: first.value.path, saveAs: false })
    expect(r).toEqual({ ok: true, value: { path: first.value.path } })
    expect(dialog.saveCalls.length).toBe(1)
    expect(JSON.parse(readFileSync(first.value.path, 'utf8')).title).toBe('v2')
    expect(JSON.parse(readFileSync(`${first.value.path}.bak`, 'utf8')).title).toBe('v1')
    expect(readdirSync(docs).sort()).toEqual(['s.parallax.json', 's.parallax.json.bak'])
  })

  it('offers the suggested name in the Save dialog', async () => {
    dialog.nextSave.push(null)
    await call('saveStudy', { json: study('x'), saveAs: false, suggestedName: 'baku-tel-aviv' })
    expect(dialog.saveCalls[0]?.defaultPath).toBe(join(docs, 'baku-tel-aviv.parallax.json'))
  })

  it('does not write to a path the renderer made up: it shows the Save dialog instead', async () => {
    const elsewhere = join(root, 'victim.parallax.json')
    dialog.nextSave.push(null)
    expect(await call('saveStudy', { json: study('x'), path: elsewhere, saveAs: false })).toEqual({ ok: true, value: null })
    expect(existsSync(elsewhere)).toBe(false)
    expect(dialog.saveCalls[0]?.defaultPath).toBe(join(docs, 'victim.parallax.json'))
  })

  it.each([
    ['a foreign JSON file', '{"name": "package", "version": "1.0.0"}\n', 'STUDY_INVALID'],
    ['a text file', 'Dear diary,\n', 'STUDY_INVALID'],
    ['a newer-schema study', study('future', 7), 'STUDY_TOO_NEW'],
    ['a truncated study', study('cut').slice(0, 40), 'STUDY_INVALID']
  ])('refuses to overwrite %s and leaves it untouched', async (_what, existing, expected) => {
    const target = join(docs, 'existing.json')
    writeFileSync(target, existing)
    dialog.nextSave.push(target)
    const r = await call('saveStudy', { json: study('mine'), saveAs: true })
    expect(code(r)).toBe(expected)
    if (!r.ok) expect(r.error.message).toContain('existing.json')
    expect(readFileSync(target, 'utf8')).toBe(existing)
    expect(readdirSync(docs)).toEqual(['existing.json'])
  })

  it.each([
    ['not JSON', '{"format": "parallax-study", ', 'STUDY_INVALID'],
    ['not a study', '{"format": "something-else", "schemaVersion": 1}', 'STUDY_INVALID'],
    ['from a newer schema', study('n', 2), 'STUDY_TOO_NEW']
  ])('refuses to save data that is %s', async (_what, json, expected) => {
    dialog.nextSave.push(join(docs, 'out.parallax.json'))
    expect(code(await call('saveStudy', { json, saveAs: true }))).toBe(expected)
    expect(readdirSync(docs)).toEqual([])
  })

  it('reports SAVE_FAILED and keeps the old file when the final rename fails', async () => {
    setup((fs) => ({
      ...fs,
      rename: async (from, to) => {
        if (to.endsWith('.parallax.json')) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
        return fs.rename(from, to)
      }
    }))
    const target = join(docs, 'keep.parallax.json')
    writeFileSync(target, study('old'))
    dialog.nextSave.push(target)
    const r = await call('saveStudy', { json: study('new'), saveAs: true })
    expect(code(r)).toBe('SAVE_FAILED')
    if (!r.ok) expect(r.error.message).toMatch(/ENOSPC.*previous version is unchanged/)
    expect(readFileSync(target, 'utf8')).toBe(study('old'))
    // No temp file is left behind.
    expect(readdirSync(docs).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('openStudy, recent studies and openRecent', () => {
  it('opens a study, returns its text, and lists it first in recent studies', async () => {
    const p = join(docs, 'o.parallax.json')
    writeFileSync(p, study('opened'))
    dialog.nextOpen.push([p])
    expect(await call('openStudy')).toEqual({ ok: true, value: { path: p, name: 'o.parallax.json', text: study('opened') } })
    expect(await call('recentStudies')).toEqual({ ok: true, value: [{ path: p, name: 'o.parallax.json' }] })
    // The opened path may now be saved over in place without a dialog.
    expect(await call('saveStudy', { json: study('edited'), path: p, saveAs: false })).toEqual({ ok: true, value: { path: p } })
  })

  it('caps the recent list at 10, most recent first, without duplicates', async () => {
    const paths = Array.from({ length: 13 }, (_, i) => join(docs, `s${i}.parallax.json`))
    for (const p of paths) writeFileSync(p, study(p))
    for (const p of [...paths, paths[3]!, paths[12]!]) {
      dialog.nextOpen.push([p])
      expect((await call('openStudy')).ok).toBe(true)
    }
    const r = await call('recentStudies')
    if (!r.ok) throw new Error('recent failed')
    const names = r.value.map((x) => x.name)
    expect(names).toEqual(['s12', 's3', 's11', 's10', 's9', 's8', 's7', 's6', 's5', 's4'].map((s) => `${s}.parallax.json`))
    expect(new Set(names).size).toBe(names.length)
  })

  it('opens a recent study without a dialog; refuses paths not in the list', async () => {
    const p = join(docs, 'r.parallax.json')
    writeFileSync(p, study('recent'))
    dialog.nextOpen.push([p])
    await call('openStudy')
    const r = await call('openRecent', { path: p })
    expect(r).toMatchObject({ ok: true, value: { path: p, text: study('recent') } })
    expect(code(await call('openRecent', { path: '/etc/passwd' }))).toBe('INVALID_PAYLOAD')
  })

  it('drops a vanished study from the list with FILE_UNREADABLE', async () => {
    const p = join(docs, 'gone.parallax.json')
    writeFileSync(p, study('gone'))
    dialog.nextOpen.push([p])
    await call('openStudy')
    rmSync(p)
    expect(code(await call('openRecent', { path: p }))).toBe('FILE_UNREADABLE')
    expect(await call('recentStudies')).toEqual({ ok: true, value: [] })
    expect(recentEvents.at(-1)).toEqual([])
  })

  it('reads a corrupt recent-list store as empty', async () => {
    mkdirSync(join(root, 'userData'), { recursive: true })
    writeFileSync(join(root, 'userData', 'recent-studies.json'), '{"items": [')
    expect(await call('recentStudies')).toEqual({ ok: true, value: [] })
  })
})

describe('autosave and recovery', () => {
  it('has nothing to recover at first', async () => {
    expect(await call('recoverAutosave')).toEqual({ ok: true, value: null })
  })

  it('recovers the last autosave with its time, until cleared', async () => {
    expect(await call('autosave', { json: study('draft 1') })).toEqual({ ok: true, value: null })
    expect(await call('autosave', { json: study('draft 2') })).toEqual({ ok: true, value: null })
    expect(await call('recoverAutosave')).toEqual({ ok: true, value: { json: study('draft 2'), savedAt: '2026-11-26T10:00:00.000Z' } })
    expect(await call('clearAutosave')).toEqual({ ok: true, value: null })
    expect(await call('recoverAutosave')).toEqual({ ok: true, value: null })
    expect(await call('clearAutosave')).toEqual({ ok: true, value: null })
  })

  it('survives a new handler instance (i.e. an app restart after a crash)', async () => {
    await call('autosave', { json: study('unsaved work') })
    const again = createHandlers(testPortsWithRoot(root), { maxSchemaVersion: 1 })
    const r = await again.recoverAutosave(undefined)
    expect(r).toMatchObject({ ok: true, value: { json: study('unsaved work') } })
  })

  it('treats a damaged autosave file as nothing to recover', async () => {
    mkdirSync(join(root, 'userData'), { recursive: true })
    writeFileSync(join(root, 'userData', 'autosave.parallax.json'), '{"format":"parallax-autosave","savedAt":"x","json":"{')
    expect(await call('recoverAutosave')).toEqual({ ok: true, value: null })
  })
})

function testPortsWithRoot(r: string): ReturnType<typeof testPorts>['ports'] {
  const t = testPorts()
  rmSync(t.root, { recursive: true, force: true })
  return { ...t.ports, paths: { userData: () => join(r, 'userData'), documents: () => join(r, 'docs'), temp: () => join(r, 'tmp') } }
}

describe('exports', () => {
  it('writes text as UTF-8 and bytes as-is; cancel is ok(null)', async () => {
    const csv = join(docs, 'flags.csv')
    dialog.nextSave.push(csv)
    const r = await call('exportFile', { suggestedName: 'flags.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], data: 'a,b\n"ü",1\n' })
    expect(r).toEqual({ ok: true, value: { path: csv } })
    expect(readFileSync(csv, 'utf8')).toBe('a,b\n"ü",1\n')
    expect(dialog.saveCalls[0]).toMatchObject({ defaultPath: join(docs, 'flags.csv'), filters: [{ name: 'CSV', extensions: ['csv'] }] })

    const bin = join(docs, 'x.bin')
    dialog.nextSave.push(bin)
    await call('exportFile', { suggestedName: 'x.bin', filters: [], data: new Uint8Array([0, 255, 7]) })
    expect([...readFileSync(bin)]).toEqual([0, 255, 7])

    dialog.nextSave.push(null)
    expect(await call('exportFile', { suggestedName: 'y.csv', filters: [], data: 'x' })).toEqual({ ok: true, value: null })
  })

  it('prints HTML to PDF after the dialog (not when cancelled)', async () => {
    dialog.nextSave.push(null)
    expect(await call('exportPdf', { html: '<h1>R</h1>', suggestedName: 'report' })).toEqual({ ok: true, value: null })
    expect(pdf.printed).toEqual([])
    const out = join(docs, 'report.pdf')
    dialog.nextSave.push(out)
    expect(await call('exportPdf', { html: '<h1>R</h1>', suggestedName: 'report' })).toEqual({ ok: true, value: { path: out } })
    expect(dialog.saveCalls[1]?.defaultPath).toBe(out)
    expect(readFileSync(out, 'utf8')).toMatch(/^%PDF-/)
  })

  it('reports EXPORT_FAILED when printing fails', async () => {
    pdf.fail = true
    dialog.nextSave.push(join(docs, 'r.pdf'))
    const r = await call('exportPdf', { html: '<p>x</p>', suggestedName: 'r.pdf' })
    expect(code(r)).toBe('EXPORT_FAILED')
    expect(existsSync(join(docs, 'r.pdf'))).toBe(false)
  })
})

describe('appInfo', () => {
  it('returns the names and versions', async () => {
    expect(await call('appInfo')).toEqual({ ok: true, value: { name: 'Parallax', version: '0.1.0', electron: '41.7.1', chrome: '146', node: process.versions.node } })
  })
})
