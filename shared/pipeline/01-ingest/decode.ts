/**
 * Bytes → string for text-like inputs (.txt, .md, .html): BOM sniffing, UTF-8 validation,
 * statistical detection for legacy 8-bit encodings, and binary rejection.
 *
 * This is the only module that imports `chardet` and `iconv-lite` (lint gate). Decoding itself
 * uses `TextDecoder` wherever the WHATWG Encoding standard covers the label (all encodings
 * chardet reports except UTF-32 and ISO-2022-CN/KR): it exists in Node, browsers and workers,
 * whereas iconv-lite needs Node's `Buffer`. iconv-lite is therefore loaded lazily, only for a
 * label `TextDecoder` rejects; where it cannot load (the browser), we fall back to UTF-8 with a
 * warning instead of failing.
 *
 * Decision order (first match wins):
 *  1. BOM (UTF-8, UTF-16LE/BE, UTF-32LE/BE).
 *  2. Signatures of well-known binary formats (PDF, ZIP/DOCX, PNG, …) → BINARY_FILE.
 *  3. BOM-less UTF-16: NUL bytes concentrated at odd (LE) or even (BE) positions.
 *  4. Any other NUL byte → BINARY_FILE.
 *  5. Strictly valid UTF-8 (pure ASCII included) → UTF-8.
 *  6. Mostly valid UTF-8 (well-formed multi-byte sequences outnumber runs of bad bytes), at any
 *     length → UTF-8 with U+FFFD and a warning; on a tie, chardet decides.
 *  7. chardet's best non-Unicode guess (e.g. windows-1252, KOI8-R) with an ENCODING_GUESSED warning.
 * Finally, decoded text dominated by control characters is rejected as binary.
 */
import chardet from 'chardet'
import type { IngestWarning } from '../../model'
import type { Result } from '../../util/result'
import { err, ok } from '../../util/result'

export interface Decoded {
  readonly text: string
  /** Canonical label of the encoding used, e.g. 'UTF-8', 'UTF-16LE', 'windows-1252'. */
  readonly encoding: string
  readonly warnings: readonly IngestWarning[]
}

/** Magic numbers of binary formats people rename to .txt by mistake (or on purpose). */
const SIGNATURES: ReadonlyArray<{ readonly bytes: readonly number[]; readonly what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF' }, // %PDF-
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (perhaps a .docx)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable' },
  { bytes: [0x4d, 0x5a], what: 'a Windows executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.doc)' }
]

/** How many leading bytes the statistical checks look at (detection cost stays O(1)). */
const SAMPLE_BYTES = 64 * 1024
/**
 * Bytes handed to chardet, whose cost is ~0.5 ms per KB (64 KB took ~30 ms, most of the time of
 * decoding a 1 MB legacy file). 16 KB of non-ASCII-bearing lines is plenty for its n-gram models.
 */
const DETECT_BYTES = 16 * 1024

/**
 * The part of `bytes` chardet should see: the whole input when small, else whole lines that
 * contain non-ASCII bytes (they carry all the evidence; ASCII is the same in every candidate),
 * up to DETECT_BYTES, so a file whose first pages are plain ASCII is still judged by its accents.
 */
export function detectionSample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= DETECT_BYTES) return bytes
  const LINE_MAX = 512
  const out = new Uint8Array(DETECT_BYTES)
  let filled = 0
  let i = 0
  while (filled < DETECT_BYTES && i < bytes.length) {
    while (i < bytes.length && bytes[i]! < 0x80) i++
    if (i >= bytes.length) break
    let start = i
    const minStart = Math.max(0, i - LINE_MAX)
    while (start > minStart && bytes[start - 1] !== 0x0a) start--
    let end = i
    const maxEnd = Math.min(bytes.length, i + LINE_MAX)
    while (end < maxEnd && bytes[end] !== 0x0a) end++
    if (end < bytes.length && bytes[end] === 0x0a) end++
    const take = Math.min(end - start, DETECT_BYTES - filled)
    out.set(bytes.subarray(start, start + take), filled)
    filled += take
    i = end
  }
  return filled === 0 ? bytes.subarray(0, DETECT_BYTES) : out.subarray(0, filled)
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false
  return true
}

