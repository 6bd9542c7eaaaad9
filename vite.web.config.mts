// The web twin: the same renderer built as a plain static site (no Electron, no preload).
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  worker: { format: 'es' },
  build: { outDir: resolve(import.meta.dirname, 'dist-web'), emptyOutDir: true, target: 'es2022' },
  server: { host: '127.0.0.1', port: 5174, strictPort: true },
  preview: { host: '127.0.0.1', port: 4174, strictPort: true }
})
