// The command-line engine: bundles cli/ and shared/ into one CommonJS file for plain Node.
// Third-party packages stay external (they are runtime dependencies in package.json).
import { resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'))
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`)
]

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    ssr: resolve(import.meta.dirname, 'cli/main.ts'),
    minify: false,
    rollupOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'cjs', entryFileNames: 'parallax.cjs' }
    }
  },
  ssr: { noExternal: true, external: Object.keys(pkg.dependencies ?? {}) }
})
