/**
 * The built-in naming classes (shared/resources/naming/actors.json) as data: each form finds
 * its actor in a sentence of the kind real coverage of the Baku–Tel Aviv story uses, loaded
 * terms become counted contested-naming flags with their own explanation, and neutral or
 * unloaded terms never add a counted bias flag. The sentences are the project's own.
 */
import { describe, expect, it } from 'vitest'
import type { Flag } from '../../../shared/model'
import { countsAsPrediction } from '../../../shared/eval/spans'
import { segment } from '../../../shared/pipeline/02-segment/segment'
import { analyzeLanguage } from '../../../shared/pipeline/05-language/analyzeLanguage'
import { builtinNaming, findNamingMentions, formStems } from '../../../shared/resources/naming'
import { tokenize } from '../../../shared/text/tokenize'
import { article } from '../pipeline/05-language/helpers'

const here = '[resources/naming] '
const naming = builtinNaming()

function flagsOf(text: string): Flag[] {
  const a = article(text)
  return [...analyzeLanguage({ article: a, segmentation: segment(a), naming, codebook: null }).flags]
}

/** Mentions as "surface → actor/term". */
function mentions(text: string): string[] {
  return findNamingMentions(tokenize(text), naming).map((m) => `${text.slice(m.start, m.end)} → ${m.actor}/${m.term.id}`)
}

