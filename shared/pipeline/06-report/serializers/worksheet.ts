/**
 * The classroom worksheet: the articles side by side WITHOUT highlights, guiding questions
 * generated from the analysis, and ruled space for answers; and its answer key, with the
 * highlights, their explanations and model answers taken from the same analysis (the actual
 * terms, passages, verbs and counts). One self-contained HTML file, printable on A4 or Letter.
 *
 * Blind-source mode replaces outlet and author names by "Article A/B/C…" in the metadata, the
 * questions, the answers and the article text itself, so students judge the wording, not the
 * brand.
 */
import type { Analysis, Article, ArticleId, Change, Link, NamingCell } from '../../../model'
import { namedCount } from '../buildReport'
import { analysisActorLabel, document, knownActorLabel } from './html'
import { renderArticleBody, renderLegend, renderNotes } from './htmlParts'
import { CATEGORY_STYLES, articleNames, escapeHtml, fmt, highlightsOf, nestedPlace, orderedArticles, redactString, reviewIndex } from './shared'

export interface WorksheetOptions {
  /** Hide outlet/author names: "Article A", "Article B"… everywhere. */
  readonly blindSources: boolean
  /** Produce the teacher's answer key (highlights, explanations, model answers). */
  readonly answerKey: boolean
  readonly title?: string
  /** Printed in the answer key's footer; defaults to the current time. */
  readonly generatedAt?: string
  /** At most this many questions (default 8). */
  readonly maxQuestions?: number
}

export type QuestionKind = 'naming' | 'omission' | 'reporting-verb' | 'sentiment' | 'voices' | 'loaded' | 'change'

/** A generated question. `prompt` and `answer` are HTML (already escaped). */
export interface Question {
  readonly kind: QuestionKind
  readonly prompt: string
  readonly answer: string
  /** Ruled lines to leave for the answer. */
  readonly lines: number
}

