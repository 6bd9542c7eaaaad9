import { createRoot } from 'react-dom/client'
import { TopErrorBoundary } from './app/TopErrorBoundary'
import { Bootstrap } from './app/Bootstrap'
import './app/styles.css'

const el = document.getElementById('root')
if (el) {
  createRoot(el).render(
    <TopErrorBoundary>
      <Bootstrap />
    </TopErrorBoundary>
  )
}
