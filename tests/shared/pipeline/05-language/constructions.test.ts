import { describe, expect, it } from 'vitest'
import { countsAsPrediction } from '../../../../shared/eval/spans'
import { CONSTRUCTION_RULES } from '../../../../shared/pipeline/05-language/constructions'
import { run } from './helpers'

/** Flags of one rule id (prefix match: hyphen-compound rules carry the entry after a slash). */
const flagsOf = (text: string, rule: string) => run(text).flags.filter((f) => f.rule === `rule:${rule}` || f.rule.startsWith(`rule:${rule}/`))

describe('construction rules', () => {
  it('every rule has an id and a description', () => {
    for (const r of CONSTRUCTION_RULES) {
      expect(r.id).toMatch(/^[a-z-]+$/)
      expect(r.description.length).toBeGreaterThan(20)
    }
  })

  it.each([
    // [text, rule, expected highlighted text or null, counts as a prediction]
    ['The governor\'s record on schools is so bad that allies have left him.', 'intensified-evaluation', 'so bad', true],
    ['The deal was very good news for shareholders.', 'intensified-evaluation', 'very good', false],
    ['The roots of the dispute run deeply through the region.', 'intensified-evaluation', null, false],
    ['Officials said the plan was "so bad" for renters.', 'intensified-evaluation', null, false],
    ['The plan is not so bad after all.', 'intensified-evaluation', null, false],
    ['The Trump-hating press corps ignored the news.', 'hyphen-compound', 'Trump-hating', true],
    ['The crisis-ridden airline posted another loss.', 'hyphen-compound', 'crisis-ridden', true],
    ['Heavy rain flooded several low-lying streets.', 'hyphen-compound', null, false],
    ['The state-owned company reported a profit.', 'hyphen-compound', null, false],
    ['And the taxpayers, as always, get the bill!', 'writer-exclamation', '!', true],
    ['"We will not back down!" the protesters chanted.', 'writer-exclamation', null, false],
    ['Did the administration really think no one would notice?', 'rhetorical-question', '?', true],
    ['When will the line open? Officials expect late next year.', 'rhetorical-question', '?', false],
    ['The minister asked reporters, "What would you have done?"', 'rhetorical-question', null, false],
    ['Congress should end this program once and for all.', 'writer-prescription', 'should', true],
    ['Americans deserve answers, not excuses.', 'writer-prescription', 'deserve', true],
    ['Residents should expect delays on the highway this weekend.', 'writer-prescription', null, false],
    ['The work should be completed by the end of March.', 'writer-prescription', null, false],
    ['Republicans believe the state should cut income taxes.', 'writer-prescription', null, false],
    // A rule's requirement reported ("under the policy"), not the writer's wish.
    ['Asylum seekers must wait in Mexico while their cases are heard, under the policy.', 'writer-prescription', null, false],
    ['Under the new law, employers must offer paid leave.', 'writer-prescription', null, false],
    ['The government must act now, under pressure or not.', 'writer-prescription', 'must', true],
    ['The company says customers should keep their receipts.', 'writer-prescription', null, false],
    ['Our leaders have forgotten the people they serve.', 'writer-address', 'Our', true],
    ['Our reporter visited the site on Monday.', 'writer-address', null, false],
    ['If you were born before 1960, you can claim the benefit at 62.', 'writer-address', null, false],
    ['"We will fight on," the mayor said.', 'writer-address', null, false],
    ['Migrants can apply for asylum under US law.', 'writer-address', null, false],
    ['The decision will cost us all dearly.', 'writer-address', 'us', true],
    ['The March for Our Lives was organized by students.', 'writer-address', null, false]
  ] as const)('%s → %s', (text, rule, surface, counts) => {
    const fl = flagsOf(text, rule)
    if (surface === null) {
      expect(fl).toEqual([])
      return
    }
    expect(fl.map((f) => f.text)).toEqual([surface])
    expect(countsAsPrediction(fl[0]!)).toBe(counts)
    expect(fl[0]!.explanation.length).toBeGreaterThan(20)
    expect(fl[0]!.inQuote).toBe(false)
  })

  it.each([
    // [text, rule, expected highlighted text or null]: comparisons with words in between.
    ['Critics likened the minister to Hitler after the speech.', 'reductio-ad-hitlerum', 'likened the minister to Hitler'],
    ['The pamphlet equated the health pass with Nazism.', 'reductio-ad-hitlerum', 'equated the health pass with Nazism'],
    ["The minister's critics likened his methods to those of Stalin.", 'reductio-ad-hitlerum', 'likened his methods to those of Stalin'],
    ["The senator's remarks were compared to Mussolini's.", 'reductio-ad-hitlerum', "compared to Mussolini's"],
    ['She compared the border policy to apartheid.', 'loaded-comparison', 'compared the border policy to apartheid'],
    ['The new rules are akin to apartheid, the group said.', 'loaded-comparison', 'akin to apartheid'],
    ['The policy is no different from slavery.', 'loaded-comparison', 'no different from slavery'],
    // The comparandum keeps its own lexicon flag; the comparison stops before it, on a content word.
    ['He drew parallels between the lockdown and the Holocaust.', 'loaded-comparison', 'parallels between the lockdown'],
    // Negatives: an ordinary comparandum, a statistic, historical comparisons (the object is
    // itself a comparandum), a comparison across a clause break, "better than" without "no".
    ["Analysts compared the figures to last year's.", 'loaded-comparison', null],
    ['Prices rose 3% compared with a year earlier.', 'loaded-comparison', null],
    ['The trial compared the new drug to a placebo.', 'loaded-comparison', null],
    ['Historians have compared the rise of Hitler with the rise of Mussolini.', 'reductio-ad-hitlerum', null],
    ['Scholars compared apartheid in South Africa with segregation in the American South.', 'loaded-comparison', null],
    ['Compared with last year, the Nazi-era archive drew more visitors.', 'reductio-ad-hitlerum', null],
    ['The team played better than the Taliban-controlled province\'s side.', 'reductio-ad-hitlerum', null],
    ['The drug was compared with a placebo in cancer patients.', 'loaded-comparison', null],
    ['Terrorist attacks fell in 2023 compared with terrorist attacks in 2015.', 'reductio-ad-hitlerum', null]
  ] as const)('comparison: %s → %s', (text, rule, surface) => {
    const fl = flagsOf(text, rule)
    if (surface === null) {
      expect(fl).toEqual([])
      return
    }
    expect(fl.map((f) => f.text)).toEqual([surface])
    expect(countsAsPrediction(fl[0]!)).toBe(true)
    expect(fl[0]!.category).toBe(rule === 'reductio-ad-hitlerum' ? 'labeling' : 'loaded')
    expect(fl[0]!.explanation).toContain(surface === 'parallels between the lockdown' ? 'Holocaust' : fl[0]!.text.split(' ').slice(-1)[0]!)
  })

  it('a negated comparison is weaker; a copied symbol is not a comparison', () => {
    const fl = flagsOf('She did not compare the president to Hitler.', 'reductio-ad-hitlerum')
    expect(fl.length).toBe(1)
    expect(countsAsPrediction(fl[0]!)).toBe(false)
    expect(run('Police launched a Nazi-style crackdown on the union.').flags.map((f) => [f.text, countsAsPrediction(f)])).toContainEqual(['Nazi-style', true])
    expect(run('He was arrested for giving a Nazi-style salute at the match.').flags).toEqual([])
  })

  it('never overlaps a lexicon flag: "utterly disgraceful" is explained once', () => {
    const r = run('The response was utterly disgraceful.')
    const covering = r.flags.filter((f) => f.start <= r.flags[0]!.start && r.flags[0]!.start < f.end)
    expect(covering.length).toBe(1)
  })

  it('writer-voice rules are fallbacks: silent where a loaded word already explains the sentence', () => {
    expect(flagsOf('The reckless governor should resign.', 'writer-prescription')).toEqual([])
    expect(flagsOf('The governor should resign.', 'writer-prescription').length).toBe(1)
  })

  it('a compound-part entry never matches on its own ("ridden", "happy")', () => {
    expect(run('She has ridden the bus for years and is happy with it.').flags.filter((f) => f.category === 'loaded')).toEqual([])
  })
})