/** windows-1252 bytes 0x80–0x9F (0 = undefined in the code page, kept as the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
]

/**
 * windows-1252 by table. Node 20's TextDecoder takes a Latin-1 fast path for this label and
 * turns 0x93 into U+0093 instead of “ (browsers are right); curly quotes and dashes matter here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  // Fast path: the runtime's decoder (native; browsers map 0x80–0x9F already, Node 20 leaves
  // C1 controls), then C1 controls mapped by the table. ~5x faster than building the string here.
  try {
    const text = new TextDecoder('windows-1252').decode(bytes)
    if (text.length === bytes.length) {
      return C1_ANY.test(text) ? text.replace(C1_ALL, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] || c.charCodeAt(0))) : text
    }
  } catch {
    /* no windows-1252 decoder in this runtime: build the string by table below */
  }
  const parts: string[] = []
  const CHUNK = 8192
  for (let off = 0; off < bytes.length; off += CHUNK) {
    const end = Math.min(bytes.length, off + CHUNK)
    const codes = new Array<number>(end - off)
    for (let i = off; i < end; i++) {
      const b = bytes[i]!
      codes[i - off] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || b : b
    }
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

const C1_ANY = /[\u0080-\u009f]/
const C1_ALL = /[\u0080-\u009f]/g

/** Labels the WHATWG Encoding standard maps to windows-1252. */
const CP1252_LABELS = /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|ascii|us-ascii|iso-ir-100|cp819|ibm819)$/i

/** Decode with TextDecoder; returns undefined when the runtime does not know the label. */
function tryTextDecoder(bytes: Uint8Array, label: string, fatal = false): string | undefined {
  if (CP1252_LABELS.test(label)) return decodeWindows1252(bytes)
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label, { fatal, ignoreBOM: false })
  } catch {
    return undefined
  }
  return decoder.decode(bytes)
}

/**
 * Evidence for and against UTF-8 in a sample: `valid` counts well-formed multi-byte sequences,
 * `invalidRuns` counts maximal runs of bytes that belong to no well-formed sequence.
 *
 * Runs, not bytes: one corrupted spot in a UTF-8 file is often several bad bytes in a row
 * (e.g. FF FE FD pasted from a binary), while a legacy 8-bit file produces one run per accented
 * letter or per word of Cyrillic. Accidental well-formed sequences in legacy text need a byte
 * C2–DF (Latin-1 capitals, KOI8-R lower case) followed by 80–BF (symbols, curly quotes, ё), so
 * they stay far fewer than the runs; in UTF-8 with a few broken bytes the opposite holds.
 */
function utf8Stats(bytes: Uint8Array): { valid: number; invalidRuns: number } {
  let valid = 0
  let invalidRuns = 0
  // True while the previous byte was invalid, so consecutive bad bytes count as one run.
  let inRun = false
  const n = bytes.length
  for (let i = 0; i < n; ) {
    const b = bytes[i]!
    if (b < 0x80) { i++; inRun = false; continue }
    let need: number
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) need = 2
    else if (b >= 0xf0 && b <= 0xf4) need = 3
    else need = 0
    let k = 1
    while (need > 0 && k <= need && i + k < n && (bytes[i + k]! & 0xc0) === 0x80) k++
    if (need > 0 && k === need + 1) { valid++; i += k; inRun = false; continue }
    if (need > 0 && i + k >= n) break // a sequence cut by the end of the sample is no evidence
    if (!inRun) invalidRuns++
    inRun = true
    i += need > 0 ? k : 1
  }
  return { valid, invalidRuns }
}

/**
 * KOI8-R or windows-1251 when `bytes` look like single-byte Cyrillic, else undefined. For short
 * inputs where chardet's n-grams have too little to work on. Cyrillic letters are 0xC0–0xFF in
 * both code pages and come in whole words (runs of 3+ high bytes), which accented Latin text
 * almost never does (one accented letter between ASCII ones). The two differ in which half holds
 * lower case (windows-1251: 0xE0–0xFF; KOI8-R: 0xC0–0xDF), and running text is mostly lower case.
 * (Greek or Hebrew code pages have the same shape; chardet usually names them, and this runs only
 * when it named nothing useful.)
 */
