/** Fakes for the ports that need a human or Electron (dialogs, PDF, paths); the file system is real (a temp dir). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodeFs } from '../../../electron/main/services/nodeFs'
import type { DialogPort, OpenDialogOptions, PdfPort, Ports, SaveDialogOptions } from '../../../electron/main/services/ports'

export interface FakeDialog extends DialogPort {
  /** Queue the next answers: a list of paths / a path, or null for "cancelled". */
  nextOpen: (readonly string[] | null)[]
  nextSave: (string | null)[]
  openCalls: OpenDialogOptions[]
  saveCalls: SaveDialogOptions[]
}

export function fakeDialog(): FakeDialog {
  const d: FakeDialog = {
    nextOpen: [],
    nextSave: [],
    openCalls: [],
    saveCalls: [],
    async openFiles(o) {
      d.openCalls.push(o)
      if (d.nextOpen.length === 0) throw new Error('unexpected open dialog')
      return d.nextOpen.shift()!
    },
    async saveFile(o) {
      d.saveCalls.push(o)
      if (d.nextSave.length === 0) throw new Error('unexpected save dialog')
      return d.nextSave.shift()!
    }
  }
  return d
}

export interface FakePdf extends PdfPort {
  printed: string[]
  fail: boolean
}

export function fakePdf(): FakePdf {
  const p: FakePdf = {
    printed: [],
    fail: false,
    async htmlToPdf(html) {
      if (p.fail) throw new Error('renderer crashed')
      p.printed.push(html)
      return new TextEncoder().encode(`%PDF-1.7 fake of ${html.length} chars`)
    }
  }
  return p
}

export function testPorts(): { ports: Ports; dialog: FakeDialog; pdf: FakePdf; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'parallax-svc-'))
  const dialog = fakeDialog()
  const pdf = fakePdf()
  const ports: Ports = {
    fs: createNodeFs(),
    dialog,
    pdf,
    paths: { userData: () => join(root, 'userData'), documents: () => join(root, 'docs'), temp: () => join(root, 'tmp') },
    appInfo: () => ({ name: 'Parallax', version: '0.1.0', electron: '41.7.1', chrome: '146', node: process.versions.node }),
    now: () => new Date('2026-11-26T10:00:00.000Z')
  }
  return { ports, dialog, pdf, root }
}
