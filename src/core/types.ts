/**
 * The values that flow through citebot's retrieval core. Every front end (Discord, terminal, JSON)
 * consumes these and nothing else; none of them knows about Discord or the environment.
 */

/** One block of an article's main text, in reading order. */
export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string };

/** Metadata an article may declare (Markdown frontmatter, HTML `<html lang>`, …). All optional. */
export interface ArticleMeta {
  readonly title?: string;
  readonly url?: string;
  readonly date?: string;
  readonly lang?: string;
  readonly tags?: readonly string[];
}

/** What a reader (Markdown, text, HTML) makes of one file's text. */
export interface ParsedDocument {
  readonly meta: ArticleMeta;
  readonly blocks: readonly Block[];
}

/** A loaded article. */
export interface Article {
  /** Path relative to the knowledge folder, with `/` separators: `news/2024/alliance.md`. */
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
  /** ISO 639-1 code (`en`, `de`, …) or `und` when unknown. */
  readonly lang: string;
  /** Set when the text was too short to detect its language: `lang` is the folder's majority. */
  readonly langGuessed?: true;
  readonly tags: readonly string[];
  readonly blocks: readonly Block[];
  /** Number of words in the article's text. */
  readonly words: number;
}

/** A searchable piece of an article: one or more whole paragraphs, roughly 40–200 words. */
export interface Passage {
  /** Dense number, unique within one index build. */
  readonly id: number;
  readonly articleId: string;
  /** Headings above this passage, outermost first (the article title is not repeated here). */
  readonly headings: readonly string[];
  /** 0-based position of the passage within its article. */
  readonly position: number;
  readonly text: string;
  readonly lang: string;
}

/** A file that could not be used, and why. */
export interface SkippedFile {
  /** Path relative to the knowledge folder. */
  readonly file: string;
  readonly reason: string;
}

/** A half-open range `[start, end)` of UTF-16 offsets into a snippet's text. */
export interface Mark {
  readonly start: number;
  readonly end: number;
}

/** Plain text plus the ranges of query terms it matched (renderers turn marks into bold etc.). */
export interface Snippet {
  readonly text: string;
  readonly marks: readonly Mark[];
}

/** One cited source of an answer. */
export interface Citation {
  /** 1-based citation number, as shown to the user (`[1]`). */
  readonly n: number;
  /** Article id. */
  readonly source: string;
  readonly title: string;
  readonly url?: string;
  /** The innermost heading of the cited passage, if any. */
  readonly heading?: string;
  /** The 1–2 best sentences, at most 300 characters. */
  readonly snippet: Snippet;
  readonly score: number;
}

/** A reference to an article (did-you-mean, related reading). */
export interface ArticleRef {
  readonly source: string;
  readonly title: string;
  readonly url?: string;
}

/** The result of asking a question: transport-neutral, rendered by each front end. */
export interface Answer {
  readonly question: string;
  /** False when nothing scored above the confidence threshold (or the question was unusable). */
  readonly answered: boolean;
  /** Why there is no answer, when `answered` is false. */
  readonly reason?: 'empty-question' | 'no-match' | 'low-confidence';
  /** Up to 3 citations, best first, numbered from `offset + 1`. */
  readonly citations: readonly Citation[];
  /** Closest articles, offered when the question was not answered. */
  readonly related: readonly ArticleRef[];
  /** Whether more citations exist beyond this page (for a "More" button). */
  readonly hasMore: boolean;
  /** Number of articles that were searched. */
  readonly articlesSearched: number;
}

/** One row of a search: the best passage of one article. */
export interface SearchHit {
  /** 1-based rank across all pages. */
  readonly rank: number;
  readonly source: string;
  readonly title: string;
  readonly url?: string;
  readonly heading?: string;
  readonly snippet: Snippet;
  readonly score: number;
}

/** Which page of citations or hits to return: from `offset` (0-based), at most `limit`. */
export interface Page {
  readonly offset?: number;
  readonly limit?: number;
}

/** A page of search results. */
export interface SearchPage {
  readonly query: string;
  readonly hits: readonly SearchHit[];
  /** Total number of matching articles (all pages). */
  readonly total: number;
  readonly offset: number;
  readonly articlesSearched: number;
}

/** An article as shown by `/article`. */
export interface ArticleView {
  readonly source: string;
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
  readonly lang: string;
  readonly tags: readonly string[];
  /** The article's opening passage text. */
  readonly opening: string;
  readonly passages: number;
  readonly words: number;
  /**
   * Other articles whose title matches the name just as well (the same title, or the name inside
   * their titles too), at most {@link ALSO_MATCHING_LIMIT}, in knowledge order; absent when this
   * article is the only one (or was found by id or by search).
   */
  readonly alsoMatching?: readonly ArticleRef[];
  /** How many articles match that way, this one included (more than `alsoMatching` holds, at times). */
  readonly matching?: number;
}

/** The most other matches an {@link ArticleView} lists. */
export const ALSO_MATCHING_LIMIT = 24;

/** An autocomplete suggestion: what to show and what to submit (front ends fit both to their limits). */
export interface Suggestion {
  readonly name: string;
  readonly value: string;
}

/** Figures about the loaded knowledge. */
export interface KnowledgeStats {
  readonly articles: number;
  readonly passages: number;
  /** Article count per language code. */
  readonly languages: Readonly<Record<string, number>>;
  readonly skipped: readonly SkippedFile[];
  /** Articles whose language was guessed (too short to detect), with the language given them. */
  readonly guessedLanguages?: ReadonlyArray<{ readonly source: string; readonly lang: string }>;
  /** When the live index was built or loaded (ms since epoch). */
  readonly builtAt: number;
  /** How long loading and indexing took (ms). */
  readonly buildMs: number;
  /** Whether the index came from the cache file. */
  readonly fromCache: boolean;
}

/** What a reload did. */
export type ReloadReport =
  | { readonly ok: true; readonly stats: KnowledgeStats }
  | { readonly ok: false; readonly error: string; readonly stats: KnowledgeStats };
