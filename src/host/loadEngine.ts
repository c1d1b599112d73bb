import { performance } from 'node:perf_hooks';
import { Engine } from '../core/engine.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../core/knowledgeBase.ts';
import { DefaultSearchSettings, type SearchSettings } from '../core/search/settings.ts';
import { stampFolder, trustworthy } from './folderStamp.ts';
import {
  cacheKey,
  cachePath,
  loadCachedKnowledge,
  prefetchCache,
  saveCachedKnowledge,
  saveStamp,
} from './indexCache.ts';
import { readKnowledgeFiles } from './readKnowledge.ts';

/** Where knowledge comes from and where its index is cached. */
export interface LoadOptions {
  /** The knowledge folder. */
  readonly knowledgeDir: string;
  /** Folder for the index cache; without it the index is always built. */
  readonly cacheDir?: string;
  readonly settings?: SearchSettings;
  /** Follow symbolic links that point outside the knowledge folder (KNOWLEDGE_FOLLOW_OUTSIDE_LINKS). */
  readonly followOutsideLinks?: boolean;
  /** Told how loading goes (for a progress line on a terminal); not called from a worker. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Receives one line per skipped file and per cache problem. */
  readonly onWarning?: (message: string) => void;
}

/** A step of {@link loadEngine}: files being read, then (without a usable cache) indexing. */
export type LoadProgress =
  | { readonly phase: 'reading'; readonly read: number; readonly total: number }
  | { readonly phase: 'indexing'; readonly files: number };

/**
 * Reads the knowledge folder and returns an engine over it, from the index cache when the cache
 * matches the files and settings, else by building (and then caching) the index.
 *
 * @throws Error `knowledge: …` when the folder is missing or yields no usable article
 */
export async function loadEngine(options: LoadOptions): Promise<Engine> {
  const started = performance.now();
  const settings = options.settings ?? DefaultSearchSettings;
  const warn = options.onWarning ?? (() => {});
  const { cacheDir } = options;
  // Reading the cache overlaps with looking at (or reading) the knowledge, which decides the key.
  const prefetched = cacheDir ? prefetchCache(cacheDir) : undefined;
  const stamp = cacheDir
    ? await stampFolder(options.knowledgeDir, {
        followOutsideLinks: options.followOutsideLinks === true,
      }).catch(() => undefined)
    : undefined;
  let first: { hash: string; miss: string } | undefined;
  if (cacheDir && stamp) {
    // Files unchanged since the cache was written: no need to read and hash them.
    const saved = await (await prefetched)?.stamp;
    if (saved && saved.stamp === stamp.text) {
      const cached = await loadCachedKnowledge(cacheDir, saved, settings, prefetched);
      if ('kb' in cached) return fromCache(cached.kb, started, settings, warn);
      first = { hash: saved.hash, miss: cached.miss };
    }
  }
  const files = await readKnowledgeFiles(options.knowledgeDir, {
    maxFileBytes: settings.maxFileBytes,
    followOutsideLinks: options.followOutsideLinks === true,
    ...(options.onProgress
      ? {
          onFileRead: (read: number, total: number) =>
            options.onProgress?.({ phase: 'reading', read, total }),
        }
      : {}),
  });
  const saved =
    stamp && trustworthy(stamp)
      ? {
          stamp: stamp.text,
          hash: files.hash,
          ...(files.synonyms !== undefined ? { synonyms: files.synonyms } : {}),
        }
      : undefined;
  if (cacheDir) {
    const cached =
      first?.hash === files.hash ? first : await loadCachedKnowledge(cacheDir, files, settings, prefetched);
    if ('kb' in cached) {
      if (saved) await saveStamp(cachePath(cacheDir, cacheKey(files, settings)), saved);
      return fromCache(cached.kb, started, settings, warn);
    }
    if (cached.miss.startsWith('corrupt')) warn(`index cache: ${cached.miss}; rebuilding`);
  }
  options.onProgress?.({ phase: 'indexing', files: files.files.length });
  const kb = buildKnowledgeBase(files, settings);
  reportSkipped(kb.skipped, warn);
  const engine = new Engine(kb, info(started, false), settings);
  if (cacheDir) {
    await saveCachedKnowledge(cacheDir, kb, settings, saved).catch((error: unknown) => {
      warn(
        `index cache: cannot write to '${cacheDir}': ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
  return engine;
}

function fromCache(
  kb: KnowledgeBase,
  started: number,
  settings: SearchSettings,
  warn: (m: string) => void,
): Engine {
  reportSkipped(kb.skipped, warn);
  return new Engine(kb, info(started, true), settings);
}

function info(started: number, fromCache: boolean) {
  return { builtAt: Date.now(), buildMs: Math.round(performance.now() - started), fromCache };
}

function reportSkipped(
  skipped: readonly { file: string; reason: string }[],
  warn: (m: string) => void,
): void {
  for (const s of skipped) warn(`knowledge: skipped '${s.file}': ${s.reason}`);
}
