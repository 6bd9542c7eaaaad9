/**
 * The spans metric of /shared/eval/README.md ("Spans"): token-level precision, recall and F1
 * per gold label and overall, and sentence-level P/R/F1 where records carry `sentence_label`.
 *
 *  - Tokens are the shared tokenizer's WORD tokens (kind 'word'; numbers and punctuation are
 *    not scored), so every consumer of the metric counts the same units.
 *  - A token is gold-positive if it overlaps a gold span, predicted-positive if it overlaps a
 *    counted flag (overlap = the half-open ranges intersect).
 *  - A record is predicted biased if it holds any counted flag; gold-positive if its
 *    `sentence_label` is "biased". Records without `sentence_label` are left out of the
 *    sentence metric; when none has one, `sentences` is null.
 *  - Counted flags: confidence ≥ COUNT_MIN_CONFIDENCE (weaker flags are shown in the app, marked
 *    as weaker, but are not predictions) and a category in BIAS_CATEGORIES (framing words: loaded, labeling,
 *    exaggeration, doubt, fear, contested-naming, stance reporting verbs). Hedges, factives and
 *    vague sourcing are epistemic or sourcing markers, not biased wording, and are not counted.
 *  - Per label: gold tokens are those overlapping a span with that label; predicted tokens are
 *    those overlapping a counted flag whose category maps to that label (LABEL_OF_CATEGORY:
 *    labeling and contested-naming → "labeling", the rest → "loaded"). For a label the engine
 *    has no mapping for (e.g. a propaganda technique in a hidden set), every counted flag
 *    predicts it.
 * Offsets are UTF-16 code units, end exclusive, as everywhere in the engine.
 */
import type { FlagCategory, Span } from '../model'
import { tokenize } from '../text/tokenize'
import { err, ok, type Result } from '../util/result'

export interface GoldSpan extends Span {
  readonly label: string
  readonly surface?: string
}

export interface SpanGoldRecord {
  readonly id: string
  readonly text: string
  readonly spans: readonly GoldSpan[]
  /** "biased" or "non-biased" when present. */
  readonly sentenceLabel?: string
}

