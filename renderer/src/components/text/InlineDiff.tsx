// A passage pair as one inline word diff: equal text once, first-passage-only words struck
// through (−), second-passage-only words underlined (+), so colour is not the only cue. Text
// between ops (whitespace the tokenizer skips) is taken from the second passage by offset.
import type { ReactNode } from 'react'
import type { PassageDiff } from '@shared/model'

export function InlineDiff(props: { readonly diff: PassageDiff; readonly textA: string; readonly textB: string; readonly bStart: number }): ReactNode {
  const { diff, textA, textB } = props
  const out: ReactNode[] = []
  let cursorB = props.bStart
  let lastWasDelete = false
  diff.ops.forEach((op, i) => {
    if (op.op === 'delete') {
      out.push(
        <del key={i} title="only in the first passage">
          {textA.slice(op.a.start, op.a.end)}
        </del>
      )
      lastWasDelete = true
      return
    }
    if (op.b.start > cursorB) out.push(<span key={`g${i}`}>{textB.slice(cursorB, op.b.start)}</span>)
    else if (lastWasDelete) out.push(' ')
    lastWasDelete = false
    const t = textB.slice(op.b.start, op.b.end)
    out.push(
      op.op === 'equal' ? (
        <span key={i}>{t}</span>
      ) : (
        <ins key={i} title="only in the second passage">
          {t}
        </ins>
      )
    )
    cursorB = Math.max(cursorB, op.b.end)
  })
  return <span className="inline-diff">{out}</span>
}
