import type { KnowledgeBase } from '../knowledgeBase.ts';
import { type PassageHit, type PassageSearch, searchPassages } from '../search/searchPassages.ts';
import type { SearchSettings } from '../search/settings.ts';
import type { Answer, ArticleRef, Citation, Page, Snippet } from '../types.ts';
import { type ApprovedAlias, matchAlias } from './approvedAliases.ts';
import { fileOf, homeScore, homeTwin } from './homeLanguages.ts';
import { type RankedArticle, rankArticles } from './rankArticles.ts';
import { scoredSnippet } from './snippet.ts';

/** Passages of one article whose best sentences compete for its snippet. */
const SNIPPET_CANDIDATES = 3;
/** …and a later one replaces the best passage's snippet only when its best sentence scores this much more. */
const SNIPPET_SWITCH = 1.5;

/**
 * Answers a question from the knowledge base, in one of three tiers:
 * - **confident** (`answered: true`): the best passage of each top article, reduced to the
 *   sentences that answer, as numbered citations;
 * - **best match** (`answered: false`, one citation, `reason: 'low-confidence'`): something relevant
 *   was found but the evidence does not single out one article; the closest passage is quoted for
 *   the reader to judge, with the other closest articles;
 * - **nothing** (`answered: false`, no citations): no article matched, or the best one matched only
 *   one word of a longer question; the closest articles are listed.
 *
 * Confidence is the lead of the best article's fused score over the next article's, required to
 * be larger when the best passage matches fewer of the question's concepts (see {@link isConfident}).
 * A text filed in several articles (a page left untranslated in several language folders) counts
 * once (see {@link distinctArticles}), and so does a quote: a further citation of another copy of
 * the same page quoting the text of an earlier one is left out (see {@link distinctQuotes}).
 *
 * `aliases` are the questions the asker's server approved for its articles: when the question
 * asks like one of them (see {@link matchAlias}), it is searched together with the approved
 * question's words and that article is the confident first citation, for this server only.
 * Never throws on any input string.
 */
export function composeAnswer(
  kb: KnowledgeBase,
  question: string,
  settings: SearchSettings,
  page: Page = {},
  aliases: readonly ApprovedAlias[] = [],
): Answer {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.max(1, Math.min(10, Math.floor(page.limit ?? settings.citations)));
  const base = { question, articlesSearched: kb.articles.size };
  const alias = matchAlias(kb, question, aliases, settings);
  // The approved wording first, so cutting a long question keeps it.
  const searched = alias === undefined ? question : `${alias.question}\n${question}`;
  const found = searchPassages(kb, searched, settings, settings.passagePool);
  if (!found.searchable) {
    return { ...base, answered: false, reason: 'empty-question', citations: [], related: [], hasMore: false };
  }
  const ranking = rankArticles(found, settings);
  if (alias !== undefined) {
    const approved = ranking.findIndex((r) => r.articleId === alias.article);
    // Its words no longer find the article (edited since): answered as if nothing was approved.
    if (approved < 0) return composeAnswer(kb, question, settings, page);
    ranking.unshift(...ranking.splice(approved, 1));
  }
  // After the approved article is moved first, so it heads its group of copies.
  const ranked = distinctArticles(kb, ranking);
  const top = ranked[0];
  if (!top)
    return { ...base, answered: false, reason: 'no-match', citations: [], related: [], hasMore: false };
  const cite = (r: RankedArticle, i: number) => citation(kb, found, r, offset + i + 1, settings);
  if (alias === undefined && !isConfident(found, ranked, settings)) {
    // A passage that matched a single word of a longer question is no match worth quoting.
    const quoted = offset === 0 && hasEvidence(top.best, found);
    const related = ranked.slice(quoted ? 1 : 0, quoted ? 4 : 3).map((r) => ref(kb, r.articleId));
    const citations = quoted ? [cite(top, 0)] : [];
    return { ...base, answered: false, reason: 'low-confidence', citations, related, hasMore: false };
  }
  // Weak matches beside a strong one are noise, not sources: a further article is cited only when
  // it covers the question, scores within reach of the best, and has evidence of its own.
  const citable = [
    top,
    ...ranked
      .slice(1)
      .filter(
        (r) =>
          r.best.coverage >= settings.minCoverage &&
          r.articleScore >= settings.minRelativeScore * top.articleScore &&
          hasEvidence(r.best, found),
      ),
  ];
  const quotes = distinctQuotes(citable, offset + limit + 1, cite);
  const citations = quotes.slice(offset, offset + limit).map((c, i) => ({ ...c, n: offset + i + 1 }));
  return { ...base, answered: true, citations, related: [], hasMore: quotes.length > offset + limit };
}

