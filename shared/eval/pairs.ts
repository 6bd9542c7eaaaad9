/**
 * Pair evaluation (`parallax eval pairs GOLD`): how well a passage-similarity function ranks
 * and classifies sentence pairs. Gold is JSON lines, one object per pair:
 *
 *   {"id": "p1", "a": "...", "b": "...", "score": 3.6}   graded similarity (0-5)
 *   {"id": "p2", "a": "...", "b": "...", "label": 1}     1 = same meaning, 0 = not
 *
 * Metrics: Spearman's rank correlation between the similarity and `score` (over records that
 * have a score; ties get average ranks), and accuracy and F1 (positive class: label 1) of
 * `similarity >= threshold` over records that have a label. The threshold is the engine's
 * own default (DEFAULT_LINK_THRESHOLD), passed in by the caller and never fitted here.
 */

export interface PairRecord {
  readonly id: string
  readonly a: string
  readonly b: string
  readonly score?: number
  readonly label?: 0 | 1
}

export interface PairMetrics {
  readonly spearman: number | null
  readonly accuracy: number | null
  readonly f1: number | null
  readonly threshold: number
  readonly pairs: number
}

export class PairsFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PairsFormatError'
  }
}

/** Parse `*.pairs.jsonl` text (blank lines ignored; extra keys ignored). */
export function parsePairsGold(text: string): PairRecord[] {
  const out: PairRecord[] = []
  text.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return
    let o: unknown
    try {
      o = JSON.parse(line)
    } catch (e) {
      throw new PairsFormatError(`pairs gold line ${n + 1}: not valid JSON (${(e as Error).message})`)
    }
    if (typeof o !== 'object' || o === null) throw new PairsFormatError(`pairs gold line ${n + 1}: expected an object`)
    const r = o as Record<string, unknown>
    if (typeof r['a'] !== 'string' || typeof r['b'] !== 'string') throw new PairsFormatError(`pairs gold line ${n + 1}: "a" and "b" must be strings`)
    const id = typeof r['id'] === 'string' ? r['id'] : String(n + 1)
    const score = r['score']
    const label = r['label']
    if (score !== undefined && (typeof score !== 'number' || !Number.isFinite(score))) throw new PairsFormatError(`pairs gold line ${n + 1} ("${id}"): "score" must be a number`)
    if (label !== undefined && label !== 0 && label !== 1 && label !== true && label !== false) throw new PairsFormatError(`pairs gold line ${n + 1} ("${id}"): "label" must be 0 or 1`)
    if (score === undefined && label === undefined) throw new PairsFormatError(`pairs gold line ${n + 1} ("${id}"): needs "score" or "label"`)
    out.push({
      id,
      a: r['a'],
      b: r['b'],
      ...(score !== undefined ? { score: score as number } : {}),
      ...(label !== undefined ? { label: label === 1 || label === true ? 1 : 0 } : {})
    })
  })
  return out
}

/** Average ranks (1-based), ties sharing the mean of their positions. */
export function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((_, i) => i).sort((i, j) => xs[i]! - xs[j]!)
  const r = new Array<number>(xs.length)
  for (let k = 0; k < idx.length; ) {
    let e = k
    while (e + 1 < idx.length && xs[idx[e + 1]!] === xs[idx[k]!]) e++
    const avg = (k + e) / 2 + 1
    for (let t = k; t <= e; t++) r[idx[t]!] = avg
    k = e + 1
  }
  return r
}

/** Spearman's rho as the Pearson correlation of average ranks; null when undefined (n < 2 or a constant side). */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length || x.length < 2) return null
  const rx = ranks(x)
  const ry = ranks(y)
  const n = x.length
  const mx = rx.reduce((s, v) => s + v, 0) / n
  const my = ry.reduce((s, v) => s + v, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mx
    const dy = ry[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (sxx === 0 || syy === 0) return null
  return sxy / Math.sqrt(sxx * syy)
}

/** Score `records` with `similarity` (e.g. passageSimilarity) at `threshold`. */
export function evalPairs(records: readonly PairRecord[], similarity: (a: string, b: string) => number, threshold: number): PairMetrics {
  const sims = records.map((r) => similarity(r.a, r.b))
  const graded = records.map((r, i) => [r.score, sims[i]!] as const).filter((x): x is readonly [number, number] => x[0] !== undefined)
  const rho = graded.length >= 2 ? spearman(graded.map((g) => g[1]), graded.map((g) => g[0])) : null
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  records.forEach((r, i) => {
    if (r.label === undefined) return
    const pred = sims[i]! >= threshold
    if (pred && r.label === 1) tp++
    else if (pred) fp++
    else if (r.label === 1) fn++
    else tn++
  })
  const labelled = tp + fp + fn + tn
  const accuracy = labelled === 0 ? null : (tp + tn) / labelled
  const f1 = labelled === 0 ? null : tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  return { spearman: rho, accuracy, f1, threshold, pairs: records.length }
}

/** Readable table (what the CLI prints without --json). */
export function formatPairMetrics(m: PairMetrics): string {
  const f = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3))
  return [
    `pairs: ${m.pairs}   threshold: ${m.threshold}`,
    `spearman (similarity vs score): ${f(m.spearman)}`,
    `accuracy (label):               ${f(m.accuracy)}`,
    `f1 (label = 1):                 ${f(m.f1)}`
  ].join('\n')
}
