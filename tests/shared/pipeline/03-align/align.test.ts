import { describe, expect, it } from 'vitest'
import type { Article, AlignmentCorrection, Link, PassageRef } from '../../../../shared/model'
import { align, applyCorrections, DEFAULT_LINK_THRESHOLD, linkId, passageSimilarity, sentencePairScorer } from '../../../../shared/pipeline/03-align/align'
import { segment } from '../../../../shared/pipeline/02-segment/segment'
import { builtinNaming } from '../../../../shared/resources/naming'
import { art } from '../../helpers/article'

const here = '[03-align] '
const naming = builtinNaming()

/** The aligner's input for these articles, the first as base, at the default threshold. */
function input(articles: Article[], corrections: AlignmentCorrection[] = []): Parameters<typeof align>[0] {
  return { articles, segmentations: articles.map((a) => segment(a)), base: articles[0]!.id, naming, corrections, threshold: DEFAULT_LINK_THRESHOLD }
}

function run(articles: Article[], corrections: AlignmentCorrection[] = []): ReturnType<typeof align> {
  return align(input(articles, corrections))
}

/** Sentence-index pairs of the links between two articles, as "a0-a1~b0-b1". */
function pairs(links: readonly Link[], a: string, b: string): string[] {
  return links
    .filter((l) => l.a.article === a && l.b.article === b)
    .map((l) => `${l.a.sentenceStart}-${l.a.sentenceEnd}~${l.b.sentenceStart}-${l.b.sentenceEnd}`)
    .sort()
}

// Hand-made pairs (the project's own sentences, not from any gold file).
const RELATED: [string, string][] = [
  ['Azerbaijan opened its embassy in Tel Aviv on Wednesday, becoming the first Shia-majority country to do so.', 'On Wednesday the Azeri government inaugurated an embassy in Israel, the first Shiite-majority nation to take the step.'],
  ["The Zionist regime has maintained a malicious presence along Iran's northern borders.", 'Israel has a presence near the northern border of Iran, officials in Tehran say.'],
  ['Cohen called the ties "strategic" and the opening historic.', 'Israeli Foreign Minister Eli Cohen described the relationship as "strategic", calling the opening a historic day.'],
  ['Bayramov cited over a hundred Israeli companies working in Azerbaijan.', 'More than 100 Israeli firms operate in Azerbaijan, Bayramov said.'],
  ['Police detained three protesters outside the parliament on Monday.', 'Three demonstrators were arrested in front of parliament on Monday, police said.']
]
const UNRELATED: [string, string][] = [
  ['Azerbaijan opened its embassy in Tel Aviv on Wednesday.', "Iran's foreign ministry spokesman Nasser Kanaani warned Baku against the move."],
  ["Israel recognised Azerbaijan's independence on 25 December 1991.", 'Azerbaijan is a major oil supplier to Israel.'],
  ['The weather was sunny in Paris.', 'Stock markets fell sharply on Monday.'],
  ['The central bank raised interest rates by half a point.', 'The finance minister resigned after the budget vote.']
]

describe('passageSimilarity', () => {
  it.each(RELATED)(here + 'related pair scores at or above the threshold: %s', (a, b) => {
    expect(passageSimilarity(a, b, naming)).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD)
  })
  it.each(UNRELATED)(here + 'unrelated pair scores below the threshold: %s', (a, b) => {
    expect(passageSimilarity(a, b, naming)).toBeLessThan(DEFAULT_LINK_THRESHOLD)
  })
  it(here + 'is symmetric, 1 for identical text, 0 for nothing shared, and within [0, 1]', () => {
    for (const [a, b] of [...RELATED, ...UNRELATED]) {
      const s = passageSimilarity(a, b, naming)
      expect(s).toBeGreaterThanOrEqual(0)
      expect(s).toBeLessThanOrEqual(1)
      expect(passageSimilarity(b, a, naming)).toBe(s)
    }
    expect(passageSimilarity(RELATED[0]![0], RELATED[0]![0], naming)).toBe(1)
    expect(passageSimilarity('Cats purr.', 'Rockets launched.', naming)).toBe(0)
    expect(passageSimilarity('', 'Anything at all.', naming)).toBe(0)
  })
  it(here + 'naming classes make hostile and neutral names of one actor equivalent', () => {
    const a = 'The Zionist regime opened a consulate in Ganja.'
    const b = 'Israel opened a consulate in Ganja.'
    expect(passageSimilarity(a, b, naming)).toBeGreaterThan(0.9)
    // Without the naming classes the two names share nothing.
    expect(passageSimilarity(a, b)).toBeLessThan(passageSimilarity(a, b, naming))
  })
  it(here + 'an actor inside a hyphenated compound counts as that actor, as in align()', () => {
    // "Zionist-Azeri" names Israel only through the naming classes: the compound's part
    // "Zionist" is a one-word form of Israel, and the other side writes "Israel".
    const a = 'Zionist-Azeri trade grew sharply last year.'
    const b = 'Trade between Israel and Azerbaijan grew sharply last year.'
    const plain = 'Zionist Azeri trade grew sharply last year.'
    expect(passageSimilarity(a, b, naming)).toBe(passageSimilarity(plain, b, naming))
    expect(passageSimilarity(a, b, naming)).toBeGreaterThan(passageSimilarity(a, b))
  })
})

