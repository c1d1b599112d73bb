import { forgetAnalyzedWords } from './analysis/analyzer.ts';
import { passageLanguage } from './analysis/detectLanguage.ts';
import { noSynonyms, parseSynonyms, type Synonyms } from './analysis/synonyms.ts';
import type { KnowledgeFiles } from './knowledge/knowledgeFiles.ts';
import { parseArticles } from './knowledge/parseArticles.ts';
import { chunkArticle } from './knowledge/passages.ts';
import { buildPassageIndex, type PassageIndex } from './search/passageIndex.ts';
import type { SearchSettings } from './search/settings.ts';
import type { Article, Passage, SkippedFile } from './types.ts';

/** An article without its blocks: what the engine keeps after chunking. */
export type ArticleInfo = Omit<Article, 'blocks'>;

/** Everything the engine answers from: one immutable, swappable value. */
export interface KnowledgeBase {
  /** Articles by id, in file order. */
  readonly articles: ReadonlyMap<string, ArticleInfo>;
  /** Article ids in file order: article-level index ids are positions here. */
  readonly articleOrder: readonly string[];
  /** Passages; a passage's id is its index here (an article's passages are consecutive). */
  readonly passages: readonly Passage[];
  /** Each article's passages: the id of its first and the number of them. */
  readonly passageRange: ReadonlyMap<string, readonly [first: number, count: number]>;
  readonly index: PassageIndex;
  /** Article count per language. */
  readonly languages: ReadonlyMap<string, number>;
  readonly synonyms: Synonyms;
  readonly skipped: readonly SkippedFile[];
  /** Hash of the knowledge files (see `readKnowledgeFiles`). */
  readonly hash: string;
}

/**
 * Builds a knowledge base from files read from disk: parse, chunk, index. Pure apart from CPU.
 *
 * @throws Error `knowledge: no usable articles …` when no file yields an article
 */
export function buildKnowledgeBase(files: KnowledgeFiles, settings: SearchSettings): KnowledgeBase {
  const { articles, skipped } = parseArticles(files.files);
  if (articles.length === 0) throw noArticles([...files.skipped, ...skipped]);
  const passages: Passage[] = [];
  const candidates = mainLanguages(articles);
  for (const article of articles) {
    const chunks = chunkArticle(article, passages.length, {
      minWords: settings.minPassageWords,
      maxWords: settings.maxPassageWords,
    });
    // A partly translated article: each passage is analysed (and indexed) in its own language.
    for (const p of chunks) {
      const lang = chunks.length > 1 ? passageLanguage(p.text, p.lang, candidates) : p.lang;
      passages.push(lang === p.lang ? p : { ...p, lang });
    }
  }
  const infos = new Map<string, ArticleInfo>(articles.map(({ blocks: _blocks, ...info }) => [info.id, info]));
  const index = buildPassageIndex(infos, passages, settings.gramLength);
  forgetAnalyzedWords();
  return assemble(infos, passages, index, files, [...files.skipped, ...skipped]);
}

/**
 * What a passage may be written in: the folder's most common article languages (at most four),
 * and English, which partly translated pages most often keep untranslated.
 */
function mainLanguages(articles: readonly Pick<Article, 'lang'>[]): string[] {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.lang, (counts.get(a.lang) ?? 0) + 1);
  const main = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([lang]) => lang);
  return main.includes('en') ? main : [...main, 'en'];
}

/** Puts a knowledge base together from its parts (also used when restoring from the cache). */
export function assemble(
  articles: ReadonlyMap<string, ArticleInfo>,
  passages: readonly Passage[],
  index: PassageIndex,
  files: Pick<KnowledgeFiles, 'synonyms' | 'hash'>,
  skipped: readonly SkippedFile[],
): KnowledgeBase {
  const languages = new Map<string, number>();
  for (const a of articles.values()) languages.set(a.lang, (languages.get(a.lang) ?? 0) + 1);
  const synonyms = files.synonyms ? parseSynonyms(files.synonyms) : noSynonyms;
  const passageRange = new Map<string, [number, number]>();
  for (const p of passages) {
    const range = passageRange.get(p.articleId);
    if (range) range[1]++;
    else passageRange.set(p.articleId, [p.id, 1]);
  }
  const articleOrder = [...articles.keys()];
  return {
    articles,
    articleOrder,
    passages,
    passageRange,
    index,
    languages,
    synonyms,
    skipped,
    hash: files.hash,
  };
}

function noArticles(skipped: readonly SkippedFile[]): Error {
  const why =
    skipped.length > 0 ? `; skipped: ${skipped.map((s) => `${s.file} (${s.reason})`).join(', ')}` : '';
  return new Error(`knowledge: no usable articles${why}`);
}
