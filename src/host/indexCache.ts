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

const FORMAT = 6;

/** The cache's JSON file in a key's folder; each language's packed index sits beside it. */
const KNOWLEDGE_FILE = 'knowledge.json';

/** The stamp of the folder the cache was built from (see `folderStamp.ts`), when it is trusted. */
const STAMP_FILE = 'files.json';

/** What the stamp file holds: enough to find and load the cache without reading the knowledge. */
export interface SavedStamp {
  readonly stamp: string;
  readonly hash: string;
  readonly synonyms?: string;
}

/** What the JSON file holds. Passages are stored as tuples to keep the file small. */
interface CacheFile {
  readonly format: number;
  readonly key: string;
  readonly articles: readonly ArticleInfo[];
  /**
   * [articleIndex, headings, position, languageIndex, text length]. The texts are in one file per
   * language (see `languages`), one after another: one string to read, whose slices cost no copy,
   * instead of 60,806 strings to parse.
   */
  readonly passages: ReadonlyArray<readonly [number, readonly string[], number, number, number]>;
  readonly skipped: readonly SkippedFile[];
  /** Passage frequency of each index term: terms, and their counts in the same order. */
  readonly df: readonly [readonly string[], readonly number[]];
  /** Language mask of each index term (see `PassageIndex.termLanguages`): terms, masks. */
  readonly termLanguages: readonly [readonly string[], readonly number[]];
  /** The languages in order: language, passages, index file and passage text file in the folder. */
  readonly languages: ReadonlyArray<readonly [string, number, string, string]>;
}

/** A cache folder read before the knowledge's hash (hence the key) is known. */
export interface CachePrefetch {
  readonly folder: string;
  readonly read: Promise<CacheContents>;
  /** The folder's stamp file, if it has one. */
  readonly stamp: Promise<SavedStamp | undefined>;
}

interface CacheContents {
  readonly text: string;
  /** Each index file's bytes and each text file's text, by file name. */
  readonly files: ReadonlyMap<string, Uint8Array | string>;
}

/**
 * Starts reading the cache folder's index, if it holds exactly one (saving removes the others),
 * so that reading it overlaps with reading the knowledge folder; {@link loadCachedKnowledge} uses
 * it when its name turns out to be the right key. Never throws.
 */
export async function prefetchCache(cacheDir: string): Promise<CachePrefetch | undefined> {
  try {
    const names = (await fs.readdir(cacheDir)).filter((n) => n.startsWith('index-') && !n.includes('.'));
    const [name] = names;
    if (names.length !== 1 || !name) return undefined;
    const folder = path.join(cacheDir, name);
    const read = readContents(folder);
    read.catch(() => {});
    const stamp = fs.readFile(path.join(folder, STAMP_FILE), 'utf8').then(
      (text) => parseStamp(text),
      () => undefined,
    );
    return { folder, read, stamp };
  } catch {
    return undefined;
  }
}

function parseStamp(text: string): SavedStamp | undefined {
  try {
    const saved = JSON.parse(text) as Partial<SavedStamp> | null;
    if (typeof saved?.stamp !== 'string' || typeof saved.hash !== 'string') return undefined;
    return saved as SavedStamp;
  } catch {
    return undefined;
  }
}