describe('align: table of alignment situations', () => {
  it(here + 'reordered sentences are linked to their counterparts', () => {
    const A = art('a', 'Azerbaijan opened an embassy in Tel Aviv on Wednesday. Iran warned Baku against closer ties with Israel. Oil exports to Israel rose by 12 percent last year.')
    const B = art('b', 'Oil exports to Israel increased 12 percent last year. Tehran warned Baku against its growing ties with Israel. On Wednesday Azerbaijan inaugurated its embassy in Tel Aviv.')
    const r = run([A, B])
    expect(pairs(r.links, 'a', 'b')).toEqual(['0-1~2-3', '1-2~1-2', '2-3~0-1'])
  })

  it(here + 'one sentence covering two is linked as a merged passage', () => {
    const A = art('a', 'Foreign Minister Jeyhun Bayramov attended the opening ceremony in Tel Aviv and later met Eli Cohen for talks in Jerusalem on energy cooperation. The weather was mild.')
    const B = art('b', 'Jeyhun Bayramov attended the opening ceremony in Tel Aviv. He later met Eli Cohen in Jerusalem for talks on energy cooperation. Markets were closed.')
    const r = run([A, B])
    expect(pairs(r.links, 'a', 'b')).toEqual(['0-1~0-2'])
  })

  it(here + 'two sentences merged into one are linked as a merged passage on side a', () => {
    const A = art('a', 'The ambassador Mukhtar Mammadov presented his credentials to President Herzog. The ceremony took place at the presidential residence in Jerusalem.')
    const B = art('b', 'Mukhtar Mammadov, the new ambassador, presented his credentials to President Herzog at the presidential residence in Jerusalem.')
    const r = run([A, B])
    expect(pairs(r.links, 'a', 'b')).toEqual(['0-2~0-1'])
  })

  it(here + 'paraphrase with naming swap links and records naming evidence with both forms', () => {
    const A = art('a', 'The Zionist regime has expanded its covert presence along the northern border of Iran.')
    const B = art('b', 'Israel has expanded a secret presence near the border with Iran, according to Iranian officials.')
    const r = run([A, B])
    expect(r.links).toHaveLength(1)
    const ev = r.links[0]!.evidence.find((e) => e.kind === 'naming')
    expect(ev).toMatchObject({ kind: 'naming', a: 'zionist regime', b: 'israel', referent: 'israel' })
    expect(r.links[0]!.evidence.some((e) => e.kind === 'term' && e.a === 'covert' && e.b === 'secret')).toBe(true)
  })

  it(here + 'order evidence: a moderately similar pair between linked neighbours scores higher, never from order alone', () => {
    const mid = ['The port authority blamed stormy weather and poor visibility for the costly grounding.', 'Critics said inexperienced pilots, not the weather, caused the grounding.']
    const score = (a: string, b: string): number | undefined => run([art('a', a), art('b', b)]).links.find((l) => l.a.sentenceStart === 1 && l.b.sentenceStart === 1)?.score
    const anchored = score(
      `The freighter Orion ran aground near Port Ellis on 4 May. ${mid[0]} Tugboats refloated the Orion after 36 hours.`,
      `On 4 May the freighter Orion grounded near Port Ellis. ${mid[1]} The Orion was refloated by tugboats after 36 hours.`
    )
    const alone = score(`Farmers protested in the capital. ${mid[0]} Markets were calm.`, `Schools reopened after the holiday. ${mid[1]} A new bridge opened.`)
    expect(anchored).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD)
    expect(anchored!).toBeGreaterThan(alone ?? 0)
    // Anchored on both sides but sharing no content: no link.
    const none = score(
      'The freighter Orion ran aground near Port Ellis on 4 May. Farmers protested in the capital. Tugboats refloated the Orion after 36 hours.',
      'On 4 May the freighter Orion grounded near Port Ellis. Schools reopened after the holiday. The Orion was refloated by tugboats after 36 hours.'
    )
    expect(none).toBeUndefined()
  })
  it(here + 'order evidence: a neighbour pair anchors from 0.8 of the threshold (a plausible link, not only a confident one)', () => {
    const x = 'Fishermen gathered at the quay to mend their nets before dawn. The harbour master closed the northern channel after the collision, divers said on Friday evening. The port authority blamed stormy weather and poor visibility for the costly grounding. The mayor opened a new school.'
    const y = 'Tourists filled the narrow lanes of the old town despite rain. Shipping through the channel stopped for two days while divers inspected the damaged hull near the northern pier. Critics said inexperienced pilots, not the weather, caused the grounding. A museum was renovated.'
    const articles = [art('a', x), art('b', y)]
    const inp = input(articles)
    const score = sentencePairScorer(inp)
    const neighbour = score('a', 1, 'b', 1).score
    expect(neighbour).toBeGreaterThanOrEqual(0.8 * DEFAULT_LINK_THRESHOLD)
    expect(neighbour).toBeLessThan(DEFAULT_LINK_THRESHOLD)
    const l = align(inp).links.find((k) => k.a.sentenceStart === 2 && k.b.sentenceStart === 2)
    expect(l!.score).toBeCloseTo(score('a', 2, 'b', 2).score * 1.25, 3)
    expect(l!.evidence.some((e) => e.kind === 'order')).toBe(true)
  })
  it(here + 'event evidence: a shared event frame raises a borderline pair to a link, with the frame as evidence', () => {
    const a = 'Turkey formally opened its embassy in Yerevan on Tuesday, ending three decades without diplomatic contact.'
    const told = "The inauguration of Turkey's embassy in Yerevan was a bitter moment for nationalists who opposed any thaw."
    // Controls: the same words around a non-event word, or the event verb with another object.
    const guarded = "The guarding of Turkey's embassy in Yerevan was a bitter moment for nationalists who opposed any thaw."
    const museum = "The inauguration of Turkey's new museum in Yerevan was a bitter moment for nationalists who opposed any thaw."
    expect(passageSimilarity(a, told, naming)).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD)
    expect(passageSimilarity(a, guarded, naming)).toBeLessThan(DEFAULT_LINK_THRESHOLD)
    expect(passageSimilarity(a, museum, naming)).toBeLessThan(DEFAULT_LINK_THRESHOLD)
    // In align(): the same raise (the fillers give the small corpus its rarity estimates).
    const deal = 'Turkey signed a long gas deal with Georgia in Tbilisi on Tuesday, after months of haggling over prices.'
    const tail = ' in Tbilisi, a step that opposition critics in Ankara and Izmir loudly called a costly, reckless and hasty mistake by weak ministers in a tired and deeply divided cabinet.'
    // The pair is each article's second sentence (after an unrelated lead), so lead evidence
    // plays no part.
    const linkOf = (b: string): Link | undefined =>
      run([art('a', 'Fishermen gathered at the quay to mend their nets before dawn. ' + deal + ' Markets in Istanbul were calm. A heatwave hit the south.'), art('b', 'Tourists filled the narrow lanes of the old town despite rain. ' + b + ' Farmers protested about prices. The football season opened early.')])
        .links.find((l) => l.a.sentenceStart === 1 && l.b.sentenceStart === 1)
    const framed = linkOf('Turkey has concluded a gas agreement' + tail)
    const plain = linkOf('Turkey has debated a gas agreement' + tail)
    expect(framed!.score).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD)
    expect(plain?.score ?? 0).toBeLessThan(DEFAULT_LINK_THRESHOLD)
    expect(framed!.evidence.some((e) => e.kind === 'term' && e.a.startsWith('signed') && e.b.startsWith('concluded'))).toBe(true)
    expect(plain?.evidence.some((e) => e.a.startsWith('signed')) ?? false).toBe(false)
    // A frame alone never makes a link: the raise needs real shared content.
    // Here the pair shares only the frame and its object word (one feature: halved, below ORDER_MIN).
    expect(run([art('a', 'Farmers in the valley signed the accord quickly.'), art('b', 'Students at a school concluded a treaty yesterday.')]).links).toEqual([])
  })
  it(here + 'a mutual best pair is linked down to 0.6 of the threshold; below that, or when not mutual, it is not', () => {
    const rest = ' Fishermen gathered at the quay. The mayor opened a new school.'
    const other = ' Tourists filled the old town. A museum was renovated.'
    const a = 'The harbour master closed the northern channel after the collision on Friday evening.'
    const b = 'Shipping through the northern channel stopped for two days while divers inspected the damaged hull.'
    const input = (x: string, y: string): Parameters<typeof align>[0] => {
      const articles = [art('a', x), art('b', y)]
      return { articles, segmentations: articles.map((d) => segment(d)), base: 'a', naming, corrections: [], threshold: DEFAULT_LINK_THRESHOLD }
    }
    const cases: [string, string, boolean][] = [
      // Two shared content words in long sentences: a weak but mutual best match.
      [a + rest, b + other, true],
      // One shared word fewer: below 0.6 of the threshold.
      [a.replace('northern ', '') + rest, b.replace('northern ', 'eastern ') + other, false],
      // Sentence 0 of a has a far better counterpart: the weak pair is no longer mutual best.
      [a + rest, b + ' The harbour master closed the northern channel after a collision on Friday.' + other, false]
    ]
    for (const [x, y, linked] of cases) {
      const inp = input(x, y)
      const content = sentencePairScorer(inp)('a', 0, 'b', 0).score
      expect(content).toBeLessThan(DEFAULT_LINK_THRESHOLD * 0.7)
      expect(align(inp).links.some((l) => l.a.sentenceStart === 0 && l.b.sentenceStart === 0)).toBe(linked)
      if (linked) expect(content).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD * 0.6)
    }
  })
  it(here + 'a one-sided best pair is linked from 0.8 of the threshold when its other sentence is taken by a much better pair', () => {
    // Hand-made. a1's best is b2 (in the band); b2's best is a2, but a2 has a far better
    // counterpart (b1), so a2~b2 fails RELATIVE_KEEP and b2 is free. No diagonal neighbours or
    // leads raise a1~b2 (the first sentences share nothing).
    const fishermen = 'Fishermen gathered at the quay to mend their nets.\n'
    const hull = 'Divers inspected the damaged hull of the tanker near the lighthouse on Friday evening'
    const b = `Tourists filled the old town despite the rain.\n${hull}, officials said.\nThe northern channel stayed closed for two days while divers inspected the hull.`
    const cases: [string, boolean][] = [
      ['Shipping stopped in the northern channel for the weekend after a storm.', true],
      // Fewer shared words: below 0.8 of the threshold.
      ['Shipping stopped in the northern channel for the whole weekend after the storm.', false]
    ]
    for (const [a1, linked] of cases) {
      const articles = [art('a', `${fishermen}${a1}\n${hull}.`), art('b', b)]
      const inp = input(articles)
      const score = sentencePairScorer(inp)
      const s = score('a', 1, 'b', 2).score
      expect(s).toBeLessThan(score('a', 2, 'b', 2).score)
      expect(s).toBeLessThan(DEFAULT_LINK_THRESHOLD * 0.9)
      expect(s >= DEFAULT_LINK_THRESHOLD * 0.8).toBe(linked)
      expect(pairs(align(inp).links, 'a', 'b')).toEqual(linked ? ['1-2~2-3', '2-3~1-2'] : ['2-3~1-2'])
    }
  })
  it(here + 'lead evidence: two articles\' leads (after any headline) count as anchored; the same pair elsewhere does not', () => {
    const a = 'The harbour master closed the northern channel after the collision on Friday evening.'
    const b = 'Shipping through the northern channel stopped for two days while divers inspected the damaged hull.'
    const cases: [string, string, boolean][] = [
      // Headline lines (no final punctuation) are skipped: the leads are sentence 1 of each.
      [`Harbour news\n${a} Fishermen gathered at the quay. The mayor opened a new school.`, `Port report\n${b} Tourists filled the old town. A museum was renovated.`, true],
      // The same pair after an unrelated first sentence of body text: not leads.
      [`Fishermen gathered at the quay to mend their nets before dawn.\n${a} The mayor opened a new school.`, `Tourists filled the narrow lanes of the old town despite rain.\n${b} A museum was renovated.`, false]
    ]
    for (const [x, y, lead] of cases) {
      const articles = [art('a', x), art('b', y)]
      const inp = input(articles)
      const content = sentencePairScorer(inp)('a', 1, 'b', 1).score
      const l = align(inp).links.find((k) => k.a.sentenceStart === 1 && k.b.sentenceStart === 1)
      expect(l).toBeDefined()
      expect(l!.score).toBeCloseTo(lead ? content * 1.25 : content, 3)
      expect(l!.evidence.some((e) => e.kind === 'order' && e.a.includes('leads'))).toBe(lead)
    }
  })
  it(here + 'a sentence whose speaker is a pronoun links to the report that names the speaker', () => {
    // Hand-made: one statement split over two sentences in one outlet, told in one in another.
    const A = art('a', 'Nasser Kanaani spoke to reporters in Tehran on Monday. He said Israel was sowing discord among Muslims.')
    const B = art('b', 'Kanaani accused Israel of sowing discord among Muslims. Markets in Baku were calm.')
    const r = run([A, B])
    const l = r.links.find((x) => x.a.sentenceEnd === 2 && x.b.sentenceStart === 0)
    expect(l).toBeDefined()
    expect(l!.evidence.some((e) => e.referent === 'kanaani' && e.a === 'he (Nasser Kanaani)')).toBe(true)
  })
  it(here + 'one statement told in two sentences (named speaker, then "he said") is one passage', () => {
    // Hand-made. B's second paragraph matches A's second sentence better than B's first does,
    // so only the statement rule (not the split rule) can join A's two sentences.
    const a = "Nasser Kanaani, the ministry's spokesman, had earlier warned Azerbaijan about its ties with Israel. He said Israel was seeking to promote discord among Muslims and urged Azerbaijanis to be vigilant. Oil prices rose in Baku."
    const b = 'Kanaani warned Azerbaijan against Israel, accusing it of trying to sow division among Muslims.\nA preacher in Qom said Israel was seeking to promote discord among Muslims and urged Azerbaijanis to be vigilant.\nFarmers protested about water.'
    const cases: [string, string][] = [
      [a, '0-2~0-1'],
      // No pronoun: the second sentence is not the named speaker's, and stays apart.
      [a.replace('He said', 'Clerics said'), '0-1~0-1']
    ]
    for (const [x, want] of cases) expect(pairs(run([art('a', x), art('b', b)]).links, 'a', 'b')).toContain(want)
  })
  it(here + 'a statement told in two sentences by both outlets is one passage on each side', () => {
    // Hand-made: each side names the speaker, then goes on with "he". Growth of side a is
    // tried against side b as already grown, so the link is a0-1 ~ b0-1, not a 2-1 passage
    // that leaves b's first sentence to a separate, overlapping link.
    const a = "Nasser Kanaani, the ministry's spokesman, had earlier warned Azerbaijan about its ties with Israel. He said Israel was seeking to promote discord among Muslims and urged Azerbaijanis to be vigilant. Oil prices rose in Baku."
    const b = 'Iran had warned Azerbaijan against its ties with Israel, spokesman Nasser Kanaani recalled on Friday. He accused Israel of trying to promote discord among Muslims.\nFarmers protested about water.'
    expect(pairs(run([art('a', a), art('b', b)]).links, 'a', 'b')).toEqual(['0-2~0-2'])
  })
  it(here + 'a title line pairs only with title lines and the other article\'s lead', () => {
    // Hand-made: b's title line and its body sentence after the lead both share words with a's
    // first line (Putin, bridge, 2018). As a title line it links to b's title line. Ended by a
    // full stop it is body text (too short to be a's lead), which never pairs with b's title
    // line, so it links to b's body sentence (without the rule it took b's title line).
    const b = "Putin's bridge is burning\n\nA powerful blast hit the road bridge over the strait on Saturday.\nThe bridge, opened by Putin in 2018, carries fuel to the army."
    const links = (a: string): string[] => pairs(run([art('a', a), art('b', b)]).links, 'a', 'b')
    expect(links("Putin's 2018 bridge burns\n\nFire crews worked through the night.")).toEqual(['0-1~0-1'])
    expect(links("Putin's 2018 bridge burns.\n\nFire crews worked through the night.")).toEqual(['0-1~2-3'])
  })
  it(here + 'two leads in which the same actor does the same thing to the same object are linked', () => {
    // Hand-made: long leads that pack the event with different context share little (a score
    // under the order-evidence band), but both report Azerbaijan opening an embassy. Without
    // the actor in b's lead (no actor|event|object frame in common) they stay apart.
    const a = 'Azerbaijan opened an embassy in Israel on Wednesday, becoming the first country with a Shia Muslim majority to take the step, amid loud anger from senior clerics and hardline newspapers in Qom and Tehran.\nOil prices rose in Baku.'
    const b = 'The Embassy of Azerbaijan was officially inaugurated in Tel Aviv at a ceremony attended by ministers who praised decades of trade, energy, farming and technology cooperation between the two countries and thanked the local Jewish community.\nFarmers protested about water.'
    const r = run([art('a', a), art('b', b)])
    expect(pairs(r.links, 'a', 'b')).toEqual(['0-1~0-1'])
    const l = r.links[0]!
    expect(l.score).toBeLessThan(DEFAULT_LINK_THRESHOLD * 0.6)
    expect(l.evidence).toContainEqual({ kind: 'order', a: "both are their articles' leads and report the same event", b: "both are their articles' leads and report the same event", weight: 0 })
    expect(l.evidence).toContainEqual({ kind: 'term', a: 'opened an embassy', b: 'embassy of azerbaijan was officially inaugurated', weight: 0 })
    expect(run([art('a', a), art('b', b.replace('The Embassy of Azerbaijan', 'The embassy'))]).links).toEqual([])
  })
  it(here + 'unrelated sentences of the same story are not linked', () => {
    const A = art('a', 'Azerbaijan opened an embassy in Tel Aviv on Wednesday. The ceremony was attended by senior diplomats.')
    const B = art('b', 'Iran has long accused Azerbaijan of hosting Israeli intelligence officers. Oil accounts for most of Azerbaijan exports.')
    expect(run([A, B]).links).toEqual([])
  })

  it(here + 'a sentence keeps at most two counterparts per article, the best ones', () => {
    // Hand-made: three paragraphs of B each report A's sentence, one with fewer of its words.
    const A = art('a', 'Cohen said the embassy opening was historic and called for a united front against Iran.')
    const B = art('b', 'Cohen called the embassy opening historic and urged a united front against Iran.\nMarkets were calm.\nCohen said the opening was historic and called for a united front against Iran.\nPrices rose.\nCohen called the embassy opening historic.')
    expect(pairs(run([A, B]).links, 'a', 'b')).toEqual(['0-1~0-1', '0-1~2-3'])
  })
  it(here + 'a second counterpart must nearly tie the first, except between the two leads', () => {
    // Hand-made; [A, B, links of a~b]. B's paragraphs are apart, so growth cannot join them.
    const cases: [string, string, string[]][] = [
      // b2 reaches the threshold and 0.6 of the best, but not 0.9 of it: only the best link.
      ['Cohen said the embassy opening was historic and called for a united front against Iran.\nMarkets were calm.',
        'Cohen said the embassy opening was historic and called for a united front against Iran on Wednesday.\nMarkets were calm.\nCohen also urged a united front.\nPrices rose.',
        ['0-1~0-1', '1-2~1-2']],
      // The leads: a0~b0 is far below a0's best (b2), but lead~lead is kept. (b1 keeps the two
      // apart, so growth does not join them as a split.)
      ['The harbour master closed the northern channel after a tanker collision on Friday evening.\nFishermen mended nets.',
        'A tanker collision on Friday shut the northern channel for hours.\nTourists filled the old town despite the rain.\nThe harbour master closed the northern channel after the tanker collision on Friday evening, officials said.\nFishermen mended nets.',
        ['0-1~0-1', '0-1~2-3', '1-2~3-4']]
    ]
    for (const [a, b, want] of cases) {
      const articles = [art('a', a), art('b', b)]
      const inp = input(articles)
      const score = sentencePairScorer(inp)
      // Both weaker pairs pass the threshold and RELATIVE_KEEP on their own.
      const [weak, best] = want.length === 2 ? [score('a', 0, 'b', 2).score, score('a', 0, 'b', 0).score] : [score('a', 0, 'b', 0).score, score('a', 0, 'b', 2).score]
      expect(weak).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD)
      expect(weak).toBeGreaterThanOrEqual(0.6 * best)
      expect(weak).toBeLessThan(0.9 * best)
      expect(pairs(align(inp).links, 'a', 'b')).toEqual(want)
    }
  })
  it(here + 'a weaker second counterpart reporting the same actor-level event is kept', () => {
    // Hand-made: b0 reports two facts; a2 tells only the second (Israel opened an embassy in
    // Baku) and scores under 0.9 of b0's best (a0). Sharing actor, event and object with b0, it is
    // linked; told without the actor, the same sentence stays a weak second and is cut.
    const b = 'The two states established diplomatic relations in April 1992, and Israel opened its embassy in Baku in 1993. Oil is the main export.'
    const cases: [string, string[]][] = [
      ['After independence, the Zionist regime established an embassy in Baku.', ['0-1~0-1', '2-3~0-1']],
      ['After independence, an embassy was established in Baku.', ['0-1~0-1']]
    ]
    for (const [second, want] of cases) {
      const articles = [art('a', 'Azerbaijan and Israel established diplomatic relations in April 1992.\nTrade between them has grown every year since.\n' + second), art('b', b)]
      const inp = input(articles)
      const score = sentencePairScorer(inp)
      expect(score('a', 2, 'b', 0).score).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD)
      expect(score('a', 2, 'b', 0).score).toBeLessThan(0.9 * score('a', 0, 'b', 0).score)
      expect(pairs(align(inp).links, 'a', 'b')).toEqual(want)
    }
  })
  it(here + 'a pair over the threshold but far under a better one is linked when it reports another fact', () => {
    // Hand-made: b1 packs two facts (the ministry condemned the remark; Kanaani had warned Baku);
    // a2 tells the second far better than a1 tells the first, so a1~b1 falls under 0.6 of b1's
    // best. What a1 and b1 share (ministry, condemned, remark, reckless) is nothing b1 shares with
    // a2: another fact, linked (and grown with a2 into one passage). When a1 instead repeats
    // Kanaani's warning, it competes with a2 for the same fact and stays unlinked.
    const b = 'Cohen also used the press conference in Jerusalem to call for a united front against Tehran.\nTwo days later the ministry condemned the remark as reckless, and Kanaani, its spokesman, had warned Baku weeks earlier about its deepening alliance with Israel.'
    const cases: [string, string[]][] = [
      ['On Friday the ministry condemned the united front remarks as reckless, state television reported.', ['0-1~0-1', '1-3~1-2']],
      ['On Friday the spokesman Kanaani repeated his warning to Baku about Israel, state television reported.', ['0-1~0-1', '2-3~1-2']]
    ]
    for (const [middle, want] of cases) {
      const a = `Cohen urged a united front against Tehran at the press conference in Jerusalem.\n${middle}\nKanaani, its spokesman, had warned Baku weeks earlier about its deepening alliance with Israel.`
      const articles = [art('a', a), art('b', b)]
      const inp = input(articles)
      const score = sentencePairScorer(inp)
      expect(score('a', 1, 'b', 1).score).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD)
      expect(score('a', 1, 'b', 1).score).toBeLessThan(0.6 * score('a', 2, 'b', 1).score)
      expect(pairs(align(inp).links, 'a', 'b')).toEqual(want)
    }
  })
  it(here + "a later sentence sharing only the main event with the other article's lead is not its counterpart", () => {
    // Hand-made: both leads report the opening (embassy, Tel Aviv, opened, Wednesday). b2
    // mentions the opening only as background to Cohen's view and matches a0 on those words
    // nearly as well as b0 does (without the rule a0-1 ~ b2 was linked); it shares nothing else
    // with a0, so it is linked to a1, which reports Cohen's view. A later sentence that restates
    // the event with details of its own (first Shia-majority country) is still a0's counterpart.
    const a = 'Azerbaijan opened its embassy in Tel Aviv on Wednesday, the first Shia-majority country to do so.\nForeign Minister Cohen hailed the strategic partnership with Baku as historic.\nOil exports rose last year.'
    const lead = "Azerbaijan's embassy in Tel Aviv opened on Wednesday amid angry street protests in Iran and stern warnings from clerics in Qom.\nMarkets were calm.\n"
    const cases: [string, string[]][] = [
      ['Cohen saw the opening of the embassy in Tel Aviv on Wednesday as a strategic victory over Tehran.', ['0-1~0-1', '1-2~2-3']],
      ['Azerbaijan is the first Shia-majority country with an embassy in Tel Aviv.', ['0-1~2-3']]
    ]
    for (const [later, want] of cases) {
      const articles = [art('a', a), art('b', lead + later)]
      const inp = input(articles)
      expect(sentencePairScorer(inp)('a', 0, 'b', 2).score).toBeGreaterThan(DEFAULT_LINK_THRESHOLD)
      expect(pairs(align(inp).links, 'a', 'b')).toEqual(want)
    }
  })
  it(here + 'a split across a paragraph break is one passage; other growth stays within a paragraph', () => {
    // Hand-made: one sentence of A told in two one-sentence paragraphs of B. b1's own best
    // counterpart is a0 (a split), so a0~b0 grows to b0-1 although b1 opens a new paragraph.
    const a = 'Azerbaijan evacuated its embassy staff and called the attack an act of terrorism, while Iran said the gunman had acted for personal reasons.\nMarkets were calm.'
    const b = 'Azerbaijan evacuated its embassy staff on Friday and called the attack an act of terrorism.\nIranian officials said the gunman had acted for personal reasons.\nMarkets were calm.'
    expect(pairs(run([art('a', a), art('b', b)]).links, 'a', 'b')).toEqual(['0-1~0-2', '1-2~2-3'])
    // b1 has a better counterpart of its own (a1): no growth across the break.
    const a2 = a.replace('Markets were calm.', 'Iranian officials said the gunman had acted for personal reasons, state media reported.')
    expect(pairs(run([art('a', a2), art('b', b)]).links, 'a', 'b')).toEqual(['0-1~0-1', '1-2~1-2'])
  })
  it(here + 'a sentence may link to two counterparts (many-to-many)', () => {
    const A = art('a', 'Cohen said the embassy opening was historic and called for a united front against Iran.')
    const B = art('b', 'Cohen called the embassy opening historic. Later in the day he urged a united front against Iran. Prices rose.')
    const r = run([A, B])
    const got = pairs(r.links, 'a', 'b')
    // Either two links or one merged passage covering both sentences.
    expect(got.length === 2 ? got : got[0]).toEqual(got.length === 2 ? ['0-1~0-1', '0-1~1-2'] : '0-1~0-2')
  })
})

