import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Article, LanguageResult } from '../../../../shared/model'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { analyzeLanguage } from '../../../../shared/pipeline/05-language/analyzeLanguage'
import { builtinNaming } from '../../../../shared/resources/naming'
import type { Codebook } from '../../../../shared/model'

export function article(text: string, id = 'a'): Article {
  return {
    id,
    meta: { title: '', outlet: '', author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: false, note: '' },
    text,
    hash: '',
    source: { format: 'paste', fileName: '', encoding: 'UTF-8', byteLength: text.length },
    warnings: []
  }
}

export function run(text: string, codebook: Codebook | null = null, id = 'a'): LanguageResult {
  const a = article(text, id)
  return analyzeLanguage({ article: a, segmentation: segment(a), naming: builtinNaming(), codebook })
}

/**
 * The seed article body: the scraped page repeats its title and lead, so (as ingestion will)
 * keep the title and lead once, drop the duplicate and the byline, keep the rest verbatim.
 */
export function seedText(): string {
  const raw = readFileSync(resolve(__dirname, '../../../../samples/baku-tel-aviv/baku-tel-aviv-ties.txt'), 'utf8')
  const lines = raw.split('\n')
  return `${lines[0]}\n\n${lines[2]}\n\n${raw.slice(raw.indexOf('Since 1992'))}`
}
