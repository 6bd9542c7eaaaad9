/**
 * Scope limits of the composer (analyze.ts), in a module with no imports so that the UI can
 * quote them in its notices without pulling the engine into its bundle.
 */

/**
 * Above this many links, only links involving the base are word-diffed. 3,000 links diff in
 * well under a second; a 20-article study of 5,000 words each has ~23,000 links, which took
 * ~1 s of diffing versus ~0.13 s for the base's links alone (tests/bench/align.bench.ts).
 */
export const DIFF_ALL_LINKS_MAX = 3000

/**
 * Studies with up to this many articles align every pair of articles (the workspace shows the
 * base and up to 8 others); larger batch studies align each article with the base only, since
 * all-pairs links grow with the square of the article count (40 articles: ~250k links).
 */
export const ALL_PAIRS_MAX_ARTICLES = 10
