/**
 * Propaganda-technique cues (shared/resources/lexicons/data/propaganda.json) through the whole
 * language stage, with the project's own sentences: each technique's cue is flagged with its rule
 * and an explanation naming the technique; neutral twins using the same topic words are not;
 * quoted uses are marked inQuote; a negated cue keeps its category at half confidence.
 */
import { describe, expect, it } from 'vitest'
import type { Flag } from '../../../../shared/model'
import { countsAsPrediction } from '../../../../shared/eval/spans'
import { builtinLexicons, CONTEXT_RULES } from '../../../../shared/resources/lexicons'
import { run } from './helpers'

const propagandaFlags = (text: string): Flag[] => run(text).flags.filter((f) => f.rule.startsWith('propaganda:'))

/** Explanation words that name each technique (group id → words every explanation of it contains). */
const TECHNIQUE_WORDS: Record<string, string> = {
  'flag-waving': 'flag-waving',
  bandwagon: 'bandwagon',
  'black-and-white': 'black-and-white fallacy',
  'reductio-ad-hitlerum': 'reductio ad hitlerum',
  'thought-terminating-cliches': 'thought-terminating cliché',
  slogans: 'slogan',
  whataboutism: 'whataboutism',
  'straw-man': 'straw man',
  'causal-oversimplification': 'causal oversimplification',
  'appeal-to-fear': 'appeal to fear',
  'appeal-to-authority': 'appeal to authority'
}

