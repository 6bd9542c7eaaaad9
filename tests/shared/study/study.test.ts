import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Article, Study } from '../../../shared/model'
import { createStudy, parseStudy, serializeStudy, studyToAnalyzeInput, STUDY_SCHEMA_VERSION } from '../../../shared/study'
import { sha256 } from '../../../shared/util/sha256'

function article(id: string, text: string, title = id): Article {
  return {
    id,
    meta: { title, outlet: `${id} outlet`, author: '', date: '2024-05-01', url: '', language: 'en', viewpoint: '', constructed: true, note: '' },
    text,
    hash: sha256(text),
    source: { format: 'txt', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: text.length },
    warnings: [{ code: 'BOILERPLATE_REMOVED', message: 'removed a cookie notice' }]
  }
}

const A = article('seed', 'Azerbaijan opened an embassy in Tel Aviv. “A milestone,” officials said.', 'Baku opens embassy')
const B = article('wire', 'Baku opened its embassy in Israel on Wednesday.')
const NOW = '2024-05-02T10:00:00.000Z'

function make(extra: Partial<Parameters<typeof createStudy>[2]> = {}): Study {
  const r = createStudy([A, B], 'seed', { lexiconVersion: 'lex-1', now: NOW, ...extra })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function mutate(study: Study, f: (raw: Record<string, unknown>) => void): string {
  const raw = JSON.parse(serializeStudy(study)) as Record<string, unknown>
  f(raw)
  return JSON.stringify(raw)
}

describe('createStudy / serializeStudy / parseStudy', () => {
  it('records versions, base, codebook, articles and their ingest warnings', () => {
    const s = make({ codebook: { name: 'cb', entries: [{ term: 'regime', category: 'labeling', note: '' }] } })
    expect(s).toMatchObject({ format: 'parallax-study', schemaVersion: STUDY_SCHEMA_VERSION, lexiconVersion: 'lex-1', base: 'seed', title: 'Baku opens embassy' })
    expect(s.appVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(s.codebook?.entries).toHaveLength(1)
    expect(s.articles.map((a) => a.id)).toEqual(['seed', 'wire'])
    expect(Object.keys(s.articles[0]!)).toEqual(['id', 'meta', 'text', 'hash', 'source', 'warnings'])
    expect(s.articles[0]!.warnings).toEqual(A.warnings)
    expect(studyToAnalyzeInput(s).articles[0]!.warnings).toEqual(A.warnings)
  })

  it('round-trips byte for byte with stable key order and 2-space indentation', () => {
    const s = make({
      annotations: [{ id: 'n1', article: 'wire', start: 0, end: 4, category: 'annotation', note: 'metonym', at: NOW }],
      reviews: [{ flagId: 'seed:0-5:x', status: 'rejected', note: '', at: NOW }],
      corrections: [{ kind: 'unlink', linkId: 'seed:0-1~wire:0-1', at: NOW }],
      settings: { linkThreshold: 0.4 }
    })
    const text = serializeStudy(s)
    expect(text.startsWith('{\n  "format": "parallax-study",\n  "schemaVersion": 1,')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    const back = parseStudy(text)
    expect(back.ok && back.value).toEqual(s)
    expect(back.ok && serializeStudy(back.value)).toBe(text)
    // Shuffled keys serialise to the same canonical text.
    const shuffled = JSON.parse(text) as Record<string, unknown>
    const reversed = Object.fromEntries(Object.entries(shuffled).reverse())
    const again = parseStudy(JSON.stringify(reversed))
    expect(again.ok && serializeStudy(again.value)).toBe(text)
  })

  it('rejects a base that is not among the articles and an empty study', () => {
    expect(createStudy([A], 'nope', { lexiconVersion: 'x', now: NOW })).toMatchObject({ ok: false, error: { code: 'STUDY_INVALID' } })
    expect(createStudy([], 'seed', { lexiconVersion: 'x', now: NOW }).ok).toBe(false)
  })

  it('turns a study into the composer input', () => {
    const s = make({ settings: { linkThreshold: 0.3 } })
    const input = studyToAnalyzeInput(s)
    expect(input.base).toBe('seed')
    expect(input.linkThreshold).toBe(0.3)
    expect(input.articles[1]).toMatchObject({ id: 'wire', text: B.text, hash: B.hash })
    expect('linkThreshold' in studyToAnalyzeInput(make())).toBe(false)
  })
})

describe('parseStudy errors (one clear line each)', () => {
  const good = serializeStudy(make())
  const cases: [string, string, RegExp, string?][] = [
    ['empty file', '', /empty/],
    ['truncated JSON', good.slice(0, Math.floor(good.length / 2)), /truncated/],
    ['truncated after the last brace', good.slice(0, good.lastIndexOf('}')), /truncated/],
    ['corrupt JSON', good.replace('"base":', '"base" '), /corrupt: not valid JSON at line \d+, column \d+/],
    // Node 20 gives no position for an unexpected token; the line and column still come out.
    ['an unexpected token (no position from JSON.parse)', good.replace('"schemaVersion": 1', '"schemaVersion": tru'), /corrupt: not valid JSON at line 3, column 23 \(Unexpected token ','\)$/],
    ['a trailing comma, with the parser\'s reason', good.replace(/\n\}\n$/, ',\n}\n'), /corrupt: not valid JSON at line \d+, column 1 \(Expected double-quoted property name\)$/],
    ['a plain text file', 'Baku opened its embassy in Israel.\n', /^this is not a Parallax study file \(\.parallax\.json\): it does not hold JSON$/],
    ['broken JSON that is not a study', '{"name": "package", oops}', /^this is not a Parallax study file \(\.parallax\.json\): no "format": "parallax-study", and not valid JSON at line 1, column 21$/],
    ['a JSON array', '[1,2]', /not a Parallax study/],
    ['a foreign JSON object', '{"name":"package","version":"1.0.0"}', /not a Parallax study \(expected "format": "parallax-study"\)/],
    ['a Parallax JSON export', '{"format":"parallax-analysis"}', /JSON export, not a study/],
    ['a newer schema', mutate(make(), (r) => (r['schemaVersion'] = 7)), /newer Parallax \(study format 7; this version reads up to 1\)/, 'STUDY_TOO_NEW'],
    ['a missing schemaVersion', mutate(make(), (r) => delete r['schemaVersion']), /"schemaVersion" must be a whole number, found nothing/],
    ['a wrong field type', mutate(make(), (r) => ((r['articles'] as Record<string, Record<string, unknown>>[])[1]!['meta']!['date'] = 12)), /article 2 \("wire"\): "meta\.date": expected string, received number, found 12/],
    ['duplicate article ids', mutate(make(), (r) => ((r['articles'] as Record<string, unknown>[])[1]!['id'] = 'seed')), /article 2 \("seed"\): the id is used by another article/],
    ['a base not in the study', mutate(make(), (r) => (r['base'] = 'gone')), /"base" names article "gone"/],
    ['an annotation outside the text', mutate(make(), (r) => (r['annotations'] = [{ id: 'n', article: 'wire', start: 0, end: 9999, category: 'loaded', note: '', at: NOW }])), /annotation 1 \("n"\): offsets 0-9999 lie outside/],
    ['an edited text (hash mismatch)', mutate(make(), (r) => ((r['articles'] as Record<string, unknown>[])[1]!['text'] = 'Edited by hand.')), /article "wire": the text does not match its recorded hash/]
  ]
  it.each(cases)('%s', (_name, text, message, code = 'STUDY_INVALID') => {
    const r = parseStudy(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe(code)
    expect(r.error.message).toMatch(message)
    expect(r.error.message).not.toContain('\n')
  })

  it('opens an edited text with { rehash: true } and reports it', () => {
    const text = mutate(make(), (r) => ((r['articles'] as Record<string, unknown>[])[1]!['text'] = 'Edited by hand.'))
    const warnings: string[] = []
    const r = parseStudy(text, { rehash: true, onWarning: (w) => warnings.push(w) })
    expect(r.ok && r.value.articles[1]!.hash).toBe(sha256('Edited by hand.'))
    expect(warnings).toEqual(['article "wire": text did not match its recorded hash; hash recomputed'])
  })

  it('accepts a leading byte-order mark', () => {
    expect(parseStudy('\uFEFF' + good).ok).toBe(true)
  })
})

describe('parseStudy on arbitrary input (property)', () => {
  const good = serializeStudy(make())
  it('never throws: any text, any cut of a valid file, any JSON value gives a Result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.nat({ max: good.length }).map((n) => good.slice(0, n)), fc.json()), (text) => {
        const r = parseStudy(text)
        expect(typeof r.ok).toBe('boolean')
        if (!r.ok) expect(r.error.message).not.toContain('\n')
      }),
      { numRuns: 300 }
    )
  })

  it('any strict prefix of a valid file is refused', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.length - 2 }), (n) => {
        expect(parseStudy(good.slice(0, n)).ok).toBe(false)
      }),
      { numRuns: 200 }
    )
  })
})