/** Renders the worksheet or its answer key. Deterministic for a fixed `generatedAt`. */
export function renderWorksheet(analysis: Analysis, options: WorksheetOptions): string {
  const blind = options.blindSources
  const key = options.answerKey
  const arts = orderedArticles(analysis)
  const names = articleNames(analysis, blind)
  const red = (s: string): string => (blind ? redactString(s, analysis, names) : s)
  const topic = arts[0] ? red(arts[0].meta.title) : ''
  const title = options.title ?? `Comparing the coverage${topic ? `: ${topic}` : ''}`
  const questions = worksheetQuestions(analysis, { blind }).slice(0, options.maxQuestions ?? 8)

  const head =
    `<header class="ws-head"><h1>${escapeHtml(title)}${key ? ' <span class="key-badge">Answer key</span>' : ''}</h1>` +
    (key ? '' : '<div class="fields ui"><span>Name: <i class="blank"></i></span><span>Class: <i class="blank"></i></span><span>Date: <i class="blank"></i></span></div>') +
    `<p class="ui instructions">Read the ${arts.length} articles below. They report the same events${blind ? '; their sources are hidden and labelled with letters' : ''}. Then answer the questions, quoting the exact words from the articles where you can.</p>` +
    (arts.some((a) => a.meta.constructed) ? '<p class="small ui">Some articles are constructed teaching samples: the outlets are fictional.</p>' : '') +
    `</header>`

  const n = arts.length
  const cols = arts.map((a, i) => {
    const anchor = `w${i}`
    const r = renderArticleBody(analysis, a, { highlights: key, onlyHere: false, blind, names, anchor })
    const meta = [blind ? '' : a.meta.outlet, blind ? '' : a.meta.author ? `by ${a.meta.author}` : '', a.meta.date].filter(Boolean).map(escapeHtml).join(' · ')
    return (
      `<article class="col" data-article="${escapeHtml(a.id)}"><h3>${escapeHtml(names.get(a.id) ?? a.id)}</h3>` +
      `<p class="meta"><strong>${escapeHtml(red(a.meta.title))}</strong>${meta ? `<br>${meta}` : ''}</p>` +
      `<div class="text">${r.body}</div>` +
      (key ? `<h4 class="ui small">Notes</h4>${renderNotes(r, anchor, red)}` : '') +
      `</article>`
    )
  })
  const articles =
    `<section id="ws-articles">${key ? `<h2>The articles, with highlights</h2>${renderLegend()}` : ''}` +
    // More than three articles wrap into rows on screen (a handout cannot scroll sideways).
    `<div class="cols${n > 3 ? ' many' : ''} n${Math.min(n, 4)}" style="grid-template-columns:${n > 3 ? 'repeat(auto-fill,minmax(20rem,1fr))' : `repeat(${n},minmax(0,1fr))`}">${cols.join('')}</div></section>`

  const qs = questions.map((q) => {
    const body = key
      ? `<div class="answer" data-answer><strong class="ui">Model answer:</strong> ${q.answer}</div>`
      : `<div class="lines" aria-label="space for your answer">${'<div class="line"></div>'.repeat(q.lines)}</div>`
    return `<li class="q" data-question-kind="${q.kind}"><p class="prompt">${q.prompt}</p>${body}</li>`
  })
  const questionSection =
    `<section id="ws-questions" class="page"><h2>Questions</h2>` +
    (qs.length ? `<ol class="questions">${qs.join('')}</ol>` : '<p class="empty">The analysis found too little to ask about; compare the articles freely.</p>') +
    (key ? '' : `<h3>Your own observation</h3><p class="prompt">What else do you notice about how the articles differ? Give one example.</p><div class="lines">${'<div class="line"></div>'.repeat(4)}</div>`) +
    `</section>`
  const foot = key
    ? `<footer class="small ui"><p>Answer key generated by Parallax ${escapeHtml(analysis.engineVersion)} (lexicons ${escapeHtml(analysis.lexiconVersion)}) on ${escapeHtml(options.generatedAt ?? new Date().toISOString())}. Model answers come from the machine analysis: they are a starting point for discussion, not the only right answers.</p></footer>`
    : ''
  return document(title, head + articles + questionSection + foot, worksheetCss())
}

