/**
 * Profiling harness for ingestion: runs one case many times so a CPU profile has enough samples.
 * Run: `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/ingest-prof tests/bench/ingest.profile.ts text|html [runs]`
 * then summarise with `npx tsx tests/bench/ingest.profile-summary.ts /tmp/ingest-prof/<file>.cpuprofile`.
 */
import { ingest } from '../../shared/pipeline/01-ingest/ingest'
import { nodeIngestDeps } from '../../cli/platform/ingestNode'
import { oneMegabyteHtml, oneMegabyteText } from './ingest.inputs'

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'text'
  const runs = Number(process.argv[3] ?? 30)
  const bytes = which === 'html' ? oneMegabyteHtml() : oneMegabyteText()
  const file = which === 'html' ? 'page.html' : 'text.txt'
  for (let i = 0; i < runs; i++) {
    const r = await ingest({ name: file, bytes }, nodeIngestDeps)
    if (!r.ok) throw new Error(r.error.message)
  }
}

void main()