/**
 * The citations of `ranked`, in order, up to `count`, leaving out each that quotes (most of) the
 * words of an earlier one from a page of the same file name: the copies of a section left
 * untranslated in several language folders quote the same sentences, and three equal quotes tell
 * a reader nothing.
 */
function distinctQuotes(
  ranked: readonly RankedArticle[],
  count: number,
  cite: (r: RankedArticle, i: number) => Citation,
): Citation[] {
  const out: Citation[] = [];
  const quoted: Array<{ file: string; words: Set<string> }> = [];
  for (const r of ranked) {
    if (out.length >= count) break;
    const c = cite(r, out.length);
    const quote = { file: fileOf(r.articleId), words: wordSet(c.snippet.text) };
    if (quoted.some((q) => q.file === quote.file && mostlyContained(q.words, quote.words))) continue;
    quoted.push(quote);
    out.push(c);
  }
  return out;
}

/**
 * Whether the best article stands out. Its best passage must cover at least `minCoverage` of the
 * question's IDF weight and match two of its concepts (or its only one), and its fused score
 * (0–1, see `rankArticles`; the lead at most the article-level margin (s1 − s2) / s1) must lead
 * the next article's of the same language by at least `minLead`, less
 * `leadPerConcept` for each concept that passage matches (up to {@link CONCEPTS_COUNTED}): a
 * passage matching six words of the question needs a smaller lead than one matching two. Against
 * the article-level margin alone it gave more confident answers at the same or a higher precision
 * on GNOME EN+DE, the handbook set and the held-out GNOME fr+es, and about the same on the Python
 * FAQ (README, "How confidence is decided").
 *
 * @param ranked distinct articles, best first (copies already merged: see {@link distinctArticles})
 */
export function isConfident(
  found: PassageSearch,
  ranked: readonly RankedArticle[],
  settings: SearchSettings,
): boolean {
  const [top] = ranked;
  if (!top || top.best.coverage < settings.minCoverage || !hasEvidence(top.best, found)) return false;
  // Articles of other languages are scored in another index (other statistics) and are often the
  // top article's own translation: the rival is the next article of the top passage's language.
  const second = ranked.find((r) => r !== top && r.best.passage.lang === top.best.passage.lang);
  // Fused scores are min-max normalised over the candidates: with only two, the second is 0 by
  // construction. The article-level margin (s1 − s2) / s1 bounds the lead where that would
  // overstate it.
  const margin =
    second && top.articleScore > 0 ? (top.articleScore - second.articleScore) / top.articleScore : 1;
  const lead = Math.min(top.score - (second?.score ?? 0), margin);
  const concepts = Math.min(CONCEPTS_COUNTED, top.best.concepts);
  return lead + settings.leadPerConcept * concepts >= settings.minLead;
}

/** Matched concepts beyond this many do not lower the lead needed further. */
const CONCEPTS_COUNTED = 6;

/**
 * Merges articles whose best passages are copies of each other (the same text filed in several
 * articles, e.g. an English paragraph left untranslated in many language folders): the copies
 * answer alike, so they are one candidate — not rivals for the margin, not three citations of one
 * text. The group keeps the best copy's rank and score and is represented by the first copy whose
 * article is in the passage's language (not a stray paragraph in another language's page) in the
 * folder where that language is most at home (see {@link homeScore}: the English handbook's page,
 * not the English page left untranslated in the Italian folder), else by the best copy.
 */
export function distinctArticles(kb: KnowledgeBase, ranked: readonly RankedArticle[]): RankedArticle[] {
  const groups: Array<{ first: RankedArticle; rep: RankedArticle }> = [];
  const words = new Map<PassageHit, Set<string>>();
  // In the passage's language first, then filed where that language is most at home.
  const preference = (r: RankedArticle) =>
    kb.articles.get(r.articleId)?.lang !== r.best.passage.lang
      ? 0
      : 1 + homeScore(kb, r.articleId, r.best.passage.lang);
  for (const r of ranked) {
    const group = groups.find((g) => nearCopy(g.first.best, r.best, words));
    if (!group) groups.push({ first: r, rep: r });
    else if (preference(r) > preference(group.rep)) group.rep = r;
  }
  const out: RankedArticle[] = [];
  const cited = new Set<string>();
  for (const [i, { first, rep }] of groups.entries()) {
    const shown = i < HOME_COPIES_LOOKED_UP ? homeCopy(kb, rep, words) : rep;
    // Two copies found in one home page are one candidate.
    if (cited.has(shown.articleId)) continue;
    cited.add(shown.articleId);
    out.push(first === shown ? shown : { ...shown, score: first.score });
  }
  return out;
}