describe('align: transitive links (multi-witness)', () => {
  // Hand-made: y states one fact tersely; x and z each tell it inside a long sentence of their
  // own, so they share too little with each other for a link (below a mutual best's share of
  // the threshold), but each shares enough with y, and on the same part of it (the channel's
  // closing), for a confident link.
  const fill = [' Fishermen gathered at the quay to mend nets.', ' The mayor opened a new school in the suburbs.', ' Tourists filled the old town despite the rain.']
  const x = 'The harbour master closed the northern channel on Friday, a decision local fishermen and ferry operators criticised sharply at a crowded meeting.' + fill[0]
  const y = 'The harbour master closed the northern channel after a tanker collision on Friday.' + fill[1]
  const sameFact = 'After a tanker collision the northern channel was closed, leaving dozens of cargo ships waiting in the bay for their turn to unload.'
  // Base y: x~z is a pair of non-base articles (only those get transitive links).
  const input = (z: string, base = 'y', yText = y): Parameters<typeof align>[0] => {
    const articles = [art('x', x), art('y', yText), art('z', z + fill[2])]
    return { articles, segmentations: articles.map((d) => segment(d)), base, naming, corrections: [], threshold: DEFAULT_LINK_THRESHOLD }
  }
  const isInference = (l: Link): boolean => l.evidence.some((e) => e.kind === 'order' && e.a.includes('same passage of'))
  // [what, z, links of x~z, whether the x~z link is an inference]
  const cases: [string, string, string[], boolean][] = [
    // Both supporting links are confident and neither sentence has a counterpart in the
    // other article: x0~z0 is inferred through y0.
    ['fills a gap between two sentences linked to one passage of a third article', sameFact, ['0-1~0-1'], true],
    // x0 already has a direct counterpart in z (z1): the inference never competes with it
    // (y0's link in z, z0-2, would otherwise give x0~z0-2 as well).
    ['never when a sentence already has a direct counterpart there', sameFact + ' Harbour officials shut the northern channel on Friday, angering fishermen and ferry operators.', ['0-1~1-2'], false],
    // y0~z0 is linked, but below the threshold (lead evidence raised it): too weak to rest on.
    // (With "ran aground in the northern channel" it reaches the threshold and x0~z0 is inferred.)
    ['never through a supporting link below the threshold', 'After a tanker ran aground the northern channel stayed shut for two days, leaving dozens of cargo ships waiting in the bay while divers inspected the damaged hull and engineers checked the locks.', [], false]
  ]
  it.each(cases)(here + '%s', (_, z, want, isInferred) => {
    const inp = input(z)
    expect(sentencePairScorer(inp)('x', 0, 'z', 0).score).toBeLessThan(0.6 * DEFAULT_LINK_THRESHOLD)
    const links = align(inp).links
    expect(pairs(links, 'x', 'z')).toEqual(want)
    const inferred = links.filter(isInference)
    if (!isInferred) {
      expect(inferred).toEqual([])
      return
    }
    expect(inferred.map((l) => l.id)).toEqual(['x:0-1~z:0-1'])
    const l = inferred[0]!
    // Scored at half the weaker supporting link (its own content score is lower), with the
    // passage of y it was inferred through; its own shared words are evidence too.
    const support = Math.min(...links.filter((k) => k.b.article === 'y' || k.a.article === 'y').map((k) => k.score))
    expect(l.score).toBeCloseTo(support * 0.5, 3)
    const own = sentencePairScorer(inp)('x', 0, 'z', 0).score
    const via = l.evidence[0]!
    expect({ ...via, weight: 0 }).toEqual({ kind: 'order', a: 'both are linked to the same passage of y (sentence 1)', b: 'both are linked to the same passage of y (sentence 1)', weight: 0 })
    expect(via.weight).toBeCloseTo(l.score - own, 3)
    expect(l.evidence.filter((e) => e.kind === 'term').map((e) => e.a).sort()).toEqual(['channel', 'closed', 'northern'])
    // With x as the base, x~z is a base pair: its links never depend on other pairs' links.
    const asBase = align(input(z, 'x')).links
    expect(pairs(asBase, 'x', 'z')).toEqual([])
    expect(asBase.some(isInference)).toBe(false)
  })
  it(here + 'never through a witness that reports two facts, one matched by each side', () => {
    // y0 reports the channel's closing and, in another clause, the collision that halted
    // shipping; x0 matches the first part and z0 the second. Both links to y0 are confident
    // and x0, z0 have no counterpart in each other's article, but they share nothing: the two
    // links rest on different parts of y0, so x0~z0 is no link (TRANSITIVE_COMMON).
    const twoFacts = 'The harbour master closed the northern channel on Friday, while a tanker collision near the lighthouse halted all shipping.' + fill[1]
    const z = 'A tanker collision near the lighthouse halted all shipping, leaving dozens of cargo ships waiting in the bay for their turn to unload.'
    const inp = input(z, 'y', twoFacts)
    const links = align(inp).links
    expect(pairs(links, 'y', 'x')).toEqual(['0-1~0-1'])
    expect(pairs(links, 'y', 'z')).toEqual(['0-1~0-1'])
    expect(links.filter((l) => l.score < DEFAULT_LINK_THRESHOLD && (l.a.article === 'y' || l.b.article === 'y'))).toEqual([])
    expect(sentencePairScorer(inp)('x', 0, 'z', 0).score).toBe(0)
    expect(pairs(links, 'x', 'z')).toEqual([])
    expect(links.some(isInference)).toBe(false)
    // The same two sides through a witness that tells one fact (the closing after the
    // collision, worded as each side words its part) are no link either: z0 shares only the
    // collision with it. What links is a side sharing the witness's part the other shares.
    expect(align(input(z)).links.some(isInference)).toBe(false)
    expect(align(input(sameFact)).links.filter(isInference).map((l) => l.id)).toEqual(['x:0-1~z:0-1'])
  })

  // A title line (a first paragraph of one sentence without terminal punctuation) summarises
  // the story, so sentences of different facts each match it: it is neither a witness nor an
  // inferred side. Each case runs twice: with the line ending in a full stop it is body text
  // and the inference is made, so the title rule alone is what removes it.
  const inferredIds = (links: readonly Link[]): string[] =>
    links.filter((l) => l.evidence.some((e) => e.a.startsWith('both are linked to the same passage'))).map((l) => l.id)
  it(here + 'a title line of the third article is no witness', () => {
    const withTitle = (end: string): Parameters<typeof align>[0] => {
      const y2 = 'Harbour master closed northern channel after tanker collision' + end + '\n\nOfficials met in the town hall to discuss the budget.' + fill[1]
      const articles = [art('x', x), art('y', y2), art('z', sameFact + fill[2])]
      return { articles, segmentations: articles.map((d) => segment(d)), base: 'y', naming, corrections: [], threshold: DEFAULT_LINK_THRESHOLD }
    }
    expect(inferredIds(align(withTitle('.')).links)).toEqual(['x:0-1~z:0-1'])
    const links = align(withTitle('')).links
    expect(pairs(links, 'y', 'x')).toEqual(['0-1~0-1'])
    expect(pairs(links, 'y', 'z')).toEqual(['0-1~0-1'])
    expect(inferredIds(links)).toEqual([])
  })
  it(here + 'a title line is never linked by inference', () => {
    // w1 is linked to x1 (the same fact in other words) and matches z's title (Putin, bridge),
    // which as a title line pairs only with titles and leads (no w1~title link to infer from).
    // As body text ("burns.") the line is linked to w1, but on another part of w1 than x1 is
    // (Putin and the bridge, not what it carries), so TRANSITIVE_COMMON refuses x1~z0 too: a
    // title shares the story's names with every sentence, not one fact.
    const w = art('w', 'A blast hit the road bridge over the strait early on Saturday. The bridge, opened by Putin in 2018, carries fuel and ammunition to the army in the south. Officials said repairs would take several weeks.')
    const x2 = art('x', 'An explosion struck the road bridge over the strait on Saturday morning. The crossing, opened by the president in 2018, carries fuel and ammunition to the army. Engineers said repairs would last several weeks.')
    const run3 = (title: string): readonly Link[] => {
      const articles = [w, x2, art('z', title + '\n\nA powerful explosion damaged the road bridge across the strait on Saturday. Repairs will take weeks, engineers said.')]
      return align({ articles, segmentations: articles.map((d) => segment(d)), base: 'w', naming, corrections: [], threshold: DEFAULT_LINK_THRESHOLD }).links
    }
    const asBody = run3("Putin's bridge burns.")
    expect(pairs(asBody, 'w', 'z')).toContain('1-2~0-1')
    expect(pairs(asBody, 'w', 'x')).toContain('1-2~1-2')
    expect(inferredIds(asBody)).toEqual([])
    const links = run3("Putin's bridge burns")
    expect(pairs(links, 'w', 'z')).not.toContain('1-2~0-1')
    expect(inferredIds(links)).toEqual([])
  })
})

