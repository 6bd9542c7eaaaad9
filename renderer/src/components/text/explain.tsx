// One shared explanation tooltip for every highlight. A highlight reports hover/focus here; the
// tooltip (role="tooltip", id TOOLTIP_ID) renders next to it with category, explanation, rule,
// confidence and voice.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import type { Flag, FlagReview } from '@shared/model'
import { CATEGORY } from '../../state/layers'
import { useApp } from '../../state/AppState'

export const TOOLTIP_ID = 'px-explain-tooltip'

interface Shown {
  readonly flags: readonly Flag[]
  readonly rect: { readonly left: number; readonly top: number; readonly bottom: number }
}

interface ExplainApi {
  show(flags: readonly Flag[], el: HTMLElement): void
  hide(): void
}

const Ctx = createContext<ExplainApi>({ show: () => {}, hide: () => {} })

export function useExplain(): ExplainApi {
  return useContext(Ctx)
}

export function voiceLabel(f: Flag): string {
  if (f.rule === 'user') return 'Your annotation'
  return f.inQuote ? 'Quoted — someone else’s words' : 'Outlet’s own voice'
}

export function FlagDetails(props: { readonly flag: Flag; readonly review: FlagReview | undefined }): ReactNode {
  const f = props.flag
  const c = CATEGORY[f.category]
  return (
    <div className="flag-details">
      <div className="fd-head">
        <span className={`cat-chip cat-${f.category}`}>
          <span aria-hidden="true">{c.glyph}</span> {c.label}
        </span>
        <q className="fd-text">{f.text}</q>
      </div>
      <p className="fd-expl">{f.explanation}</p>
      <dl className="fd-meta">
        <dt>Rule</dt>
        <dd>
          <code>{f.rule}</code>
        </dd>
        {f.rule !== 'user' && (
          <>
            <dt>Confidence</dt>
            <dd>{Math.round(f.confidence * 100)}%</dd>
          </>
        )}
        <dt>Voice</dt>
        <dd>{voiceLabel(f)}</dd>
        {f.viewpoint && (
          <>
            <dt>Signals</dt>
            <dd>{f.viewpoint}</dd>
          </>
        )}
        {f.negated && (
          <>
            <dt>Negated</dt>
            <dd>yes — in the scope of a negation</dd>
          </>
        )}
        {props.review && (
          <>
            <dt>Review</dt>
            <dd>
              {props.review.status === 'accepted' ? '✓ accepted' : '✗ rejected'}
              {props.review.note ? ` — ${props.review.note}` : ''}
            </dd>
          </>
        )}
      </dl>
    </div>
  )
}

export function ExplainProvider(props: { readonly children: ReactNode }): ReactNode {
  const [shown, setShown] = useState<Shown | null>(null)
  // Reviews are read live, not captured when the tooltip opened: pressing A or R on a focused
  // highlight changes the review while its tooltip stays open.
  const { study } = useApp()
  const reviews = useMemo(() => new Map(study.reviews.map((r) => [r.flagId, r])), [study.reviews])
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const show = useCallback((flags: readonly Flag[], el: HTMLElement) => {
    if (hideTimer.current) clearTimeout(hideTimer.current)
    const r = el.getBoundingClientRect()
    setShown({ flags, rect: { left: r.left, top: r.top, bottom: r.bottom } })
  }, [])
  const hide = useCallback(() => {
    if (hideTimer.current) clearTimeout(hideTimer.current)
    hideTimer.current = setTimeout(() => setShown(null), 60)
  }, [])
  const api = useMemo(() => ({ show, hide }), [show, hide])
  let tooltip: ReactNode = null
  if (shown) {
    const vw = typeof window !== 'undefined' ? window.innerWidth : 1200
    const vh = typeof window !== 'undefined' ? window.innerHeight : 800
    const left = Math.max(8, Math.min(shown.rect.left, vw - 440))
    const below = shown.rect.bottom + 8
    const style = below > vh - 220 ? { left, bottom: vh - shown.rect.top + 8 } : { left, top: below }
    tooltip = createPortal(
      <div id={TOOLTIP_ID} role="tooltip" className="explain-tooltip" style={style}>
        {shown.flags.map((f) => (
          <FlagDetails key={f.id} flag={f} review={reviews.get(f.id)} />
        ))}
        <div className="fd-hint">Click for counterparts · A accept · R reject</div>
      </div>,
      document.body
    )
  }
  return (
    <Ctx.Provider value={api}>
      {props.children}
      {tooltip}
    </Ctx.Provider>
  )
}
