// The architecture's import rules are enforced by ESLint (eslint.config.mjs); this test proves
// the rules fire, so a config edit cannot silently switch them off.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const eslint = new ESLint({ cwd: resolve(__dirname, '../..') })

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', file) })
  return [...new Set((r?.messages ?? []).map((m) => `${m.ruleId}:${m.line}`))]
}

describe('import boundaries', () => {
  const table: [string, string, string, string[]][] = [
    ['shared may not use Node', 'shared/pipeline/02-segment/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n", ['no-restricted-imports:1']],
    ['shared may not use React', 'shared/model/x.ts', "import React from 'react'\nexport const a = React\n", ['no-restricted-imports:1']],
    ['shared may not use DOM globals', 'shared/text/x.ts', 'export const a = document.title\n', ['no-restricted-globals:1']],
    ['a stage may not import another stage', 'shared/pipeline/04-diff/x.ts', "import { segment } from '../02-segment/segment'\nexport const a = segment\n", ['no-restricted-syntax:1']],
    ['diff-match-patch only through its wrapper', 'shared/pipeline/03-align/x.ts', "import D from 'diff-match-patch'\nexport const a = D\n", ['no-restricted-imports:1']],
    ['the wrapper may import diff-match-patch', 'shared/pipeline/04-diff/dmp.ts', "import D from 'diff-match-patch'\nexport const a = D\n", []],
    ['sentiment only through its wrapper', 'shared/pipeline/05-language/x.ts', "import S from 'sentiment'\nexport const a = S\n", ['no-restricted-imports:1']],
    ['renderer may not import electron', 'renderer/src/x.ts', "import { app } from 'electron'\nexport const a = app\n", ['no-restricted-imports:1']],
    ['renderer may not import main-process code', 'renderer/src/x.ts', "import { a } from '../../electron/main/x'\nexport const b = a\n", ['no-restricted-imports:1']],
    ['renderer touches window.api only in platform/', 'renderer/src/features/x.ts', 'export const a = window.api\n', ['no-restricted-properties:1']],
    ['electron may not import the renderer', 'electron/main/x.ts', "import { a } from '../../renderer/src/x'\nexport const b = a\n", ['no-restricted-imports:1']],
    ['electron may use electron', 'electron/main/x.ts', "import { app } from 'electron'\nexport const a = app\n", []],
    ['cli may not import React', 'cli/x.ts', "import React from 'react'\nexport const a = React\n", ['no-restricted-imports:1']]
  ]
  it.each(table)('%s', async (_name, file, code, expected) => {
    expect(await ruleIds(file, code)).toEqual(expected)
  })
})
