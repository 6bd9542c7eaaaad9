// The study's codebook: the user's own (term, category, note) entries that add to or override
// the built-in lexicons. Parsing, checks and serialisation are the engine's
// (shared/pipeline/05-language/codebook.ts); this view only edits Study.codebook, and the
// analysis re-runs with it (its flags carry rule "codebook:<term>").
import { useMemo, useState, type ReactNode } from 'react'
import type { Codebook, CodebookEntry, FlagCategory } from '@shared/model'
import type { CodebookProblem } from '@shared/pipeline/05-language/codebook'
import { getPlatform } from '../../platform'
import { useApp } from '../../state/AppState'
import { CATEGORIES, CATEGORY } from '../../state/layers'
import { slugFile } from '../../app/commands'
import { MethodsBox } from '../../components/MethodsBox'

const ENTRY_CATEGORIES = CATEGORIES.filter((c) => c !== 'annotation')

// Loaded on first use: the parser pulls the schema checker, which the first paint does not need.
const loadCodebookLib = () => import('@shared/pipeline/05-language/codebook')

const key = (term: string): string => term.trim().toLowerCase()

/** Imported entries replace same-term entries (case-insensitive) and append the rest. */
export function mergeCodebooks(current: Codebook | null, incoming: Codebook): Codebook {
  if (!current) return incoming
  const byTerm = new Map(incoming.entries.map((e) => [key(e.term), e]))
  const kept = current.entries.map((e) => byTerm.get(key(e.term)) ?? e)
  const have = new Set(current.entries.map((e) => key(e.term)))
  return { name: current.name, entries: [...kept, ...incoming.entries.filter((e) => !have.has(key(e.term)))] }
}

