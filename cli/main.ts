/**
 * The `parallax` command (bundled to out/cli/parallax.cjs by vite.cli.config.mts; started by
 * bin/parallax.cjs). Contract (issue 2, item 4): exit 0 on success; 1 with ONE line
 * `parallax: <what went wrong>` on stderr for bad input; 2 for usage errors, with a short
 * usage line. No stack traces for user errors; an unexpected error (a bug) prints one line and
 * a hint to rerun with PARALLAX_DEBUG=1, which adds the stack.
 *
 * stdout carries only the requested output (so `--json -` can be piped); progress and status
 * lines go to stderr.
 */
import { setFlagsFromString } from 'node:v8'
import { ENGINE_VERSION } from '../shared/version'
import { checkUsage, InputError, parseArgs, SPECS, UsageError } from './args'
import type { Io } from './commands/common'
import { Progress } from './io'
import { COMMAND_USAGE, commandHelp, MAIN_HELP } from './usage'

/**
 * A `compare` is one short burst of engine code (1-3 s on 20 articles of 5,000 words), so V8's
 * optimizing compiler costs more than it wins back when it inlines: profiles with
 * --single-threaded showed TurboFan compiling large inlined bodies (diff-match-patch's
 * cleanups, the aligner's loops) as a large share of the run, normally on background
 * threads, which is why the CLI used ~2.2 s of CPU for 1.4 s of wall time. Without inlining,
 * functions are still optimized, each on its own. Measured on bench set c (20 × 5,000 words),
 * medians of 6 alternating runs: CPU 2.11 → 1.85 s and wall 1.37 → 1.21 s (min); on the doubled
 * sets CPU 3.11 → 2.92 s (20 × 10,000 words) and 3.40 → 2.94 s (40 × 5,000 words). Results are
 * unchanged (the flag changes how code is compiled, never what it computes; outputs of the
 * bench sets and the samples hash the same). Set here, before the engine's modules load (the
 * commands are lazy chunks), so every engine function is compiled under it.
 */
setFlagsFromString('--no-turbo-inlining')
/**
 * For the same reason, V8 optimizes a function later: after 8x the default execution budget
 * (--interrupt-budget, 67,584 in Node 20's V8). Functions that run only briefly stay in the
 * baseline tiers instead of being compiled by TurboFan, often more than once after a
 * deoptimization; long-running loops are still optimized (on-stack replacement), a little later.
 * CLI compare, 5 alternating runs each, median CPU (with --no-turbo-inlining already set):
 * set c 1.82 → 1.45 s (2x: 1.55, 16x: 1.51), set b 1.93 → 1.54 s, 20 × 10,000 words
 * 2.77 → 2.40 s, 40 × 5,000 words 3.02 → 2.62 s; wall time fell with it. Outputs unchanged.
 */
setFlagsFromString('--interrupt-budget=540672')

function stdoutWrite(text: string): void {
  process.stdout.write(text)
}

function stderrLine(text: string): void {
  process.stderr.write(text + '\n')
}

/** One line: collapse any newline a message might carry (e.g. from a library). */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined) {
    // No command is a usage error: help goes to stderr so stdout stays empty.
    process.stderr.write(MAIN_HELP + '\n')
    return 2
  }
  if (command === '--help' || command === '-h') {
    stdoutWrite(MAIN_HELP + '\n')
    return 0
  }
  if (command === 'help') {
    if (rest[0] !== undefined && !SPECS[rest[0]]) {
      stderrLine(`parallax: unknown command "${rest[0]}"`)
      stderrLine('Usage: parallax help [ingest|compare|eval|export]')
      return 2
    }
    stdoutWrite(commandHelp(rest[0] ?? '') + '\n')
    return 0
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    stdoutWrite(`parallax ${ENGINE_VERSION}\n`)
    return 0
  }
  const progress = new Progress()
  try {
    if (!SPECS[command]) throw new UsageError(command.startsWith('-') ? `unknown option "${command}"` : `unknown command "${command}"`)
    if (rest.includes('--help') || rest.includes('-h')) {
      stdoutWrite(commandHelp(command) + '\n')
      return 0
    }
    const args = parseArgs(command, rest)
    checkUsage(command, args)
    // When JSON goes to stdout, status lines move to stderr to keep stdout parseable.
    const jsonToStdout = args.values.get('json') === '-' || args.values.get('out') === '-'
    const io: Io = {
      out: stdoutWrite,
      note: (t) => (jsonToStdout ? stderrLine(`parallax: ${t}`) : stdoutWrite(t + '\n')),
      warn: (t) => stderrLine(`parallax: warning: ${oneLine(t)}`),
      progress,
      now: () => new Date().toISOString()
    }
    // Commands are loaded on demand (separate chunks in out/cli/): help, version and usage
    // errors stay fast, and a failure while loading the engine (e.g. invalid built-in data)
    // lands in the catch below instead of escaping as a stack trace.
    switch (command) {
      case 'ingest':
        return await (await import('./commands/ingest')).runIngest(args, io, stderrLine)
      case 'compare':
        return await (await import('./commands/compare')).runCompare(args, io)
      case 'eval':
        return await (await import('./commands/eval')).runEval(args, io)
      case 'export':
        return await (await import('./commands/export')).runExport(args, io)
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (e) {
    progress.done()
    if (e instanceof UsageError) {
      stderrLine(`parallax: ${oneLine(e.message)}`)
      const usage = e.command ? COMMAND_USAGE[e.command] : undefined
      stderrLine(usage ? `Usage: ${usage}` : 'Usage: parallax ingest|compare|eval|export … (see "parallax --help")')
      return 2
    }
    if (e instanceof InputError) {
      stderrLine(`parallax: ${oneLine(e.message)}`)
      return 1
    }
    const message = e instanceof Error ? e.message : String(e)
    stderrLine(`parallax: internal error: ${oneLine(message)} (a bug; rerun with PARALLAX_DEBUG=1 for the stack trace)`)
    if (process.env['PARALLAX_DEBUG'] && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n')
    return 1
  }
}

// A closed pipe (`parallax compare … --json - | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode (not exit()) lets pending stdout writes to a pipe finish.
    process.exitCode = code
  },
  (e: unknown) => {
    stderrLine(`parallax: internal error: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  }
)
