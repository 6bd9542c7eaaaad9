#!/usr/bin/env node
// `npm run web`: build the renderer as a static site (vite.web.config.mts → dist-web/) and serve it
// on 127.0.0.1 with a tiny static server (no dependencies, correct MIME types incl. .mjs/.wasm).
//   node scripts/web.cjs [--port N] [--no-build]
'use strict'
const { spawnSync } = require('node:child_process')
const { createReadStream, existsSync, statSync } = require('node:fs')
const http = require('node:http')
const { extname, join, resolve, sep } = require('node:path')

const ROOT = resolve(__dirname, '..')
const DIST = join(ROOT, 'dist-web')
const DEFAULT_PORT = 4173

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.bcmap': 'application/octet-stream'
}

function contentType(file) {
  return MIME[extname(file).toLowerCase()] || 'application/octet-stream'
}

/** Maps a request URL to a file inside `root`, or null (outside root, malformed, or missing). */
function resolveRequestPath(root, url) {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const base = resolve(root)
  let file = resolve(base, `.${pathname}`)
  if (file !== base && !file.startsWith(base + sep)) return null
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
  return existsSync(file) && statSync(file).isFile() ? file : null
}

function createStaticServer(root) {
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const file = resolveRequestPath(root, req.url || '/')
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Length': statSync(file).size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  })
}

/** Listens on 127.0.0.1:port, or on the next free ports when it is taken. */
function listen(server, port, tries = 20) {
  return new Promise((done, fail) => {
    const attempt = (p, left) => {
      server.once('error', (e) => {
        if (e.code === 'EADDRINUSE' && left > 0) attempt(p + 1, left - 1)
        else fail(e)
      })
      server.listen(p, '127.0.0.1', () => done(server.address().port))
    }
    attempt(port, tries)
  })
}

function parseArgs(argv) {
  const i = argv.indexOf('--port')
  const port = i >= 0 ? Number(argv[i + 1]) : Number(process.env.PORT || DEFAULT_PORT)
  return { port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : DEFAULT_PORT, build: !argv.includes('--no-build') }
}

async function main(argv) {
  const opts = parseArgs(argv)
  if (opts.build) {
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js')
    const r = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.web.config.mts'], { cwd: ROOT, stdio: 'inherit' })
    if (r.status !== 0) {
      console.error('Parallax: the web build failed (see the errors above).')
      return 1
    }
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('Parallax: dist-web/index.html is missing; run "npm run build:web" first.')
    return 1
  }
  const port = await listen(createStaticServer(DIST), opts.port)
  console.log(`Parallax (web) is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)`)
  return null
}

module.exports = { contentType, resolveRequestPath, createStaticServer, listen, parseArgs, MIME }

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exit(code)
    },
    (e) => {
      console.error(`Parallax: could not serve the web app (${e.message}).`)
      process.exit(1)
    }
  )
}
