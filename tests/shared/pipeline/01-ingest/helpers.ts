/** Shared helpers for the 01-ingest tests: fixtures on disk and the Node dependencies. */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FIXTURE_DIR, generateFixtures } from '../../../fixtures/generate'
import { nodeIngestDeps } from '../../../../cli/platform/ingestNode'

export { nodeIngestDeps }

let generated = false
/** Generate fixtures once per worker, then read one. */
export function fixture(name: string): Uint8Array {
  if (!generated) { generateFixtures(); generated = true }
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, name)))
}

const ROOT = resolve(__dirname, '../../../..')
/** The seed article as shipped in samples/ (byte for byte the user's file). */
export const SEED_PATH = join(ROOT, 'samples/baku-tel-aviv/baku-tel-aviv-ties.txt')
export function seedBytes(): Uint8Array {
  if (!existsSync(SEED_PATH)) throw new Error(`seed missing at ${SEED_PATH}`)
  return new Uint8Array(readFileSync(SEED_PATH))
}
