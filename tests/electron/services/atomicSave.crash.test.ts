/**
 * Crash safety for REAL: a child Node process saves a large study over an existing one and is
 * killed with SIGKILL mid-save. The original file must stay intact and parseable; afterwards the
 * target is always either the complete old or the complete new study, never a mix or a stub.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createNodeFs } from '../../../electron/main/services/nodeFs'
import { saveStudyFile } from '../../../electron/main/services/studyFiles'

const ROOT = resolve(import.meta.dirname, '../../..')
const CHILD = join(ROOT, 'tests/electron/fixtures/saveChild.ts')
const dir = mkdtempSync(join(tmpdir(), 'parallax-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ORIGINAL = JSON.stringify({ format: 'parallax-study', schemaVersion: 1, title: 'ORIGINAL', articles: [{ id: 'a0', text: 'the old study' }] }, null, 2)

function startChild(target: string, mode: 'pause' | 'midwrite' | 'run', mb: number, marker: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, target, mode, String(mb), marker], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit']
  })
}

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((ok, fail) => {
    let buf = ''
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString()
      if (buf.includes(line)) ok()
    })
    child.on('exit', (code, sig) => fail(new Error(`child exited (${code ?? sig}) before ${line}`)))
  })
}

function killed(child: ChildProcess): Promise<string | null> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok(child.signalCode)
    else child.on('exit', (_c, sig) => ok(sig))
  })
}

describe('atomic study save survives kill -9', () => {
  it('leaves the original intact when killed after the temp file is written', async () => {
    const target = join(dir, 'paused.parallax.json')
    writeFileSync(target, ORIGINAL)
    const child = startChild(target, 'pause', 8, 'NEWSTUDY')
    await waitForLine(child, 'TEMP_WRITTEN')
    child.kill('SIGKILL')
    expect(await killed(child)).toBe('SIGKILL')

    expect(readFileSync(target, 'utf8')).toBe(ORIGINAL)
    expect(JSON.parse(readFileSync(target, 'utf8')).title).toBe('ORIGINAL')
    // The dead writer's full temp file is there: the kill really happened mid-save.
    const temps = readdirSync(dir).filter((n) => n.startsWith('.paused.parallax.json.') && n.endsWith('.tmp'))
    expect(temps.length).toBe(1)
    expect(readFileSync(join(dir, temps[0]!), 'utf8')).toContain('NEWSTUDY')

    // The next save succeeds, keeps the original as .bak and sweeps the dead writer's temp file.
    const next = JSON.stringify({ format: 'parallax-study', schemaVersion: 1, title: 'NEXT' })
    await saveStudyFile(createNodeFs(), target, next, { maxSchemaVersion: 1 })
    expect(readFileSync(target, 'utf8')).toBe(next)
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(ORIGINAL)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  }, 60_000)

  it('leaves the original intact when killed halfway through writing the data', async () => {
    const target = join(dir, 'half.parallax.json')
    writeFileSync(target, ORIGINAL)
    const child = startChild(target, 'midwrite', 8, 'HALF')
    await waitForLine(child, 'MID_WRITE')
    child.kill('SIGKILL')
    await killed(child)
    expect(readFileSync(target, 'utf8')).toBe(ORIGINAL)
    const temps = readdirSync(dir).filter((n) => n.startsWith('.half.parallax.json.') && n.endsWith('.tmp'))
    expect(temps.length).toBe(1)
    // The half-written temp is not valid JSON: exactly what must never become the target.
    expect(() => JSON.parse(readFileSync(join(dir, temps[0]!), 'utf8'))).toThrow()
  }, 60_000)

  it('never leaves a partial target when killed at varying points of a 16 MB save', async () => {
    const target = join(dir, 'race.parallax.json')
    const seen = new Set<string>()
    // Delays spread the kill over startup, JSON building, writing, fsync and rename; whichever
    // step is hit, the target must parse and be exactly one of the two complete versions.
    for (const delayMs of [0, 50, 150, 300, 600, 1000]) {
      writeFileSync(target, ORIGINAL)
      const child = startChild(target, 'run', 16, 'RACE')
      await waitForLine(child, 'STARTED').catch(() => undefined)
      await new Promise((r) => setTimeout(r, delayMs))
      child.kill('SIGKILL')
      await killed(child)
      const text = readFileSync(target, 'utf8')
      const data = JSON.parse(text) as { title: string }
      expect(['ORIGINAL', 'RACE']).toContain(data.title)
      if (data.title === 'ORIGINAL') expect(text).toBe(ORIGINAL)
      seen.add(data.title)
    }
    // At least one run was killed before completing (the old file survived a real mid-save kill).
    expect(seen.has('ORIGINAL')).toBe(true)
  }, 120_000)
})