export interface PRF {
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export interface SpanMetrics {
  readonly tokens: PRF
  readonly sentences: PRF | null
  readonly byLabel: Readonly<Record<string, PRF>>
  readonly records: number
}

/** A prediction: a span with its flag category and (optionally) the flag's confidence. */
export interface PredictedSpan extends Span {
  readonly category: FlagCategory
  /** 0..1; absent counts as 1 (an external tagger's span without a confidence). */
  readonly confidence?: number
}

/**
 * Flags below this confidence are "weaker" suggestions: the app shows them (marked as weaker)
 * but the metric does not count them as predicting bias. It drops ambiguous low-strength
 * entries (ideology words such as "liberal" 0.3, "alleged" 0.45, neutral speech verbs such as
 * "pledged" 0.45), scare quotes and unloaded naming choices (0.45), and every
 * negated match (confidence halved). Chosen on the project's own dev sets (tests/bench/language.dev.ts
 * prints the sensitivity), never on eval data.
 */
export const COUNT_MIN_CONFIDENCE = 0.5

/** Does this flag count as a bias prediction for the metric (category and confidence)? */
export function countsAsPrediction(p: PredictedSpan, categories: ReadonlySet<FlagCategory> = BIAS_CATEGORY_SET, minConfidence = COUNT_MIN_CONFIDENCE): boolean {
  return categories.has(p.category) && (p.confidence ?? 1) >= minConfidence
}

export const BIAS_CATEGORIES: readonly FlagCategory[] = [
  'loaded',
  'labeling',
  'exaggeration',
  'doubt',
  'fear',
  'contested-naming',
  'reporting-verb'
]
const BIAS_CATEGORY_SET: ReadonlySet<FlagCategory> = new Set(BIAS_CATEGORIES)

export const LABEL_OF_CATEGORY: Readonly<Partial<Record<FlagCategory, string>>> = {
  loaded: 'loaded',
  exaggeration: 'loaded',
  doubt: 'loaded',
  fear: 'loaded',
  'reporting-verb': 'loaded',
  labeling: 'labeling',
  'contested-naming': 'labeling'
}

const KNOWN_LABELS = new Set(Object.values(LABEL_OF_CATEGORY))

/** Parse span gold (JSON Lines). Errors name the line and the reason (code INVALID_PAYLOAD). */
export function parseSpansGold(jsonl: string): Result<SpanGoldRecord[]> {
  const out: SpanGoldRecord[] = []
  const lines = jsonl.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    const where = `line ${i + 1}`
    let o: unknown
    try {
      o = JSON.parse(line)
    } catch (e) {
      return err('INVALID_PAYLOAD', `${where}: not valid JSON (${(e as Error).message})`)
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return err('INVALID_PAYLOAD', `${where}: expected a JSON object`)
    const r = o as Record<string, unknown>
    if (typeof r['text'] !== 'string') return err('INVALID_PAYLOAD', `${where}: "text" must be a string`)
    const text = r['text']
    if (!Array.isArray(r['spans'])) return err('INVALID_PAYLOAD', `${where}: "spans" must be an array`)
    const spans: GoldSpan[] = []
    for (const [k, s] of (r['spans'] as unknown[]).entries()) {
      const sp = s as Record<string, unknown> | null
      if (!sp || typeof sp['start'] !== 'number' || typeof sp['end'] !== 'number' || !Number.isInteger(sp['start']) || !Number.isInteger(sp['end'])) {
        return err('INVALID_PAYLOAD', `${where}: span ${k} needs integer "start" and "end"`)
      }
      const start = sp['start']
      const end = sp['end']
      if (start < 0 || end > text.length || start >= end) {
        return err('INVALID_PAYLOAD', `${where}: span ${k} [${start}, ${end}) lies outside the text (length ${text.length})`)
      }
      const label = typeof sp['label'] === 'string' && sp['label'] !== '' ? sp['label'] : 'loaded'
      spans.push(typeof sp['surface'] === 'string' ? { start, end, label, surface: sp['surface'] } : { start, end, label })
    }
    const sl = r['sentence_label']
    if (sl !== undefined && sl !== null && typeof sl !== 'string') return err('INVALID_PAYLOAD', `${where}: "sentence_label" must be a string`)
    const id = typeof r['id'] === 'string' || typeof r['id'] === 'number' ? String(r['id']) : `line-${i + 1}`
    out.push(typeof sl === 'string' ? { id, text, spans, sentenceLabel: sl } : { id, text, spans })
  }
  return ok(out)
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

function overlapsAny(a: Span, spans: readonly Span[]): boolean {
  for (const s of spans) if (a.start < s.end && s.start < a.end) return true
  return false
}

export interface EvalSpansOptions {
  /** Categories whose flags count as predicting bias (default BIAS_CATEGORIES). */
  readonly categories?: readonly FlagCategory[]
  /** Minimum flag confidence to count (default COUNT_MIN_CONFIDENCE). */
  readonly minConfidence?: number
}

/** Score `predict` on gold records (see module comment for every counting rule). */
export function evalSpans(
  records: readonly SpanGoldRecord[],
  predict: (text: string, id: string) => readonly PredictedSpan[],
  options: EvalSpansOptions = {}
): SpanMetrics {
  const counted = new Set(options.categories ?? BIAS_CATEGORIES)
  const minConfidence = options.minConfidence ?? COUNT_MIN_CONFIDENCE
  const labels = new Set<string>()
  for (const r of records) for (const s of r.spans) labels.add(s.label)
  const perLabel = new Map<string, { tp: number; fp: number; fn: number }>()
  for (const l of labels) perLabel.set(l, { tp: 0, fp: 0, fn: 0 })
  let tp = 0
  let fp = 0
  let fn = 0
  let stp = 0
  let sfp = 0
  let sfn = 0
  let withSentence = 0

  for (const r of records) {
    const preds = predict(r.text, r.id).filter((p) => countsAsPrediction(p, counted, minConfidence))
    const words = tokenize(r.text).filter((t) => t.kind === 'word')
    for (const w of words) {
      const g = overlapsAny(w, r.spans)
      const p = overlapsAny(w, preds)
      if (g && p) tp++
      else if (p) fp++
      else if (g) fn++
    }
    for (const l of labels) {
      const gold = r.spans.filter((s) => s.label === l)
      const mine = KNOWN_LABELS.has(l) ? preds.filter((p) => LABEL_OF_CATEGORY[p.category] === l) : preds
      const c = perLabel.get(l)!
      for (const w of words) {
        const g = overlapsAny(w, gold)
        const p = overlapsAny(w, mine)
        if (g && p) c.tp++
        else if (p) c.fp++
        else if (g) c.fn++
      }
    }
    if (r.sentenceLabel !== undefined) {
      withSentence++
      const gold = r.sentenceLabel === 'biased'
      const pred = preds.length > 0
      if (gold && pred) stp++
      else if (pred) sfp++
      else if (gold) sfn++
    }
  }
  const byLabel: Record<string, PRF> = {}
  for (const [l, c] of [...perLabel.entries()].sort()) byLabel[l] = prf(c.tp, c.fp, c.fn)
  return {
    tokens: prf(tp, fp, fn),
    sentences: withSentence > 0 ? prf(stp, sfp, sfn) : null,
    byLabel,
    records: records.length
  }
}
