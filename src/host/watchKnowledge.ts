import path from 'node:path';
import { watch } from 'chokidar';
import type { ReloadReport } from '../core/types.ts';
import type { ServiceOptions } from './serviceOptions.ts';

/** A running folder watcher. */
export interface KnowledgeWatcher {
  close(): Promise<void>;
}

/** Options of {@link watchKnowledge}. */
export interface WatchKnowledgeOptions {
  /** Quiet time after the last change before `onChange` runs (ms). */
  readonly debounceMs?: number;
  /** Folders below the knowledge folder whose changes do not count (the index cache). */
  readonly ignore?: readonly string[];
  /** Receives watcher errors (a folder that became unreadable, too many watches, …). */
  readonly onError?: (message: string) => void;
}

/** Default quiet time: long enough for an editor or `cp -r` to finish, short enough to feel live. */
export const DEFAULT_DEBOUNCE_MS = 1000;

/**
 * Watches a knowledge folder (recursively) and calls `onChange` once things have been quiet for
 * `debounceMs` after a file or folder was added, changed or removed, with the paths (relative to
 * the folder) that changed meanwhile. Dotfiles and dot-folders (`.git`, editor temporaries) and
 * the ignored folders do not count. Resolves once the watcher has scanned the folder, so every
 * change after that is seen.
 */
export async function watchKnowledge(
  dir: string,
  onChange: (changed: string[]) => void,
  options: WatchKnowledgeOptions = {},
): Promise<KnowledgeWatcher> {
  const root = path.resolve(dir);
  const ignored = (options.ignore ?? []).map((p) => path.resolve(p));
  const isIgnored = (file: string): boolean => {
    const absolute = path.resolve(file);
    if (ignored.some((i) => absolute === i || absolute.startsWith(`${i}${path.sep}`))) return true;
    const relative = path.relative(root, absolute);
    return relative.split(path.sep).some((part) => part.startsWith('.') && part !== '..' && part !== '.');
  };
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const watcher = watch(root, { ignoreInitial: true, ignored: isIgnored });
  watcher.on('all', (_event, file) => {
    changed.add(path.relative(root, file).split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed].sort();
      changed = new Set();
      onChange(batch);
    }, debounceMs);
  });
  watcher.on('error', (error) => {
    options.onError?.(`knowledge watcher: ${error instanceof Error ? error.message : String(error)}`);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/**
 * Starts the watcher a service asked for (see {@link ServiceOptions.watch}): every change triggers
 * `reload`, whose report goes to `onReload`. Resolves to undefined when watching is off.
 */
export async function watchForReload(
  options: ServiceOptions,
  reload: () => Promise<ReloadReport>,
): Promise<KnowledgeWatcher | undefined> {
  if (!options.watch) return undefined;
  const debounceMs = options.watch === true ? undefined : options.watch.debounceMs;
  return watchKnowledge(
    options.knowledgeDir,
    () => {
      void reload().then((report) => options.onReload?.(report));
    },
    {
      ...(debounceMs !== undefined ? { debounceMs } : {}),
      ...(options.cacheDir ? { ignore: [options.cacheDir] } : {}),
      ...(options.onWarning ? { onError: options.onWarning } : {}),
    },
  );
}
