/**
 * Context rules: small, named tests that decide whether a lexicon match is the evaluative
 * use of a word or an innocent one. Lexicon entries refer to them by id (`"context":
 * ["regime-government"]`); the loader rejects unknown ids, and every rejection or acceptance
 * is reproducible from the rule id alone (the UI/exports show `rule:<id>` provenance).
 *
 * A rule sees the whole token array and the match range `[start, end)` and returns true to
 * KEEP the match. Rules look at a few neighbouring word tokens only; they never cross a
 * sentence-ending punctuation mark.
 */
import type { Token } from '../../model'

export interface ContextRule {
  readonly id: string
  /** One sentence for the README/debug output: what the rule keeps and what it drops. */
  readonly description: string
  readonly keep: (tokens: readonly Token[], start: number, end: number, text: string) => boolean
}

const STOP = new Set(['.', '!', '?', ';', '…'])

/** Up to `n` word tokens before `i`, nearest first, stopping at sentence punctuation. */
function wordsBefore(tokens: readonly Token[], i: number, n: number): Token[] {
  const out: Token[] = []
  for (let k = i - 1; k >= 0 && out.length < n; k--) {
    const t = tokens[k]!
    if (t.kind === 'punct') {
      if (STOP.has(t.norm)) break
      continue
    }
    out.push(t)
  }
  return out
}

/** Up to `n` word tokens from `i` on, stopping at sentence punctuation. */
function wordsAfter(tokens: readonly Token[], i: number, n: number): Token[] {
  const out: Token[] = []
  for (let k = i; k < tokens.length && out.length < n; k++) {
    const t = tokens[k]!
    if (t.kind === 'punct') {
      if (STOP.has(t.norm)) break
      continue
    }
    out.push(t)
  }
  return out
}

/** Nouns that make "regime" a technical system rather than a label for a government. */
const REGIME_TECHNICAL = new Set([
  'training', 'tax', 'taxation', 'sanction', 'sanctions', 'dietary', 'diet', 'exercise', 'treatment',
  'drug', 'medication', 'dosing', 'dose', 'visa', 'trade', 'tariff', 'regulatory', 'legal', 'fitness',
  'fiscal', 'monetary', 'currency', 'exchange-rate', 'climate', 'safety', 'inspection', 'inspections',
  'verification', 'non-proliferation', 'nonproliferation', 'export-control', 'control', 'compliance',
  'reporting', 'pricing', 'licensing', 'customs', 'border', 'immigration', 'asylum', 'ceasefire',
  'water', 'flow', 'flood', 'temperature', 'fire', 'feeding', 'testing', 'screening', 'study',
  'workout', 'practice', 'rehabilitation', 'chemotherapy', 'antibiotic', 'insulin', 'skincare',
  'beauty', 'grazing', 'irrigation', 'disclosure', 'accounting', 'pension', 'subsidy', 'quota',
  'patent', 'copyright', 'privacy', 'data-protection', 'liability', 'insolvency', 'bankruptcy',
  'investment', 'capital', 'banking', 'emissions', 'carbon', 'arms-control', 'inflation-targeting',
  'hydrological', 'thermal', 'rainfall', 'wind', 'light', 'sleep', 'feeding', 'care', 'exchange',
  'rate', 'interest-rate', 'oversight', 'surveillance', 'supervisory', 'penalty', 'welfare'
])

/** Nouns after "occupied"/"occupation" that make it a claim about territory. */
const TERRITORY = new Set([
  'territory', 'territories', 'land', 'lands', 'area', 'areas', 'region', 'regions', 'zone',
  'zones', 'palestine', 'palestinian', 'west', 'east', 'jerusalem', 'golan', 'crimea', 'karabakh',
  'kashmir', 'cyprus', 'sahara', 'tibet', 'donbas', 'ukraine', 'ukrainian', 'syrian', 'arab',
  'azerbaijani', 'armenian', 'georgian', 'lebanese', 'province', 'provinces', 'village', 'villages',
  'city', 'cities', 'town', 'towns', 'homeland', 'country', 'heights', 'bank', 'strip', 'gaza'
])

/** Objects that make "attack"/"blast"/"hit" verbal criticism rather than physical violence. */
const DISCOURSE_OBJECTS = new Set([
  'plan', 'plans', 'policy', 'policies', 'proposal', 'proposals', 'bill', 'bills', 'law', 'laws',
  'remarks', 'remark', 'comments', 'comment', 'statement', 'statements', 'decision', 'decisions',
  'critics', 'critic', 'media', 'press', 'opponents', 'opponent', 'rivals', 'rival', 'record',
  'idea', 'ideas', 'agenda', 'budget', 'ruling', 'report', 'speech', 'move', 'administration',
  'democrats', 'republicans', 'democrat', 'republican', 'president', 'governor', 'senator',
  'government', 'minister', 'leadership', 'handling', 'response', 'approach', 'strategy', 'deal',
  'claims', 'claim', 'judge', 'court', 'reporters', 'journalists', 'news', 'party', 'candidate',
  'campaign', 'opposition', 'congress', 'lawmakers', 'officials', 'him', 'her', 'them', 'it', 'as',
  'over', 'for', 'on'
])

