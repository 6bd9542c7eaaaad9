import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/scripts/**/*.test.ts']
        }
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'happy-dom', include: ['tests/renderer/**/*.test.{ts,tsx}'] }
      }
    ]
  }
})