/** Generates the guiding questions and model answers from the analysis (ordered by usefulness). */
export function worksheetQuestions(analysis: Analysis, opts: { readonly blind: boolean }): Question[] {
  const arts = orderedArticles(analysis)
  const names = articleNames(analysis, opts.blind)
  const name = (id: ArticleId): string => names.get(id) ?? id
  const red = (s: string): string => (opts.blind ? redactString(s, analysis, names) : s)
  const e = (s: string): string => escapeHtml(red(s))
  const base = arts[0]
  const out: Question[] = []
  if (!base) return out

  // 1. Naming: actors named in different ways across the articles (most-mentioned first).
  // Only naming choices count here (`terms`): an actor named inside another actor's name
  // ("Azerbaijan's" in "Azerbaijan's State Security Service", `nested`) is the institution's
  // name, not the writer's word for the country, so it neither makes an actor "varied" nor
  // ranks it. The model answer still shows such mentions, apart, so that a student who quotes
  // "Azerbaijan's" is not marked wrong and an article is never said not to name an actor it
  // names inside another name.
  const actors = [...new Set(analysis.naming.map((c) => c.actor))]
    .map((actor) => {
      const cells = analysis.naming.filter((c) => c.actor === actor && c.terms.length > 0)
      const termIds = new Set(cells.flatMap((c) => c.terms.map((t) => t.term)))
      // Uses of viewpoint-marked terms: the actors whose naming differs most make the best question.
      const marked = cells.reduce((p, c) => p + c.terms.filter((t) => !t.viewpoint.startsWith('neutral')).reduce((q, t) => q + t.count, 0), 0)
      const total = cells.reduce((p, c) => p + c.terms.reduce((q, t) => q + t.count, 0), 0)
      return { actor, cells, varied: termIds.size > 1 && cells.length > 1, marked, total }
    })
    .filter((x) => x.varied)
    .sort((x, y) => y.marked - x.marked || y.total - x.total)
  for (const x of actors.slice(0, 2)) {
    const label = analysisActorLabel(analysis, x.actor)
    const lines = arts.map((a) => {
      const cell = analysis.naming.find((c) => c.actor === x.actor && c.article === a.id)
      const inside = cell ? nestedText(analysis, cell, e) : ''
      if (!cell || cell.terms.length === 0) {
        return inside
          ? `<li><strong>${escapeHtml(name(a.id))}</strong> names ${escapeHtml(label)} only inside other names: ${inside} (part of those names, not a choice of word).</li>`
          : `<li><strong>${escapeHtml(name(a.id))}</strong> does not name ${escapeHtml(label)}.</li>`
      }
      const terms = [...cell.terms]
        .sort((p, q) => q.count - p.count)
        .map((t) => `“${e(t.surface)}” ×${t.count}${t.viewpoint.startsWith('neutral') ? '' : ` (${e(t.viewpoint)})`}`)
        .join(', ')
      return `<li><strong>${escapeHtml(name(a.id))}</strong>: ${terms}${inside ? `; also ${inside} (part of those names, not a choice of word)` : ''}</li>`
    })
    const expl = loadedNamingExplanations(analysis, x.actor).map((s) => `<li>${e(s)}</li>`).join('')
    out.push({
      kind: 'naming',
      prompt: `Which words does each article use for <strong>${escapeHtml(label)}</strong>? What does each choice suggest about the writer’s view?`,
      answer: `<ul>${lines.join('')}</ul>${expl ? `<p>Why it matters:</p><ul>${expl}</ul>` : ''}`,
      lines: 4
    })
  }

  // 2. Reporting verbs: a speaker quoted in two or more articles, introduced with different verbs.
  const bySpeaker = new Map<string, { article: ArticleId; speaker: string; verb: string }[]>()
  for (const l of analysis.language) {
    for (const q of l.quotes) {
      if (q.anonymous || !q.speaker) continue
      const k = q.speakerActor || q.speaker.toLowerCase().split(/\s+/).pop() || q.speaker
      bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), { article: l.article, speaker: q.speaker, verb: q.verb }])
    }
  }
  const shared = [...bySpeaker.values()]
    .filter((qs) => new Set(qs.map((q) => q.article)).size > 1)
    .sort((x, y) => new Set(y.map((q) => q.verb)).size - new Set(x.map((q) => q.verb)).size || y.length - x.length)
  const speaker = shared[0]
  if (speaker) {
    const who = speaker.reduce((p, q) => (q.speaker.length > p.length ? q.speaker : p), '')
    const lines = arts.map((a) => {
      const verbs = [...new Set(speaker.filter((q) => q.article === a.id).map((q) => q.verb).filter(Boolean))]
      if (!speaker.some((q) => q.article === a.id)) return `<li><strong>${escapeHtml(name(a.id))}</strong> does not quote ${e(who)}.</li>`
      const expl = verbs
        .map((v) => reportingVerbFlag(analysis, a.id, v))
        .filter((x): x is string => !!x)
        .map((x) => ` — ${e(x)}`)
        .join('')
      return `<li><strong>${escapeHtml(name(a.id))}</strong>: ${verbs.length ? verbs.map((v) => `“${e(v)}”`).join(', ') : 'quotes without a reporting verb'}${expl}</li>`
    })
    out.push({
      kind: 'reporting-verb',
      prompt: `How does each article introduce <strong>${e(who)}</strong>’s statement? Which verb does each use, and how does it colour the statement?`,
      answer: `<ul>${lines.join('')}</ul>`,
      lines: 4
    })
  } else {
    const rv = arts.map((a) => ({ a, flags: highlightsOf(analysis, a.id).filter((h) => h.category === 'reporting-verb') }))
    if (rv.filter((x) => x.flags.length > 0).length > 0) {
      out.push({
        kind: 'reporting-verb',
        prompt: 'Which verbs does each article use to introduce what people said (e.g. “said”, “claimed”, “warned”)? What does each verb suggest?',
        answer: `<ul>${rv.map(({ a, flags }) => `<li><strong>${escapeHtml(name(a.id))}</strong>: ${flags.length ? flags.map((f) => `“${e(f.text)}” — ${e(f.explanation)}`).join('; ') : 'no loaded reporting verbs found'}</li>`).join('')}</ul>`,
        lines: 4
      })
    }
  }

  // 3. Omissions: what a compared article reports that the base leaves out, and the reverse.
  const others = arts.slice(1)
  const uniqueVs = (of: ArticleId, vs: ArticleId): string[] =>
    analysis.alignment.unmatched
      .filter((u) => u.article === of && u.missingIn.includes(vs))
      .sort((x, y) => x.start - y.start)
      .map((u) => (analysis.articles.find((a) => a.id === of)?.text ?? '').slice(u.start, u.end))
  const omissionPairs = others
    .map((o) => ({ o, items: uniqueVs(o.id, base.id) }))
    .filter((x) => x.items.length > 0)
    .sort((x, y) => y.items.length - x.items.length)
  const quoteList = (items: string[]): string =>
    `<ul>${items.slice(0, 3).map((s) => `<li><q>${e(clip(s, 220))}</q></li>`).join('')}</ul>${items.length > 3 ? `<p>…and ${items.length - 3} more sentence(s).</p>` : ''}`
  for (const { o, items } of omissionPairs.slice(0, 1)) {
    out.push({
      kind: 'omission',
      prompt: `What does <strong>${escapeHtml(name(o.id))}</strong> report that <strong>${escapeHtml(name(base.id))}</strong> leaves out? Why might a writer leave it out?`,
      answer: quoteList(items),
      lines: 4
    })
  }
  const reverse = others.map((o) => ({ o, items: uniqueVs(base.id, o.id) })).filter((x) => x.items.length > 0).sort((x, y) => y.items.length - x.items.length)[0]
  if (reverse) {
    out.push({
      kind: 'omission',
      prompt: `What does <strong>${escapeHtml(name(base.id))}</strong> report that <strong>${escapeHtml(name(reverse.o.id))}</strong> leaves out?`,
      answer: quoteList(reverse.items),
      lines: 3
    })
  }

  // 4. Sentiment towards an actor: the actor whose tone differs most across articles.
  const tone = [...new Set(analysis.naming.map((c) => c.actor))]
    .map((actor) => {
      const cells = analysis.naming.filter((c) => c.actor === actor && c.meanSentiment !== null)
      const vals = cells.map((c) => c.meanSentiment!)
      // Tone towards an actor includes the sentences that name it inside another name (the
      // state's security service arresting "spies" is about the state too): meanSentiment
      // already averages those sentences, so the ranking counts those mentions as well.
      const mentions = cells.reduce((p, c) => p + namedCount(c), 0)
      return { actor, cells, mentions, spread: vals.length > 1 ? Math.max(...vals) - Math.min(...vals) : 0 }
    })
    .filter((x) => x.cells.length > 1 && x.spread > 0)
    // Actors discussed by most articles and most often first (a mean over one or two mentions
    // is noise), then the widest difference in tone.
    .sort((x, y) => y.cells.length - x.cells.length || y.mentions - x.mentions || y.spread - x.spread)[0]
  if (tone) {
    const label = analysisActorLabel(analysis, tone.actor)
    const most = [...tone.cells].sort((x, y) => x.meanSentiment! - y.meanSentiment!)[0]!
    const words = negativeWordsNear(analysis, most.article, tone.actor).slice(0, 3)
    // When the most negative article names the actor only inside other names, say so: the
    // tone is read off sentences about those institutions.
    const onlyInside = most.terms.length === 0 && (most.nested?.length ?? 0) > 0
    out.push({
      kind: 'sentiment',
      prompt: `Which article is most negative about <strong>${escapeHtml(label)}</strong>? Quote two words that show it.`,
      answer:
        `<strong>${escapeHtml(name(most.article))}</strong> (average sentiment near mentions of ${escapeHtml(label)}: ${fmt(most.meanSentiment!, 2)}; ` +
        `${[...tone.cells]
          .filter((c) => c !== most)
          .map((c) => `${escapeHtml(name(c.article))}: ${fmt(c.meanSentiment!, 2)}`)
          .join(', ')}). ` +
        (words.length ? `Words such as ${words.map((w) => `“${e(w)}”`).join(', ')}.` : 'No single strongly negative word was scored; look at the overall framing.') +
        (onlyInside ? ` Note: ${escapeHtml(name(most.article))} names ${escapeHtml(label)} only inside other names (${nestedText(analysis, most, e)}), so its tone is read from the sentences about those.` : ''),
      lines: 3
    })
  }

  // 5. Voices: who is quoted in each article, by side.
  const quoted = arts.map((a) => ({ a, quotes: analysis.language.find((l) => l.article === a.id)?.quotes ?? [] }))
  if (quoted.some((x) => x.quotes.length > 0)) {
    out.push({
      kind: 'voices',
      prompt: 'Whose voices are heard in each article? Whose side is not heard?',
      answer: `<ul>${quoted
        .map(({ a, quotes }) => {
          if (quotes.length === 0) return `<li><strong>${escapeHtml(name(a.id))}</strong>: no direct quotations.</li>`
          const who = new Map<string, number>()
          for (const q of quotes) {
            const k = `${q.anonymous ? 'an anonymous source' : q.speaker || 'an unidentified speaker'}${q.side ? ` (${q.side})` : ''}`
            who.set(k, (who.get(k) ?? 0) + 1)
          }
          return `<li><strong>${escapeHtml(name(a.id))}</strong>: ${[...who].map(([k, c]) => `${e(k)}${c > 1 ? ` ×${c}` : ''}`).join('; ')}</li>`
        })
        .join('')}</ul>`,
      lines: 4
    })
  }

  // 6. Classified change in an aligned pair: show both passages, ask what changed.
  const change = bestChange(analysis, base.id)
  if (change) {
    const { link, changes } = change
    const text = (id: ArticleId, s: { start: number; end: number }): string => (analysis.articles.find((a) => a.id === id)?.text ?? '').slice(s.start, s.end)
    out.push({
      kind: 'change',
      prompt:
        `These two passages report the same thing. How does the wording differ, and what effect does the difference have on the reader?` +
        `<span class="pair"><span><strong>${escapeHtml(name(link.a.article))}:</strong> <q>${e(clip(text(link.a.article, link.a), 320))}</q></span>` +
        `<span><strong>${escapeHtml(name(link.b.article))}:</strong> <q>${e(clip(text(link.b.article, link.b), 320))}</q></span></span>`,
      answer: `<ul>${changes
        .map((c) => `<li>${c.a ? `“${e(text(link.a.article, c.a))}”` : '(nothing)'} → ${c.b ? `“${e(text(link.b.article, c.b))}”` : '(nothing)'}: ${e(c.explanation)}</li>`)
        .join('')}</ul>`,
      lines: 4
    })
  }

  // 7. Loaded wording in the outlet's own voice, in the article that has the most of it.
  const reviews = reviewIndex(analysis.reviews)
  const loaded = arts
    .map((a) => ({
      a,
      flags: highlightsOf(analysis, a.id).filter(
        (h) => h.origin === 'machine' && !h.inQuote && !h.negated && reviews.get(h.id)?.status !== 'rejected' && ['loaded', 'labeling', 'contested-naming', 'exaggeration', 'fear', 'doubt'].includes(h.category)
      )
    }))
    .sort((x, y) => y.flags.length - x.flags.length)[0]
  if (loaded && loaded.flags.length > 0) {
    const top = judgementExamples(loaded.flags, 4)
    out.push({
      kind: 'loaded',
      prompt: `Find two words or phrases in <strong>${escapeHtml(name(loaded.a.id))}</strong> that express a judgement rather than just report a fact. What does each one make the reader feel or think?`,
      answer: `<ul>${top.map((f) => `<li>“${e(f.text)}” (${escapeHtml(CATEGORY_STYLES[f.category].label)}): ${e(f.explanation)}</li>`).join('')}</ul>`,
      lines: 4
    })
  }

  // Interleave kinds so a short worksheet still covers naming, omission, verbs, tone, voices.
  const order: QuestionKind[] = ['naming', 'omission', 'reporting-verb', 'sentiment', 'voices', 'change', 'loaded']
  const firsts: Question[] = []
  const rest: Question[] = []
  for (const k of order) {
    const qs = out.filter((q) => q.kind === k)
    if (qs[0]) firsts.push(qs[0])
    rest.push(...qs.slice(1))
  }
  return [...firsts, ...rest]
}