describe('align: structure of the result', () => {
  const A = art('base', 'Azerbaijan opened an embassy in Tel Aviv on Wednesday. The Zionist regime welcomed the step. Baku is a major oil supplier.')
  const B = art('wire', 'On Wednesday Azerbaijan inaugurated its embassy in Tel Aviv. Israel welcomed the move.')
  const C = art('blog', 'Israel welcomed the new embassy of Azerbaijan, opened on Wednesday in Tel Aviv. Unrelated gardening tips follow here.')
  const r = run([A, B, C])

  it(here + 'aligns base vs every other article and every pair of non-base articles', () => {
    const articlePairs = new Set(r.links.map((l) => `${l.a.article}~${l.b.article}`))
    expect(articlePairs).toEqual(new Set(['base~wire', 'base~blog', 'wire~blog']))
  })

  it(here + "with pairs: 'base' aligns only the base with each other article, with the same base links", () => {
    const articles = [A, B, C]
    const baseOnly = align({ articles, segmentations: articles.map((a) => segment(a)), base: 'base', naming, corrections: [], threshold: DEFAULT_LINK_THRESHOLD, pairs: 'base' })
    expect(new Set(baseOnly.links.map((l) => `${l.a.article}~${l.b.article}`))).toEqual(new Set(['base~wire', 'base~blog']))
    expect(baseOnly.links.map((l) => l.id)).toEqual(r.links.filter((l) => l.a.article === 'base').map((l) => l.id))
  })

  it(here + 'link ids are derived from the refs and spans are sentence spans', () => {
    for (const l of r.links) {
      expect(l.id).toBe(`${l.a.article}:${l.a.sentenceStart}-${l.a.sentenceEnd}~${l.b.article}:${l.b.sentenceStart}-${l.b.sentenceEnd}`)
      expect(l.origin).toBe('machine')
      expect(l.score).toBeGreaterThan(0)
      expect(l.score).toBeLessThanOrEqual(1)
      expect(l.evidence.length).toBeGreaterThan(0)
      for (const side of [l.a, l.b]) {
        const art0 = [A, B, C].find((x) => x.id === side.article)!
        const seg = segment(art0)
        expect(side.start).toBe(seg.sentences[side.sentenceStart]!.start)
        expect(side.end).toBe(seg.sentences[side.sentenceEnd - 1]!.end)
      }
    }
  })

  it(here + 'unmatched lists sentences with the articles that lack a counterpart', () => {
    const oil = r.unmatched.find((u) => u.article === 'base' && u.sentence === 2)
    expect(oil?.missingIn).toEqual(['wire', 'blog'])
    const tips = r.unmatched.find((u) => u.article === 'blog' && u.sentence === 1)
    expect(tips?.missingIn).toEqual(['base', 'wire'])
    // The embassy sentence has counterparts everywhere, so it is not listed.
    expect(r.unmatched.some((u) => u.article === 'base' && u.sentence === 0)).toBe(false)
  })

  it(here + 'is deterministic', () => {
    expect(run([A, B, C])).toEqual(r)
  })

  it(here + 'corrections are replayed and unmatched follows them', () => {
    const oilRef: PassageRef = { article: 'base', start: 0, end: 0, sentenceStart: 2, sentenceEnd: 3 }
    const segA = segment(A)
    const segB = segment(B)
    const a: PassageRef = { ...oilRef, start: segA.sentences[2]!.start, end: segA.sentences[2]!.end }
    const b: PassageRef = { article: 'wire', start: segB.sentences[1]!.start, end: segB.sentences[1]!.end, sentenceStart: 1, sentenceEnd: 2 }
    const machineId = r.links.find((l) => l.a.article === 'base' && l.b.article === 'wire')!.id
    const corrected = run([A, B, C], [
      { kind: 'link', a, b, at: '2026-01-01T00:00:00Z' },
      { kind: 'unlink', linkId: machineId, at: '2026-01-01T00:00:01Z' }
    ])
    const user = corrected.links.find((l) => l.id === linkId(a, b))
    expect(user).toMatchObject({ origin: 'user', score: 1 })
    expect(corrected.links.some((l) => l.id === machineId)).toBe(false)
    const oil = corrected.unmatched.find((u) => u.article === 'base' && u.sentence === 2)
    expect(oil?.missingIn).toEqual(['blog'])
  })
})

