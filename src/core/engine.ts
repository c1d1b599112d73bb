import { foldTerm } from './analysis/normalize.ts';
import { composeAnswer, ref } from './answer/composeAnswer.ts';
import { exampleQuestions } from './answer/exampleQuestions.ts';
import { searchArticles } from './answer/searchArticles.ts';
import { buildSuggestIndex, type SuggestIndex, suggest } from './answer/suggest.ts';
import type { ArticleInfo, KnowledgeBase } from './knowledgeBase.ts';
import { decodeNextLanguage } from './search/passageIndex.ts';
import { DefaultSearchSettings, type SearchSettings } from './search/settings.ts';
import {
  ALSO_MATCHING_LIMIT,
  type Answer,
  type ArticleView,
  type KnowledgeStats,
  type Page,
  type SearchPage,
  type Suggestion,
} from './types.ts';

/** How a knowledge base came to be: for stats. */
export interface BuildInfo {
  readonly builtAt: number;
  readonly buildMs: number;
  readonly fromCache: boolean;
}

/**
 * The synchronous engine over one knowledge base: answers, searches, articles, suggestions.
 * Immutable: a reload makes a new Engine. Its methods named in `ENGINE_OPERATIONS`
 * (`operations.ts`) are what every service serves.
 */
export class Engine {
  readonly #kb: KnowledgeBase;
  readonly #settings: SearchSettings;
  readonly #info: BuildInfo;
  #suggestIndex: SuggestIndex | undefined;
  #examples: Suggestion[] | undefined;

  constructor(kb: KnowledgeBase, info: BuildInfo, settings: SearchSettings = DefaultSearchSettings) {
    this.#kb = kb;
    this.#info = info;
    this.#settings = settings;
  }

  /** The knowledge base answered from. */
  get knowledge(): KnowledgeBase {
    return this.#kb;
  }

  /** Answers a question (see {@link composeAnswer}). */
  ask(question: string, page: Page = {}): Answer {
    return composeAnswer(this.#kb, question, this.#settings, page);
  }

  /** One page of ranked articles for a query. */
  search(query: string, page: Page = {}): SearchPage {
    return searchArticles(this.#kb, query, this.#settings, page);
  }

  /**
   * An article by id, else by title: exact, then folded, then the name inside a folded title, then
   * the best title match. When several articles match at the first of those steps that matches,
   * the first is returned and the others are listed in `alsoMatching`.
   */
  article(nameOrId: string): ArticleView | undefined {
    const wanted = nameOrId.trim();
    if (!wanted) return undefined;
    const byId = this.#kb.articles.get(wanted);
    const articles = [...this.#kb.articles.values()];
    const folded = foldTerm(wanted);
    const matches = byId
      ? [byId]
      : [
          (a: ArticleInfo) => a.title === wanted,
          (a: ArticleInfo) => foldTerm(a.title) === folded,
          (a: ArticleInfo) => foldTerm(a.title).includes(folded),
        ]
          .map((test) => articles.filter(test))
          .find((found) => found.length > 0);
    const found = matches?.[0] ?? this.#bestTitle(wanted);
    if (!found) return undefined;
    const passages = this.#kb.passages.filter((p) => p.articleId === found.id);
    const others = (matches ?? []).slice(1);
    return {
      source: found.id,
      title: found.title,
      ...(found.url ? { url: found.url } : {}),
      ...(found.date ? { date: found.date } : {}),
      lang: found.lang,
      tags: found.tags,
      opening: passages[0]?.text ?? '',
      passages: passages.length,
      words: found.words,
      ...(others.length === 0
        ? {}
        : {
            alsoMatching: others.slice(0, ALSO_MATCHING_LIMIT).map((a) => ref(this.#kb, a.id)),
            matching: others.length + 1,
          }),
    };
  }

  /**
   * Decodes one more language index restored from the cache (the largest first); call until it
   * returns false. Until then, questions are searched in their own language and in the languages
   * decoded so far.
   */
  warmUp(): boolean {
    return decodeNextLanguage(this.#kb.index);
  }

  /** Autocomplete choices (see {@link suggest}). */
  suggest(kind: 'question' | 'article', partial: string, limit = 25): Suggestion[] {
    // Nothing typed yet: example questions the knowledge answers (also what /help shows).
    if (kind === 'question' && !partial.trim()) {
      this.#examples ??= exampleQuestions(
        this.#kb,
        (q, source) => {
          const answer = this.ask(q, { limit: 1 });
          return answer.answered && answer.citations[0]?.source === source;
        },
        25,
      );
      return this.#examples.slice(0, Math.max(0, Math.min(25, limit)));
    }
    this.#suggestIndex ??= buildSuggestIndex(this.#kb);
    return suggest(this.#suggestIndex, kind, partial, limit);
  }

  /** Figures about the loaded knowledge. */
  stats(): KnowledgeStats {
    return {
      articles: this.#kb.articles.size,
      passages: this.#kb.passages.length,
      languages: Object.fromEntries(this.#kb.languages),
      skipped: this.#kb.skipped,
      guessedLanguages: [...this.#kb.articles.values()]
        .filter((a) => a.langGuessed)
        .map((a) => ({ source: a.id, lang: a.lang })),
      ...this.#info,
    };
  }

  #bestTitle(query: string) {
    const [hit] = this.search(query, { limit: 1 }).hits;
    return hit ? this.#kb.articles.get(hit.source) : undefined;
  }
}