/** `<nestedPlace>: “surface” ×n` for each of the cell's nested mentions (inside another actor's name or a hyphenated word; '' when none). */
function nestedText(analysis: Analysis, cell: NamingCell, e: (s: string) => string): string {
  return (cell.nested ?? []).map((n) => `${escapeHtml(nestedPlace(n.within, knownActorLabel(analysis, n.within)))}: “${e(n.surface)}” ×${n.count}`).join('; ')
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length <= n ? t : t.slice(0, n - 1).replace(/\s+\S*$/, '') + '…'
}

/**
 * Model answers for the "judgement" question: up to `n` flags that show different kinds of
 * judgement. Categories take turns (evaluative wording first; contested naming last, since the
 * naming questions already cover it), each giving its most confident flag whose explanation is
 * not already in the answer, so the key does not list "Zionists" and "Zionist" with the same
 * sentence while "malicious" goes unmentioned.
 */
export function judgementExamples<T extends { readonly category: string; readonly confidence: number; readonly start: number; readonly explanation: string }>(
  flags: readonly T[],
  n: number
): T[] {
  const priority = ['loaded', 'labeling', 'exaggeration', 'fear', 'doubt', 'contested-naming']
  const queues = priority.map((c) => flags.filter((f) => f.category === c).sort((x, y) => y.confidence - x.confidence || x.start - y.start))
  const picked: T[] = []
  const explained = new Set<string>()
  for (let progress = true; picked.length < n && progress; ) {
    progress = false
    for (const q of queues) {
      if (picked.length >= n) break
      let f = q.shift()
      while (f && explained.has(f.explanation)) f = q.shift()
      if (!f) continue
      picked.push(f)
      explained.add(f.explanation)
      progress = true
    }
  }
  // In reading order, as a student meets them.
  return picked.sort((x, y) => x.start - y.start)
}

