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

/**
 * One language's MiniSearch index. Restored from the cache it stays a JSON string until first
 * used, so a start-up answers questions in one language without decoding every other language.
 */
export class LanguageIndex {
  #search: MiniSearch<IndexDoc> | undefined;
  #saved: AsPlainObject | undefined;
  readonly documentCount: number;

  private constructor(search: MiniSearch<IndexDoc> | undefined, saved: AsPlainObject | undefined) {
    this.#search = search;
    this.#saved = saved;
    this.documentCount = search?.documentCount ?? saved?.documentCount ?? 0;
  }

  /** Wraps a built index. */
  static of(search: MiniSearch<IndexDoc>): LanguageIndex {
    return new LanguageIndex(search, undefined);
  }

  /**
   * An index saved with {@link serialize}. The JSON is parsed and checked now (a corrupt cache
   * must fail while loading, not at a question) but turned into MiniSearch's trees on first use.
   *
   * @throws Error when the text is not a saved MiniSearch index
   */
  static fromJSON(json: string): LanguageIndex {
    const saved = JSON.parse(json) as AsPlainObject | null;
    if (!saved || typeof saved.documentCount !== 'number' || !Array.isArray(saved.index)) {
      throw new Error('not a saved index');
    }
    return new LanguageIndex(undefined, saved);
  }

  /** The MiniSearch index (building its trees now if it came from the cache). */
  get search(): MiniSearch<IndexDoc> {
    if (!this.#search) {
      this.#search = MiniSearch.loadJS<IndexDoc>(this.#saved as AsPlainObject, indexOptions);
      this.#saved = undefined;
    }
    return this.#search;
  }

  /** Whether the index is decoded. */
  get loaded(): boolean {
    return this.#search !== undefined;
  }

  /** The index as a JSON string. */
  serialize(): string {
    return JSON.stringify(this.#search ?? this.#saved);
  }
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

/** Builds the per-language indexes over all passages (passage ids must be their positions). */
export function buildPassageIndex(
  articles: ReadonlyMap<string, Pick<Article, 'title'>>,
  passages: readonly Passage[],
): PassageIndex {
  const titles = new Map<string, string>();
  const leads = new Map<string, string>();
  const df = new Map<string, number>();
  const docs = new Map<string, IndexDoc[]>();
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
  }
  const languages = new Map<string, LanguageIndex>();
  for (const [lang, list] of docs) {
    const search = new MiniSearch<IndexDoc>(indexOptions);
    search.addAll(list);
    languages.set(lang, LanguageIndex.of(search));
  }
  // In term order, as saved and restored: prefix lookups (see prefixCost) then need no sorting.
  const sorted = new Map([...df].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { languages, df: sorted };
}
