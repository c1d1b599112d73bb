import type { ReloadReport } from '../core/types.ts';
import type { LoadOptions } from './loadEngine.ts';

/** How to watch the knowledge folder. */
export interface WatchOptions {
  /** Quiet time after the last change before reloading (ms); an editor saving many files costs one reload. */
  readonly debounceMs?: number;
}

/** Options of a knowledge service: where knowledge comes from, plus reloading on changes. */
export interface ServiceOptions extends LoadOptions {
  /** Watch the knowledge folder and reload when a file changes (`true` = default debounce). */
  readonly watch?: boolean | WatchOptions;
  /** Receives the report of every reload the watcher triggers (explicit reloads return theirs). */
  readonly onReload?: (report: ReloadReport) => void;
  /** Told when the watcher starts over on a folder that was replaced, re-created or changed mode. */
  readonly onRearm?: (message: string) => void;
}
