// A minimal Article for engine tests: text as given, neutral metadata, no ingestion.
import type { Article } from '../../../shared/model'

export function art(id: string, text: string): Article {
  return {
    id,
    meta: { title: '', outlet: id, author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: true, note: '' },
    text,
    hash: '',
    source: { format: 'paste', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: text.length },
    warnings: []
  }
}