/** Words that mark the following word as a noun (so a verb-only entry does not apply). */
const DETERMINERS = new Set([
  'a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those', 'this',
  'such', 'no', 'any', 'some', 'every', 'each', 'that', 'of', 'insurance', 'legal', 'territorial',
  'damage', 'damages', 'injury', 'compensation', 'disability', 'pension', 'benefit', 'benefits',
  'unemployment', 'tax', 'patent', 'land', 'mining', 'several', 'many', 'two', 'three', 'multiple',
  'numerous', 'terror', 'terrorist', 'missile', 'rocket', 'drone', 'heart', 'panic', 'bomb', 'air',
  'suicide', 'knife', 'gun', 'cost', 'cyber', 'chemical', 'deadly', 'fatal', 'shark', 'dog', 'bear'
])

/**
 * Verbs whose object "claims" is the legal or insurance noun ("settle claims that it misled
 * investors", "filed claims for damages", "paid out claims"): after them a verb/noun word such
 * as "claims" is the noun, not a speech verb.
 */
const CLAIM_OBJECT_VERBS = new Set([
  'settle', 'settles', 'settled', 'settling', 'file', 'files', 'filed', 'filing', 'pay', 'pays', 'paid',
  'paying', 'process', 'processes', 'processed', 'processing', 'submit', 'submits', 'submitted', 'submitting',
  'resolve', 'resolves', 'resolved', 'resolving', 'handle', 'handles', 'handled', 'handling'
])

/** Is the word before a match a determiner (possessives included) or a noun modifier, or a verb taking it as an object noun? */
function nounBefore(prev: Token | undefined): boolean {
  // A possessive name is a determiner too ("Trump's claims", like "his claims"); the tokenizer
  // keeps "'s" on its word and folds ’ to '.
  return !!prev && (DETERMINERS.has(prev.norm) || CLAIM_OBJECT_VERBS.has(prev.norm) || (prev.norm.length > 2 && /'s?$/.test(prev.norm) && prev.kind === 'word'))
}

/**
 * Words after "excessive" that make an official or technical term, not the writer's judgement:
 * "an excessive heat warning" (the weather service's product), "excessive rainfall", "excessive
 * bail" (the Eighth Amendment), "excessive speed" (a police finding), "excessive drinking" (a
 * public-health measure).
 */
const TECHNICAL_AFTER = new Set([
  'heat', 'rainfall', 'rain', 'bail', 'fines', 'speed', 'speeding', 'drinking', 'alcohol', 'bleeding',
  'sweating', 'moisture', 'wear'
])

/** Words that make "invade"/"invasion" a military operation, not a fear metaphor for people arriving. */
const MILITARY = new Set([
  'troops', 'troop', 'forces', 'force', 'army', 'armies', 'military', 'soldiers', 'tanks', 'armed', 'navy',
  'marines', 'allied', 'allies', 'war', 'wars', 'full-scale', 'ground', 'amphibious', 'airborne', 'naval'
])

/** Things that sell out: "the tickets sold out within an hour" is sales, "sold out the workers" betrayal. */
const SALES_SUBJECTS = new Set([
  'tickets', 'ticket', 'show', 'shows', 'concert', 'concerts', 'event', 'events', 'seats', 'performance',
  'performances', 'tour', 'game', 'games', 'match', 'stadium', 'arena', 'stock', 'stocks', 'copies', 'edition',
  'flights', 'hotels', 'rooms', 'products', 'product', 'items', 'run', 'screenings', 'festival', 'release', 'shares'
])
/** Objects of "take over" that make it a change of job or owner ("take over as chief executive", "take over the company"). */
const SUCCESSION_NEXT = new Set([
  'as', 'from', 'company', 'firm', 'business', 'role', 'job', 'post', 'team', 'leadership', 'management',
  'operations', 'airline', 'club', 'chain', 'franchise', 'stake', 'duties', 'responsibility', 'command', 'running'
])
/** People "coming for" someone: the threat needs a person or a possession as object. */
const PERSONAL_OBJECTS = new Set(['you', 'your', 'us', 'our', 'them', 'their', 'me', 'my', 'him', 'his', 'her', 'everyone', 'everything'])
/** Words before "unconstitutional" that make it a court's finding ("a federal judge ruled that the law was unconstitutional"). */
const COURT_WORDS = new Set(['ruled', 'rules', 'ruling', 'court', 'courts', 'judge', 'judges', 'justices', 'struck', 'held', 'declared'])

/** Words after "boast" that show the possession sense ("the city boasts a museum", "boasts 300 rooms"). */
const POSSESSION_OBJECTS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'some', 'several', 'many', 'more', 'one', 'two', 'three', 'dozens', 'hundreds', 'thousands'])

