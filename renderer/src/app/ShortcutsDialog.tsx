import type { ReactNode } from 'react'
import { Modal } from '../components/Modal'
import { LAYERS } from '../state/layers'

const KEYS: readonly (readonly [string, string])[] = [
  ['F / Shift+F', 'Next / previous highlight (focus shows its explanation)'],
  ['J / K', 'Next / previous aligned passage'],
  ['Enter', 'On a passage: show its counterparts in every outlet'],
  ['A / R', 'On a highlight: accept / reject the flag'],
  ['Escape', 'Close the explanation or dialog'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['Ctrl+O / Ctrl+S', 'Open articles / save study'],
  ['Ctrl+= / Ctrl+- / Ctrl+0', 'Larger / smaller / reset text size'],
  ...LAYERS.map((l): readonly [string, string] => [l.key, `Toggle layer: ${l.label}`])
]

export function ShortcutsDialog(props: { readonly onClose: () => void }): ReactNode {
  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose}>
      <table className="table">
        <tbody>
          {KEYS.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  )
}
