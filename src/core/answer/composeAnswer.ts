import type { KnowledgeBase } from '../knowledgeBase.ts';
import { searchPassages } from '../search/searchPassages.ts';
import type { SearchSettings } from '../search/settings.ts';
import type { Answer, ArticleRef, Citation, Page } from '../types.ts';
import { rankArticles } from './rankArticles.ts';
import { makeSnippet } from './snippet.ts';

/**
 * Answers a question from the knowledge base: the best passage of each of the top articles, each
 * reduced to its best sentences, as numbered citations. Below the confidence threshold (the best
 * passage covers too little of the question's weight) the answer says so and offers the closest
 * articles instead. Never throws on any input string.
 */
export function composeAnswer(
  kb: KnowledgeBase,
  question: string,
  settings: SearchSettings,
  page: Page = {},
): Answer {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.max(1, Math.min(10, Math.floor(page.limit ?? settings.citations)));
  const base = { question, articlesSearched: kb.articles.size };
  const found = searchPassages(kb, question, settings, settings.passagePool);
  if (!found.searchable) {
    return { ...base, answered: false, reason: 'empty-question', citations: [], related: [], hasMore: false };
  }
  const ranked = rankArticles(found.hits, settings.secondPassageWeight);
  const top = ranked[0];
  if (!top)
    return { ...base, answered: false, reason: 'no-match', citations: [], related: [], hasMore: false };
  if (top.best.coverage < settings.minCoverage) {
    const related = ranked.slice(0, 3).map((r) => ref(kb, r.articleId));
    return { ...base, answered: false, reason: 'low-confidence', citations: [], related, hasMore: false };
  }
  // Weak matches beside a strong one are noise, not sources: cite only articles that cover the
  // question well enough and score within reach of the best.
  const citable = ranked.filter(
    (r) => r.best.coverage >= settings.minCoverage && r.score >= settings.minRelativeScore * top.score,
  );
  const citations: Citation[] = citable.slice(offset, offset + limit).map((r, i) => {
    const article = kb.articles.get(r.articleId);
    const terms = new Set([...found.terms, ...r.best.matched]);
    const heading = r.best.passage.headings.at(-1);
    return {
      n: offset + i + 1,
      source: r.articleId,
      title: article?.title ?? r.articleId,
      ...(article?.url ? { url: article.url } : {}),
      ...(heading ? { heading } : {}),
      snippet: makeSnippet(kb, r.best.passage, terms, {
        maxChars: settings.snippetChars,
        maxSentences: settings.snippetSentences,
      }),
      score: round(r.score),
    };
  });
  return { ...base, answered: true, citations, related: [], hasMore: citable.length > offset + limit };
}

/** A reference to an article by id. */
export function ref(kb: KnowledgeBase, id: string): ArticleRef {
  const a = kb.articles.get(id);
  return { source: id, title: a?.title ?? id, ...(a?.url ? { url: a.url } : {}) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
