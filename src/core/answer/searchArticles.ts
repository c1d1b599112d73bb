import type { KnowledgeBase } from '../knowledgeBase.ts';
import { searchPassages } from '../search/searchPassages.ts';
import type { SearchSettings } from '../search/settings.ts';
import type { Page, SearchHit, SearchPage } from '../types.ts';
import { rankArticles } from './rankArticles.ts';
import { makeSnippet } from './snippet.ts';

/** Rows per page when the caller does not say (what Discord shows; the terminal asks for 10). */
const DEFAULT_PAGE_SIZE = 5;

/**
 * Ranked search: one row per matching article (its best passage), best first, one page at a time.
 * Unlike an answer there is no confidence threshold: every match is listed.
 */
export function searchArticles(
  kb: KnowledgeBase,
  query: string,
  settings: SearchSettings,
  page: Page = {},
): SearchPage {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.max(1, Math.min(50, Math.floor(page.limit ?? DEFAULT_PAGE_SIZE)));
  const found = searchPassages(kb, query, settings, Math.max(settings.passagePool, 4 * (offset + limit)));
  const ranked = rankArticles(found, settings);
  const hits: SearchHit[] = ranked.slice(offset, offset + limit).map((r, i) => {
    const article = kb.articles.get(r.articleId);
    const heading = r.best.passage.headings.at(-1);
    return {
      rank: offset + i + 1,
      source: r.articleId,
      title: article?.title ?? r.articleId,
      ...(article?.url ? { url: article.url } : {}),
      ...(heading ? { heading } : {}),
      snippet: makeSnippet(kb, r.best.passage, new Set([...found.terms, ...r.best.matched]), {
        maxChars: settings.snippetChars,
        maxSentences: 1,
      }),
      score: Math.round(r.score * 1000) / 1000,
    };
  });
  return { query, hits, total: ranked.length, offset, articlesSearched: kb.articles.size };
}
