/**
 * scripts/serial-writes.cjs (preloaded into electronegativity by audit-electron.cjs): un-awaited
 * fs.writeFile calls to one path run in call order, so a truncating header write can no longer
 * land over rows appended right after it.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const PRELOAD = resolve(import.meta.dirname, '../../scripts/serial-writes.cjs')

/** The tool's pattern: header with flag 'w', then rows with flag 'a', neither awaited. */
const SCRIPT = `
const fs = require('fs')
const [file, n] = process.argv.slice(1)
for (let i = 0; i < Number(n); i++) {
  const f = file + '.' + i
  fs.writeFile(f, 'H'.repeat(200000) + '\\n', (err) => { if (err) throw err })
  fs.writeFile(f, 'rows\\n', { flag: 'a' }, (err) => { if (err) throw err })
  fs.writeFile(f + '.other', 'x', () => {})
}
`

describe('serial-writes preload', () => {
  it('keeps each header before its rows, whatever the timing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'serial-writes-'))
    try {
      const n = 20
      const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', SCRIPT, join(dir, 'report'), String(n)], { encoding: 'utf8' })
      expect(r.status, r.stderr).toBe(0)
      for (let i = 0; i < n; i++) {
        expect(readFileSync(join(dir, `report.${i}`), 'utf8')).toBe('H'.repeat(200000) + '\nrows\n')
        expect(readFileSync(join(dir, `report.${i}.other`), 'utf8')).toBe('x')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
