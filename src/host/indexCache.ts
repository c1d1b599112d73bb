import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { ANALYSIS_TABLES } from '../core/analysis/analyzer.ts';
import type { KnowledgeFiles } from '../core/knowledge/knowledgeFiles.ts';
import type { KnowledgeBase } from '../core/knowledgeBase.ts';
import {
  restoreKnowledge,
  SERIALISED_FORMAT,
  type SerialisedKnowledge,
  type SerialisedParts,
  serialiseKnowledge,
} from '../core/search/serialiseKnowledge.ts';
import { type IndexSettings, indexSettingsOf } from '../core/search/settings.ts';

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
  readonly parts: SerialisedParts;
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
  return { text, parts: new Map(names.map((n, i) => [n, contents[i] as Uint8Array | string])) };
}

/**
 * The cache key: the knowledge files' hash, the analysis tables and the index-time settings. Any
 * change to articles, synonyms, analysis or what is indexed gives a new key, so a stale cache is
 * never used; query-time settings (boosts, fuzzy, thresholds, citations) keep the cache valid.
 */
export function cacheKey(files: Pick<KnowledgeFiles, 'hash'>, settings: IndexSettings): string {
  return createHash('sha256')
    .update(
      `${SERIALISED_FORMAT}\0${ANALYSIS_TABLES}\0${files.hash}\0${JSON.stringify(indexSettingsOf(settings))}`,
    )
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
  settings: IndexSettings,
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
    const kb = restoreKnowledge(JSON.parse(contents.text) as SerialisedKnowledge, contents.parts, key, files);
    return kb ? { kb } : { miss: 'cache is for other knowledge' };
  } catch (error) {
    return { miss: `corrupt cache (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Records the folder's stamp beside a cache folder that is already in place. Never throws. */
export async function saveStamp(folder: string, stamp: SavedStamp): Promise<void> {
  await fs.writeFile(path.join(folder, STAMP_FILE), JSON.stringify(stamp)).catch(() => {});
}

/**
 * Writes the knowledge base to the cache (atomically: a temporary folder renamed into place) and
 * removes the cache folders of other keys. With `stamp`, a later start finds the cache by the
 * folder's stamp alone.
 */
export async function saveCachedKnowledge(
  cacheDir: string,
  kb: KnowledgeBase,
  settings: IndexSettings,
  stamp?: SavedStamp,
): Promise<string> {
  const key = cacheKey(kb, settings);
  const { data, parts } = serialiseKnowledge(kb, key);
  await fs.mkdir(cacheDir, { recursive: true });
  const folder = cachePath(cacheDir, key);
  // Worker threads of one process may write at once (a reload beside a restarted worker).
  const tmp = `${folder}.${process.pid}-${threadId}.tmp`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp);
  await Promise.all([
    fs.writeFile(path.join(tmp, KNOWLEDGE_FILE), JSON.stringify(data)),
    ...[...parts].map(([name, part]) => fs.writeFile(path.join(tmp, name), part)),
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