function isCapitalised(t: Token, text: string): boolean {
  const s = surface(text, t)
  return t.kind === 'word' && s !== s.toLowerCase()
}

/** Nouns after which "criminal" is a legal classification, not an insult ("criminal charges"). */
/** Words that introduce the name of a legal charge or finding, up to three words before it. */
const CHARGE_WORDS = new Set([
  'charged', 'charging', 'charges', 'charge', 'convicted', 'conviction', 'indicted', 'indictment', 'accused',
  'guilty', 'acquitted', 'sentenced', 'count', 'counts', 'seditious', 'found', 'alleging', 'alleged'
])
const LEGAL_NOUNS = new Set([
  'charge', 'charges', 'case', 'cases', 'investigation', 'investigations', 'justice', 'code', 'record',
  'records', 'court', 'courts', 'law', 'laws', 'liability', 'proceedings', 'probe', 'probes', 'defense',
  'defence', 'complaint', 'complaints', 'trial', 'trials', 'conviction', 'convictions', 'inquiry',
  'offence', 'offense', 'offences', 'offenses', 'prosecution', 'prosecutions', 'referral', 'referrals',
  'indictment', 'contempt', 'division', 'conspiracy', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'background',
  'history', 'procedure', 'matter', 'matters', 'penalties', 'penalty', 'statute', 'statutes', 'suspect',
  'suspects', 'syndicate', 'syndicates', 'network', 'networks', 'gang', 'gangs', 'organization',
  'organizations', 'organisation', 'organisations', 'enterprise', 'activity', 'activities', 'cases',
  'courtroom', 'jurisdiction', 'damages', 'immunity', 'negligence', 'sanctions', 'responsibility', 'accountability',
  // Official threat vocabulary: "the terror threat level", "a terror plot", "terror alert", "a
  // terror cell" name a category of police work, as "terror suspect" and "terror charges" do.
  'threat', 'threats', 'plot', 'plots', 'alert', 'alerts', 'cell', 'cells', 'watchlist'
])

/**
 * Words that make a disaster/violence/illness word literal: the sentence reports weather, fire,
 * war, crime or medicine, so "flood", "storm", "cancer", "toxic", "collapse" describe events,
 * not the writer's framing ("floods hit the coast" vs "a flood of migrants").
 */
const LITERAL_CONTEXT = new Set([
  'rain', 'rains', 'rainfall', 'downpour', 'water', 'waters', 'river', 'rivers', 'storm', 'storms', 'hurricane',
  'typhoon', 'cyclone', 'tornado', 'wildfire', 'wildfires', 'fire', 'fires', 'firefighters', 'blaze', 'flames',
  'earthquake', 'quake', 'flood', 'floods', 'flooding', 'flash', 'heavy', 'weather', 'snow', 'ice', 'levee',
  'dam', 'drought', 'landslide', 'mudslide', 'evacuate', 'evacuated', 'evacuation', 'acres', 'hectares',
  'celsius', 'fahrenheit', 'degrees', 'wind', 'winds', 'coast', 'coastal', 'missile', 'missiles', 'rocket',
  'rockets', 'bomb', 'bombs', 'explosion', 'shelling', 'airstrike', 'airstrikes', 'gunman', 'gunfire',
  'shooting', 'injured', 'wounded', 'casualties', 'hospital', 'hospitals', 'patients', 'patient', 'doctors',
  'surgery', 'cells', 'tumour', 'tumor', 'tumours', 'tumors', 'diagnosis', 'diagnosed', 'treatment', 'ward',
  'screening', 'chemotherapy', 'breast', 'lung', 'prostate', 'skin', 'colon', 'cervical', 'ovarian',
  'pancreatic', 'waste', 'chemicals', 'chemical', 'fumes', 'gas', 'smoke', 'spill', 'leak', 'mold', 'mould',
  'bridge', 'building', 'buildings', 'roof', 'tunnel', 'mine', 'reactor', 'plant', 'crane', 'car', 'cars',
  'plane', 'aircraft', 'jet', 'train', 'bus', 'truck', 'vehicle', 'helicopter', 'runway', 'crew', 'passengers',
  // Weather warnings ("a dangerous heat wave", "extreme temperatures", "severe thunderstorms").
  'heat', 'temperatures', 'thunderstorm', 'thunderstorms', 'tornadoes', 'blizzard', 'avalanche', 'tsunami',
  // Rail accidents ("the freight train derailed", "a tram left the tracks"): "derailed the talks" stays.
  'trains', 'freight', 'tram', 'trams', 'locomotive', 'carriages', 'wagons', 'tracks', 'rail',
  'pilot', 'driver', 'crashed', 'crash', 'collision', 'accident', 'star', 'stars', 'galaxy', 'prices', 'price',
  'shares', 'stocks', 'currency', 'form', 'died', 'survivor', 'survivors', 'virus', 'infection', 'infections', 'outbreak', 'disease', 'vaccine', 'dose',
  // Wildlife and violent-crime reports ("species face extinction", "a shooting/killing spree").
  'species', 'wildlife', 'habitat', 'killing', 'stabbing',
  // Medicine named by its product ("the cancer drug", "a new cancer therapy"); 'trial' is left out,
  // as a court trial is not literal context ("the trial exposed a toxic culture").
  'drug', 'drugs', 'therapy', 'therapies', 'medication', 'medicines', 'clinical', 'oncology', 'oncologist',
  'oncologists', 'radiotherapy', 'chemo'
])

