/**
 * Actors named inside another actor's name (NamingCell.nested, LanguageResult.nestedMentions:
 * "Azerbaijan's" in "Azerbaijan's State Security Service") on the worksheet. Through the real
 * pipeline (analyze()), so the cells, mentions and sentiment are what a user gets:
 *  - naming questions are about naming choices: nested mentions neither make an actor's naming
 *    "varied" nor rank it, but the model answer lists them apart instead of claiming the article
 *    does not name the actor;
 *  - the tone question counts them: the most negative article may name the actor only inside
 *    another name, and its words come from those sentences (those meanSentiment averages), not
 *    from unrelated sentences of the article.
 */
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../../shared/model'
import { analyze } from '../../../../shared/pipeline/analyze'
import { worksheetQuestions } from '../../../../shared/pipeline/06-report/serializers/worksheet'
import { makeArticle } from './htmlFixture'

const here = '[06-report/serializers/worksheet nested] '

function articles(ledger: string): Article[] {
  return [
    makeArticle('wire', 'Azerbaijan opened its first embassy in Israel on Wednesday. Officials said the embassy would deepen trade and friendship.', { outlet: 'Caspian Wire' }),
    makeArticle('herald', 'The Aliyev regime welcomed the decision. Baku praised its partner and thanked the delegation.', { outlet: 'Northern Herald' }),
    makeArticle('ledger', ledger, { outlet: 'Jerusalem Ledger' })
  ]
}

// The ledger names Azerbaijan only inside the security service's name, in a hostile sentence;
// its other sentence is the most negative of the article but about Iran, not Azerbaijan.
const LEDGER = 'Iran condemned the horrible, disgusting and evil plan. Azerbaijan\'s State Security Service said it arrested a criminal network of vicious spies.'

describe('worksheet questions with actors named inside other names', () => {
  const analysis = analyze({ articles: articles(LEDGER) })
  const qs = worksheetQuestions(analysis, { blind: false })

  it(here + 'the fixture has what the rules are about (a nested-only cell with a tone)', () => {
    const cell = analysis.naming.find((c) => c.actor === 'azerbaijan' && c.article === 'ledger')!
    expect(cell.terms).toEqual([])
    expect(cell.nested?.map((n) => [n.within, n.surface, n.count])).toEqual([['azerbaijan-state-security-service', 'Azerbaijan', 1]])
    expect(cell.meanSentiment).not.toBeNull()
  })

  it(here + 'naming: the article is listed as naming the actor only inside another name, not as not naming it', () => {
    const q = qs.find((x) => x.kind === 'naming' && x.prompt.includes('<strong>Azerbaijan</strong>'))!
    expect(q.answer).not.toContain('<strong>Jerusalem Ledger</strong> does not name Azerbaijan')
    expect(q.answer).toContain('<strong>Jerusalem Ledger</strong> names Azerbaijan only inside other names: inside State Security Service of Azerbaijan: “Azerbaijan” ×1 (part of those names, not a choice of word)')
    expect(q.answer).toContain('<strong>Northern Herald</strong>: ')
    expect(q.answer).toContain('“Aliyev regime” ×1 (hostile)')
  })

  it(here + 'naming: mentions inside other names do not make an actor a naming question', () => {
    // Iran's only naming choice is "Iran" everywhere; nested "Iran's" in another article adds no choice.
    const two = analyze({
      articles: [
        makeArticle('a', 'Iran protested on Monday.', { outlet: 'A' }),
        makeArticle('b', "Iran's Ministry of Intelligence issued a statement. Iran protested.", { outlet: 'B' })
      ]
    })
    expect(two.naming.find((c) => c.actor === 'iran' && c.article === 'b')?.nested?.length).toBe(1)
    expect(worksheetQuestions(two, { blind: false }).filter((q) => q.kind === 'naming' && q.prompt.includes('<strong>Iran</strong>'))).toEqual([])
  })

  it(here + 'tone: the nested-only article can be the most negative, with words from the sentence that names the actor', () => {
    const q = qs.find((x) => x.kind === 'sentiment')!
    expect(q.prompt).toContain('most negative about <strong>Azerbaijan</strong>')
    expect(q.answer).toMatch(/^<strong>Jerusalem Ledger<\/strong>/)
    expect(q.answer).toMatch(/“(criminal|vicious)”/)
    for (const w of ['horrible', 'disgusting', 'evil']) expect(q.answer).not.toContain(`“${w}”`)
    expect(q.answer).toContain('names Azerbaijan only inside other names (inside State Security Service of Azerbaijan')
  })

  it(here + 'tone: no note when the most negative article also names the actor itself', () => {
    const both = analyze({ articles: articles(`${LEDGER} Azerbaijan denied everything.`) })
    const q = worksheetQuestions(both, { blind: false }).find((x) => x.kind === 'sentiment')!
    expect(q.answer).toMatch(/^<strong>Jerusalem Ledger<\/strong>/)
    expect(q.answer).not.toContain('only inside other names')
  })
})