describe('naming classes: each form finds its actor', () => {
  // [sentence, surface, actor, term]
  const cases: Array<[string, string, string, string]> = [
    ['Benjamin Netanyahu welcomed the new embassy.', 'Benjamin Netanyahu', 'netanyahu', 'netanyahu'],
    ['Netanyahu spoke by phone with Aliyev.', 'Netanyahu', 'netanyahu', 'netanyahu'],
    ["Israel's prime minister praised the opening.", "Israel's prime minister", 'netanyahu', 'netanyahu'],
    ['The Israeli Prime Minister did not comment.', 'Israeli Prime Minister', 'netanyahu', 'netanyahu'],
    ['Bibi has courted Baku for years.', 'Bibi', 'netanyahu', 'bibi'],
    ['Isaac Herzog visited Baku in May.', 'Isaac Herzog', 'herzog', 'herzog'],
    ['The Israeli President thanked his host.', 'Israeli President', 'herzog', 'herzog'],
    ['Hossein Amir-Abdollahian called his counterpart.', 'Hossein Amir-Abdollahian', 'amir-abdollahian', 'amir-abdollahian'],
    ['Amir Abdollahian warned against foreign meddling.', 'Amir Abdollahian', 'amir-abdollahian', 'amir-abdollahian'],
    ["Iran's foreign minister condemned the remarks.", "Iran's foreign minister", 'amir-abdollahian', 'amir-abdollahian'],
    ['Ebrahim Raisi chaired the security council.', 'Ebrahim Raisi', 'raisi', 'raisi'],
    ['The Iranian President said the region needs no outsiders.', 'Iranian President', 'raisi', 'raisi'],
    ['Ayatollah Ali Khamenei addressed the crowd.', 'Ayatollah Ali Khamenei', 'khamenei', 'khamenei'],
    ["Iran's supreme leader has long opposed such ties.", "Iran's supreme leader", 'khamenei', 'khamenei'],
    ['The Leader of the Islamic Revolution received the cabinet.', 'Leader of the Islamic Revolution', 'khamenei', 'leader-of-the-revolution'],
    ['Recep Tayyip Erdoğan backed Baku.', 'Recep Tayyip Erdoğan', 'erdogan', 'erdogan'],
    ['Erdogan and Aliyev met on Monday.', 'Erdogan', 'erdogan', 'erdogan'],
    ['Nikol Pashinyan accused Baku of stalling.', 'Nikol Pashinyan', 'pashinyan', 'pashinyan'],
    // 1.3.0: foreign ministries, ambassadors and officials of the region's coverage.
    ["Iran's foreign ministry summoned the envoy.", "Iran's foreign ministry", 'iran-foreign-ministry', 'iran-foreign-ministry'],
    ['The Iranian Ministry of Foreign Affairs issued a statement.', 'Iranian Ministry of Foreign Affairs', 'iran-foreign-ministry', 'iran-foreign-ministry'],
    ["Azerbaijan's Foreign Ministry protested.", "Azerbaijan's Foreign Ministry", 'azerbaijan-foreign-ministry', 'azerbaijan-foreign-ministry'],
    ['The Ministry of Foreign Affairs of the Republic of Azerbaijan replied.', 'Ministry of Foreign Affairs of the Republic of Azerbaijan', 'azerbaijan-foreign-ministry', 'azerbaijan-foreign-ministry'],
    ['The Israeli Foreign Ministry welcomed the step.', 'Israeli Foreign Ministry', 'israel-foreign-ministry', 'israel-foreign-ministry'],
    ["Iran's foreign minister condemned the ministry's critics.", "Iran's foreign minister", 'amir-abdollahian', 'amir-abdollahian'],
    ['Abbas Mousavi was summoned in Baku.', 'Abbas Mousavi', 'mousavi', 'mousavi'],
    ['The Iranian ambassador to Azerbaijan was summoned.', 'Iranian ambassador to Azerbaijan', 'mousavi', 'mousavi'],
    ['George Deek praised the ties.', 'George Deek', 'deek', 'deek'],
    ["Israel's ambassador to Azerbaijan attended.", "Israel's ambassador to Azerbaijan", 'deek', 'deek'],
    ['Yoav Gallant visited Baku.', 'Yoav Gallant', 'gallant', 'gallant'],
    ['Sergei Lavrov met his counterpart.', 'Sergei Lavrov', 'lavrov', 'lavrov'],
    ['Antony Blinken called Aliyev.', 'Antony Blinken', 'blinken', 'blinken'],
    ['Joe Biden spoke to reporters.', 'Joe Biden', 'biden', 'biden'],
    ['The State Department urged restraint.', 'State Department', 'us-state-department', 'us-state-department'],
    ['Convoys were stopped on the Lachin corridor.', 'Lachin corridor', 'lachin-corridor', 'lachin-corridor'],
    ['Troops were moved to Nakhchivan.', 'Nakhchivan', 'nakhchivan', 'nakhchivan'],
    ['Aykhan Hajizada rejected the claim.', 'Aykhan Hajizada', 'hajizada', 'hajizada'],
    ["Azerbaijan's foreign ministry spokesman rejected the claim.", "Azerbaijan's foreign ministry spokesman", 'hajizada', 'hajizada'],
    ['Lior Haiat welcomed the decision.', 'Lior Haiat', 'haiat', 'haiat'],
    ['Zakir Hasanov inspected the troops.', 'Zakir Hasanov', 'hasanov', 'hasanov'],
    ['Fazil Mustafa was shot outside his home.', 'Fazil Mustafa', 'fazil-mustafa', 'fazil-mustafa'],
    ["Armenia's prime minister asked for observers.", "Armenia's prime minister", 'pashinyan', 'pashinyan'],
    ['Hikmet Hajiyev called the attack terrorism.', 'Hikmet Hajiyev', 'hajiyev', 'hajiyev'],
    ['Orkhan Askarov, the head of security, was killed.', 'Orkhan Askarov', 'askarov', 'askarov'],
    ['The gunman shot Orkhan Asgarov at the gate.', 'Orkhan Asgarov', 'askarov', 'askarov'],
    ["Azerbaijan's first ambassador to Israel presented his credentials.", "Azerbaijan's first ambassador to Israel", 'mammadov', 'mammadov'],
    ['Jerusalem says the ties are strategic.', 'Jerusalem', 'israel', 'jerusalem-metonym'],
    ['Moscow urged both sides to show restraint.', 'Moscow', 'russia', 'moscow-metonym'],
    ['The Kremlin declined to comment.', 'The Kremlin', 'russia', 'russia'],
    ['Brussels has signed a gas deal with Baku.', 'Brussels', 'european-union', 'brussels-metonym'],
    ['The European Union sent monitors.', 'European Union', 'european-union', 'european-union'],
    ['The Islamic Revolutionary Guard Corps staged drills.', 'Islamic Revolutionary Guard Corps', 'irgc', 'irgc'],
    ["Iran's Revolutionary Guards moved armour north.", "Iran's Revolutionary Guards", 'irgc', 'irgc'],
    ['The IRGC said the drills were routine.', 'IRGC', 'irgc', 'irgc'],
    ['The Israel Defense Forces did not respond.', 'Israel Defense Forces', 'idf', 'idf'],
    ['The Israeli military sells drones abroad.', 'Israeli military', 'idf', 'idf'],
    ['The Zionist army is nearing our borders.', 'Zionist army', 'idf', 'zionist-army'],
    ['Israeli occupation forces raided the town.', 'Israeli occupation forces', 'idf', 'israeli-occupation-forces'],
    ['The Azerbaijani army used Israeli drones in 2020.', 'Azerbaijani army', 'azerbaijani-armed-forces', 'azerbaijani-armed-forces'],
    ["Azerbaijan's State Security Service detained five men.", "Azerbaijan's State Security Service", 'azerbaijan-state-security-service', 'azerbaijan-state-security-service'],
    ["Iran's intelligence ministry named a suspect.", "Iran's intelligence ministry", 'iran-intelligence-ministry', 'iran-intelligence-ministry'],
    ['The ruling ayatollahs see a threat.', 'ruling ayatollahs', 'iran', 'the-ayatollahs'],
    ['The Israeli regime seeks a foothold.', 'Israeli regime', 'israel', 'israeli-regime'],
    ['Settlement building in Judea and Samaria continued.', 'Judea and Samaria', 'west-bank', 'judea-and-samaria'],
    ['Raids in the West Bank continued.', 'West Bank', 'west-bank', 'west-bank'],
    ['Separatists dream of South Azerbaijan.', 'South Azerbaijan', 'iranian-azerbaijan', 'south-azerbaijan'],
    ['Tabriz is the capital of East Azerbaijan province.', 'East Azerbaijan province', 'iranian-azerbaijan', 'iranian-azerbaijan'],
    ['Many Azeri Turks live in Tabriz.', 'Azeri Turks', 'iranian-azerbaijanis', 'azeri-turks'],
    ['Iranian Azerbaijanis make up a large minority.', 'Iranian Azerbaijanis', 'iranian-azerbaijanis', 'iranian-azerbaijanis'],
    ['Officials gathered in Khankendi.', 'Khankendi', 'stepanakert', 'khankendi'],
    ['Shushi fell in November 2020.', 'Shushi', 'shusha', 'shushi'],
    ['Tankers sailed through the Arabian Gulf.', 'Arabian Gulf', 'persian-gulf', 'arabian-gulf'],
    ['The Tehran Times called the move provocative.', 'Tehran Times', 'tehran-times', 'tehran-times'],
    ['The Jerusalem Post reported the flights.', 'Jerusalem Post', 'jerusalem-post', 'jerusalem-post'],
    ["Iran's foreign ministry spokesman rejected the claim.", "Iran's foreign ministry spokesman", 'kanaani', 'kanaani'],
    ['Iran warned against the Zangezur corridor.', 'Zangezur corridor', 'zangezur-corridor', 'zangezur-corridor'],
    ['Trucks cross Syunik province daily.', 'Syunik province', 'syunik', 'syunik'],
    ['Aliyev spoke of Western Zangezur.', 'Western Zangezur', 'syunik', 'western-zangezur'],
    ['Aliyev spoke of a return to Western Azerbaijan.', 'Western Azerbaijan', 'armenia', 'western-azerbaijan'],
    ['Urmia lies in Western Azerbaijan province.', 'Western Azerbaijan province', 'iranian-azerbaijan', 'iranian-azerbaijan'],
    ['Crowds burned flags of the Little Satan.', 'Little Satan', 'israel', 'little-satan']
  ]
  it.each(cases)(here + '%s → "%s" is %s/%s', (sentence, surface, actor, term) => {
    expect(mentions(sentence)).toContain(`${surface} → ${actor}/${term}`)
  })
})

