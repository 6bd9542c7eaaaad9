/**
 * Command-line parsing for the fixed contract (issue 2, item 4). Small and explicit on
 * purpose: each command declares which options take a value and which are switches, so
 * `--json` can be a switch for `ingest`/`eval` and take OUT|- for `compare`.
 */

/** Bad usage (unknown option, missing argument): exit 2 with a usage line. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Bad input (unreadable file, invalid study…): exit 1 with one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

export interface CommandSpec {
  /** Options that take a value (`--base FILE`, `--base=FILE`). */
  readonly values: readonly string[]
  /** Options that are switches. */
  readonly switches: readonly string[]
}

export interface Parsed {
  readonly positionals: string[]
  readonly values: Map<string, string>
  readonly switches: Set<string>
}

export const SPECS: Readonly<Record<string, CommandSpec>> = {
  ingest: { values: [], switches: ['json'] },
  compare: { values: ['base', 'json', 'html', 'csv', 'study', 'passages'], switches: [] },
  eval: { values: [], switches: ['json'] },
  export: { values: ['format', 'out', 'passages'], switches: [] }
}

/**
 * Parse the arguments after the command name. `-` alone is a positional/value (stdout), and
 * everything after `--` is positional (for file names that start with a dash).
 */
export function parseArgs(command: string, argv: readonly string[]): Parsed {
  const spec = SPECS[command]
  if (!spec) throw new UsageError(`unknown command "${command}"`)
  const positionals: string[] = []
  const values = new Map<string, string>()
  const switches = new Set<string>()
  let rest = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (rest || !arg.startsWith('--') || arg === '-') {
      if (!rest && arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`, command)
      positionals.push(arg)
      continue
    }
    if (arg === '--') {
      rest = true
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    if (spec.values.includes(name)) {
      let value: string | undefined
      if (eq >= 0) value = arg.slice(eq + 1)
      else {
        value = argv[i + 1]
        // "--json --html x" would silently take "--html" as the file name: refuse it.
        if (value === undefined || (value.startsWith('--') && value.length > 2)) {
          throw new UsageError(`option --${name} needs a value`, command)
        }
        i++
      }
      if (value === '') throw new UsageError(`option --${name} needs a value`, command)
      if (values.has(name)) throw new UsageError(`option --${name} given twice`, command)
      values.set(name, value)
    } else if (spec.switches.includes(name)) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`, command)
      switches.add(name)
    } else {
      throw new UsageError(`unknown option "--${name}"`, command)
    }
  }
  return { positionals, values, switches }
}

export const EVAL_KINDS = ['spans', 'pairs', 'align'] as const
export const EXPORT_FORMATS = ['html', 'csv', 'json', 'worksheet', 'pdf'] as const
/** Same list as PASSAGES_MODES in the html serializer (checked by a test); kept here so usage checks load no engine code. */
export const PASSAGES_CHOICES = ['changes', 'all'] as const

/** `--passages changes|all` only makes sense where an HTML report is written (`what` names that output). */
function checkPassages(command: string, args: Parsed, reportWritten: boolean, what: string): void {
  const p = args.values.get('passages')
  if (p === undefined) return
  if (!(PASSAGES_CHOICES as readonly string[]).includes(p)) throw new UsageError(`unknown --passages value "${p}" (use changes or all)`, command)
  if (!reportWritten) throw new UsageError(`--passages applies only to ${what}`, command)
}

/**
 * The usage rules a command line must satisfy beyond option syntax (argument counts, enum
 * values). Checked before any engine code is loaded, so usage errors are instant and never
 * depend on the engine starting.
 */
export function checkUsage(command: string, args: Parsed): void {
  const n = args.positionals.length
  switch (command) {
    case 'ingest':
      if (n === 0) throw new UsageError('ingest needs at least one FILE', command)
      return
    case 'compare':
      if (n === 0 && !args.values.has('base')) throw new UsageError('compare needs at least one FILE', command)
      checkPassages(command, args, args.values.has('html'), 'the --html report')
      return
    case 'eval': {
      const [kind, gold] = args.positionals
      if (kind === undefined) throw new UsageError('eval needs a kind (spans, pairs or align) and a GOLD file', command)
      if (!(EVAL_KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown eval kind "${kind}" (use spans, pairs or align)`, command)
      if (gold === undefined) throw new UsageError(`eval ${kind} needs a GOLD file`, command)
      if (n > 2) throw new UsageError('eval takes one GOLD file', command)
      return
    }
    case 'export': {
      if (n !== 1) throw new UsageError(n === 0 ? 'export needs a STUDY file' : 'export takes exactly one STUDY file', command)
      const format = args.values.get('format')
      if (format === undefined) throw new UsageError('export needs --format html|csv|json|worksheet|pdf', command)
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`unknown export format "${format}" (use html, csv, json, worksheet or pdf)`, command)
      }
      if (!args.values.has('out')) throw new UsageError('export needs --out PATH', command)
      checkPassages(command, args, format === 'html' || format === 'pdf', '--format html or pdf')
      return
    }
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}
