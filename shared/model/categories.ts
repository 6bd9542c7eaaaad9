/**
 * The flag categories as a runtime list (the one value in model/, so schemas, CSV columns and
 * legends share one order and cannot drift from the `FlagCategory` union: checked below).
 */
import type { FlagCategory } from './language'

/** Categories a machine rule (lexicon, naming class, codebook) can produce, in export order. */
export const MACHINE_CATEGORIES = [
  'loaded',
  'labeling',
  'exaggeration',
  'doubt',
  'fear',
  'hedge',
  'factive',
  'reporting-verb',
  'vague-source',
  'contested-naming'
] as const satisfies readonly Exclude<FlagCategory, 'annotation'>[]

/** Every category, user annotations last. */
export const FLAG_CATEGORIES = [...MACHINE_CATEGORIES, 'annotation'] as const satisfies readonly FlagCategory[]

// Compile-time exhaustiveness: fails when FlagCategory gains a member missing above.
type MissingCategory = Exclude<FlagCategory, (typeof FLAG_CATEGORIES)[number]>
const _exhaustive: MissingCategory extends never ? true : false = true
void _exhaustive