function cyrillicGuess(bytes: Uint8Array): 'KOI8-R' | 'windows-1251' | undefined {
  let high = 0
  let letters = 0
  let inWords = 0
  let upperHalf = 0
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) { i++; continue }
    let j = i
    while (j < bytes.length && bytes[j]! >= 0x80) j++
    for (let k = i; k < j; k++) {
      const b = bytes[k]!
      if (b >= 0xc0) { letters++; if (b >= 0xe0) upperHalf++ }
    }
    high += j - i
    if (j - i >= 3) inWords += j - i
    i = j
  }
  // Letters are counted for the case test only: ё, і, ї, є sit below 0xC0 in both code pages.
  if (high < 6 || letters < high / 2 || inWords < high * 0.7) return undefined
  return upperHalf >= letters / 2 ? 'windows-1251' : 'KOI8-R'
}

/** Share of characters in the first part of `text` that only occur in binary data. */
function controlRatio(text: string): number {
  const n = Math.min(text.length, 8192)
  if (n === 0) return 0
  return binaryCharCount(text, n) / n
}

/**
 * Characters among the first `n` of `text` that only occur in binary data. A function of its
 * own so that nothing follows the loop but `return`: V8 compiles the loop on-stack while the
 * first call is in it, and an operation after the loop that had not run yet (the division, when
 * it was here) deoptimised that code at the loop's exit, on every later call too under
 * --single-threaded (258 deopts decoding 86 files 3x), ~3 per run otherwise.
 */
function binaryCharCount(text: string, n: number): number {
  let bad = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    // Tab, LF, VT, FF, CR and ESC are tolerated; other C0 controls, DEL and U+FFFD are not.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) || c === 0x7f || c === 0xfffd) bad++
  }
  return bad
}

/** Normalise the many spellings of encoding labels to what the UI should show. */
function displayLabel(label: string): string {
  const l = label.toLowerCase()
  if (l === 'utf-8' || l === 'utf8') return 'UTF-8'
  if (l === 'utf-16le') return 'UTF-16LE'
  if (l === 'utf-16be') return 'UTF-16BE'
  return label
}

async function decodeWithIconv(bytes: Uint8Array, label: string): Promise<string | undefined> {
  try {
    // Lazy: iconv-lite needs Node's Buffer, so it must not load when the browser bundle starts.
    const mod = await import('iconv-lite')
    const iconv = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod
    if (!iconv.encodingExists(label)) return undefined
    // iconv-lite accepts any Uint8Array at run time; its typings ask for a Buffer.
    return iconv.decode(bytes as Parameters<typeof iconv.decode>[0], label)
  } catch {
    return undefined
  }
}

/**
 * Decode `bytes` of a text-like file named `fileName` (the name is used in messages only).
 * `declared` is a charset the file states about itself (HTML `<meta charset>`); it is trusted
 * over statistics when the bytes are not valid UTF-8. Never throws; binary data yields BINARY_FILE.
 */
