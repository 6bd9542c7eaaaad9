import { describe, expect, it } from 'vitest'
import { readEntries, takenFromFolder, type FileEntryLike } from '../../../renderer/src/platform/dropEntries'
import { ingestBrowserFiles } from '../../../renderer/src/platform/ingestBrowser'

// A fake FileSystemEntry tree: directories hand out children in batches of `batch` (browsers
// return at most ~100 per readEntries call), files hand out real File objects.
function file(path: string, text: string, unreadable = false): FileEntryLike {
  const name = path.split('/').pop()!
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath: path,
    file: (ok, fail) => (unreadable ? fail?.(new Error('gone')) : ok(new File([text], name)))
  }
}
function dir(path: string, children: FileEntryLike[], batch = 2): FileEntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop()!,
    fullPath: path,
    createReader: () => {
      let i = 0
      return {
        readEntries: (ok) => {
          const out = children.slice(i, i + batch)
          i += batch
          setTimeout(() => ok(out), 0)
        }
      }
    }
  }
}

describe('readEntries (dropped folders)', () => {
  const tree = dir('/coverage', [
    file('/coverage/b-outlet.txt', 'Second outlet. It reports the opening.'),
    file('/coverage/.DS_Store', 'x'),
    file('/coverage/notes.xlsx', 'x'),
    dir('/coverage/more', [
      file('/coverage/more/c-outlet.md', 'Third outlet, in a subfolder. Deeper still.'),
      dir('/coverage/more/empty', []),
      file('/coverage/more/broken.txt', '', true)
    ]),
    file('/coverage/a-outlet.txt', 'First outlet. The embassy opened on Wednesday.'),
    file('/coverage/a-outlet.meta.json', JSON.stringify({ outlet: 'Outlet A', date: '2023-03-29' }))
  ])

  it('reads every article file at any depth, in path order, across readEntries batches', async () => {
    const r = await readEntries([tree])
    expect(r.files.map((f) => f.name)).toEqual(['a-outlet.meta.json', 'a-outlet.txt', 'b-outlet.txt', 'c-outlet.md'])
    expect(r.skipped).toEqual(['/coverage/more/broken.txt', '/coverage/notes.xlsx'])
  })

  it('keeps a directly dropped file whatever its type and mixes files with folders', async () => {
    const r = await readEntries([file('/odd.xlsx', 'x'), dir('/d', [file('/d/x.txt', 'X.')])])
    expect(r.files.map((f) => f.name)).toEqual(['odd.xlsx', 'x.txt'])
  })

  it.each([
    ['story.txt', true],
    ['story.HTML', true],
    ['story.meta.json', true],
    ['story.json', false],
    ['.hidden.txt', false],
    ['photo.jpg', false]
  ] as const)('folder file %s taken: %s', (name, taken) => {
    expect(takenFromFolder(name)).toBe(taken)
  })

  it('pairs the sidecar with its article when the folder goes through ingestion', async () => {
    const r = await readEntries([tree])
    const ing = await ingestBrowserFiles(r.files)
    expect(ing.errors).toEqual([])
    const a = ing.articles.find((x) => x.source.fileName === 'a-outlet.txt')!
    expect(a.meta.outlet).toBe('Outlet A')
    expect(ing.articles).toHaveLength(3)
  })
})
