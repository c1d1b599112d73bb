import type { KnowledgeFiles } from '../knowledge/knowledgeFiles.ts';
import { type ArticleInfo, assemble, type KnowledgeBase } from '../knowledgeBase.ts';
import type { Passage, SkippedFile } from '../types.ts';
import { LanguageIndex } from './passageIndex.ts';

/** The version of {@link SerialisedKnowledge}'s layout: a value of another format is not read. */
export const SERIALISED_FORMAT = 5;

/** A knowledge base as one plain value (what the index cache file holds). Passages are stored as tuples to keep the file small. */
export interface SerialisedKnowledge {
  readonly format: number;
  readonly key: string;
  readonly articles: readonly ArticleInfo[];
  /** [articleIndex, headings, position, text, lang] */
  readonly passages: ReadonlyArray<readonly [number, readonly string[], number, string, string]>;
  readonly skipped: readonly SkippedFile[];
  /** Passage frequency of each index term: terms, and their counts in the same order. */
  readonly df: readonly [readonly string[], readonly number[]];
  /**
   * Each language's MiniSearch indexes (passage and article level) as one JSON string (not nested
   * JSON), so that parsing the file is cheap and each language is decoded only when first searched.
   */
  readonly languages: Readonly<Record<string, string>>;
}

/** A knowledge base as a plain value that `JSON.stringify` can write, under the cache key `key`. */
export function serialiseKnowledge(kb: KnowledgeBase, key: string): SerialisedKnowledge {
  const articleIndex = new Map([...kb.articles.keys()].map((id, i) => [id, i]));
  return {
    format: SERIALISED_FORMAT,
    key,
    articles: [...kb.articles.values()],
    passages: kb.passages.map(
      (p) => [articleIndex.get(p.articleId) ?? -1, p.headings, p.position, p.text, p.lang] as const,
    ),
    skipped: kb.skipped,
    df: [[...kb.index.df.keys()], [...kb.index.df.values()]],
    languages: Object.fromEntries([...kb.index.languages].map(([lang, index]) => [lang, index.serialize()])),
  };
}

/**
 * The knowledge base a value of {@link serialiseKnowledge} holds, or `undefined` when it was made
 * for another format or key. Each language index is decoded only when first searched.
 *
 * @throws Error naming what is inconsistent, when the value is corrupt
 */
export function restoreKnowledge(
  data: SerialisedKnowledge,
  key: string,
  files: Pick<KnowledgeFiles, 'synonyms' | 'hash'>,
): KnowledgeBase | undefined {
  if (data.format !== SERIALISED_FORMAT || data.key !== key) return undefined;
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const passages: Passage[] = data.passages.map(([article, headings, position, passageText, lang], id) => {
    const articleId = data.articles[article]?.id;
    if (articleId === undefined) throw new Error('passage of unknown article');
    return { id, articleId, headings, position, text: passageText, lang };
  });
  const [terms, counts] = data.df;
  if (terms.length !== counts.length) throw new Error('term frequencies disagree');
  const df = new Map(terms.map((t, i) => [t, counts[i] ?? 0]));
  const languages = new Map(
    Object.entries(data.languages).map(([lang, json]) => {
      if (typeof json !== 'string') throw new Error(`index of '${lang}' is not a string`);
      return [lang, LanguageIndex.fromJSON(json)];
    }),
  );
  const indexed = [...languages.values()].reduce((n, l) => n + l.documentCount, 0);
  if (indexed !== passages.length) throw new Error('index and passages disagree');
  return assemble(articles, passages, { languages, df }, files, data.skipped);
}