/** Explanations of the loaded naming terms used for an actor, from contested-naming flags. */
function loadedNamingExplanations(analysis: Analysis, actor: string): string[] {
  const seen = new Set<string>()
  for (const l of analysis.language) {
    for (const f of l.flags) {
      if (f.category === 'contested-naming' && f.referent === actor && f.explanation) seen.add(f.explanation)
    }
  }
  return [...seen].slice(0, 3)
}

/** The explanation of a reporting-verb flag whose text is this verb, in this article. */
function reportingVerbFlag(analysis: Analysis, article: ArticleId, verb: string): string | null {
  const l = analysis.language.find((x) => x.article === article)
  const f = l?.flags.find((x) => x.category === 'reporting-verb' && x.text.toLowerCase() === verb.toLowerCase())
  return f ? f.explanation : null
}

/**
 * Negative-scored words in sentences that mention the actor (most negative first): the same
 * sentences the cell's meanSentiment averages, so mentions inside other names count too.
 */
function negativeWordsNear(analysis: Analysis, article: ArticleId, actor: string): string[] {
  const l = analysis.language.find((x) => x.article === article)
  const text = analysis.articles.find((a: Article) => a.id === article)?.text ?? ''
  if (!l) return []
  const sentences = new Set([...l.mentions, ...(l.nestedMentions ?? [])].filter((m) => m.actor === actor).map((m) => m.sentence))
  const scored = l.sentences
    .filter((s) => sentences.has(s.sentence))
    .flatMap((s) => s.words)
    .filter((w) => w.score < 0)
  const pool = scored.length >= 2 ? scored : l.sentences.flatMap((s) => s.words).filter((w) => w.score < 0)
  const words = [...pool].sort((x, y) => x.score - y.score || x.start - y.start).map((w) => text.slice(w.start, w.end))
  return [...new Set(words.map((w) => w.toLowerCase()))].map((w) => words.find((x) => x.toLowerCase() === w)!)
}