describe('applyCorrections', () => {
  const ref = (article: string, s: number): PassageRef => ({ article, start: s * 10, end: s * 10 + 9, sentenceStart: s, sentenceEnd: s + 1 })
  const machine = (a: PassageRef, b: PassageRef, score: number): Link => ({ id: linkId(a, b), a, b, score, evidence: [{ kind: 'term', a: 'x', b: 'x', weight: 1 }], origin: 'machine' })
  const m1 = machine(ref('a', 0), ref('b', 0), 0.5)
  const m2 = machine(ref('a', 1), ref('b', 2), 0.4)

  it.each<[string, AlignmentCorrection[], string[]]>([
    ['no corrections keep the machine links', [], [m1.id, m2.id]],
    ['unlink removes a machine link', [{ kind: 'unlink', linkId: m1.id, at: 't' }], [m2.id]],
    ['unlink of an unknown id is a no-op', [{ kind: 'unlink', linkId: 'a:9-10~b:9-10', at: 't' }], [m1.id, m2.id]],
    ['link adds a user link', [{ kind: 'link', a: ref('a', 3), b: ref('b', 3), at: 't' }], [m1.id, m2.id, 'a:3-4~b:3-4']],
    ['link then unlink of the same pair leaves nothing', [{ kind: 'link', a: ref('a', 3), b: ref('b', 3), at: 't' }, { kind: 'unlink', linkId: 'a:3-4~b:3-4', at: 't' }], [m1.id, m2.id]],
    ['unlink matches a link stored with swapped sides', [{ kind: 'unlink', linkId: 'b:0-1~a:0-1', at: 't' }], [m2.id]]
  ])(here + '%s', (_name, corrections, ids) => {
    expect(applyCorrections([m1, m2], corrections).map((l) => l.id)).toEqual(ids)
  })

  it(here + 'a user link over a machine link becomes origin user with score 1 and keeps its evidence', () => {
    const out = applyCorrections([m1], [{ kind: 'link', a: m1.a, b: m1.b, at: 't' }])
    expect(out).toEqual([{ ...m1, score: 1, origin: 'user' }])
  })

  it(here + 'does not mutate its input', () => {
    const input = [m1, m2]
    applyCorrections(input, [{ kind: 'unlink', linkId: m1.id, at: 't' }])
    expect(input).toEqual([m1, m2])
  })
})
