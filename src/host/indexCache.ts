import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { ANALYSIS_VERSION } from '../core/analysis/analyzer.ts';
import type { KnowledgeFiles } from '../core/knowledge/knowledgeFiles.ts';
import { type ArticleInfo, assemble, type KnowledgeBase } from '../core/knowledgeBase.ts';
import { LanguageIndex } from '../core/search/passageIndex.ts';
import type { SearchSettings } from '../core/search/settings.ts';
import type { Passage, SkippedFile } from '../core/types.ts';

const FORMAT = 4;

/** What a cache file holds. Passages are stored as tuples to keep the file small. */
interface CacheFile {
  readonly format: number;
  readonly key: string;
  readonly articles: readonly ArticleInfo[];
  /** [articleIndex, headings, position, text, lang] */
  readonly passages: ReadonlyArray<readonly [number, readonly string[], number, string, string]>;
  readonly skipped: readonly SkippedFile[];
  /** Passage frequency of each index term: terms, and their counts in the same order. */
  readonly df: readonly [readonly string[], readonly number[]];
  /**
   * Each language's MiniSearch index as a JSON string (not nested JSON), so that parsing the file
   * is cheap and each index is decoded only when first searched.
   */
  readonly languages: Readonly<Record<string, string>>;
}

/** A cache file read before the knowledge's hash (hence the key) is known. */
export interface CachePrefetch {
  readonly file: string;
  readonly text: string;
}

/**
 * Reads the cache folder's index file, if it holds exactly one (saving removes the others), so
 * that reading it overlaps with reading the knowledge folder; {@link loadCachedKnowledge} uses it
 * when its name turns out to be the right key. Never throws.
 */
export async function prefetchCache(cacheDir: string): Promise<CachePrefetch | undefined> {
  try {
    const names = (await fs.readdir(cacheDir)).filter((n) => n.startsWith('index-') && n.endsWith('.json'));
    const [name] = names;
    if (names.length !== 1 || !name) return undefined;
    const file = path.join(cacheDir, name);
    return { file, text: await fs.readFile(file, 'utf8') };
  } catch {
    return undefined;
  }
}

/**
 * The cache key: the knowledge files' hash, the analysis version and the settings. Any change to
 * articles, synonyms, analysis or tuning gives a new key, so a stale cache is never used.
 */
export function cacheKey(files: Pick<KnowledgeFiles, 'hash'>, settings: SearchSettings): string {
  return createHash('sha256')
    .update(`${FORMAT}\0${ANALYSIS_VERSION}\0${files.hash}\0${JSON.stringify(settings)}`)
    .digest('hex')
    .slice(0, 24);
}

/** The cache file path for a key. */
export function cachePath(cacheDir: string, key: string): string {
  return path.join(cacheDir, `index-${key}.json`);
}

/**
 * Loads a knowledge base from the cache, or returns why it could not (missing, corrupt, another
 * key). Never throws: a bad cache only means a rebuild.
 */
export async function loadCachedKnowledge(
  cacheDir: string,
  files: KnowledgeFiles,
  settings: SearchSettings,
  prefetched?: Promise<CachePrefetch | undefined>,
): Promise<{ kb: KnowledgeBase } | { miss: string }> {
  const key = cacheKey(files, settings);
  const file = cachePath(cacheDir, key);
  const early = await prefetched;
  let text: string;
  try {
    text = early?.file === file ? early.text : await fs.readFile(file, 'utf8');
  } catch {
    return { miss: 'no cache' };
  }
  try {
    const data = JSON.parse(text) as CacheFile;
    if (data.format !== FORMAT || data.key !== key) return { miss: 'cache is for other knowledge' };
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
    const index = { languages, df };
    return { kb: assemble(articles, passages, index, files, data.skipped) };
  } catch (error) {
    return { miss: `corrupt cache (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * Writes the knowledge base to the cache (atomically: a temporary file renamed into place) and
 * removes cache files of other keys.
 */
export async function saveCachedKnowledge(
  cacheDir: string,
  kb: KnowledgeBase,
  settings: SearchSettings,
): Promise<string> {
  const key = cacheKey(kb, settings);
  const articleIndex = new Map([...kb.articles.keys()].map((id, i) => [id, i]));
  const data: CacheFile = {
    format: FORMAT,
    key,
    articles: [...kb.articles.values()],
    passages: kb.passages.map(
      (p) => [articleIndex.get(p.articleId) ?? -1, p.headings, p.position, p.text, p.lang] as const,
    ),
    skipped: kb.skipped,
    df: [[...kb.index.df.keys()], [...kb.index.df.values()]],
    languages: Object.fromEntries([...kb.index.languages].map(([lang, index]) => [lang, index.serialize()])),
  };
  await fs.mkdir(cacheDir, { recursive: true });
  const file = cachePath(cacheDir, key);
  // Worker threads of one process may write at once (a reload beside a restarted worker).
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(data));
  await fs.rename(tmp, file);
  for (const name of await fs.readdir(cacheDir)) {
    if (name.startsWith('index-') && name !== path.basename(file) && !name.endsWith('.tmp')) {
      await fs.rm(path.join(cacheDir, name), { force: true });
    }
  }
  return file;
}
