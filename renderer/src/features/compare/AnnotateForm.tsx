import { useState, type ReactNode } from 'react'
import type { ArticleId, FlagCategory } from '@shared/model'
import { useApp } from '../../state/AppState'
import { CATEGORIES, CATEGORY } from '../../state/layers'
import { Modal } from '../../components/Modal'

export interface PendingAnnotation {
  readonly article: ArticleId
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Category + note for a user's own highlight on a text selection (stored in the study). */
export function AnnotateForm(props: { readonly pending: PendingAnnotation; readonly onClose: () => void }): ReactNode {
  const { dispatch } = useApp()
  const [category, setCategory] = useState<FlagCategory>('loaded')
  const [note, setNote] = useState('')
  const p = props.pending
  return (
    <Modal title="Annotate selection" onClose={props.onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          dispatch({
            type: 'annotate',
            annotation: {
              id: `${p.article}-${p.start}-${p.end}-${Date.now().toString(36)}`,
              article: p.article,
              start: p.start,
              end: p.end,
              category,
              note,
              at: new Date().toISOString()
            }
          })
          props.onClose()
        }}
      >
        <blockquote className="quote-preview">{p.text}</blockquote>
        <label className="field">
          Category
          <select value={category} onChange={(e) => setCategory(e.target.value as FlagCategory)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY[c].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} placeholder="What does this wording do?" />
        </label>
        <div className="btn-row">
          <button type="submit" className="primary">
            Save annotation
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  )
}
