/**
 * DOCX → paragraphs via mammoth (the only importer of mammoth).
 *
 * Before mammoth (and the JSZip inside it) inflates anything, we read the zip's central
 * directory ourselves and refuse archives whose declared sizes are absurd: total uncompressed
 * size, entry count, or a per-entry compression ratio typical of zip bombs (a real document.xml
 * compresses ~5–20x; a bomb 1000x). Archives without a central directory or without
 * word/document.xml are CORRUPT_DOCX.
 */
import mammoth from 'mammoth'
import type { ArticleMeta } from '../../../model'
import type { Result } from '../../../util/result'
import { err, ok } from '../../../util/result'

export interface ZipLimits {
  readonly maxDocxUncompressedBytes: number
  readonly maxZipRatio: number
  readonly zipRatioMinBytes: number
  readonly maxZipEntries: number
}

export interface ZipEntryInfo {
  readonly name: string
  readonly compressedSize: number
  readonly uncompressedSize: number
}

/** Read the central directory; undefined when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // End-of-central-directory record: 22 bytes + a comment of up to 65535 bytes, at the end.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break }
  }
  if (eocd < 0) return undefined
  const count = view.getUint16(eocd + 10, true)
  const cdSize = view.getUint32(eocd + 12, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  if (cdOffset + cdSize > bytes.length) return undefined
  const entries: ZipEntryInfo[] = []
  const decoder = new TextDecoder()
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined
    const compressedSize = view.getUint32(p + 20, true)
    const uncompressedSize = view.getUint32(p + 24, true)
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    if (p + 46 + nameLen > bytes.length) return undefined
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen))
    entries.push({ name, compressedSize, uncompressedSize })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** Why an archive looks like a zip bomb, or '' if it does not. */
export function zipBombReason(entries: readonly ZipEntryInfo[], limits: ZipLimits): string {
  if (entries.length > limits.maxZipEntries) return `${entries.length} entries`
  let total = 0
  for (const e of entries) {
    // 0xFFFFFFFF means "see the ZIP64 record": a Word file never needs 4 GB entries.
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) return `entry ${e.name} claims ZIP64 sizes`
    total += e.uncompressedSize
    if (e.uncompressedSize >= limits.zipRatioMinBytes && e.uncompressedSize > Math.max(1, e.compressedSize) * limits.maxZipRatio) {
      return `entry ${e.name} expands ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}x`
    }
  }
  if (total > limits.maxDocxUncompressedBytes) return `${Math.round(total / 1048576)} MB uncompressed`
  return ''
}

export interface DocxText {
  readonly paragraphs: readonly string[]
  readonly meta: Partial<ArticleMeta>
}

export async function extractDocx(bytes: Uint8Array, name: string, limits: ZipLimits): Promise<Result<DocxText>> {
  const entries = readZipDirectory(bytes)
  if (!entries) return err('CORRUPT_DOCX', `${name} is damaged or not a Word (.docx) file.`)
  const bomb = zipBombReason(entries, limits)
  if (bomb) return err('ZIP_BOMB', `${name} was refused: it looks like a zip bomb (${bomb}).`)
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    return err('CORRUPT_DOCX', `${name} is a zip archive but not a Word document (no word/document.xml).`)
  }
  let value: string
  try {
    // A fresh ArrayBuffer holding exactly these bytes (the input may be a view into a larger one).
    const arrayBuffer = bytes.slice().buffer as ArrayBuffer
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; JSZip accepts a
    // Uint8Array for either, so pass both (no Node Buffer needed in shared/).
    const input = { arrayBuffer, buffer: new Uint8Array(arrayBuffer) } as unknown as Parameters<typeof mammoth.extractRawText>[0]
    value = (await mammoth.extractRawText(input)).value
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim()
    const short = /xml/i.test(why) ? 'its document XML is broken' : why.slice(0, 80)
    return err('CORRUPT_DOCX', `${name} is damaged (${short}).`)
  }
  // mammoth ends each paragraph with "\n\n"; a soft line break inside one gives a single "\n".
  const paragraphs = value.split(/\n+/)
  return ok({ paragraphs, meta: {} })
}
