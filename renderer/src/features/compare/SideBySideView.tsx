// Base + up to 8 outlets in columns, aligned passages in rows. One scroll container holds every
// column, so scrolling is synchronised by construction; rows are virtualised for long articles.
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as RPointerEvent, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ArticleId, Flag, FlagReview, Span, StudyArticle } from '@shared/model'
import { useApp } from '../../state/AppState'
import { displayName, positionIn, type Cell, type Derived, type Row } from '../../state/derive'
import { useWorkspace } from '../../state/useDerived'
import { HighlightedText, selectionOffsets } from '../../components/text/HighlightedText'
import { PassagePanel } from './PassagePanel'
import { AnnotateForm, type PendingAnnotation } from './AnnotateForm'
import { NoAnalysis } from '../../components/NoAnalysis'

export const MAX_COLUMNS = 9
const COLLAPSED = '2.5rem'
const GUTTER = '2.75rem'

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

/** Words of this cell that are not in the base passage (insert ops on its side of each link). */
function diffSpansFor(derived: Derived, cell: Cell): Span[] {
  const out: Span[] = []
  for (const lid of cell.linkIds) {
    const d = derived.diffs.get(lid)
    const l = derived.links.get(lid)
    if (!d || !l) continue
    for (const op of d.ops) {
      if (l.b.article === cell.article && op.op === 'insert') out.push(op.b)
      else if (l.a.article === cell.article && op.op === 'delete') out.push(op.a)
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

export function SideBySideView(): ReactNode {
  const { analysis, layers, dispatch, setView } = useApp()
  const ws = useWorkspace()
  const { derived, reviews, annotations, meta } = ws
  const scrollRef = useRef<HTMLDivElement>(null)
  const [widths, setWidths] = useState<ReadonlyMap<ArticleId, number>>(new Map())
  const [collapsed, setCollapsed] = useState<ReadonlySet<ArticleId>>(new Set())
  const [current, setCurrent] = useState(0)
  const [panel, setPanel] = useState<{ row: number; flags: readonly Flag[] | null } | null>(null)
  const [flagPos, setFlagPos] = useState(-1)
  const [pending, setPending] = useState<PendingAnnotation | null>(null)
  const [selBtn, setSelBtn] = useState<{ x: number; y: number; p: PendingAnnotation } | null>(null)
  const [flash, setFlash] = useState<{ row: number; article: ArticleId; n: number } | null>(null)
  const [columnsNoteOpen, setColumnsNoteOpen] = useState(true)

  const columns = useMemo(() => (derived ? derived.order.slice(0, MAX_COLUMNS) : []), [derived])
  const rows = derived?.rows ?? []
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 160,
    overscan: 4,
    // Without layout (a hidden tab, or happy-dom in tests) the element measures 0×0: fall back
    // to the window size so a first screenful still renders.
    observeElementRect: (instance, cb) => {
      const el = instance.scrollElement
      if (!el) return
      const report = (): void => {
        const r = el.getBoundingClientRect()
        cb({ width: r.width || window.innerWidth || 1400, height: r.height || window.innerHeight || 900 })
      }
      report()
      const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(report) : null
      ro?.observe(el)
      return () => ro?.disconnect()
    }
  })

  // 12.5rem: six articles (the sample, a typical class set) fit a 1280-px Chromebook without
  // scrolling sideways; wider screens share the extra space out (1fr).
  const template = [GUTTER, ...columns.map((id) => (collapsed.has(id) ? COLLAPSED : widths.has(id) ? `${widths.get(id)}px` : 'minmax(12.5rem, 1fr)'))].join(' ')

  const focusRow = useCallback(
    (i: number) => {
      const n = Math.max(0, Math.min(rows.length - 1, i))
      setCurrent(n)
      virtualizer.scrollToIndex(n, { align: 'center' })
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-passage-row="${n}"] [role="gridcell"]`)?.focus({ preventScroll: true }))
    },
    [rows.length, virtualizer]
  )

  const focusFlag = useCallback(
    (pos: number) => {
      if (!derived || derived.flagOrder.length === 0) return
      const n = (pos + derived.flagOrder.length) % derived.flagOrder.length
      const target = derived.flagOrder[n]!
      setFlagPos(n)
      setCurrent(target.row)
      virtualizer.scrollToIndex(target.row, { align: 'center' })
      let tries = 0
      const attempt = (): void => {
        const el = scrollRef.current?.querySelector<HTMLElement>(`[data-flag-id="${CSS.escape(target.flagId)}"]`)
        if (el) el.focus()
        else if (tries++ < 10) requestAnimationFrame(attempt)
      }
      requestAnimationFrame(attempt)
    },
    [derived, virtualizer]
  )

  // A reordered passage's neighbours in its own article: scroll there, focus and flash the cell.
  const goToNeighbour = useCallback(
    (row: number, article: ArticleId) => {
      setCurrent(row)
      setFlash((f) => ({ row, article, n: (f?.n ?? 0) + 1 }))
      virtualizer.scrollToIndex(row, { align: 'center' })
      let tries = 0
      const attempt = (): void => {
        const el = scrollRef.current?.querySelector<HTMLElement>(`[data-passage-row="${row}"] [data-article-id="${CSS.escape(article)}"]`)
        if (el) el.focus({ preventScroll: true })
        else if (tries++ < 10) requestAnimationFrame(attempt)
      }
      requestAnimationFrame(attempt)
    },
    [virtualizer]
  )
  useEffect(() => {
    if (!flash) return
    const t = setTimeout(() => setFlash(null), 2200)
    return () => clearTimeout(t)
  }, [flash])

  // Closing the details drawer puts focus back on its row when focus was in the drawer (or
  // nowhere), so keyboard users are not dropped at the top of the page.
  const closePanel = useCallback(() => {
    const row = panel?.row
    const active = document.activeElement
    const wasInside = !active || active === document.body || !!active.closest('.drawer')
    setPanel(null)
    if (row === undefined || !wasInside) return
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-passage-row="${row}"] [role="gridcell"]`)?.focus({ preventScroll: true }))
  }, [panel])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('[role="dialog"]')) return
      const k = e.key
      if (k === 'j' || k === 'J') focusRow(current + 1)
      else if (k === 'k' || k === 'K') focusRow(current - 1)
      else if (k === 'f') focusFlag(flagPos + 1)
      else if (k === 'F') focusFlag(flagPos - 1)
      else if (k === 'Escape') closePanel()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [current, flagPos, focusRow, focusFlag, closePanel])

  const onReview = useCallback((f: Flag, st: FlagReview['status']) => dispatch({ type: 'review', flagId: f.id, status: st }), [dispatch])

  const startResize = (id: ArticleId, e: RPointerEvent<HTMLElement>): void => {
    e.preventDefault()
    const head = (e.currentTarget.parentElement as HTMLElement).getBoundingClientRect()
    const x0 = e.clientX
    const w0 = head.width
    const move = (ev: PointerEvent): void => setWidths((m) => new Map(m).set(id, Math.max(180, Math.round(w0 + ev.clientX - x0))))
    const up = (): void => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }

  const onMouseUp = (): void => {
    const sel = selectionOffsets(window.getSelection())
    if (!sel) return setSelBtn(null)
    const article = sel.root.getAttribute('data-article-id')!
    const text = derived?.byId.get(article)?.article.text
    if (!text) return
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect()
    setSelBtn({ x: rect.left, y: rect.bottom + 6, p: { article, start: sel.start, end: sel.end, text: text.slice(sel.start, sel.end) } })
  }

  if (!analysis || !derived) return <NoAnalysis what="compare" />

  const renderCell = (row: Row, id: ArticleId): ReactNode => {
    const isBase = id === derived.base
    const cell = isBase ? row.base : row.cells.get(id)
    const idx = derived.byId.get(id)!
    if (collapsed.has(id)) return <div key={id} className="cell collapsed" data-article-id={id} aria-hidden="true" />
    if (!cell) {
      return (
        <div key={id} className={row.base ? 'cell absent' : 'cell blank'} data-article-id={id} role="gridcell" tabIndex={-1}>
          {row.base && <span className="absent-label">not reported here</span>}
        </div>
      )
    }
    const label = cell.only ? (isBase ? 'Only in the base' : row.base ? 'Not in the base' : 'Only in this article') : null
    const flashing = flash?.row === row.index && flash.article === id
    return (
      <div
        key={flashing ? `${id}-flash${flash.n}` : id}
        className={`cell${cell.only ? ' only' : ''}${isBase ? ' base' : ''}${cell.moved ? ' moved' : ''}${flashing ? ' flash' : ''}`}
        data-article-id={id}
        role="gridcell"
        tabIndex={-1}
        onClick={() => {
          setCurrent(row.index)
          setPanel({ row: row.index, flags: null })
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.target !== e.currentTarget) return
          setCurrent(row.index)
          setPanel({ row: row.index, flags: null })
        }}
      >
        {(label || cell.moved) && (
          <div className="cell-tags" data-nosel="">
            {label && <span className="badge only">◇ {label}</span>}
            {cell.moved && <span className="badge moved" title="This article tells this passage in a different order than the base">↕ reordered</span>}
          </div>
        )}
        {cell.moved && <MovedNav derived={derived} cell={cell} name={displayName(meta.get(id), id)} onGo={goToNeighbour} />}
        <div className="cell-text">
          <HighlightedText
            idx={idx}
            sentences={cell.sentences}
            layers={layers}
            reviews={reviews}
            annotations={annotations.get(id) ?? []}
            {...(!isBase && layers.has('diff') ? { diffSpans: diffSpansFor(derived, cell) } : {})}
            onFlagClick={(flags) => setPanel({ row: row.index, flags })}
            onReview={onReview}
          />
        </div>
      </div>
    )
  }

  const items = virtualizer.getVirtualItems()
  const panelRow = panel ? rows[panel.row] : undefined
  return (
    <div className={panelRow ? 'sbs-layout with-drawer' : 'sbs-layout'}>
      <div className="sbs-scroll" ref={scrollRef} role="grid" aria-label="Articles side by side" aria-rowcount={rows.length} onMouseUp={onMouseUp}>
        <div className="sbs-head" role="row" style={{ gridTemplateColumns: template }}>
          <div className="gutter-head" role="columnheader">
            <span className="sr-only">Passage</span>#
          </div>
          {columns.map((id) => {
            const m = meta.get(id)
            const isBase = id === derived.base
            const c = collapsed.has(id)
            const idx = derived.byId.get(id)!
            return (
              <div key={id} className={`col-head${isBase ? ' base' : ''}${c ? ' collapsed' : ''}`} role="columnheader" data-article-id={id}>
                <button
                  type="button"
                  className="icon collapse"
                  aria-expanded={!c}
                  aria-label={`${c ? 'Expand' : 'Collapse'} ${displayName(m, id)}`}
                  onClick={() => setCollapsed((s) => {
                    const n = new Set(s)
                    if (n.has(id)) n.delete(id)
                    else n.add(id)
                    return n
                  })}
                >
                  {c ? '▸' : '▾'}
                </button>
                {!c && (
                  <div className="col-title">
                    {/* At most two lines (a long headline standing in for a missing outlet); the full name on hover. */}
                    <div className="outlet" title={displayName(m, id)}>
                      {displayName(m, id)} {isBase && <span className="badge base">BASE</span>}
                    </div>
                    {subTitle(m) && (
                      <div className="sub" title={m?.title}>
                        {subTitle(m)}
                      </div>
                    )}
                    <div className="sub small">
                      {m?.date || 'undated'} · {idx.words} words · {idx.flags.length} flags
                    </div>
                  </div>
                )}
                {c && <div className="vertical-title">{displayName(m, id)}</div>}
                {!c && (
                  <span
                    className="resizer"
                    role="separator"
                    aria-orientation="vertical"
                    aria-label={`Resize ${displayName(m, id)}`}
                    tabIndex={0}
                    onPointerDown={(e) => startResize(id, e)}
                    onKeyDown={(e) => {
                      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
                      e.preventDefault()
                      const el = e.currentTarget.parentElement as HTMLElement
                      const w = widths.get(id) ?? el.getBoundingClientRect().width
                      setWidths((mm) => new Map(mm).set(id, Math.max(180, Math.round(w + (e.key === 'ArrowLeft' ? -40 : 40)))))
                    }}
                  />
                )}
              </div>
            )
          })}
        </div>
        <div className="sbs-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((vi) => {
            const row = rows[vi.index]!
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={vi.index}
                data-passage-row={row.index}
                role="row"
                aria-rowindex={row.index + 1}
                className={`sbs-row${row.base ? '' : ' only-row'}${current === row.index ? ' current' : ''}${panel?.row === row.index ? ' selected' : ''}`}
                style={{ transform: `translateY(${vi.start}px)`, gridTemplateColumns: template }}
              >
                <div className="gutter" role="rowheader">
                  {row.index + 1}
                </div>
                {columns.map((id) => renderCell(row, id))}
              </div>
            )
          })}
        </div>
      </div>
      {panelRow && <PassagePanel key={`${panel!.row}`} row={panelRow} flags={panel!.flags} onClose={closePanel} />}
      {selBtn && (
        <button
          type="button"
          className="annotate-btn primary"
          style={{ left: selBtn.x, top: selBtn.y }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setPending(selBtn.p)
            setSelBtn(null)
          }}
        >
          ✎ Annotate selection
        </button>
      )}
      {pending && <AnnotateForm pending={pending} onClose={() => setPending(null)} />}
      {derived.order.length > MAX_COLUMNS && columnsNoteOpen && (
        // Floats over the text, so it names what is hidden and can be closed.
        <div className="notice warning floating" role="status" data-hidden-columns={derived.order.length - MAX_COLUMNS}>
          <span className="notice-text">
            Showing the base and {MAX_COLUMNS - 1} of {derived.order.length - 1} articles; not shown:{' '}
            {derived.order.slice(MAX_COLUMNS).map((id) => displayName(meta.get(id), id)).join(', ')}. Reorder in the Library to choose which, or compare any two in
            the Pair view.
          </span>
          <button type="button" onClick={() => setView('library')}>
            Library
          </button>
          <button type="button" className="icon" onClick={() => setColumnsNoteOpen(false)} aria-label="Dismiss: some articles are not shown">
            ✕
          </button>
        </div>
      )}
    </div>
  )
}