describe('propaganda cues: each technique flags with its rule and explanation', () => {
  it.each([
    // [sentence, highlighted text, rule, category, technique named in the explanation, counted]
    // The highlight is the match minus edge function words (analyzeLanguage trims a, the, of, it,
    // is, our, … from phrase edges), except for fixed expressions that name themselves as head
    // ("Love it or leave it", "It's what it is"). See the lexicon README.
    ['Only true patriots stand behind the president on this bill.', 'true patriots', 'propaganda:flag-waving-true-patriots', 'loaded', 'flag-waving', true],
    ['The plan would betray our country for a few votes.', 'betray our country', 'propaganda:flag-waving-betray-our-country', 'loaded', 'flag-waving', true],
    ['Critics of the plan simply hate America.', 'hate America', 'propaganda:flag-waving-hate-america', 'loaded', 'flag-waving', true],
    ['Our great nation deserves better leaders.', 'Our great nation', 'propaganda:flag-waving-our-great-nation', 'loaded', 'flag-waving', true],
    ['Love it or leave it is the only answer to these critics.', 'Love it or leave it', 'propaganda:flag-waving-love-it-or-leave-it', 'loaded', 'flag-waving', true],
    ['Everyone knows the election was decided in advance.', 'Everyone knows', 'propaganda:bandwagon-everyone-knows', 'exaggeration', 'bandwagon', true],
    ['Most people agree that the tax is unfair.', 'Most people agree', 'propaganda:bandwagon-most-people-agree', 'exaggeration', 'bandwagon', true],
    ['No serious person believes the numbers add up.', 'No serious person', 'propaganda:bandwagon-no-serious-person', 'exaggeration', 'bandwagon', true],
    ['Join the millions who have rejected this plan.', 'Join the millions', 'propaganda:bandwagon-join-the-millions', 'exaggeration', 'bandwagon', true],
    ['You are either with us or against us on this bill.', 'with us or against us', 'propaganda:black-and-white-with-us-or-against-us', 'exaggeration', 'black-and-white fallacy', true],
    ['There is no middle ground on protecting children.', 'There is no middle ground', 'propaganda:black-and-white-there-is-no-middle-ground', 'exaggeration', 'black-and-white fallacy', true],
    ['The choice is simple: freedom or socialism.', 'freedom or socialism', 'propaganda:black-and-white-freedom-or-socialism', 'exaggeration', 'black-and-white fallacy', true],
    ['Anyone who opposes the bill is siding with the terrorists.', 'siding with the terrorists', 'propaganda:black-and-white-side-with-the-terrorists', 'exaggeration', 'black-and-white fallacy', true],
    ['The emergency orders are straight out of Nazi Germany.', 'straight out of Nazi Germany', 'propaganda:reductio-ad-hitlerum-straight-out-of-nazi-germany', 'labeling', 'reductio ad hitlerum', true],
    ['Border agents used Gestapo tactics against marchers.', 'Gestapo tactics', 'propaganda:reductio-ad-hitlerum-gestapo-tactics', 'labeling', 'reductio ad hitlerum', true],
    ['The campaign is acting like the Nazis.', 'like the Nazis', 'propaganda:reductio-ad-hitlerum-like-the-nazis', 'labeling', 'reductio ad hitlerum', true],
    ['The governor behaves like a Hitler-like strongman.', 'Hitler-like', 'propaganda:reductio-ad-hitlerum-hitler-like', 'labeling', 'reductio ad hitlerum', true],
    ['Enough is enough: the city must act.', 'Enough is enough', 'propaganda:cliche-enough-is-enough', 'loaded', 'thought-terminating cliché', true],
    ['Twelve thousand jobs were cut. Let that sink in.', 'Let that sink in', 'propaganda:cliche-let-that-sink-in', 'loaded', 'thought-terminating cliché', true],
    ['Make no mistake, this bill is a giveaway.', 'Make no mistake', 'propaganda:cliche-make-no-mistake', 'loaded', 'thought-terminating cliché', true],
    ["It's what it is, and we move on.", "It's what it is", 'propaganda:cliche-it-is-what-it-is', 'loaded', 'thought-terminating cliché', true],
    ['At the end of the day, voters know the truth.', 'At the end of the day', 'propaganda:cliche-at-the-end-of-the-day', 'loaded', 'thought-terminating cliché', false],
    ['The crowd chanted lock her up at the rally.', 'lock her up', 'propaganda:slogan-lock-her-up', 'loaded', 'slogan', true],
    ['Leaving is the only way to take back control of our laws.', 'take back control', 'propaganda:slogan-take-back-control', 'loaded', 'slogan', false],
    ['But what about the emails she deleted?', 'But what about', 'propaganda:whataboutism-but-what-about', 'doubt', 'whataboutism', true],
    ['What about the billions the last government wasted?', 'What about', 'propaganda:whataboutism-what-about', 'doubt', 'whataboutism', true],
    ['Where was the outrage when the other party did it?', 'Where was the outrage', 'propaganda:whataboutism-where-was-the-outrage', 'doubt', 'whataboutism', true],
    ["So you're saying we should abolish every prison.", "So you're saying", 'propaganda:straw-man-so-youre-saying', 'doubt', 'straw man', true],
    ['Rising prices are entirely the fault of the president.', 'entirely the fault', 'propaganda:causal-oversimplification-entirely-the-fault-of', 'exaggeration', 'causal oversimplification', true],
    ['Crime rose for one reason and one reason only: weak judges.', 'one reason and one reason only', 'propaganda:causal-oversimplification-for-one-reason-and-one-reason-only', 'exaggeration', 'causal oversimplification', true],
    ['If we do nothing, our children will pay.', 'If we do nothing', 'propaganda:fear-if-we-do-nothing', 'fear', 'appeal to fear', true],
    ['Newcomers will change our way of life.', 'our way of life', 'propaganda:fear-our-way-of-life', 'fear', 'appeal to fear', true],
    ['Experts agree the scheme cannot work.', 'Experts agree', 'propaganda:appeal-to-authority-experts-agree', 'exaggeration', 'appeal to authority', true],
    ['Leading scientists agree the ban is overdue.', 'Leading scientists agree', 'propaganda:appeal-to-authority-leading-scientists-agree', 'exaggeration', 'appeal to authority', true],
    ['History has shown that such treaties fail.', 'History has shown', 'propaganda:appeal-to-authority-history-has-shown', 'exaggeration', 'appeal to authority', true],
    ['Studies show that the diet works.', 'Studies show', 'propaganda:appeal-to-authority-studies-show', 'exaggeration', 'appeal to authority', true],
    ['Any doctor will tell you that sugar is poison.', 'Any doctor will tell you', 'propaganda:appeal-to-authority-any-doctor-will-tell-you', 'exaggeration', 'appeal to authority', true]
  ] as const)('%s', (text, highlighted, rule, category, technique, counted) => {
    const flags = propagandaFlags(text)
    const f = flags.find((x) => x.rule === rule)
    expect(f, `no ${rule} flag in ${JSON.stringify(flags.map((x) => x.rule))}`).toBeDefined()
    expect(f!.text).toBe(highlighted)
    expect(f!.category).toBe(category)
    expect(f!.explanation.toLowerCase()).toContain(technique)
    expect(f!.explanation.toLowerCase()).toContain(highlighted.toLowerCase())
    expect(f!.inQuote).toBe(false)
    expect(countsAsPrediction(f!)).toBe(counted)
  })
})

