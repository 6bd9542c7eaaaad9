/**
 * The built-in word data is validated HERE, on every CI run, instead of at every process start
 * (shared/resources/lexicons/index.ts compiles the built-in lexicons without the zod pass).
 * Issue 5 requires that loading a broken file fails loudly with file, entry and reason: for the
 * built-in files that failure is this test's (the same messages as compileLexicons gives for any
 * other file); user-supplied data (codebooks) is still validated when it is loaded.
 */
import { describe, expect, it } from 'vitest'
import { builtinLexiconFiles, builtinLexicons, LEXICON_VERSION, LexiconError } from '../../../shared/resources/lexicons'
import { compileLexicons, validateLexiconFile } from '../../../shared/resources/lexicons/compile'
import { builtinNaming, loadNaming } from '../../../shared/resources/naming'
import actors from '../../../shared/resources/naming/actors.json'
import { builtinEvents, builtinSynonyms, builtinWording } from '../../../shared/resources/wording'

const here = '[resources/builtin data] '

describe('built-in lexicon files against the schema', () => {
  const files = builtinLexiconFiles()

  it(here + 'all ten files are listed', () => {
    expect(files.map((f) => f.source.replace(/^.*\//, '')).sort()).toEqual(
      ['contested', 'doubt', 'epistemic', 'exaggeration', 'fear', 'labeling', 'loaded', 'propaganda', 'reporting', 'sourcing'].map((n) => `${n}.json`)
    )
  })

  it.each(files.map((f) => [f.source, f.data] as const))(here + '%s is valid and the schema changes nothing in it', (source, data) => {
    // Throws LexiconError "<file>: group i "id", entry j ("term"): <reason>" when broken.
    const parsed = validateLexiconFile(data, source)
    // The run-time path compiles the file unparsed: that is only the same when parsing is the
    // identity (no trimmed strings, no defaults filled in).
    expect(parsed).toEqual(data)
  })

  it(here + 'the validated compile equals the run-time compile (entries, version, matcher size)', () => {
    const checked = compileLexicons(files)
    const runtime = builtinLexicons()
    expect(runtime.version).toBe(checked.version)
    expect(LEXICON_VERSION).toBe(checked.version)
    expect(runtime.lexicons).toEqual(checked.lexicons)
    expect(runtime.entries).toEqual(checked.entries)
    expect(runtime.matcher.size).toBe(checked.matcher.size)
  })

  it(here + 'a broken built-in file would fail this test with file, entry and reason', () => {
    // The same check on a copy of loaded.json with one entry spoiled.
    const source = files.find((f) => f.source.endsWith('/loaded.json'))!.source
    const copy = structuredClone(files.find((f) => f.source === source)!.data) as { groups: { id: string; entries: unknown[] }[] }
    copy.groups[0]!.entries[0] = { term: 'spoiled', strength: 7 }
    expect(() => validateLexiconFile(copy, source)).toThrow(LexiconError)
    expect(() => validateLexiconFile(copy, source)).toThrow(
      new RegExp(`^${source.replace(/[.]/g, '\\.')}: group 0 "${copy.groups[0]!.id}", entry 0 \\("spoiled"\\): "strength"`)
    )
  })
})

describe('built-in naming and wording data', () => {
  it(here + 'naming: actors.json loads (its loader validates while compiling)', () => {
    expect(builtinNaming().actors.length).toBeGreaterThan(5)
    expect(() => loadNaming({ ...actors, actors: [{ id: 'x' }] }, 'actors.json')).toThrow(/actors\.json: actor 0 "x": "terms" must be a non-empty array/)
  })

  it(here + 'wording: intensity, reporting, hedges, evaluative, synonyms and events load', () => {
    const w = builtinWording()
    for (const m of [w.intensity, w.reporting, w.hedges, w.evaluative]) expect(m.size).toBeGreaterThan(10)
    expect(builtinSynonyms().size).toBeGreaterThan(20)
    expect(builtinEvents().events.size).toBeGreaterThan(10)
  })
})
