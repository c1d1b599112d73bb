import { constants, watch as watchEntries } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
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
  /** Told when the watcher starts over on a folder that was replaced, re-created or changed mode. */
  readonly onRearm?: (message: string) => void;
}

/** Default quiet time: long enough for an editor or `cp -r` to finish, short enough to feel live. */
export const DEFAULT_DEBOUNCE_MS = 1000;

/**
 * Watches a knowledge folder (recursively) and calls `onChange` once things have been quiet for
 * `debounceMs` after a file or folder was added, changed or removed, with the paths (relative to
 * the folder) that changed meanwhile. Dotfiles and dot-folders (`.git`, editor temporaries) and
 * the ignored folders do not count. Resolves once the watcher has scanned the folder, so every
 * change after that is seen.
 *
 * The folder itself may be deleted and created again, replaced by a rename (`mv new knowledge`)
 * or made unreadable and readable again: its parent folder is watched (not recursively) for
 * that one name, and whenever the entry changes and is a readable folder, the recursive watcher
 * starts over on it and every file in it counts as changed.
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
  const report = (message: string) => options.onError?.(`knowledge watcher: ${message}`);
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const note = (file: string) => {
    changed.add(path.relative(root, file).split(path.sep).join('/') || '.');
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed].sort();
      changed = new Set();
      onChange(batch);
    }, debounceMs);
  };

  /** A recursive watcher over the folder; `initial`: count every file already there as changed. */
  const arm = async (initial: boolean): Promise<FSWatcher> => {
    const watcher = watch(root, { ignoreInitial: !initial, ignored: isIgnored });
    watcher.on('all', (_event, file) => note(file));
    watcher.on('error', (error) => report(error instanceof Error ? error.message : String(error)));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    return watcher;
  };
  let current = await arm(false);
  let closed = false;

  const usable = async (): Promise<boolean> => {
    try {
      if (!(await stat(root)).isDirectory()) return false;
      await access(root, constants.R_OK | constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  let checking = Promise.resolve();
  let checkTimer: NodeJS.Timeout | undefined;
  const rearmIfUsable = async () => {
    if (closed || !(await usable())) return;
    // Closed first: chokidar shares its OS watches per path between instances, so closing the
    // old one after arming the new one would take the new one's watch on the folder with it.
    // Whatever changes in between is reported anyway: the new watcher counts every file.
    await current.close();
    current = await arm(true);
    if (closed) {
      await current.close();
      return;
    }
    options.onRearm?.(
      `knowledge watcher: re-armed on '${root}' (the folder was replaced, re-created or changed mode)`,
    );
    note(root);
  };
  const parent = watchEntries(path.dirname(root), { persistent: false }, (_event, name) => {
    if (name !== path.basename(root) || closed) return;
    // A rename or a re-creation arrives as several events: look once things settle.
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => {
      checking = checking.then(rearmIfUsable).catch((error: unknown) => report(String(error)));
    }, 50);
  });
  parent.on('error', (error) => report(`cannot watch '${path.dirname(root)}': ${error.message}`));
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      clearTimeout(checkTimer);
      parent.close();
      await checking;
      await current.close();
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
      ...(options.onRearm ? { onRearm: options.onRearm } : {}),
    },
  );
}