/**
 * Where a reordered passage sits in its own article, with buttons to the rows holding the
 * sentences just before and after it there (its neighbours in that article's own order).
 */
function MovedNav(props: { readonly derived: Derived; readonly cell: Cell; readonly name: string; readonly onGo: (row: number, article: ArticleId) => void }): ReactNode {
  const { derived, cell, name, onGo } = props
  const idx = derived.byId.get(cell.article)
  const rowOf = derived.rowOf.get(cell.article)
  if (!idx || !rowOf) return null
  const pos = positionIn(idx, cell.sentences)
  const before = pos.sentence >= 2 ? rowOf[pos.sentence - 2] ?? -1 : -1
  const after = pos.last < pos.of ? rowOf[pos.last] ?? -1 : -1
  const sentence = `${pos.count > 1 ? 'sentences' : 'sentence'} ${pos.ranges}`
  return (
    <div className="moved-nav" data-nosel="" data-moved-position="">
      <span className="pos">
        <span className="sr-only">Told in {name} at </span>¶{pos.paragraph} · {sentence} of {pos.of}
      </span>
      {before >= 0 && <NeighbourButton which="before" row={before} name={name} onGo={() => onGo(before, cell.article)} />}
      {after >= 0 && <NeighbourButton which="after" row={after} name={name} onGo={() => onGo(after, cell.article)} />}
    </div>
  )
}

/** "↑ before: 12" / "↓ after: 4": jump to the row holding the neighbouring sentence in that article. */
function NeighbourButton(props: { readonly which: 'before' | 'after'; readonly row: number; readonly name: string; readonly onGo: () => void }): ReactNode {
  const { which, row, name, onGo } = props
  return (
    <button
      type="button"
      className="link-btn"
      title={`The sentence ${which} this one in ${name} is in row ${row + 1}`}
      aria-label={`Go to the passage ${which} this one in ${name} (row ${row + 1})`}
      onClick={(e) => {
        e.stopPropagation()
        onGo()
      }}
    >
      {which === 'before' ? '↑' : '↓'} {which}: {row + 1}
    </button>
  )
}

/** The column's second line: the viewpoint, else the headline unless it already names the column. */
export function subTitle(m: StudyArticle['meta'] | undefined): string {
  if (m?.viewpoint) return m.viewpoint
  return m?.outlet ? m.title : ''
}
