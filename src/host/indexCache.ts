import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { ANALYSIS_VERSION } from '../core/analysis/analyzer.ts';
import type { KnowledgeFiles } from '../core/knowledge/knowledgeFiles.ts';
import type { KnowledgeBase } from '../core/knowledgeBase.ts';
import {
  restoreKnowledge,
  SERIALISED_FORMAT,
  type SerialisedKnowledge,
  serialiseKnowledge,
} from '../core/search/serialiseKnowledge.ts';
import type { SearchSettings } from '../core/search/settings.ts';

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
    .update(`${SERIALISED_FORMAT}\0${ANALYSIS_VERSION}\0${files.hash}\0${JSON.stringify(settings)}`)
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
    const kb = restoreKnowledge(JSON.parse(text) as SerialisedKnowledge, key, files);
    return kb ? { kb } : { miss: 'cache is for other knowledge' };
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
  const data = serialiseKnowledge(kb, key);
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
