// The command-line engine: bundles cli/ and shared/ into one CommonJS file for plain Node.
// Third-party packages stay external (they are runtime dependencies in package.json).
import { resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'))
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`)
]

/**
 * Heavy packages that only some inputs need, loaded on first use instead of when the CLI
 * starts: linkedom (HTML files only, ~120 ms to load) and mammoth (.docx only, ~60 ms). A
 * `parallax compare` of text files never pays for them. The source keeps its plain static
 * imports (cli/platform/htmlDom.ts, shared/pipeline/01-ingest/formats/docx.ts); this plugin
 * swaps the import for a module that forwards each use to `require()` of the real package, so
 * behaviour is unchanged (the same functions, called with the same arguments).
 */
const LAZY: Record<string, string> = {
  linkedom: `export function parseHTML(...args) { return load().parseHTML(...args) }`,
  // mammoth is used as a default import (mammoth.extractRawText(...)).
  mammoth: `export default new Proxy({}, { get: (_, key) => load()[key] })`
}
function lazyExternals(): Plugin {
  const prefix = '\0lazy-external:'
  return {
    name: 'parallax-lazy-externals',
    enforce: 'pre',
    resolveId(id, importer) {
      // The virtual module's own require() of the package resolves normally (external).
      if (importer?.startsWith(prefix)) return null
      return LAZY[id] !== undefined ? prefix + id : null
    },
    load(id) {
      if (!id.startsWith(prefix)) return null
      const name = id.slice(prefix.length)
      return [
        `import { createRequire } from 'node:module'`,
        `let mod`,
        `function load() { return (mod ??= createRequire(__filename)(${JSON.stringify(name)})) }`,
        LAZY[name]
      ].join('\n')
    }
  }
}

export default defineConfig({
  plugins: [lazyExternals()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    ssr: resolve(import.meta.dirname, 'cli/main.ts'),
    minify: false,
    rollupOptions: {
      // The lazily loaded packages are resolved by lazyExternals() first (see above).
      external: (id, importer) =>
        !(LAZY[id] !== undefined && !importer?.startsWith('\0lazy-external:')) && external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'cjs', entryFileNames: 'parallax.cjs' }
    }
  },
  ssr: { noExternal: true, external: Object.keys(pkg.dependencies ?? {}) }
})