/** Words after a combative verb that make it physical motion ("the truck slammed into a wall"). */
const MOTION_PARTICLES = new Set(['into', 'onto', 'against', 'shut', 'door', 'doors', 'brakes'])

/** Words before "champion" that make it a title won in competition, not praise. */
const TITLE_MODIFIERS = new Set([
  'defending', 'world', 'reigning', 'olympic', 'national', 'european', 'state', 'former', 'two-time',
  'three-time', 'four-time', 'five-time', 'heavyweight', 'middleweight', 'lightweight', 'chess', 'tennis',
  'boxing', 'league', 'title', 'grand', 'slam', 'champions'
])

/** Objects after "war on" that form the conventional name of a policy campaign ("the war on drugs"). */
const POLICY_CAMPAIGNS = new Set(['drugs', 'terror', 'terrorism', 'poverty', 'cancer', 'crime'])


/** Subject pronouns that open a reported clause right after a speech verb. */
const CLAUSE_SUBJECTS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'there', 'this'])

/** Auxiliaries and copulas that show a finite clause. */
const AUXILIARIES = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'can', 'did', 'does', 'should', 'must', 'might', 'may'])

/** Words after which a bare verb form is a verb ("to fuel", "will spark"). */
const MODALS = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', "won't", "can't", 'did', 'does', 'do', 'not', 'only', 'further'])

/** Nouns after "hostile" that make a business or legal term. */
const BUSINESS_NOUNS = new Set(['takeover', 'takeovers', 'bid', 'bids', 'offer', 'acquisition', 'work', 'workplace', 'environment', 'witness', 'architecture'])

/** Words after "historic" that make it a heritage classification, not praise ("historic district"). */
const HERITAGE = new Set([
  'building', 'buildings', 'district', 'districts', 'site', 'sites', 'centre', 'center', 'preservation',
  'landmark', 'landmarks', 'home', 'homes', 'house', 'houses', 'church', 'core', 'quarter', 'town',
  'downtown', 'neighborhood', 'neighbourhood', 'monument', 'monuments', 'register', 'park', 'trust',
  'society', 'structure', 'structures', 'bridge', 'village', 'city', 'photos', 'photographs', 'records'
])

/**
 * Animals, machines, weather, fire, water and breakable things: subjects that make a sound or
 * a physical event of a verb that reports speech only when a person does it ("the dogs
 * barked", "the cable snapped", "wildfires raged", "water gushed", "the engine whined").
 */
const SOUND_SOURCES = new Set([
  'dog', 'dogs', 'puppy', 'puppies', 'hound', 'hounds', 'wolf', 'wolves', 'fox', 'foxes', 'coyote', 'coyotes',
  'seal', 'seals', 'lion', 'lions', 'tiger', 'tigers', 'bear', 'bears', 'cat', 'cats', 'bird', 'birds',
  'rooster', 'roosters', 'cockerel', 'goose', 'geese', 'owl', 'owls', 'crows', 'gull', 'gulls', 'parrot',
  'parrots', 'animal', 'animals', 'horse', 'horses', 'baby', 'babies', 'infant', 'infants', 'engine', 'engines',
  'motor', 'motors', 'machine', 'machines', 'brakes', 'tyres', 'tires', 'wind', 'winds', 'gale', 'siren',
  'sirens', 'alarm', 'alarms', 'gun', 'guns', 'cannon', 'artillery', 'storm', 'storms', 'thunder', 'sea',
  'waves', 'fire', 'fires', 'wildfire', 'wildfires', 'blaze', 'blazes', 'flames', 'water', 'river', 'rivers',
  'oil', 'lava', 'volcano', 'geyser', 'pipe', 'pipes', 'main', 'well', 'chimney', 'smoke', 'cable', 'cables',
  'rope', 'wire', 'chain', 'branch', 'branches', 'bone', 'bones', 'ligament', 'tendon', 'mast', 'battle',
  'battles', 'fighting', 'war', 'fight', 'epidemic', 'pandemic', 'outbreak', 'virus', 'fever', 'kettle'
])
/** Words after such a verb that keep a physical sense ("snapped up shares", "gushed from", "raged on"). */
const NOT_SPEECH_NEXT = new Set(['up', 'shut', 'off', 'from', 'into', 'through', 'across', 'on', 'photo', 'photos', 'picture', 'pictures', 'selfie', 'selfies'])
/** Words after such a verb that show speech: "barked orders", "snapped at reporters", "gushed about". */
const SPEECH_NEXT = new Set([
  'that', 'at', 'about', 'back', 'orders', 'instructions', 'commands', 'questions', 'insults', 'threats', 'abuse',
  'slogans', 'lies', 'nonsense', 'propaganda', 'hate', 'hatred', 'venom', 'bile', 'rhetoric', 'falsehoods'
])
/** Pronouns and person nouns that make the subject a speaker. */
const SPEAKERS = new Set([
  'he', 'she', 'they', 'i', 'we', 'you', 'who', 'official', 'officials', 'minister', 'president', 'senator',
  'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'leaders', 'mayor', 'governor', 'chief', 'coach',
  'manager', 'lawmaker', 'lawmakers', 'critic', 'critics', 'supporter', 'supporters', 'officer', 'officers',
  'sergeant', 'judge', 'lawyer', 'attorney', 'aide', 'aides', 'chairman', 'chairwoman', 'executive', 'candidate',
  'rival', 'rivals', 'opponent', 'opponents', 'protesters', 'host', 'anchor', 'commentator', 'pundit', 'activist',
  'activists', 'prosecutor', 'defendant', 'boss', 'congressman', 'congresswoman', 'commander', 'general',
  'chancellor', 'premier', 'secretary', 'director', 'adviser', 'advisor', 'man', 'woman', 'speaker', 'mp'
])
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’'])

