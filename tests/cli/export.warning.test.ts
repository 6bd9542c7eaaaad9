// The one stderr line `parallax export` prints about corrections that had no effect.
import { describe, expect, it } from 'vitest'
import { correctionsWarning } from '../../cli/commands/export'
import type { SkippedCorrection } from '../../shared/pipeline/06-report/serializers/json'

const skip = (index: number, pairNotAligned = false): SkippedCorrection => ({
  index,
  kind: 'unlink',
  reason: `link a:${index}-${index + 1}~b:0-1 is no longer produced`,
  pairNotAligned
})

describe('correctionsWarning', () => {
  it('says nothing when every correction applied', () => {
    expect(correctionsWarning([])).toBeNull()
  })

  it.each([
    [[skip(0)], /^1 correction no longer applies, so the export ignores it \(#1 unlink: link a:0-1~b:0-1 is no longer produced\); the JSON export lists them under methods\.skippedCorrections$/],
    [[skip(0), skip(4)], /^2 corrections no longer apply, so the export ignores them \(#1 unlink: .*; #5 unlink: link a:4-5~b:0-1 is no longer produced\);/],
    [[skip(0), skip(1), skip(2), skip(3)], /\(#1 unlink: .*; #2 unlink: [^;]*; and 2 more\)/],
    [[skip(2, true)], /^1 correction joins two non-base articles, a pair this study \(over 10 articles\) does not align, so the export leaves it out;/],
    [[skip(0), skip(1, true), skip(2, true)], /^1 correction no longer applies, .*\(#1 unlink: [^)]*\); 2 corrections join two non-base articles/]
  ])('%#: one line that counts and names them', (skipped, pattern) => {
    const line = correctionsWarning(skipped)!
    expect(line).toMatch(pattern)
    expect(line).not.toContain('\n')
  })
})