export function CodebookView(): ReactNode {
  const { study, analysis, dispatch, notify } = useApp()
  const cb = study.codebook
  const [replace, setReplace] = useState(false)
  const [draft, setDraft] = useState<{ term: string; category: FlagCategory; note: string }>({ term: '', category: 'loaded', note: '' })
  const [formError, setFormError] = useState<string | null>(null)
  // The rows the last import skipped, listed together so the user can fix them all at once.
  const [skipped, setSkipped] = useState<{ file: string; imported: number; problems: readonly CodebookProblem[] } | null>(null)

  const hits = useMemo(() => {
    const m = new Map<string, number>()
    for (const l of analysis?.language ?? [])
      for (const f of l.flags)
        if (f.rule.startsWith('codebook:')) m.set(key(f.rule.slice(9)), (m.get(key(f.rule.slice(9))) ?? 0) + 1)
    return m
  }, [analysis])
  // The analysis comes back from the worker as a copy: compare contents, not identity.
  const current = useMemo(() => JSON.stringify(analysis?.codebook ?? null) === JSON.stringify(cb), [analysis, cb])

  const importFile = async (): Promise<void> => {
    const r = await getPlatform().openTextFile('.csv,.json,text/csv,application/json')
    if (!r.ok) return notify('error', r.error.message)
    if (!r.value) return
    const { readCodebook } = await loadCodebookLib()
    const read = readCodebook(r.value.text, r.value.name)
    if (!read.ok) {
      // Nothing imported. A codebook whose every row is bad also gets the full list of its problems.
      const all = read.error.problems ?? []
      setSkipped(all.length > 0 ? { file: r.value.name, imported: 0, problems: all } : null)
      const first = all.length > 1 ? `${all[0]!.message} (and ${all.length - 1} more, listed in the codebook view)` : read.error.message
      return notify('error', `${r.value.name}: ${first}`)
    }
    const { codebook: incoming, skipped: problems } = read.value
    // Only the accepted rows enter the study, so its saved form and every export list just those.
    const next = replace ? incoming : mergeCodebooks(cb, incoming)
    dispatch({ type: 'set-codebook', codebook: next, label: `import codebook ${r.value.name}` })
    setSkipped(problems.length > 0 ? { file: r.value.name, imported: incoming.entries.length, problems } : null)
    const merged = replace || !cb ? '' : ' (merged; same terms replaced)'
    if (problems.length === 0) notify('info', `Imported ${incoming.entries.length} codebook entries from ${r.value.name}${merged}.`)
    else
      notify(
        'warning',
        `Imported ${incoming.entries.length} codebook entries from ${r.value.name}${merged}; skipped ${problems.length} ${problems.length === 1 ? 'row' : 'rows'} with problems (listed in the codebook view).`
      )
  }

  const exportAs = async (format: 'csv' | 'json'): Promise<void> => {
    if (!cb) return
    const lib = await loadCodebookLib()
    const data = format === 'csv' ? lib.serializeCodebookCsv(cb) : lib.serializeCodebookJson(cb)
    const r = await getPlatform().exportFile({
      suggestedName: `${slugFile(cb.name)}-codebook.${format}`,
      mime: format === 'csv' ? 'text/csv' : 'application/json',
      extensions: [format],
      filterName: `Codebook (${format.toUpperCase()})`,
      data
    })
    if (!r.ok) notify('error', r.error.message)
    else if (r.value) notify('info', `Exported ${r.value}.`)
  }

  const addEntry = async (): Promise<void> => {
    const entry: CodebookEntry = { term: draft.term.trim(), category: draft.category, note: draft.note.trim() }
    // The engine's own checks (non-empty, has words, known category), through its JSON reader.
    const { parseCodebookJsonText } = await loadCodebookLib()
    const checked = parseCodebookJsonText(JSON.stringify([entry]), 'entry')
    if (!checked.ok) return setFormError(checked.error.message.replace(/^entry 0 /, ''))
    setFormError(null)
    const next = mergeCodebooks(cb ?? { name: `${slugFile(study.title)}-codebook`, entries: [] }, { name: '', entries: checked.value.entries })
    dispatch({ type: 'set-codebook', codebook: next, label: `add codebook term "${entry.term}"` })
    setDraft({ term: '', category: draft.category, note: '' })
  }

  const remove = (i: number): void => {
    if (!cb) return
    const entries = cb.entries.filter((_, j) => j !== i)
    dispatch({ type: 'set-codebook', codebook: { ...cb, entries }, label: `remove codebook term "${cb.entries[i]?.term ?? ''}"` })
  }

  return (
    <div className="codebook">
      <div className="cb-head">
        <div>
          <h2>Codebook</h2>
          <p className="muted">
            Your own terms, each with a category and a note. They add to the built-in lexicons; where a codebook term overlaps a
            built-in hit, the codebook wins. Flags from it show the rule <code>codebook:&lt;term&gt;</code>. Saved in the study.
          </p>
        </div>
        <div className="btn-row">
          <button type="button" className="primary" onClick={() => void importFile()}>
            Import CSV/JSON…
          </button>
          <label className="field inline">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> Import replaces current entries
          </label>
          <button type="button" onClick={() => void exportAs('csv')} disabled={!cb}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAs('json')} disabled={!cb}>
            Export JSON
          </button>
          <button type="button" className="danger" disabled={!cb} onClick={() => dispatch({ type: 'set-codebook', codebook: null, label: 'remove codebook' })}>
            Remove codebook
          </button>
        </div>
      </div>
      {skipped && (
        <section className="notice warning cb-skipped" aria-label="Codebook import problems">
          <div className="notice-text">
            <strong>
              {skipped.file}: {skipped.imported > 0 ? `imported ${skipped.imported}, ` : 'nothing imported, '}
              skipped {skipped.problems.length} {skipped.problems.length === 1 ? 'row' : 'rows'}.
            </strong>{' '}
            Fix these in the file and import it again (same terms are replaced, so nothing doubles).
            <ul>
              {skipped.problems.map((p) => (
                <li key={p.message}>
                  {p.place}, <code>{p.field}</code>: {p.reason}
                </li>
              ))}
            </ul>
          </div>
          <button type="button" className="icon" onClick={() => setSkipped(null)} aria-label="Dismiss the import problems">
            ✕
          </button>
        </section>
      )}
      {cb && (
        <label className="field cb-name">
          Codebook name
          <input
            defaultValue={cb.name}
            key={cb.name}
            onBlur={(e) => {
              const name = e.target.value.trim()
              if (name && name !== cb.name) dispatch({ type: 'set-codebook', codebook: { ...cb, name }, label: 'rename codebook' })
            }}
          />
        </label>
      )}
      <form
        className="cb-add"
        aria-label="Add a codebook entry"
        onSubmit={(e) => {
          e.preventDefault()
          void addEntry()
        }}
      >
        <label className="field">
          Term
          <input value={draft.term} onChange={(e) => setDraft({ ...draft, term: e.target.value })} placeholder="e.g. regime" required />
        </label>
        <label className="field">
          Category
          <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value as FlagCategory })}>
            {ENTRY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY[c].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          Note (shown in the explanation)
          <input value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} placeholder="why this term matters" />
        </label>
        <button type="submit" className="primary" disabled={!draft.term.trim()}>
          Add entry
        </button>
        {formError && (
          <p role="alert" className="form-error">
            {formError}
          </p>
        )}
      </form>
      {cb && cb.entries.length > 0 ? (
        <table className="table cb-table" aria-label={`Codebook ${cb.name}`}>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Category</th>
              <th scope="col">Note</th>
              <th scope="col">Flags now</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cb.entries.map((e, i) => (
              <tr key={`${e.term}-${i}`} data-codebook-term={e.term}>
                <td>
                  <strong>{e.term}</strong>
                </td>
                <td>
                  <span className={`cat-chip cat-${e.category}`}>
                    <span aria-hidden="true">{CATEGORY[e.category].glyph}</span> {CATEGORY[e.category].label}
                  </span>
                </td>
                <td>{e.note || <span className="muted">—</span>}</td>
                <td>{current ? (hits.get(key(e.term)) ?? 0) : '…'}</td>
                <td>
                  <button type="button" onClick={() => remove(i)} aria-label={`Remove ${e.term}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty-state">
          {/* One child: .empty-state is a flex column, which would put every inline piece on its own line. */}
          <span>No codebook entries yet. Import a CSV (header <code>term,category,note</code>) or JSON file, or add a term above.</span>
        </p>
      )}
      <MethodsBox />
    </div>
  )
}
