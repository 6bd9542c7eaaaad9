/** `npm run web` (scripts/web.cjs): the static server's path handling and MIME types, served for real. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const web = createRequire(import.meta.url)(join(ROOT, 'scripts/web.cjs')) as {
  contentType: (f: string) => string
  resolveRequestPath: (root: string, url: string) => string | null
  createStaticServer: (root: string) => Server
  listen: (s: Server, port: number) => Promise<number>
  parseArgs: (argv: string[]) => { port: number; build: boolean }
}

const site = mkdtempSync(join(tmpdir(), 'parallax-web-'))
let server: Server
let base: string

beforeAll(async () => {
  mkdirSync(join(site, 'assets'))
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Parallax</title>')
  writeFileSync(join(site, 'assets/worker.mjs'), 'export {}')
  writeFileSync(join(site, 'assets/m.wasm'), new Uint8Array([0, 97, 115, 109]))
  writeFileSync(join(tmpdir(), 'parallax-web-secret.txt'), 'secret')
  server = web.createStaticServer(site)
  base = `http://127.0.0.1:${await web.listen(server, 0)}`
})
afterAll(() => {
  server?.close()
  rmSync(site, { recursive: true, force: true })
  rmSync(join(tmpdir(), 'parallax-web-secret.txt'), { force: true })
})

describe('web.cjs', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.SVG', 'image/svg+xml'],
    ['a.unknown', 'application/octet-stream']
  ])('MIME of %s is %s', (f, t) => expect(web.contentType(f)).toBe(t))

  it.each(['/../parallax-web-secret.txt', '/%2e%2e/parallax-web-secret.txt', '/assets/../../parallax-web-secret.txt', '/a%00b', '/missing.js'])(
    'does not serve %s',
    (url) => expect(web.resolveRequestPath(site, url)).toBeNull()
  )

  it('serves index.html for / and files with their MIME types over HTTP on 127.0.0.1', async () => {
    const home = await fetch(`${base}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await home.text()).toContain('<title>Parallax</title>')
    const mjs = await fetch(`${base}/assets/worker.mjs?v=1`)
    expect(mjs.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const wasm = await fetch(`${base}/assets/m.wasm`)
    expect(wasm.headers.get('content-type')).toBe('application/wasm')
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]))
    expect((await fetch(`${base}/%2e%2e/parallax-web-secret.txt`)).status).toBe(404)
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405)
  })

  it('moves to the next port when the requested one is taken', async () => {
    const taken = Number(new URL(base).port)
    const other = web.createStaticServer(site)
    try {
      const port = await web.listen(other, taken)
      expect(port).toBeGreaterThan(taken)
    } finally {
      other.close()
    }
  })

  it('parses --port and --no-build', () => {
    expect(web.parseArgs(['--port', '5000', '--no-build'])).toEqual({ port: 5000, build: false })
    expect(web.parseArgs(['--port', 'x']).port).toBe(4173)
  })
})
