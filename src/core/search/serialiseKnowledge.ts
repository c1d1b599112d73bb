import type { KnowledgeFiles } from '../knowledge/knowledgeFiles.ts';
import { type ArticleInfo, assemble, type KnowledgeBase } from '../knowledgeBase.ts';
import type { Passage, SkippedFile } from '../types.ts';
import { LanguageIndex } from './passageIndex.ts';

/** The version of {@link SerialisedKnowledge}'s layout: a value of another format is not read. */
export const SERIALISED_FORMAT = 9;

/**
 * A knowledge base as one plain value (the index cache's JSON file) plus one packed index and one
 * text per language ({@link SerialisedParts}), which a host writes as files of their own.
 */
export interface SerialisedKnowledge {
  readonly format: number;
  readonly key: string;
  readonly articles: readonly ArticleInfo[];
  /**
   * [articleIndex, headings, position, languageIndex, text length]. The texts are in one part per
   * language, one after another: one string to read, whose slices cost no copy, instead of 60,806
   * strings to parse (the handbook).
   */
  readonly passages: ReadonlyArray<readonly [number, readonly string[], number, number, number]>;
  readonly skipped: readonly SkippedFile[];
  /** Passage frequency of each index term: terms, and their counts in the same order. */
  readonly df: readonly [readonly string[], readonly number[]];
  /** Language mask of each index term (see `PassageIndex.termLanguages`): terms, masks. */
  readonly termLanguages: readonly [readonly string[], readonly number[]];
  /** The languages in order: language, passages, and the names of its index part and text part. */
  readonly languages: ReadonlyArray<readonly [string, number, string, string]>;
}

/** The parts beside the plain value, by name: packed indexes (bytes) and passage texts (text). */
export type SerialisedParts = ReadonlyMap<string, Uint8Array | string>;

/** A knowledge base as a plain value that `JSON.stringify` can write, plus its parts. */
export function serialiseKnowledge(
  kb: KnowledgeBase,
  key: string,
): { readonly data: SerialisedKnowledge; readonly parts: SerialisedParts } {
  const articleIndex = new Map([...kb.articles.keys()].map((id, i) => [id, i]));
  const languages = [...kb.index.languages].map(([lang, index], i) => ({
    lang,
    index,
    indexName: `${i}.bin`,
    textName: `${i}.txt`,
    texts: [] as string[],
  }));
  const langIndex = new Map(languages.map((l, i) => [l.lang, i]));
  const data: SerialisedKnowledge = {
    format: SERIALISED_FORMAT,
    key,
    articles: [...kb.articles.values()],
    passages: kb.passages.map((p) => {
      const i = langIndex.get(p.lang) ?? -1;
      languages[i]?.texts.push(p.text);
      return [articleIndex.get(p.articleId) ?? -1, p.headings, p.position, i, p.text.length] as const;
    }),
    skipped: kb.skipped,
    df: [[...kb.index.df.keys()], [...kb.index.df.values()]],
    termLanguages: [kb.index.termLanguages.terms, kb.index.termLanguages.masks],
    languages: languages.map((l) => [l.lang, l.index.documentCount, l.indexName, l.textName] as const),
  };
  const parts = new Map<string, Uint8Array | string>();
  for (const l of languages) {
    parts.set(l.indexName, l.index.pack());
    parts.set(l.textName, l.texts.join(''));
  }
  return { data, parts };
}

/**
 * The knowledge base a value of {@link serialiseKnowledge} and its parts hold, or `undefined` when
 * it was made for another format or key. Each language index is unpacked only when first searched.
 *
 * @throws Error naming what is inconsistent, when the value or a part is corrupt
 */
export function restoreKnowledge(
  data: SerialisedKnowledge,
  parts: SerialisedParts,
  key: string,
  files: Pick<KnowledgeFiles, 'synonyms' | 'hash'>,
): KnowledgeBase | undefined {
  if (typeof data !== 'object' || data === null) throw new Error('not a saved knowledge base');
  if (data.format !== SERIALISED_FORMAT || data.key !== key) return undefined;
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const langs = data.languages.map(([lang, count, indexName, textName]) => {
    const bytes = parts.get(indexName);
    const texts = parts.get(textName);
    if (!(bytes instanceof Uint8Array) || typeof texts !== 'string') {
      throw new Error(`files of '${lang}' are missing`);
    }
    return { lang, index: LanguageIndex.fromBytes(bytes, count), texts, at: 0 };
  });
  const passages: Passage[] = data.passages.map(([article, headings, position, langIndex, length], id) => {
    const articleId = data.articles[article]?.id;
    const lang = langs[langIndex];
    if (articleId === undefined || !lang) throw new Error('passage of unknown article or language');
    const text = lang.texts.slice(lang.at, lang.at + length);
    lang.at += length;
    return { id, articleId, headings, position, text, lang: lang.lang };
  });
  if (langs.some((l) => l.at !== l.texts.length)) throw new Error('passage texts disagree');
  const [terms, counts] = data.df;
  if (terms.length !== counts.length) throw new Error('term frequencies disagree');
  const df = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) df.set(terms[i] as string, counts[i] as number);
  const [termList, masks] = data.termLanguages;
  if (termList.length !== masks.length) throw new Error('term languages disagree');
  const languages = new Map(langs.map((l) => [l.lang, l.index]));
  const indexed = [...languages.values()].reduce((n, l) => n + l.documentCount, 0);
  if (indexed !== passages.length) throw new Error('index and passages disagree');
  const index = { languages, df, termLanguages: { terms: termList, masks } };
  return assemble(articles, passages, index, files, data.skipped);
}
