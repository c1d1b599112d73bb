import type { KnowledgeBase } from '../knowledgeBase.ts';
import { type PassageHit, type PassageSearch, searchPassages } from '../search/searchPassages.ts';
import type { SearchSettings } from '../search/settings.ts';
import type { Answer, ArticleRef, Citation, Page, Snippet } from '../types.ts';
import { type ApprovedAlias, matchAlias } from './approvedAliases.ts';
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
 * Confidence is the article-level margin (s1 − s2) / s1 between the two best articles, plus a
 * minimum share of the question's weight covered by the best passage (see {@link isConfident}).
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
  const ranked = rankArticles(found, settings);
  if (alias !== undefined) {
    const approved = ranked.findIndex((r) => r.articleId === alias.article);
    // Its words no longer find the article (edited since): answered as if nothing was approved.
    if (approved < 0) return composeAnswer(kb, question, settings, page);
    ranked.unshift(...ranked.splice(approved, 1));
  }
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
  const citations = citable.slice(offset, offset + limit).map(cite);
  return { ...base, answered: true, citations, related: [], hasMore: citable.length > offset + limit };
}

/**
 * Whether the best article stands out: its article-level score leads the next one's (of its
 * language) by at least
 * `minMargin` of itself, and its best passage covers at least `minCoverage` of the question's
 * IDF weight and matches two of its concepts (or its only one). On GNOME EN+DE and the Python FAQ the margin separated right from wrong first
 * citations better than the covered share (README, "Retrieval quality").
 */
export function isConfident(
  found: PassageSearch,
  ranked: readonly RankedArticle[],
  settings: SearchSettings,
): boolean {
  const [top] = ranked;
  if (!top || top.best.coverage < settings.minCoverage || !hasEvidence(top.best, found)) return false;
  // Articles of other languages are compared in another index (other statistics), and are often
  // the top article's own translation: the margin is taken within the top article's language.
  // A copy of the top passage (the same text filed twice) answers alike: it is no rival either.
  const second = ranked.find(
    (r) => r !== top && r.best.passage.lang === top.best.passage.lang && !nearCopy(r.best, top.best),
  );
  if (!second) return true;
  if (top.articleScore <= 0) return false;
  return (top.articleScore - second.articleScore) / top.articleScore >= settings.minMargin;
}

/** Share of shared words above which two passages are copies of each other. */
const COPY_OVERLAP = 0.8;

/** Whether two passages hold nearly the same words (Jaccard overlap of their word sets). */
function nearCopy(a: PassageHit, b: PassageHit): boolean {
  const words = (h: PassageHit) => new Set(h.passage.text.toLowerCase().split(/\W+/u).filter(Boolean));
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, x.size + y.size - shared) >= COPY_OVERLAP;
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