describe('neutral twins with the same topic words get no propaganda flag', () => {
  it.each([
    'The New England Patriots beat the Jets 24 to 17 on Sunday.',
    'The survey asked 1,200 American adults about their views on inflation.',
    'The former analyst was convicted of passing secrets to a foreign government.',
    "The nation's unemployment rate fell to 3.9 percent in October.",
    'Everyone on board the ferry was rescued, the coast guard said.',
    'Most people who applied for the grant received it within six weeks.',
    'Every person entering the building must show identification.',
    'Negotiators said they hoped to find middle ground on the budget by Friday.',
    'There are only two candidates on the ballot in the district.',
    'Either the board approves the merger by June or the offer expires.',
    'The museum exhibit documents how the Nazis seized art from Jewish families.',
    "Historians say Hitler's rise to power was aided by the economic crisis.",
    'The documentary follows the Gestapo in occupied France.',
    'The minister said the death toll had risen to 40.',
    'The city said it would stop funding the program when the grant expires.',
    'There was no mistake in the count, the election board said.',
    'Engineers plan to drain the flooded quarry before construction begins.',
    'She was not sure what about the film had upset the censors.',
    'The outrage over the comments grew on Tuesday.',
    'The delay was caused by a storm over the Atlantic, the airline said.',
    'The America First Policy Institute released a report on Tuesday.',
    // Appeal to authority: a named study or institution, a singular expert, an agreement to act.
    'The study shows that rates fell in 2022.',
    'Experts agreed to meet again on Friday.',
    'An expert agrees with the ruling, the court heard.',
    'Scientists at the University of Leeds said the sample was small.',
    'A history of the region published this year shows repeated border disputes.'
  ])('%s', (text) => {
    expect(propagandaFlags(text).map((f) => `${f.rule} "${f.text}"`)).toEqual([])
  })

  it('a capitalised team or weapon name is not praise (loaded:patriot)', () => {
    for (const text of ['The New England Patriots won again.', 'Germany sent two Patriot batteries.']) {
      expect(run(text).flags.filter((f) => f.rule === 'loaded:patriot')).toEqual([])
    }
    expect(run('He died a patriot, his family said.').flags.some((f) => f.rule === 'loaded:patriot')).toBe(true)
  })

  it('weak cues are shown but not counted where the phrase is routine', () => {
    // "at the end of the day" as a time, "the only choice" of a coach: shown as weaker flags only.
    for (const text of ['At the end of the day on Friday, the shelter had taken in 40 dogs.', 'The only choice left for the coach was to start the reserve goalkeeper.']) {
      const flags = propagandaFlags(text)
      expect(flags.length).toBe(1)
      expect(countsAsPrediction(flags[0]!)).toBe(false)
    }
  })
})

describe('quotation and negation', () => {
  it.each([
    ['"Everyone knows this election was stolen," the candidate told supporters.', 'propaganda:bandwagon-everyone-knows'],
    ['The crowd chanted "lock her up" as the candidate spoke.', 'propaganda:slogan-lock-her-up'],
    ['"It is what it is," the minister said of the death toll.', 'propaganda:cliche-it-is-what-it-is']
  ])('quoted use is inQuote: %s', (text, rule) => {
    const f = propagandaFlags(text).find((x) => x.rule === rule)
    expect(f).toBeDefined()
    expect(f!.inQuote).toBe(true)
  })

  it.each([
    ['The senator did not call them true patriots.', 'propaganda:flag-waving-true-patriots', 0.7],
    ['She never said everyone knows the answer.', 'propaganda:bandwagon-everyone-knows', 0.6],
    ['He does not think there is no middle ground.', 'propaganda:black-and-white-there-is-no-middle-ground', 0.65]
  ])('negation halves the confidence: %s', (text, rule, strength) => {
    const f = propagandaFlags(text).find((x) => x.rule === rule)
    expect(f).toBeDefined()
    expect(f!.negated).toBe(true)
    expect(f!.confidence).toBeCloseTo(strength / 2, 5)
    expect(countsAsPrediction(f!)).toBe(false)
  })
})

describe('propaganda lexicon data', () => {
  const entries = builtinLexicons().entries.filter((e) => e.lexicon === 'propaganda')

  it('every entry names its technique in rule id and explanation', () => {
    expect(entries.length).toBeGreaterThan(100)
    const prefixOf: Record<string, string> = {
      'thought-terminating-cliches': 'cliche', slogans: 'slogan', 'appeal-to-fear': 'fear'
    }
    for (const e of entries) {
      const technique = TECHNIQUE_WORDS[e.group]
      expect(technique, `group ${e.group} has no technique words`).toBeDefined()
      expect(e.rule.startsWith(`propaganda:${prefixOf[e.group] ?? e.group}-`)).toBe(true)
      expect(e.explanation.toLowerCase()).toContain(technique!)
      // Existing categories only (the UI, exports and contrast tests depend on the set).
      expect(['loaded', 'labeling', 'exaggeration', 'doubt', 'fear']).toContain(e.category)
    }
  })

  it('mostly multi-word cues; one-word cues are hyphenated compounds', () => {
    for (const e of entries) {
      if (!e.term.includes(' ')) expect(e.term, e.term).toMatch(/-|^brownshirts$/)
    }
  })

  it('the sentence-initial rule is documented', () => {
    expect(CONTEXT_RULES.find((r) => r.id === 'sentence-initial')).toBeDefined()
    expect(CONTEXT_RULES.find((r) => r.id === 'lowercase-mid-sentence')).toBeDefined()
  })
})