/** The best candidates whose copy in the page where their language is at home is looked for. */
const HOME_COPIES_LOOKED_UP = 8;

/**
 * `r` as found in the page of the same file name where its passage's language is most at home
 * (see {@link homeTwin}), when that page holds a copy of its best passage: the untranslated English
 * section of the Italian folder is cited as the English folder's page. Else `r` itself.
 */
function homeCopy(kb: KnowledgeBase, r: RankedArticle, words: Map<PassageHit, Set<string>>): RankedArticle {
  const twin = homeTwin(kb, r.articleId, r.best.passage.lang);
  const range = twin === undefined ? undefined : kb.passageRange.get(twin);
  if (twin === undefined || !range) return r;
  const [from, count] = range;
  const length = r.best.passage.text.length;
  for (let id = from; id < from + count; id++) {
    const passage = kb.passages[id];
    // A copy is about as long (a caption translated, a sentence more): most are told apart unread.
    if (!passage || passage.text.length < length / 2 || passage.text.length > 2 * length) continue;
    if (mostlyContained(cachedWords(r.best, words), wordSet(passage.text))) {
      // Its tokens are of the other text: the snippet analyses the copy's own.
      const { tokens: _other, ...hit } = r.best;
      return { ...r, articleId: twin, best: { ...hit, passage } };
    }
  }
  return r;
}

/** Share of shared words above which two passages are copies of each other. */
const COPY_OVERLAP = 0.8;

/** Whether two passages hold nearly the same words (Jaccard overlap of their word sets). */
function nearCopy(a: PassageHit, b: PassageHit, cache: Map<PassageHit, Set<string>>): boolean {
  const [short, long] = [a.passage.text.length, b.passage.text.length].sort((x, y) => x - y);
  // Copies have about the same length: most pairs are told apart without reading their words.
  if (short === undefined || long === undefined || short < COPY_OVERLAP * long) return false;
  const x = cachedWords(a, cache);
  const y = cachedWords(b, cache);
  const shared = sharedCount(x, y);
  return shared / Math.max(1, x.size + y.size - shared) >= COPY_OVERLAP;
}

function cachedWords(hit: PassageHit, cache: Map<PassageHit, Set<string>>): Set<string> {
  let set = cache.get(hit);
  if (!set) {
    set = wordSet(hit.passage.text);
    cache.set(hit, set);
  }
  return set;
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/\W+/u).filter(Boolean));
}

function sharedCount(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared;
}

/**
 * Whether most words of the smaller of two texts are in the other (overlap coefficient): the same
 * text with a caption translated, or cut at another place.
 */
function mostlyContained(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  return sharedCount(x, y) >= COPY_OVERLAP * Math.max(1, Math.min(x.size, y.size));
}

/** A further citation must match two of the question's concepts (or its only one), not one common word. */
function hasEvidence(hit: PassageHit, found: PassageSearch): boolean {
  return hit.concepts >= Math.min(2, found.concepts);
}

function citation(
  kb: KnowledgeBase,
  found: PassageSearch,
  r: RankedArticle,
  n: number,
  settings: SearchSettings,
): Citation {
  const article = kb.articles.get(r.articleId);
  // The article's best passages by score may not hold the sentence that answers ("who …" → a
  // name): its best few compete on their best sentence.
  const candidates = [
    r.best,
    ...found.hits.filter((h) => h !== r.best && h.passage.articleId === r.articleId),
  ];
  let chosen: { hit: PassageHit; snippet: Snippet; score: number } | undefined;
  for (const hit of candidates.slice(0, SNIPPET_CANDIDATES)) {
    const { snippet, score } = scoredSnippet(kb, hit.passage, new Set([...found.terms, ...hit.matched]), {
      maxChars: settings.snippetChars,
      maxSentences: settings.snippetSentences,
      question: found.question,
      ...(hit.tokens ? { tokens: hit.tokens } : {}),
    });
    if (!chosen || score > SNIPPET_SWITCH * chosen.score) chosen = { hit, snippet, score };
  }
  const best = chosen ?? { hit: r.best, snippet: { text: '', marks: [] } };
  const heading = best.hit.passage.headings.at(-1);
  return {
    n,
    source: r.articleId,
    title: article?.title ?? r.articleId,
    ...(article?.url ? { url: article.url } : {}),
    ...(heading ? { heading } : {}),
    snippet: best.snippet,
    score: round(r.score),
  };
}

/** A reference to an article by id. */
export function ref(kb: KnowledgeBase, id: string): ArticleRef {
  const a = kb.articles.get(id);
  return { source: id, title: a?.title ?? id, ...(a?.url ? { url: a.url } : {}) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