describe('naming classes: precision (no mention where the referent is not meant)', () => {
  // [sentence, text that must NOT be a mention of the actor, actor]
  const cases: Array<[string, string, string]> = [
    // Capital metonyms after place words are the city, not the government.
    ['The ministers met in Jerusalem on Wednesday.', 'Jerusalem', 'israel'],
    ['Protesters marched through occupied East Jerusalem.', 'Jerusalem', 'israel'],
    ['Cohen will visit Baku next month.', 'Baku', 'azerbaijan'],
    ['The talks were held in Brussels.', 'Brussels', 'european-union'],
    // An outlet named after a city is the outlet.
    ['The Jerusalem Post reported the flights.', 'Jerusalem', 'israel'],
    ['The Tehran Times called the move provocative.', 'Tehran', 'iran'],
    // "Occupation forces" alone is any occupying army (Azerbaijani media long used it for Armenian forces).
    ['Armenian occupation forces withdrew from Aghdam in 2020.', 'occupation forces', 'idf'],
    ['Soviet occupation forces left the Baltic states.', 'occupation forces', 'idf'],
    // "Occupied territories" is not a name for Israel: Azerbaijani coverage uses it for Karabakh.
    ['Azerbaijan rebuilt roads in the formerly occupied territories.', 'occupied territories', 'israel'],
    // The singular title is not the hostile plural metonym.
    ['The Ayatollah addressed the nation.', 'Ayatollah', 'iran'],
    // Iran's province, also written "Western Azerbaijan", is not the irredentist name for Armenia.
    ['Urmia lies in Western Azerbaijan province.', 'Western Azerbaijan', 'armenia']
  ]
  it.each(cases)(here + '%s: "%s" is not %s', (sentence, surface, actor) => {
    const found = findNamingMentions(tokenize(sentence), naming)
    const bad = found.filter((m) => m.actor === actor && sentence.slice(m.start, m.end).includes(surface))
    expect(bad.map((m) => sentence.slice(m.start, m.end))).toEqual([])
  })
})