/** Nouns after "Nazi-style" that describe a symbol or gesture copied, not a comparison made. */
const SYMBOL_NOUNS = new Set([
  'salute', 'salutes', 'saluting', 'uniform', 'uniforms', 'insignia', 'symbol', 'symbols', 'regalia', 'armband',
  'armbands', 'flag', 'flags', 'banner', 'banners', 'imagery', 'tattoo', 'tattoos', 'emblem', 'emblems', 'helmet',
  'helmets', 'graffiti', 'slogans', 'memorabilia', 'badge', 'badges', 'swastika', 'swastikas', 'gesture', 'gestures'
])

export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'participle-form',
    description:
      'Keeps a participle adjective ("scheming", "rigged", "troubling") only in its -ing/-ed/-ly form, so the shared stem does not flag the innocent base word ("a support scheme", "an oil rig", "trouble").',
    keep(tokens, start) {
      const n = tokens[start]!.norm
      return n.endsWith('ing') || n.endsWith('ed') || n.endsWith('ly')
    }
  },
  {
    id: 'ly-form',
    description:
      'Keeps a one-word -ly adverb entry ("totally", "rightly", "deadly") only in its -ly form, so the shared stem does not flag the base word or its other forms ("totaling $1.6 trillion", "human rights", "the dead").',
    keep(tokens, start) {
      return tokens[start]!.norm.endsWith('ly')
    }
  },
  {
    id: 'plural-form',
    description:
      'Keeps a plural label ("illegals", "aliens", "animals") only in its plural form, so the shared stem does not flag the plain adjective or noun ("illegal parking", "an alien species").',
    keep(tokens, start) {
      return tokens[start]!.norm.endsWith('s')
    }
  },
  {
    id: 'literal-sense',
    description:
      'Drops a disaster, violence or illness word when the words around it (three either side) report a physical event: "floods hit the coast", "cancer ward", "toxic waste", "the bridge collapsed"; keeps "a flood of migrants", "a cancer on democracy".',
    keep(tokens, start, end) {
      for (const t of wordsBefore(tokens, start, 3)) if (LITERAL_CONTEXT.has(t.norm)) return false
      for (const t of wordsAfter(tokens, end, 3)) if (LITERAL_CONTEXT.has(t.norm)) return false
      return true
    }
  },
  {
    id: 'no-to-complement',
    description:
      'Drops an adjective followed by "to" where it states a fact, not a judgement: "entitled to a refund", "failed to pass" (the implicative lexicon covers those).',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && next.norm === 'to')
    }
  },
  {
    id: 'verb-form',
    description:
      'Keeps a word that is also an everyday noun ("fuel", "spark") only as a verb: an -ed/-ing/-s form, or the base form after "to" or a modal ("to fuel tensions"); drops "fuel prices" and "the spark".',
    keep(tokens, start) {
      const prev = wordsBefore(tokens, start, 1)[0]
      if (prev && DETERMINERS.has(prev.norm)) return false
      const n = tokens[start]!.norm
      if (n.endsWith('ed') || n.endsWith('ing') || n.endsWith('s')) return true
      return !!prev && MODALS.has(prev.norm)
    }
  },
  {
    id: 'not-business-term',
    description: 'Drops "hostile" in business and legal set phrases ("hostile takeover", "hostile bid", "hostile work environment") and keeps it as a judgement ("hostile measures").',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && BUSINESS_NOUNS.has(next.norm))
    }
  },
  {
    id: 'not-heritage',
    description: 'Keeps "historic" as praise ("a historic deal") and drops heritage classifications ("historic district", "historic building").',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && HERITAGE.has(next.norm))
    }
  },
  {
    id: 'not-legal-term',
    description:
      'Keeps "criminal" as an epithet ("the criminal regime") and drops legal uses ("criminal charges", "criminal investigation") and the names of charges ("charged with conspiracy", "convicted of seditious conspiracy").',
    keep(tokens, start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      if (next && LEGAL_NOUNS.has(next.norm)) return false
      // The name of a charge: "charged with conspiracy", "convicted of seditious conspiracy",
      // "pleaded guilty to conspiracy", "found negligent".
      for (const t of wordsBefore(tokens, start, 3)) if (CHARGE_WORDS.has(t.norm)) return false
      return true
    }
  },
  {
    id: 'regime-government',
    description:
      'Keeps "regime" only when it names a government: drops technical uses such as "training regime", "tax regime", "sanctions regime" or "a regime of inspections".',
    keep(tokens, start, end) {
      const prev = wordsBefore(tokens, start, 1)[0]
      if (prev && REGIME_TECHNICAL.has(prev.norm)) return false
      const next = wordsAfter(tokens, end, 2)
      if (next[0]?.norm === 'of' && next[1] && REGIME_TECHNICAL.has(next[1].norm)) return false
      return true
    }
  },
  {
    id: 'occupied-territory',
    description:
      'Keeps "occupied"/"occupation" only when a territory follows ("occupied territories", "occupied West Bank"); drops "the seat was occupied" and "occupied by guests".',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 2)
      const n0 = next[0]
      if (!n0) return false
      if (n0.norm === 'by' || n0.norm === 'with') return false
      return TERRITORY.has(n0.norm) || (n0.norm === 'the' && !!next[1] && TERRITORY.has(next[1].norm))
    }
  },
  {
    id: 'criticism-verb',
    description:
      'Keeps combative verbs ("attacked", "blasted", "hit out") only as verbs of criticism, i.e. with a person, party, policy or statement as object; drops physical events ("the blast", "a missile attack").',
    keep(tokens, start, end, text) {
      const prev = wordsBefore(tokens, start, 1)[0]
      if (prev && DETERMINERS.has(prev.norm)) return false
      const next = wordsAfter(tokens, end, 4)
      for (const t of next) {
        if (DISCOURSE_OBJECTS.has(t.norm)) return true
        // A named person or party as object: "slammed Trump", "blasted Pelosi".
        if (t === next[0] && isCapitalised(t, text)) return true
      }
      return false
    }
  },
  {
    id: 'verb-use',
    description:
      'Keeps a word that can be a verb or a noun ("claims", "concedes") only in its verb use: drops it right after a determiner, a noun modifier or a verb taking the noun as object ("the claim", "insurance claims", "settle claims").',
    keep(tokens, start) {
      return !nounBefore(wordsBefore(tokens, start, 1)[0])
    }
  },
  {
    id: 'speech-verb',
    description:
      'Keeps a stance verb ("claimed", "insisted", "admitted") only when it reports speech: followed by "that", a colon, comma or quotation mark, "to be", or the end of the sentence, or right after a closing quotation ("…," he claimed). Drops "maintained close ties" or "claimed responsibility".',
    keep(tokens, start, end) {
      if (nounBefore(wordsBefore(tokens, start, 1)[0])) return false
      const next = tokens[end]
      if (!next) return true
      if (next.kind === 'punct') return true
      if (next.norm === 'that' || next.norm === 'to') return true
      // A clause follows without "that": "insisted he was innocent", "admitted it had failed".
      if (CLAUSE_SUBJECTS.has(next.norm)) return true
      // "insisted the man had acted", "insists its soil will never be used": a determiner opens
      // a subject and an auxiliary follows within five words (a reported clause, not an object).
      if (DETERMINERS.has(next.norm)) {
        for (const t of wordsAfter(tokens, end + 1, 5)) if (AUXILIARIES.has(t.norm)) return true
      }
      // "…," he claimed / "…," claimed the minister: a quotation mark within the three tokens before.
      for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
        const t = tokens[k]!
        if (t.norm === '"' || t.norm === '”' || t.norm === "'" || t.norm === '’') return true
      }
      return false
    }
  },
  {
    id: 'not-motion',
    description:
      'Keeps a combative verb ("slammed") as criticism and drops physical motion: "the truck slammed into a storefront", "slammed the door shut", "slammed on the brakes".',
    keep(tokens, _start, end) {
      for (const t of wordsAfter(tokens, end, 2)) if (MOTION_PARTICLES.has(t.norm)) return false
      return true
    }
  },
  {
    id: 'not-title',
    description:
      'Keeps "champion" as praise ("a champion of workers\' rights") and drops a competition title ("the defending champion", "world champion").',
    keep(tokens, start) {
      const prev = wordsBefore(tokens, start, 1)[0]
      return !(prev && TITLE_MODIFIERS.has(prev.norm))
    }
  },
  {
    id: 'not-policy-name',
    description:
      'Keeps "war on" as a metaphor of attack ("a war on women") and drops the conventional names of policy campaigns ("the war on drugs", "the war on terror", "the war on poverty").',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && POLICY_CAMPAIGNS.has(next.norm))
    }
  },
  {
    id: 'not-proper-name',
    description:
      'Drops a match that is part of a capitalised name mid-sentence ("Grand Old Party", "Radical Party of Ukraine").',
    keep(tokens, start, end, text) {
      if (!isCapitalised(tokens[start]!, text)) return true
      const before = tokens[start - 1]
      if (!before || before.kind === 'punct') return true
      const after = tokens[end]
      return !(after && isCapitalised(after, text))
    }
  },
  {
    id: 'speaking-subject',
    description:
      'Keeps a speech verb that is also a sound or a physical event ("barked", "snapped", "raged", "gushed", "whined") only when a person speaks: next to a quotation or a colon, before "that", "at", "about" or a spoken object ("barked orders"), or after a pronoun, a person noun or a name; drops "the dogs barked", "the cable snapped", "wildfires raged", "water gushed from the main", "snapped up shares".',
    keep(tokens, start, end, text) {
      const before: number[] = []
      for (let k = start - 1; k >= 0 && before.length < 3; k--) {
        const t = tokens[k]!
        if (t.kind === 'punct') {
          if (STOP.has(t.norm)) break
          continue
        }
        before.push(k)
      }
      const next = wordsAfter(tokens, end, 1)[0]
      if (before.some((k) => SOUND_SOURCES.has(tokens[k]!.norm))) return false
      // "barking dogs": the source follows an attributive participle.
      if (next && SOUND_SOURCES.has(next.norm) && tokens[end - 1]!.norm.endsWith('ing')) return false
      if (next && NOT_SPEECH_NEXT.has(next.norm)) return false
      // "…," he barked / barked: "…" / barked, "Get out".
      for (let k = start - 1; k >= Math.max(0, start - 3); k--) if (QUOTE_MARKS.has(tokens[k]!.norm)) return true
      const after = tokens[end]
      if (after && (after.norm === ':' || QUOTE_MARKS.has(after.norm) || (after.norm === ',' && QUOTE_MARKS.has(tokens[end + 1]?.norm ?? '')))) return true
      if (next && SPEECH_NEXT.has(next.norm)) return true
      return before.some((k, n) => {
        const t = tokens[k]!
        if (SPEAKERS.has(t.norm)) return true
        // A capitalised word that does not open the sentence is a name ("… as Trump raged").
        const opens = n === before.length - 1 && (k === 0 || STOP.has(tokens[k - 1]!.norm) || QUOTE_MARKS.has(tokens[k - 1]!.norm))
        return isCapitalised(t, text) && !opens
      })
    }
  },
  {
    id: 'not-symbol',
    description:
      'Keeps a "Nazi-style" comparison ("a Nazi-style crackdown", "Nazi-style tactics") and drops the description of a copied symbol or gesture ("a Nazi-style salute", "Nazi-style uniforms", "Nazi-style graffiti").',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && SYMBOL_NOUNS.has(next.norm))
    }
  },
  {
    id: 'compound-part',
    description:
      'Marks an entry that is evaluative only as the head of a hyphenated compound ("Trump-hating", "crisis-ridden", "trigger-happy"): never matched as a word of its own ("ridden a bike", "happy"); the construction rule hyphen-compound applies it.',
    keep() {
      return false
    }
  },
  {
    id: 'sentence-initial',
    description:
      'Keeps a phrase only when it opens its sentence (after an opening quotation mark or bracket at most): "What about the billions they wasted?" is whataboutism; "she was not sure what about the film upset them" is not.',
    keep(tokens, start) {
      // wordsBefore stops at sentence-ending punctuation, so no word before = first word of the sentence.
      return wordsBefore(tokens, start, 1).length === 0
    }
  },
  {
    id: 'lowercase-mid-sentence',
    description:
      'Drops a match capitalised in mid-sentence, where the word is a name ("the New England Patriots", "Patriot air-defence systems") and keeps the common noun ("a true patriot") and a sentence-initial capital.',
    keep(tokens, start, _end, text) {
      if (!text || !isCapitalised(tokens[start]!, text)) return true
      return wordsBefore(tokens, start, 1).length === 0
    }
  },
  {
    id: 'not-technical-term',
    description:
      'Drops "excessive" in official and technical terms ("an excessive heat warning", "excessive rainfall", "excessive bail", "excessive speed") and keeps it as a judgement ("excessive spending").',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && TECHNICAL_AFTER.has(next.norm))
    }
  },
  {
    id: 'not-origin',
    description:
      'Keeps "hail" as praise ("hailed the deal", "hailed as a hero") and drops where someone comes from ("who hails from Lagos"), the weather or a volley ("a hail of bullets") and calling a taxi ("hailed a cab").',
    keep(tokens, start, end) {
      if (nounBefore(wordsBefore(tokens, start, 1)[0])) return false
      const next = wordsAfter(tokens, end, 2)
      if (next[0]?.norm === 'from' || next[0]?.norm === 'of') return false
      return !((next[0]?.norm === 'a' || next[0]?.norm === 'an') && next[1] && (next[1].norm === 'cab' || next[1].norm === 'taxi'))
    }
  },
  {
    id: 'not-possession',
    description:
      'Keeps "boast" as speech ("boasted that", "boasted about the figures", "…," he boasted) and drops the sense "to have" before a determiner or a number ("the city boasts a museum", "the hotel boasts 300 rooms").',
    keep(tokens, start, end) {
      if (nounBefore(wordsBefore(tokens, start, 1)[0])) return false
      const next = tokens[end]
      if (next && next.kind !== 'punct' && (POSSESSION_OBJECTS.has(next.norm) || /^\d/.test(next.norm))) return false
      return true
    }
  },
  {
    id: 'not-military',
    description:
      'Keeps "invade"/"invasion" as a fear appeal about people arriving ("migrants are invading our towns", "an invasion at the border") and drops a military invasion: a military word within three words ("troops invaded"), a named place after it ("invaded Ukraine", "the invasion of Iraq") or a named country before it ("Russia\'s invasion", "the Soviet invasion").',
    keep(tokens, start, end, text) {
      for (const t of wordsBefore(tokens, start, 3)) if (MILITARY.has(t.norm)) return false
      const after = wordsAfter(tokens, end, 3)
      for (const t of after) if (MILITARY.has(t.norm)) return false
      // The object: "invaded Ukraine", "invasion of Iraq", "invasion of the Baltic states".
      let o = 0
      if (after[o]?.norm === 'of') o++
      if (after[o]?.norm === 'the') o++
      if (after[o] && isCapitalised(after[o]!, text)) return false
      // The invader named right before: "Russia's invasion", "the Soviet invasion", "Iraq invaded".
      // ("An invasion of illegals": a capitalised determiner opening the sentence names no one.)
      const prev = wordsBefore(tokens, start, 1)[0]
      return !(prev && isCapitalised(prev, text) && !DETERMINERS.has(prev.norm))
    }
  },
  {
    id: 'not-sales',
    description:
      'Keeps "sold out" as betrayal ("sold out the workers", "sold out to the donors") and drops sales: something sold within three words before ("the tickets sold out", "the concert sold out") or "of", "within", "in", "quickly" after ("sold out within an hour", "sold out of masks").',
    keep(tokens, start, end) {
      for (const t of wordsBefore(tokens, start, 3)) if (SALES_SUBJECTS.has(t.norm)) return false
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && (next.norm === 'of' || next.norm === 'within' || next.norm === 'in' || next.norm === 'quickly'))
    }
  },
  {
    id: 'not-succession',
    description:
      'Keeps "take over" as a threat of domination ("they want to take over our schools") and drops a change of job or owner: "take over as chief executive", "take over from Smith", "take over the company".',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 2)
      let n = next[0]
      if (n && (n.norm === 'the' || n.norm === 'a' || n.norm === 'its' || n.norm === 'his' || n.norm === 'her' || n.norm === 'their')) n = next[1]
      return !(n && SUCCESSION_NEXT.has(n.norm))
    }
  },
  {
    id: 'personal-object',
    description:
      'Keeps "come for" as a threat only with a person or what people own as object ("they are coming for your guns", "coming for us", "coming for Trump") and drops visits and errands ("many visitors come for the festival", "came for dinner").',
    keep(tokens, _start, end, text) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !!next && (PERSONAL_OBJECTS.has(next.norm) || isCapitalised(next, text))
    }
  },
  {
    id: 'not-court-finding',
    description:
      'Keeps "unconstitutional" as a politician\'s charge ("the senator called the order unconstitutional") and drops a court\'s finding: a court word (ruled, court, judge, justices, struck) within six words before it ("a federal judge ruled that the law was unconstitutional").',
    keep(tokens, start) {
      for (const t of wordsBefore(tokens, start, 6)) if (COURT_WORDS.has(t.norm)) return false
      return true
    }
  },
  {
    id: 'not-tax-name',
    description: 'Keeps "windfall" as a judgement ("a windfall for the banks") and drops the name of a tax ("a windfall tax", "the windfall levy").',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && (next.norm === 'tax' || next.norm === 'taxes' || next.norm === 'levy'))
    }
  },
  {
    id: 'predicative-or-attributive',
    description:
      'Keeps an intensity adjective ("massive", "huge") only before a noun or after a copula, dropping fixed technical phrases such as "massive star" or "huge page".',
    keep(tokens, _start, end) {
      const next = wordsAfter(tokens, end, 1)[0]
      return !(next && (next.norm === 'star' || next.norm === 'stars' || next.norm === 'page' || next.norm === 'pages'))
    }
  }
]

/** The token's original characters when the caller supplied the text ('' → use the norm). */
function surface(text: string, t: Token): string {
  return text ? text.slice(t.start, t.end) : t.norm
}

export const CONTEXT_RULE_BY_ID: ReadonlyMap<string, ContextRule> = new Map(CONTEXT_RULES.map((r) => [r.id, r]))
