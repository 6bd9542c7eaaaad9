import { useEffect, useState, type ReactNode } from 'react'
import { getPlatform } from '../platform'
import { useApp } from '../state/AppState'
import { Modal } from '../components/Modal'

export function AboutDialog(props: { readonly onClose: () => void }): ReactNode {
  const { analysis } = useApp()
  const [info, setInfo] = useState<readonly string[]>([])
  useEffect(() => {
    void getPlatform().appInfo().then(setInfo)
  }, [])
  return (
    <Modal title="About Parallax" onClose={props.onClose}>
      <p>
        <strong>Parallax</strong> compares news coverage of the same events: it aligns the passages that report the same thing
        and highlights what differs — loaded wording, naming choices, sentiment, sourcing and omissions. Every highlight is a
        suggestion with its rule and reason; review it before you rely on it.
      </p>
      <ul className="plain">
        {info.map((l) => (
          <li key={l}>{l}</li>
        ))}
        {analysis && (
          <li>
            Engine {analysis.engineVersion} · lexicons {analysis.lexiconVersion} · codebook{' '}
            {analysis.codebook ? `${analysis.codebook.name} (${analysis.codebook.entries.length} entries)` : 'none'}
          </li>
        )}
      </ul>
      <h3>Credits</h3>
      <p>
        Sentiment scores use the <strong>AFINN-165</strong> word list by Finn Årup Nielsen, made available under the{' '}
        <strong>Open Database License (ODbL) v1.0</strong>, through the <code>sentiment</code> npm package (MIT). Parallax adds its
        own negation handling and its own loaded-language lexicons.
      </p>
      <p>The sample articles other than the seed are constructed teaching material; their outlets are fictional.</p>
      <p>Works offline: no text leaves this computer.</p>
    </Modal>
  )
}
