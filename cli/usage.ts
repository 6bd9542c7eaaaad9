// Help texts. The command lines are the fixed contract of issue 2 (item 4); keep them verbatim.

export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  ingest: 'parallax ingest FILE… [--json]',
  compare: 'parallax compare FILE… [--base FILE] [--json OUT|-] [--html OUT] [--csv DIR] [--study OUT]',
  eval: 'parallax eval spans|pairs|align GOLD [--json]',
  export: 'parallax export STUDY --format html|csv|json|worksheet|pdf --out PATH'
}

const COMMAND_HELP: Readonly<Record<string, string>> = {
  ingest: `Extract article(s) from files and print their metadata and text.
  --json          print {"articles": [...], "errors": [...]} instead of readable text
Files that fail are reported one line each on stderr (exit 1); the others are still printed.`,
  compare: `Analyse articles together: aligned passages, differences, loaded wording, naming, sentiment.
With one file, that article is analysed on its own. Without --base, the first file is the base.
  --base FILE     the base article (added to the files if not listed)
  --json OUT|-    write the full analysis as JSON to OUT, or to stdout with "-"
  --html OUT      write the self-contained HTML report
  --passages changes|all
                  with --html: aligned passages the report lists, "changes" (default) only
                  pairs with a classified change, pairs of two non-base articles collapsed;
                  "all" every pair, all open (much longer to print)
  --csv DIR       write flags.csv, links.csv, metrics.csv, naming.csv, sentences.csv to DIR
  --study OUT     save a study (.parallax.json) that the app and "parallax export" open
Without output options, a summary is printed. Every file is read before any is written.`,
  eval: `Score the engine against a gold file (gold formats and metrics: docs/eval.md).
  spans GOLD      token and sentence P/R/F1 of flags against *.spans.jsonl
  pairs GOLD      Spearman / accuracy / F1 of passage similarity against *.pairs.jsonl
  align GOLD      link P/R/F1 of the alignment against *.align.json
  --json          print one JSON object instead of a table`,
  export: `Export a saved study (.parallax.json).
  --format html        self-contained HTML report (PATH: a file)
  --format csv         five CSV files (PATH: a folder, created if missing)
  --format json        everything as JSON (PATH: a file, or "-" for stdout)
  --format worksheet   classroom worksheet (HTML) at PATH, and its answer key beside it:
                       ws.html -> ws.answer-key.html (PATH's extension kept)
  --format pdf         PDF of the report (needs Chromium)
  --passages changes|all
                       for html and pdf: aligned passages the report lists, "changes" (default)
                       only pairs with a classified change or your link, annotation or review,
                       pairs of two non-base articles collapsed; "all" every pair, all open
                       (much longer to print)`
}

export const MAIN_HELP = `Usage: parallax <command> [options]

Parallax compares news coverage of the same events: which passages report the same thing,
and how the wording, naming, sentiment and sourcing differ.

Commands:
  ${COMMAND_USAGE['ingest']}
  ${COMMAND_USAGE['compare']}
  ${COMMAND_USAGE['eval']}
  ${COMMAND_USAGE['export']}
  parallax help [COMMAND]

Options:
  -h, --help      show help (also after a command: parallax compare --help)
  -V, --version   show the version

Input files: .txt, .md, .html, .pdf, .docx; metadata from front matter or NAME.meta.json.
Exports are documented in docs/exports.md.
Exit status: 0 success; 1 bad input (one line on stderr); 2 usage error.
Internal errors print one line; set PARALLAX_DEBUG=1 for the stack trace.`

export function commandHelp(command: string): string {
  const usage = COMMAND_USAGE[command]
  const help = COMMAND_HELP[command]
  return usage && help ? `Usage: ${usage}\n\n${help}` : MAIN_HELP
}