export async function decodeText(bytes: Uint8Array, fileName: string, declared?: string): Promise<Result<Decoded>> {
  const warnings: IngestWarning[] = []
  const done = (text: string, encoding: string): Result<Decoded> => {
    if (controlRatio(text) > 0.1) {
      return err('BINARY_FILE', `${fileName} looks like binary data, not text.`)
    }
    return ok({ text, encoding, warnings })
  }

  // 1. Byte-order marks. UTF-32 must be tested before UTF-16 (FF FE 00 00 starts with FF FE).
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return done(tryTextDecoder(bytes, 'utf-8')!, 'UTF-8')
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-32le' : 'utf-32be'
    const text = await decodeWithIconv(bytes, label)
    if (text !== undefined) return done(text.replace(/^\uFEFF/, ''), label.toUpperCase())
    return err('UNSUPPORTED_FORMAT', `${fileName} is UTF-32 text, which cannot be decoded here; save it as UTF-8.`)
  }
  if (startsWith(bytes, [0xff, 0xfe])) return done(tryTextDecoder(bytes, 'utf-16le')!, 'UTF-16LE')
  if (startsWith(bytes, [0xfe, 0xff])) return done(tryTextDecoder(bytes, 'utf-16be')!, 'UTF-16BE')

  // 2. Known binary signatures.
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) {
      return err('BINARY_FILE', `${fileName} is ${sig.what}, not a text file.`)
    }
  }

  // 3./4. NUL bytes: BOM-less UTF-16 puts them in every other byte of ASCII text.
  const n = Math.min(bytes.length, SAMPLE_BYTES)
  let nulEven = 0
  let nulOdd = 0
  for (let i = 0; i < n; i++) if (bytes[i] === 0) { if (i % 2 === 0) nulEven++; else nulOdd++ }
  if (nulEven + nulOdd > 0) {
    const half = n / 2
    if (nulOdd > half * 0.3 && nulEven < nulOdd * 0.05) {
      warnings.push({ code: 'ENCODING_GUESSED', message: `${fileName}: no byte-order mark; decoded as UTF-16LE.` })
      return done(tryTextDecoder(bytes, 'utf-16le')!, 'UTF-16LE')
    }
    if (nulEven > half * 0.3 && nulOdd < nulEven * 0.05) {
      warnings.push({ code: 'ENCODING_GUESSED', message: `${fileName}: no byte-order mark; decoded as UTF-16BE.` })
      return done(tryTextDecoder(bytes, 'utf-16be')!, 'UTF-16BE')
    }
    return err('BINARY_FILE', `${fileName} contains binary data (NUL bytes), not text.`)
  }

  // 5. Strict UTF-8.
  const strict = (() => {
    try {
      return tryTextDecoder(bytes, 'utf-8', true)
    } catch {
      return undefined
    }
  })()
  if (strict !== undefined) return done(strict, 'UTF-8')

  // 5b. A declared legacy charset (HTML) beats guessing.
  if (declared && !/^utf-?8$/i.test(declared)) {
    const text = tryTextDecoder(bytes, declared)
    if (text !== undefined) return done(text, displayLabel(declared))
  }

  // 6. UTF-8 with a few broken sequences: real multi-byte characters outnumber the broken spots.
  // The evidence is counted on the whole input when small, else on the lines that carry non-ASCII
  // bytes (a long file that is ASCII for its first 64 KB is still judged by its accents). The
  // majority rule does not depend on length: a 50-byte note with "été" and one bad run is UTF-8
  // just like a 50 KB article (chardet's n-gram models are unreliable on a few bytes).
  const stats = utf8Stats(bytes.length <= SAMPLE_BYTES ? bytes : detectionSample(bytes))
  // chardet only when the byte statistics do not settle it (it is the expensive step).
  let guessed: ReturnType<typeof chardet.analyse> | undefined
  const guess = (): ReturnType<typeof chardet.analyse> => (guessed ??= chardet.analyse(detectionSample(bytes)))
  if (stats.valid > 0 && (stats.valid > stats.invalidRuns || guess()[0]?.name === 'UTF-8')) {
    const text = tryTextDecoder(bytes, 'utf-8')!
    let replaced = 0
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replaced++
    warnings.push({
      code: 'INVALID_ENCODING_REPLACED',
      message: `${fileName}: ${replaced} invalid UTF-8 byte sequence${replaced === 1 ? ' was' : 's were'} replaced with \uFFFD.`
    })
    return done(text, 'UTF-8')
  }

  // 7. Legacy 8-bit (or CJK multi-byte) encodings: chardet's best non-UTF guess, unless chardet
  // had nothing to go on (a sentence or two: "ASCII", or Shift_JIS at 10%) and the bytes have the
  // unmistakable shape of single-byte Cyrillic.
  const found = guess().find((g) => !/^UTF/i.test(g.name))
  const weak = !found || found.name === 'ASCII' || found.confidence <= 10
  const cyrillic = weak ? cyrillicGuess(bytes.length <= SAMPLE_BYTES ? bytes : detectionSample(bytes)) : undefined
  // chardet's "ASCII" means it saw no evidence: windows-1252 (a superset of Latin-1) is the fallback.
  const candidate = cyrillic || found?.name === 'ASCII' ? undefined : found
  const label = cyrillic ?? candidate?.name ?? 'windows-1252'
  const viaDecoder = tryTextDecoder(bytes, label)
  const text = viaDecoder ?? (await decodeWithIconv(bytes, label))
  if (text === undefined) {
    warnings.push({ code: 'INVALID_ENCODING_REPLACED', message: `${fileName}: encoding ${label} is not supported here; decoded as UTF-8 with replacements.` })
    return done(tryTextDecoder(bytes, 'utf-8')!, 'UTF-8')
  }
  warnings.push({
    code: 'ENCODING_GUESSED',
    message: `${fileName}: not UTF-8; decoded as ${label}${candidate ? ` (detector confidence ${candidate.confidence}%)` : cyrillic ? ' (guessed from the shape of its Cyrillic words; the text is too short for the detector)' : ''}.`
  })
  return done(text, displayLabel(label))
}
