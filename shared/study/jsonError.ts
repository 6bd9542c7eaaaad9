/**
 * Where a JSON text first goes wrong. Node 20's JSON.parse gives a position for most syntax
 * errors ("… in JSON at position 42") but not for an unexpected token ("Unexpected token '}',
 * "…" is not valid JSON"), and a researcher hand-editing a study needs the line and column.
 * This is a small RFC 8259 syntax scanner, run only after JSON.parse has failed, so it never
 * costs anything on a good file. It is iterative (an explicit stack), so a file of 100,000
 * opening brackets cannot overflow the call stack.
 *
 * Invariant: returns null exactly when the text is valid JSON (tested against JSON.parse);
 * otherwise the UTF-16 index of the first character that cannot continue a valid text, or
 * `text.length` when the text ends too early.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch)

/** Index of the first syntax error in `text`, or null when it is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  const n = text.length
  let i = 0
  // Open containers: '{' or '['.
  const stack: string[] = []
  // What may come next: a value (after '[' a ']' too), a key (after '{' a '}' too), a ':', or
  // what follows a complete value (',' or the closing bracket; nothing at the top level).
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' = 'value'

  /** End index of the string starting at `i` (a '"'), or -(error index) - 1. */
  const stringEnd = (from: number): number => {
    let j = from + 1
    while (j < n) {
      const ch = text[j]!
      if (ch === '"') return j + 1
      if (text.charCodeAt(j) < 0x20) return -j - 1
      if (ch === '\\') {
        const e = text[j + 1]
        if (e === undefined) return -n - 1
        if (e === 'u') {
          for (let h = 2; h < 6; h++) {
            if (j + h >= n) return -n - 1
            if (!isHex(text[j + h])) return -(j + h) - 1
          }
          j += 6
          continue
        }
        if (!ESCAPES.has(e)) return -(j + 1) - 1
        j += 2
        continue
      }
      j++
    }
    return -n - 1
  }

  /** End index of the number starting at `from`, or -(error index) - 1. */
  const numberEnd = (from: number): number => {
    let j = from
    if (text[j] === '-') j++
    if (j >= n) return -n - 1
    if (text[j] === '0') j++
    else if (isDigit(text.charCodeAt(j))) while (j < n && isDigit(text.charCodeAt(j))) j++
    else return -j - 1
    if (text[j] === '.') {
      j++
      if (j >= n) return -n - 1
      if (!isDigit(text.charCodeAt(j))) return -j - 1
      while (j < n && isDigit(text.charCodeAt(j))) j++
    }
    if (text[j] === 'e' || text[j] === 'E') {
      j++
      if (text[j] === '+' || text[j] === '-') j++
      if (j >= n) return -n - 1
      if (!isDigit(text.charCodeAt(j))) return -j - 1
      while (j < n && isDigit(text.charCodeAt(j))) j++
    }
    return j
  }

  /** End index of `word` (true/false/null) at `from`, or -(index of the first wrong char) - 1. */
  const literalEnd = (from: number, word: string): number => {
    for (let k = 0; k < word.length; k++) {
      if (from + k >= n) return -n - 1
      if (text[from + k] !== word[k]) return -(from + k) - 1
    }
    return from + word.length
  }

  for (;;) {
    while (i < n && WS.has(text.charCodeAt(i))) i++
    if (i >= n) return state === 'after' && stack.length === 0 ? null : n
    const ch = text[i]!
    switch (state) {
      case 'value':
      case 'valueOrClose': {
        if (state === 'valueOrClose' && ch === ']') {
          stack.pop()
          i++
          state = 'after'
          break
        }
        if (ch === '{' || ch === '[') {
          stack.push(ch)
          i++
          state = ch === '{' ? 'keyOrClose' : 'valueOrClose'
          break
        }
        const end =
          ch === '"' ? stringEnd(i)
          : ch === '-' || isDigit(text.charCodeAt(i)) ? numberEnd(i)
          : ch === 't' ? literalEnd(i, 'true')
          : ch === 'f' ? literalEnd(i, 'false')
          : ch === 'n' ? literalEnd(i, 'null')
          : -i - 1
        if (end < 0) return -end - 1
        i = end
        state = 'after'
        break
      }
      case 'key':
      case 'keyOrClose': {
        if (state === 'keyOrClose' && ch === '}') {
          stack.pop()
          i++
          state = 'after'
          break
        }
        if (ch !== '"') return i
        const end = stringEnd(i)
        if (end < 0) return -end - 1
        i = end
        state = 'colon'
        break
      }
      case 'colon':
        if (ch !== ':') return i
        i++
        state = 'value'
        break
      case 'after': {
        const top = stack[stack.length - 1]
        // A complete top-level value followed by anything but whitespace.
        if (top === undefined) return i
        if (ch === ',') {
          i++
          state = top === '{' ? 'key' : 'value'
        } else if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
          stack.pop()
          i++
        } else return i
        break
      }
    }
  }
}