describe('naming classes: hostile terms are counted flags with their explanation', () => {
  // [sentence, mention, highlighted text (the term's head, or the whole mention), term id]
  const cases: Array<[string, string, string, string]> = [
    ['The Zionist army is nearing our borders.', 'Zionist army', 'Zionist', 'zionist-army'],
    ['Israeli occupation forces raided the town.', 'Israeli occupation forces', 'occupation', 'israeli-occupation-forces'],
    ['The ruling ayatollahs see a threat.', 'ruling ayatollahs', 'ayatollahs', 'the-ayatollahs'],
    ['The Israeli regime seeks a foothold.', 'Israeli regime', 'regime', 'israeli-regime'],
    ['Settlement building in Judea and Samaria continued.', 'Judea and Samaria', 'Judea and Samaria', 'judea-and-samaria'],
    ['Separatists dream of South Azerbaijan.', 'South Azerbaijan', 'South Azerbaijan', 'south-azerbaijan'],
    ['Rallies for Southern Azerbaijanis were banned.', 'Southern Azerbaijanis', 'Southern Azerbaijanis', 'south-azerbaijanis'],
    ['Aliyev spoke of a return to Western Azerbaijan.', 'Western Azerbaijan', 'Western Azerbaijan', 'western-azerbaijan'],
    ['Crowds burned flags of the Great Satan.', 'Great Satan', 'Great Satan', 'great-satan'],
    ['The warming ties have angered the ayatollahs.', 'the ayatollahs', 'ayatollahs', 'the-ayatollahs'],
    ['Sanctions have not weakened the mullahs.', 'the mullahs', 'mullahs', 'the-mullahs']
  ]
  it.each(cases)(here + '%s → "%s" highlighted as "%s" (%s)', (sentence, mention, highlighted, termId) => {
    const term = naming.termById.get(termId)!
    expect(term.loaded).toBe(true)
    expect(mentions(sentence)).toContain(`${mention} → ${term.actor}/${termId}`)
    const flag = flagsOf(sentence).find((f) => f.rule === `${naming.id}:${termId}`)
    expect(flag).toBeDefined()
    expect(flag!.text).toBe(highlighted)
    expect(sentence.slice(flag!.start, flag!.end)).toBe(flag!.text)
    expect(flag!.category).toBe('contested-naming')
    expect(flag!.explanation).toBe(term.explanation)
    expect(flag!.viewpoint).toBe(term.viewpoint)
    expect(flag!.referent).toBe(term.actor)
    expect(countsAsPrediction(flag!)).toBe(true)
  })
})

