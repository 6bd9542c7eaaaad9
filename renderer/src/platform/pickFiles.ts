// A hidden <input type=file>: the web twin's open dialog, and Electron's for small text files
// the main process has no channel for (codebooks). Reading stays in the renderer.
import { ok, err, type Result } from '@shared/util/result'
import type { OpenedStudyText } from './platform'

export function pickFiles(accept: string, multiple: boolean): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.style.display = 'none'
    let settled = false
    const done = (files: File[] | null): void => {
      if (settled) return
      settled = true
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done(input.files ? Array.from(input.files) : null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}

/** One text file (e.g. a codebook); `ok(null)` when the user cancels. */
export async function pickTextFile(accept: string): Promise<Result<OpenedStudyText | null>> {
  const f = (await pickFiles(accept, false))?.[0]
  if (!f) return ok(null)
  if (f.size > 20 * 1024 * 1024) return err('FILE_TOO_LARGE', `${f.name} is larger than 20 MB.`)
  try {
    return ok({ name: f.name, text: await f.text() })
  } catch {
    return err('FILE_UNREADABLE', `${f.name} could not be read.`)
  }
}
