// Preloaded into electronegativity (`node --require scripts/serial-writes.cjs …`) by
// audit-electron.cjs. The tool writes its CSV report with two fs.writeFile calls that it does
// not wait for: the header (flag 'w', which truncates) and then the rows (flag 'a'). Both run
// at once, so under load the header's truncating write can land over the rows, and the report
// comes out garbled (seen in fresh-clone CI: three garbled scans in a row). This preload makes
// fs.writeFile calls to the same path run one after another, in the order they were made, which
// is the order the tool means. Other fs functions, and writes to different paths, are untouched.
'use strict'
const fs = require('fs')
const path = require('path')

const original = fs.writeFile
/** Per resolved path: a promise that settles when the last queued write to it has finished. */
const tails = new Map()

fs.writeFile = function serialWriteFile(file, data, options, callback) {
  if (typeof options === 'function') {
    callback = options
    options = undefined
  }
  // File descriptors and URLs are passed through: the tool only uses path strings.
  if (typeof file !== 'string') return original.call(fs, file, data, options ?? {}, callback)
  const key = path.resolve(file)
  const previous = tails.get(key) ?? Promise.resolve()
  const next = previous.then(
    () =>
      new Promise((resolve) => {
        const done = (err) => {
          resolve()
          if (typeof callback === 'function') callback(err)
        }
        if (options === undefined) original.call(fs, file, data, done)
        else original.call(fs, file, data, options, done)
      })
  )
  tails.set(key, next)
}