describe('naming classes: neutral and unloaded terms add no counted flag', () => {
  // Plain sentences (no evaluative words) where a new neutral form or metonym is used.
  const neutral: string[] = [
    // A city in a travel sentence still matches the metonym (the loader only looks at the word
    // before it): the mention is neutral, so it links the referent and flags nothing.
    'Jerusalem was crowded with pilgrims at Easter, and buses ran to the coast.',
    'Jerusalem says the embassy will open on Wednesday.',
    'Moscow and Brussels both sent delegations to the talks.',
    'The Kremlin said the president would travel on Monday.',
    'The IDF and the Azerbaijani army held a joint exercise.',
    'Iranian Azerbaijanis live mostly in East Azerbaijan province and in Tehran.',
    'Stepanakert and Shusha lie a few kilometres apart.',
    'The West Bank and the Persian Gulf were also on the agenda.'
  ]
  it.each(neutral)(here + 'no counted flag in: %s', (sentence) => {
    expect(mentions(sentence).length).toBeGreaterThan(0)
    expect(flagsOf(sentence).filter((f) => countsAsPrediction(f)).map((f) => f.text)).toEqual([])
  })

  // Every unloaded term of the data, used in a plain sentence: any naming flag it gets is a
  // weaker one (below the metric's counting threshold), never a counted bias flag.
  const unloaded = naming.actors.flatMap((a) => a.terms.filter((t) => !t.loaded).map((t) => [t.id, t.forms[0]!] as const))
  it.each(unloaded)(here + 'unloaded term %s ("%s") gives no counted naming flag', (termId, form) => {
    const sentence = `Officials said on Monday that ${form} had replied.`
    const own = flagsOf(sentence).filter((f) => f.rule === `${naming.id}:${termId}`)
    for (const f of own) expect(countsAsPrediction(f)).toBe(false)
  })
})

describe('naming data rules (README)', () => {
  it(here + 'every non-neutral or loaded term explains itself; loaded terms name a viewpoint', () => {
    for (const a of naming.actors) {
      for (const t of a.terms) {
        if (t.loaded || !t.viewpoint.startsWith('neutral')) expect(t.explanation, t.id).not.toBe('')
        if (t.loaded) expect(t.viewpoint.startsWith('neutral'), t.id).toBe(false)
        if (t.metonym) expect(t.notAfter, t.id).toEqual(expect.arrayContaining(['in', 'to', 'from', 'of']))
      }
    }
  })

  it(here + 'no two terms share a form (the same stems would make the referent depend on file order)', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const a of naming.actors) {
      for (const t of a.terms) {
        for (const f of t.forms) {
          const key = formStems(f).join(' ')
          const prev = owner.get(key)
          if (prev !== undefined && prev !== t.id) clashes.push(`${f}: ${prev} / ${t.id}`)
          owner.set(key, t.id)
        }
      }
    }
    expect(clashes).toEqual([])
  })

  it(here + 'every person actor has a side (quotations by them count towards it)', () => {
    for (const a of naming.actors.filter((x) => x.kind === 'person')) expect(a.side, a.id).not.toBe('')
  })
})
