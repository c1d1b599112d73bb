import { analyzerFor } from '../analysis/analyzer.ts';
import type { Article, Passage } from '../types.ts';
import { TermIndex, type TermIndexJSON } from './termIndex.ts';

/** The fields each passage is indexed under. */
export const INDEX_FIELDS = ['title', 'lead', 'headings', 'text'] as const;

/** One of {@link INDEX_FIELDS}. */
export type IndexField = (typeof INDEX_FIELDS)[number];

/**
 * An article's first words say what it is about (news leads, FAQ answers restating the question):
 * they are indexed with every passage of the article, like its title. 20 words was best on the dev
 * set (hit@1 0.60 against 0.53 without a lead field; 15–30 words all helped).
 */
const LEAD_WORDS = 20;

/** The inverted index plus per-term passage frequencies (for IDF and common-term handling). */
export interface PassageIndex {
  readonly search: TermIndex<IndexField>;
  /** Number of passages each term occurs in (title, headings or text; the lead is the title's kin). */
  readonly df: ReadonlyMap<string, number>;
}

/**
 * Builds the index over all passages. Terms are analysed here, each passage in its own language,
 * so the index only splits on spaces and keeps terms as they are.
 */
export function buildPassageIndex(
  articles: ReadonlyMap<string, Pick<Article, 'title'>>,
  passages: readonly Passage[],
): PassageIndex {
  const titleTerms = new Map<string, string>();
  const leads = new Map<string, string>();
  for (const p of passages) {
    // Position 0 is the opening passage of its article.
    if (p.position === 0)
      leads.set(
        p.articleId,
        analyzerFor(p.lang).terms(p.text.split(/\s+/).slice(0, LEAD_WORDS).join(' ')).join(' '),
      );
  }
  const docs = passages.map((p, id) => {
    if (p.id !== id) throw new Error(`passage index: passage ${id} has id ${p.id}`);
    const analyzer = analyzerFor(p.lang);
    const key = `${p.lang}\0${p.articleId}`;
    let title = titleTerms.get(key);
    if (title === undefined) {
      title = analyzer.terms(articles.get(p.articleId)?.title ?? '').join(' ');
      titleTerms.set(key, title);
    }
    const headings = analyzer.terms(p.headings.join(' ')).join(' ');
    const text = analyzer.terms(p.text).join(' ');
    return { id, title, lead: leads.get(p.articleId) ?? '', headings, text };
  });
  return withFrequencies(TermIndex.build(INDEX_FIELDS, docs));
}

/** Restores an index saved with `JSON.stringify(index.search)`. */
export function loadPassageIndex(json: string, df?: ReadonlyMap<string, number>): PassageIndex {
  const search = TermIndex.fromJSON<IndexField>(JSON.parse(json) as TermIndexJSON);
  return df ? { search, df } : withFrequencies(search);
}

/** Completes an index with its passage frequencies, counted from its postings. */
export function withFrequencies(search: TermIndex<IndexField>): PassageIndex {
  return { search, df: search.documentFrequencies(['title', 'headings', 'text']) };
}

/** The passage frequencies as one count per dictionary term, for saving. */
export function frequencyArray(index: PassageIndex): Int32Array {
  return Int32Array.from(index.search.dictionary.terms, (t) => index.df.get(t) ?? 0);
}

/**
 * Completes an index with saved passage frequencies (see {@link frequencyArray}): quicker than
 * counting them again.
 *
 * @throws Error when there is not one count per term
 */
export function withSavedFrequencies(search: TermIndex<IndexField>, counts: Int32Array): PassageIndex {
  const { terms } = search.dictionary;
  if (counts.length !== terms.length) throw new Error('passage index: frequencies and terms disagree');
  const df = new Map<string, number>();
  terms.forEach((term, i) => {
    const n = counts[i] as number;
    if (n > 0) df.set(term, n);
  });
  return { search, df };
}
