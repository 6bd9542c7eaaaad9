/**
 * Word lists used by feature extraction. Written for Parallax from general knowledge of
 * English function words; they are deliberately small.
 *
 *  - STOP_WORDS carry no topical content and never become features (articles, pronouns,
 *    auxiliaries, prepositions, conjunctions, quantifiers, a few discourse adverbs).
 *  - COMMON_NEWS words are content words so frequent in news prose that, when no corpus is
 *    available to estimate rarity (`passageSimilarity` on an isolated pair), they get a reduced
 *    weight. Inside `align()` rarity comes from the compared set instead and this list is unused.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'which', 'who', 'whom',
  'whose', 'what', 'when', 'where', 'why', 'how', 'whether', 'while', 'whereas',
  'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'he', 'him',
  'his', 'she', 'her', 'hers', 'it', 'its', 'they', 'them', 'their', 'theirs', 'itself',
  'himself', 'herself', 'themselves', 'ourselves', 'oneself',
  'be', 'is', 'am', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'having',
  'do', 'does', 'did', 'doing', 'done', 'will', 'would', 'shall', 'should', 'can', 'could',
  'may', 'might', 'must', 'ought',
  'of', 'in', 'on', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into',
  'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'out',
  'off', 'over', 'under', 'again', 'further', 'then', 'once', 'upon', 'onto', 'within',
  'without', 'among', 'amid', 'along', 'across', 'toward', 'towards', 'via', 'per', 'since',
  'until', 'till', 'despite', 'throughout', 'beyond', 'behind', 'beside', 'besides', 'near',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'than', 'because', 'as', 'though', 'although',
  'unless', 'also', 'too', 'very', 'just', 'only', 'even', 'still', 'already', 'not', 'no',
  'all', 'any', 'both', 'each', 'few', 'more', 'most', 'other', 'others', 'some', 'such',
  'own', 'same', 'another', 'either', 'neither', 'every', 'much', 'many', 'several',
  'its', "it's", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't",
  'however', 'therefore', 'thus', 'meanwhile', 'moreover', 'indeed', 'instead', 'namely',
  'now', 'well', 'ever', 'never', 'often', 'soon', 'later', 'since', 'ago', 'yes',
  's', 't', 'mr', 'mrs', 'ms', 'one', 'ones'
])

/**
 * Neutral attribution words: not features for alignment (features.ts `wordKey`). Stanced
 * reporting verbs (warned, claimed, denied, accused) stay: they tell what kind of statement
 * was made.
 */
export const ATTRIBUTION: ReadonlySet<string> = new Set([
  'said', 'say', 'says', 'saying', 'told', 'tell', 'tells', 'telling', 'added', 'adding',
  'stated', 'noted', 'according'
])

/** Very frequent news-prose content words: half weight when no corpus statistics exist. */
export const COMMON_NEWS: ReadonlySet<string> = new Set([
  'said', 'say', 'says', 'saying', 'told', 'tell', 'according', 'added', 'add', 'report',
  'reported', 'new', 'year', 'years', 'time', 'day', 'days', 'week', 'month', 'people',
  'make', 'made', 'take', 'took', 'like', 'way', 'part', 'first', 'last', 'two', 'country',
  'countries', 'state', 'states', 'government', 'official', 'officials', 'minister',
  'statement', 'news', 'week', 'recent', 'recently', 'including', 'include'
])

/** Maps, not object literals: a text word such as "constructor" must not hit Object.prototype. */
/** Month names (lower case) → canonical feature key; "may" is handled separately (modal verb). */
export const MONTHS: ReadonlyMap<string, string> = new Map(Object.entries({
  january: 'january', jan: 'january', february: 'february', feb: 'february', march: 'march',
  april: 'april', apr: 'april', may: 'may', june: 'june', july: 'july',
  august: 'august', aug: 'august', september: 'september', sept: 'september', sep: 'september',
  october: 'october', oct: 'october', november: 'november', nov: 'november',
  december: 'december', dec: 'december'
}))

/** Spelled-out numbers that news copy uses interchangeably with digits ("a hundred", "100"). */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30',
  forty: '40', fifty: '50', hundred: '100', hundreds: '100', thousand: '1000',
  thousands: '1000', million: '1000000', millions: '1000000', billion: '1000000000',
  dozen: '12', dozens: '12', half: '0.5'
}))
