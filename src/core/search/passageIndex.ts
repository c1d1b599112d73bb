import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { analyzerFor } from '../analysis/analyzer.ts';
import type { Article, Passage } from '../types.ts';

/** The fields each passage is indexed under. */
export const INDEX_FIELDS = ['title', 'lead', 'headings', 'text'] as const;

/** A passage as handed to MiniSearch: each field already analysed into space-separated terms. */
export interface IndexDoc {
  readonly id: number;
  readonly title: string;
  readonly lead: string;
  readonly headings: string;
  readonly text: string;
}

/**
 * MiniSearch options. Terms are analysed before they reach MiniSearch (each passage in its own
 * language), so MiniSearch only splits on spaces and keeps terms as they are.
 */
export const indexOptions: Options<IndexDoc> = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
};

/** A language's indexes as saved: passage level and article level. */
interface SavedLanguage {
  readonly passages: AsPlainObject;
  readonly articles: AsPlainObject;
}

/**
 * One language's MiniSearch indexes: one over its passages (what is cited) and one over its
 * articles (each article's passages of this language as one document: what ranks best, see
 * `rankArticles`). Restored from the cache they stay parsed JSON until first used, so a start-up
 * answers questions in one language without decoding every other language.
 */
export class LanguageIndex {
  #search: MiniSearch<IndexDoc> | undefined;
  #articles: MiniSearch<IndexDoc> | undefined;
  #saved: SavedLanguage | undefined;
  /** Number of passages indexed. */
  readonly documentCount: number;

  private constructor(
    built: { passages: MiniSearch<IndexDoc>; articles: MiniSearch<IndexDoc> } | undefined,
    saved: SavedLanguage | undefined,
  ) {
    this.#search = built?.passages;
    this.#articles = built?.articles;
    this.#saved = saved;
    this.documentCount = built?.passages.documentCount ?? saved?.passages.documentCount ?? 0;
  }

  /** Wraps built indexes. */
  static of(passages: MiniSearch<IndexDoc>, articles: MiniSearch<IndexDoc>): LanguageIndex {
    return new LanguageIndex({ passages, articles }, undefined);
  }

  /**
   * Indexes saved with {@link serialize}. The JSON is parsed and checked now (a corrupt cache
   * must fail while loading, not at a question) but turned into MiniSearch's trees on first use.
   *
   * @throws Error when the text is not a saved language index
   */
  static fromJSON(json: string): LanguageIndex {
    const saved = JSON.parse(json) as SavedLanguage | null;
    if (!isSavedIndex(saved?.passages) || !isSavedIndex(saved?.articles))
      throw new Error('not a saved index');
    return new LanguageIndex(undefined, saved as SavedLanguage);
  }

  /** The passage index (building its trees now if it came from the cache). */
  get search(): MiniSearch<IndexDoc> {
    this.#decode();
    return this.#search as MiniSearch<IndexDoc>;
  }

  /** The article index: ids are article positions in the knowledge base's article order. */
  get articles(): MiniSearch<IndexDoc> {
    this.#decode();
    return this.#articles as MiniSearch<IndexDoc>;
  }

  /** Whether the indexes are decoded. */
  get loaded(): boolean {
    return this.#search !== undefined;
  }

