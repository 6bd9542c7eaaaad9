// Lint, and the architecture's import boundaries enforced as errors (STYLE.md §9).
// Direction: renderer / electron / cli → shared; stages never import each other; each
// third-party library is reached through exactly one wrapper module.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

/** Library → the only files allowed to import it. */
const GATES = {
  'diff-match-patch': ['shared/pipeline/04-diff/dmp.ts'],
  sentiment: ['shared/pipeline/05-language/sentiment/afinn.ts'],
  '@mozilla/readability': ['shared/pipeline/01-ingest/formats/html.ts'],
  'pdfjs-dist': ['shared/pipeline/01-ingest/formats/pdf.ts'],
  mammoth: ['shared/pipeline/01-ingest/formats/docx.ts'],
  chardet: ['shared/pipeline/01-ingest/decode.ts'],
  'iconv-lite': ['shared/pipeline/01-ingest/decode.ts'],
  linkedom: ['cli/platform/htmlDom.ts'],
  recharts: ['renderer/src/components/charts/Charts.tsx'],
  zod: ['shared/study/schema.ts', 'shared/ipc/validate.ts', 'shared/resources/schema.ts'],
  electron: ['electron/main/**', 'electron/preload/**', 'tests/electron/**']
}

const NODE = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads']

/** Zones: files and the import groups they must never use (besides foreign library gates). */
const ZONES = [
  {
    name: 'shared',
    files: ['shared/**/*.ts'],
    forbid: [...NODE, 'react', 'react-dom', '**/renderer/**', '**/electron/**', '**/cli/**'],
    message: 'shared/ is pure TypeScript: no Node, Electron, React or app-layer imports.'
  },
  {
    name: 'renderer',
    files: ['renderer/src/**/*.{ts,tsx}'],
    forbid: [...NODE, '**/electron/**', '**/cli/**'],
    message: 'renderer/ may import shared/ and itself only; Node and Electron stay in electron/.'
  },
  {
    name: 'electron',
    files: ['electron/**/*.ts'],
    forbid: ['**/renderer/**', '**/cli/**', 'react', 'react-dom'],
    message: 'electron/ imports shared/ only.'
  },
  {
    name: 'cli',
    files: ['cli/**/*.ts'],
    forbid: ['**/renderer/**', '**/electron/**', 'react', 'react-dom'],
    message: 'cli/ imports shared/ only.'
  }
]

/** Stage folders: a stage may not import a sibling stage (only shared/pipeline/analyze.ts composes). */
const STAGES = ['01-ingest', '02-segment', '03-align', '04-diff', '05-language', '06-report']

function patternsFor(zone, file) {
  const groups = []
  for (const [lib, allowed] of Object.entries(GATES)) {
    if (file && allowed.some((g) => matches(g, file))) continue
    // A regex, not a gitignore-style group: `sentiment/*` would also match `./sentiment/afinn`.
    const escaped = lib.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    groups.push({ regex: `^${escaped}(/.*)?$`, message: `Import ${lib} only through its wrapper (${allowed.join(', ')}).` })
  }
  groups.push({ group: zone.forbid, message: zone.message })
  return groups
}

function matches(glob, file) {
  if (glob.endsWith('/**')) return file.startsWith(glob.slice(0, -3))
  return glob === file
}

const boundaryConfigs = []
for (const zone of ZONES) {
  const prefix = zone.files[0].split('/')[0] + '/'
  const gateFiles = Object.values(GATES).flat().filter((g) => g.startsWith(prefix))
  boundaryConfigs.push({
    files: zone.files,
    ignores: gateFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(zone, null) }] }
  })
  for (const g of gateFiles) {
    boundaryConfigs.push({
      files: [g.endsWith('/**') ? `${g}/*.{ts,tsx}` : g],
      rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(zone, g.replace(/\/\*\*$/, '/x')) }] }
    })
  }
}
// Stage isolation is a separate rule so it composes with the zone rule above.
for (const stage of STAGES) {
  const others = STAGES.filter((s) => s !== stage)
  boundaryConfigs.push({
    files: [`shared/pipeline/${stage}/**/*.ts`],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...others.map((o) => ({
          selector: `ImportDeclaration[source.value=/\\/${o}\\//]`,
          message: `Stage ${stage} must not import stage ${o}; exchange data through shared/model and compose in shared/pipeline/analyze.ts.`
        }))
      ]
    }
  })
}

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist-web/', 'test-results/', 'playwright-report/', '**/*.cjs', 'tmp/']
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'process', 'require', 'Buffer', '__dirname'].map(
          (name) => ({ name, message: 'shared/ runs in a worker, in Node and in tests: no DOM or Node globals (inject them).' })
        )
      ]
    }
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/platform/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Use renderer/src/platform (the only module that touches window.api).' }]
    }
  },
  ...boundaryConfigs
)