/** A base link whose diff has the most telling classified changes (naming, verbs, intensity…). */
function bestChange(analysis: Analysis, base: ArticleId): { link: Link; changes: Change[] } | null {
  const weight: Record<string, number> = {
    'naming-swap': 3,
    'reporting-verb': 3,
    intensity: 2,
    'evaluative-added': 2,
    'evaluative-removed': 2,
    'hedge-added': 1,
    'hedge-dropped': 1,
    'quote-changed': 1,
    'number-changed': 1
  }
  let best: { link: Link; changes: Change[]; score: number } | null = null
  for (const d of analysis.diffs) {
    const link = analysis.alignment.links.find((l) => l.id === d.linkId)
    if (!link || (link.a.article !== base && link.b.article !== base)) continue
    const changes = d.changes.filter((c) => (weight[c.kind] ?? 0) > 0)
    const score = changes.reduce((p, c) => p + (weight[c.kind] ?? 0), 0)
    // Short passages make better exercises: penalise length a little.
    const len = link.a.end - link.a.start + (link.b.end - link.b.start)
    const s = score - len / 2000
    if (changes.length > 0 && (!best || s > best.score)) best = { link, changes, score: s }
  }
  return best ? { link: best.link, changes: best.changes } : null
}

function worksheetCss(): string {
  return `
.ws-head h1{margin-bottom:.5rem}
.key-badge{font-size:.9rem;vertical-align:middle;border:2px solid #111;padding:.05rem .4rem;border-radius:3px}
.fields{display:flex;gap:2rem;flex-wrap:wrap;margin:.4rem 0 .8rem;font-size:.95rem}
.fields .blank{display:inline-block;width:12rem;border-bottom:1px solid #111;height:1.1rem}
.instructions{font-size:.95rem}
ol.questions{padding-left:1.4rem}
li.q{margin:0 0 1.2rem;break-inside:avoid}
.prompt{margin:.2rem 0 .4rem;font-size:1rem}
.lines .line{border-bottom:1px solid #777;height:2rem}
.answer{border:1px solid #777;border-left:5px solid #2e6b0f;background:#f6fbf2;padding:.4rem .7rem;font-size:.9rem}
.answer ul{margin:.2rem 0;padding-left:1.2rem}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8rem;margin:.5rem 0;font-size:.9rem}
.pair>span{border-left:3px solid #999;padding-left:.5rem;display:block}
@media print{
  .cols.n3 .col{padding:.4rem .5rem;font-size:.92em}
  .lines .line{height:1.0cm}
}
`
}