  /** Both indexes as one JSON string. */
  serialize(): string {
    return JSON.stringify(this.#saved ?? { passages: this.#search, articles: this.#articles });
  }

  #decode(): void {
    if (this.#search || !this.#saved) return;
    this.#search = MiniSearch.loadJS<IndexDoc>(this.#saved.passages, indexOptions);
    this.#articles = MiniSearch.loadJS<IndexDoc>(this.#saved.articles, indexOptions);
    this.#saved = undefined;
  }
}

function isSavedIndex(x: AsPlainObject | undefined): boolean {
  return !!x && typeof x.documentCount === 'number' && Array.isArray(x.index);
}

/** The inverted indexes plus per-term passage frequencies (for IDF and common-term handling). */
export interface PassageIndex {
  /**
   * One MiniSearch index per language. A question is searched in its own language's index, and
   * for its rare terms (names) in the others: a common word of one language never costs a scan
   * of every other language's postings, and each language keeps its own BM25 statistics.
   */
  readonly languages: ReadonlyMap<string, LanguageIndex>;
  /** Number of passages each term occurs in, over all languages (title, headings or text). */
  readonly df: ReadonlyMap<string, number>;
}

/**
 * Decodes the largest language index still held as JSON. A service calls it step by step after a
 * start from the cache, between questions, until it returns false.
 *
 * @returns whether an index was decoded
 */
export function decodeNextLanguage(index: PassageIndex): boolean {
  let next: LanguageIndex | undefined;
  for (const language of index.languages.values()) {
    if (!language.loaded && language.documentCount > (next?.documentCount ?? -1)) next = language;
  }
  if (!next) return false;
  void next.search;
  return true;
}

/**
 * An article's first words say what it is about (news leads, FAQ answers restating the question):
 * they are indexed with every passage of the article, like its title. 20 words was best on the dev
 * set (hit@1 0.60 against 0.53 without a lead field; 15–30 words all helped).
 */
const LEAD_WORDS = 20;

/**
 * Builds the per-language indexes over all passages (passage ids must be their positions, and
 * passages arrive in article order).
 */
export function buildPassageIndex(
  articles: ReadonlyMap<string, Pick<Article, 'title'>>,
  passages: readonly Passage[],
): PassageIndex {
  const position = new Map([...articles.keys()].map((id, i) => [id, i]));
  const titles = new Map<string, string>();
  const leads = new Map<string, string>();
  const df = new Map<string, number>();
  const docs = new Map<string, IndexDoc[]>();
  // Article-level documents per language: an article's passages of that language, joined.
  const articleDocs = new Map<string, Map<string, { headings: Set<string>; text: string[] }>>();
  for (const p of passages) {
    const analyzer = analyzerFor(p.lang);
    let title = titles.get(p.articleId);
    if (title === undefined) {
      title = analyzer.terms(articles.get(p.articleId)?.title ?? '').join(' ');
      titles.set(p.articleId, title);
    }
    // Passages arrive in article order, position 0 first: the opening passage gives the lead.
    if (p.position === 0) {
      leads.set(p.articleId, analyzer.terms(p.text.split(/\s+/).slice(0, LEAD_WORDS).join(' ')).join(' '));
    }
    const headings = analyzer.terms(p.headings.join(' ')).join(' ');
    const text = analyzer.terms(p.text).join(' ');
    for (const term of new Set(`${title} ${headings} ${text}`.split(' '))) {
      if (term) df.set(term, (df.get(term) ?? 0) + 1);
    }
    const list = docs.get(p.lang) ?? [];
    list.push({ id: p.id, title, lead: leads.get(p.articleId) ?? '', headings, text });
    docs.set(p.lang, list);
    const byArticle = articleDocs.get(p.lang) ?? new Map();
    articleDocs.set(p.lang, byArticle);
    const doc = byArticle.get(p.articleId) ?? { headings: new Set<string>(), text: [] };
    byArticle.set(p.articleId, doc);
    if (headings) doc.headings.add(headings);
    doc.text.push(text);
  }
  const languages = new Map<string, LanguageIndex>();
  for (const [lang, list] of docs) {
    const search = new MiniSearch<IndexDoc>(indexOptions);
    search.addAll(list);
    const articleIndex = new MiniSearch<IndexDoc>(indexOptions);
    for (const [id, doc] of articleDocs.get(lang) ?? []) {
      articleIndex.add({
        id: position.get(id) ?? -1,
        title: titles.get(id) ?? '',
        lead: leads.get(id) ?? '',
        headings: [...doc.headings].join(' '),
        text: doc.text.join(' '),
      });
    }
    languages.set(lang, LanguageIndex.of(search, articleIndex));
  }
  // In term order, as saved and restored: prefix lookups (see prefixCost) then need no sorting.
  const sorted = new Map([...df].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { languages, df: sorted };
}
