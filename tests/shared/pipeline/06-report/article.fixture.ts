// An Article for report tests: outlet = the id upper-cased, real hash, no ingestion.
import type { Article } from '../../../../shared/model'
import { sha256 } from '../../../../shared/util/sha256'

export function article(id: string, text: string): Article {
  return {
    id,
    meta: { title: id, outlet: id.toUpperCase(), author: '', date: '', url: '', language: 'en', viewpoint: '', constructed: true, note: '' },
    text,
    hash: sha256(text),
    source: { format: 'txt', fileName: `${id}.txt`, encoding: 'UTF-8', byteLength: text.length },
    warnings: []
  }
}
