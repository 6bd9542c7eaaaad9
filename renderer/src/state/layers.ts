// Highlight layers and flag-category presentation. Colour is never the only cue: every category
// also has an underline style and a glyph, and the legend spells the name out.
import type { FlagCategory } from '@shared/model'

export type LayerId = 'loaded' | 'naming' | 'sentiment' | 'quotes' | 'diff' | 'annotations'

export const LAYERS: readonly { readonly id: LayerId; readonly label: string; readonly key: string; readonly hint: string }[] = [
  { id: 'loaded', label: 'Loaded wording', key: '1', hint: 'Evaluative words by category (own voice and quoted)' },
  { id: 'naming', label: 'Contested naming', key: '2', hint: 'Names that signal a viewpoint ("Zionist regime" vs "Israel")' },
  { id: 'sentiment', label: 'Sentiment', key: '3', hint: 'Tint and score per sentence (AFINN-165 based)' },
  { id: 'quotes', label: 'Quotes & sources', key: '4', hint: 'Quotations and who is quoted' },
  { id: 'diff', label: 'Differences', key: '5', hint: 'Words not in the base passage' },
  { id: 'annotations', label: 'Your annotations', key: '6', hint: 'Highlights you added' }
]

export const DEFAULT_LAYERS: readonly LayerId[] = ['loaded', 'naming', 'quotes', 'annotations']

export interface CategoryStyle {
  readonly label: string
  readonly glyph: string
  readonly underline: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy'
}

export const CATEGORY: Readonly<Record<FlagCategory, CategoryStyle>> = {
  loaded: { label: 'Loaded wording', glyph: '◆', underline: 'solid' },
  labeling: { label: 'Labelling', glyph: '▲', underline: 'double' },
  exaggeration: { label: 'Exaggeration', glyph: '⇑', underline: 'wavy' },
  doubt: { label: 'Casting doubt', glyph: '?', underline: 'dotted' },
  fear: { label: 'Fear appeal', glyph: '!', underline: 'wavy' },
  hedge: { label: 'Hedge', glyph: '~', underline: 'dashed' },
  factive: { label: 'Factive verb', glyph: '✓', underline: 'dotted' },
  'reporting-verb': { label: 'Reporting verb', glyph: '»', underline: 'dashed' },
  'vague-source': { label: 'Vague source', glyph: '∅', underline: 'dotted' },
  'contested-naming': { label: 'Contested naming', glyph: '⚑', underline: 'double' },
  annotation: { label: 'Annotation', glyph: '✎', underline: 'solid' }
}

export const CATEGORIES = Object.keys(CATEGORY) as FlagCategory[]

/** Which layer shows a flag of this category. */
export function layerOf(category: FlagCategory): LayerId {
  if (category === 'contested-naming') return 'naming'
  if (category === 'annotation') return 'annotations'
  return 'loaded'
}

/** Category colours for charts (same hues as the highlight underlines, light theme). */
export const CATEGORY_HEX: Readonly<Record<FlagCategory, string>> = {
  loaded: '#b3261e',
  labeling: '#7b1fa2',
  exaggeration: '#d97706',
  doubt: '#8a5a00',
  fear: '#e11d48',
  hedge: '#0f8a8a',
  factive: '#3f8f2a',
  'reporting-verb': '#1d4ed8',
  'vague-source': '#64748b',
  'contested-naming': '#db2777',
  annotation: '#ca8a04'
}
