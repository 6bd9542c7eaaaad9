// The study's articles: add (open dialog, drag and drop, paste), metadata, base, order, remove.
import { useState, type DragEvent, type ReactNode } from 'react'
import type { ArticleMeta, StudyArticle } from '@shared/model'
import { useApp } from '../../state/AppState'
import { useCommands } from '../../app/commands'
import { useWorkspace } from '../../state/useDerived'
import { droppedFiles } from '../../platform/dropEntries'

const FIELDS: readonly { readonly key: keyof ArticleMeta; readonly label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'author', label: 'Author' },
  { key: 'date', label: 'Date' },
  { key: 'viewpoint', label: 'Viewpoint' },
  { key: 'url', label: 'URL' },
  { key: 'language', label: 'Language' },
  { key: 'note', label: 'Note' }
]

function MetaEditor(props: { readonly article: StudyArticle; readonly onDone: () => void }): ReactNode {
  const { dispatch } = useApp()
  const [draft, setDraft] = useState<ArticleMeta>(props.article.meta)
  return (
    <form
      className="meta-form"
      onSubmit={(e) => {
        e.preventDefault()
        dispatch({ type: 'edit-meta', id: props.article.id, patch: draft })
        props.onDone()
      }}
    >
      {FIELDS.map((f) => (
        <label key={f.key} className="field">
          {f.label}
          <input value={String(draft[f.key])} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
        </label>
      ))}
      <label className="field inline">
        <input type="checkbox" checked={draft.constructed} onChange={(e) => setDraft({ ...draft, constructed: e.target.checked })} /> Constructed teaching sample
      </label>
      <div className="btn-row">
        <button type="submit" className="primary">
          Save metadata
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}

export function LibraryView(): ReactNode {
  const { study, dispatch, history, setView, notify, setStudyPath } = useApp()
  const cmd = useCommands()
  const { derived } = useWorkspace()
  const [editing, setEditing] = useState<string | null>(null)
  const [drag, setDrag] = useState(false)
  const [paste, setPaste] = useState({ open: false, title: '', text: '' })

  const onDrop = (e: DragEvent): void => {
    e.preventDefault()
    setDrag(false)
    // Entries are taken synchronously (the DataTransfer empties after this handler), read after.
    void droppedFiles(e.dataTransfer).then(({ files, skipped }) => {
      if (skipped.length)
        notify('info', `Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} in the dropped folder that are not articles: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? '…' : ''}`)
      if (files.length) void cmd.addDropped(files)
      else if (!skipped.length) notify('warning', 'Nothing to add: the drop held no files.')
    })
  }

  return (
    <div
      className={drag ? 'library dragging' : 'library'}
      onDragOver={(e) => {
        e.preventDefault()
        setDrag(true)
      }}
      onDragLeave={() => setDrag(false)}
      onDrop={onDrop}
    >
      <div className="lib-head">
        <label className="field grow">
          Study title
          <input
            defaultValue={study.title}
            key={study.title}
            onBlur={(e) => e.target.value !== study.title && dispatch({ type: 'set-title', title: e.target.value })}
          />
        </label>
        <div className="btn-row">
          <button type="button" className="primary" onClick={() => void cmd.openArticles()}>
            + Add articles…
          </button>
          <button type="button" onClick={() => setPaste((p) => ({ ...p, open: !p.open }))} aria-expanded={paste.open}>
            Paste text
          </button>
          <button type="button" onClick={() => void cmd.openStudy()}>
            Open study…
          </button>
          <button
            type="button"
            onClick={() => {
              dispatch({ type: 'new-study' })
              // Save must not write the empty study over the file the old one came from.
              setStudyPath(undefined)
              notify('info', 'Started a new, empty study. Undo brings the previous one back.')
            }}
            disabled={study.articles.length === 0}
            title="Start an empty study (Undo brings this one back)"
          >
            New study
          </button>
        </div>
      </div>
      <p className="drop-hint">
        Drop .txt, .md, .html, .pdf or .docx files (several at once, or a whole folder, with any .meta.json sidecars) anywhere here to add them.
      </p>
      {paste.open && (
        <form
          className="paste-form"
          onSubmit={async (e) => {
            e.preventDefault()
            if (await cmd.addPasted(paste.text, paste.title)) setPaste({ open: false, title: '', text: '' })
          }}
        >
          <label className="field">
            Name (optional)
            <input value={paste.title} onChange={(e) => setPaste({ ...paste, title: e.target.value })} />
          </label>
          <label className="field">
            Article text
            <textarea rows={8} value={paste.text} onChange={(e) => setPaste({ ...paste, text: e.target.value })} />
          </label>
          <button type="submit" className="primary" disabled={!paste.text.trim()}>
            Add pasted article
          </button>
        </form>
      )}
      {study.articles.length === 0 && (
        <p className="empty-state" data-library-empty="">
          No articles yet. Use “+ Add articles…”, drop files here, or paste a text. The first article you add becomes the base.
        </p>
      )}
      <ol className="article-list" aria-label="Articles in this study">
        {study.articles.map((a, i) => {
          const isBase = a.id === study.base
          const idx = derived?.byId.get(a.id)
          return (
            <li key={a.id} className={isBase ? 'article-card base' : 'article-card'} data-library-article={a.id}>
              <div className="ac-main">
                <div className="ac-title">
                  {a.meta.title || a.id} {isBase && <span className="badge base">BASE</span>}{' '}
                  {a.meta.constructed && <span className="badge">constructed sample</span>}
                </div>
                <div className="ac-meta">
                  <strong>{a.meta.outlet || 'Unknown outlet'}</strong>
                  {a.meta.author && ` · ${a.meta.author}`} · {a.meta.date || 'undated'}
                  {a.meta.viewpoint && ` · ${a.meta.viewpoint}`}
                </div>
                <div className="ac-stats muted">
                  {a.source.fileName} · {a.source.format.toUpperCase()} · {idx ? `${idx.words} words · ${idx.seg.sentences.length} sentences · ${idx.flags.length} flags` : `${a.text.length} characters`} ·
                  sha256 {a.hash.slice(0, 10)}…
                </div>
                {a.meta.note && <div className="ac-note muted">{a.meta.note}</div>}
              </div>
              <div className="ac-actions" role="group" aria-label={`Actions for ${a.meta.title || a.id}`}>
                <button type="button" onClick={() => dispatch({ type: 'set-base', id: a.id })} disabled={isBase}>
                  Make base
                </button>
                <button type="button" onClick={() => dispatch({ type: 'move-article', id: a.id, delta: -1 })} disabled={i === 0} aria-label="Move up">
                  ↑
                </button>
                <button type="button" onClick={() => dispatch({ type: 'move-article', id: a.id, delta: 1 })} disabled={i === study.articles.length - 1} aria-label="Move down">
                  ↓
                </button>
                <button type="button" onClick={() => setEditing(editing === a.id ? null : a.id)} aria-expanded={editing === a.id}>
                  Edit metadata
                </button>
                <button type="button" className="danger" onClick={() => dispatch({ type: 'remove-article', id: a.id })}>
                  Remove
                </button>
              </div>
              {editing === a.id && <MetaEditor article={a} onDone={() => setEditing(null)} />}
            </li>
          )
        })}
      </ol>
      {history.past.length > 0 && (
        <p className="muted">
          Last change: {history.lastLabel}.{' '}
          <button type="button" className="link" onClick={() => dispatch({ type: 'undo' })}>
            Undo
          </button>
        </p>
      )}
      {study.articles.length > 0 && (
        <button type="button" className="primary" onClick={() => setView('compare')}>
          Compare side by side →
        </button>
      )}
    </div>
  )
}