/** Reads the JSON file and, at the same time, every index and text file of a cache folder. */
async function readContents(folder: string): Promise<CacheContents> {
  const names = (await fs.readdir(folder)).filter((n) => n.endsWith('.bin') || n.endsWith('.txt'));
  const [text, ...contents] = await Promise.all([
    fs.readFile(path.join(folder, KNOWLEDGE_FILE), 'utf8'),
    ...names.map((n) =>
      n.endsWith('.txt') ? fs.readFile(path.join(folder, n), 'utf8') : fs.readFile(path.join(folder, n)),
    ),
  ]);
  return { text, files: new Map(names.map((n, i) => [n, contents[i] as Uint8Array | string])) };
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

/** The cache folder of a key. */
export function cachePath(cacheDir: string, key: string): string {
  return path.join(cacheDir, `index-${key}`);
}

/** The JSON file of a cache folder (articles, passages, term tables). */
export function cacheKnowledgeFile(folder: string): string {
  return path.join(folder, KNOWLEDGE_FILE);
}

/**
 * Loads a knowledge base from the cache, or returns why it could not (missing, corrupt, another
 * key). The language indexes are read now but unpacked when first searched. Never throws: a bad
 * cache only means a rebuild.
 */
export async function loadCachedKnowledge(
  cacheDir: string,
  files: Pick<KnowledgeFiles, 'hash' | 'synonyms'>,
  settings: SearchSettings,
  prefetched?: Promise<CachePrefetch | undefined>,
): Promise<{ kb: KnowledgeBase } | { miss: string }> {
  const key = cacheKey(files, settings);
  const folder = cachePath(cacheDir, key);
  const early = await prefetched;
  let contents: CacheContents;
  try {
    contents = await (early?.folder === folder ? early.read : readContents(folder));
  } catch {
    return { miss: 'no cache' };
  }
  try {
    const data = JSON.parse(contents.text) as CacheFile;
    if (data.format !== FORMAT || data.key !== key) return { miss: 'cache is for other knowledge' };
    const articles = new Map(data.articles.map((a) => [a.id, a]));
    const langs = data.languages.map(([lang, count, indexName, textName]) => {
      const bytes = contents.files.get(indexName);
      const texts = contents.files.get(textName);
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
    const df = zip(data.df, 'term frequencies');
    const [terms, masks] = data.termLanguages;
    if (terms.length !== masks.length) throw new Error('term languages disagree');
    const languages = new Map(langs.map((l) => [l.lang, l.index]));
    const indexed = [...languages.values()].reduce((n, l) => n + l.documentCount, 0);
    if (indexed !== passages.length) throw new Error('index and passages disagree');
    const index = { languages, df, termLanguages: { terms, masks } };
    return { kb: assemble(articles, passages, index, files, data.skipped) };
  } catch (error) {
    return { miss: `corrupt cache (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Records the folder's stamp beside a cache folder that is already in place. Never throws. */
export async function saveStamp(folder: string, stamp: SavedStamp): Promise<void> {
  await fs.writeFile(path.join(folder, STAMP_FILE), JSON.stringify(stamp)).catch(() => {});
}

function zip([terms, values]: readonly [readonly string[], readonly number[]], what: string) {
  if (terms.length !== values.length) throw new Error(`${what} disagree`);
  const map = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) map.set(terms[i] as string, values[i] as number);
  return map;
}

/**
 * Writes the knowledge base to the cache (atomically: a temporary folder renamed into place) and
 * removes the cache folders of other keys. With `stamp`, a later start finds the cache by the
 * folder's stamp alone.
 */
export async function saveCachedKnowledge(
  cacheDir: string,
  kb: KnowledgeBase,
  settings: SearchSettings,
  stamp?: SavedStamp,
): Promise<string> {
  const key = cacheKey(kb, settings);
  const articleIndex = new Map([...kb.articles.keys()].map((id, i) => [id, i]));
  const languages = [...kb.index.languages].map(([lang, index], i) => ({
    lang,
    index,
    indexName: `${i}.bin`,
    textName: `${i}.txt`,
    texts: [] as string[],
  }));
  const langIndex = new Map(languages.map((l, i) => [l.lang, i]));
  const data: CacheFile = {
    format: FORMAT,
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
  await fs.mkdir(cacheDir, { recursive: true });
  const folder = cachePath(cacheDir, key);
  // Worker threads of one process may write at once (a reload beside a restarted worker).
  const tmp = `${folder}.${process.pid}-${threadId}.tmp`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp);
  await Promise.all([
    fs.writeFile(path.join(tmp, KNOWLEDGE_FILE), JSON.stringify(data)),
    ...languages.map((l) => fs.writeFile(path.join(tmp, l.indexName), l.index.pack())),
    ...languages.map((l) => fs.writeFile(path.join(tmp, l.textName), l.texts.join(''))),
    ...(stamp ? [fs.writeFile(path.join(tmp, STAMP_FILE), JSON.stringify(stamp))] : []),
  ]);
  // Another writer may have put the same key in place first: then its folder is as good as ours.
  await fs.rm(folder, { recursive: true, force: true });
  await fs.rename(tmp, folder).catch(async (error: unknown) => {
    await fs.rm(tmp, { recursive: true, force: true });
    if (!(await fs.stat(folder).catch(() => undefined))) throw error;
  });
  for (const name of await fs.readdir(cacheDir)) {
    if (name.startsWith('index-') && name !== path.basename(folder) && !name.endsWith('.tmp')) {
      await fs.rm(path.join(cacheDir, name), { recursive: true, force: true });
    }
  }
  return folder;
}
