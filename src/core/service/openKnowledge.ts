import type { Engine } from '../engine.ts';
import type { KnowledgeService, KnowledgeStats, ReloadReport } from '../types.ts';
import { type LoadOptions, loadEngine } from './loadEngine.ts';

/**
 * Opens the knowledge folder in this process and serves it through the {@link KnowledgeService}
 * interface. A reload builds a new engine beside the live one and swaps it in only when it
 * succeeded; triggers that arrive during a reload share one follow-up rebuild.
 */
export async function openKnowledge(options: LoadOptions): Promise<KnowledgeService> {
  let engine = await loadEngine(options);
  const reload = coalesce(async (): Promise<ReloadReport> => {
    try {
      engine = await loadEngine(options);
      return { ok: true, stats: engine.stats() };
    } catch (error) {
      return {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        stats: engine.stats(),
      };
    }
  });
  return serviceOver(
    () => engine,
    reload,
    async () => {},
  );
}

/** Wraps a (swappable) engine in the asynchronous service interface. */
export function serviceOver(
  current: () => Engine,
  reload: () => Promise<ReloadReport>,
  close: () => Promise<void>,
): KnowledgeService {
  return {
    ask: async (question, page) => current().ask(question, page),
    search: async (query, page) => current().search(query, page),
    article: async (name) => current().article(name),
    suggest: async (kind, partial, limit) => current().suggest(kind, partial, limit),
    stats: async (): Promise<KnowledgeStats> => current().stats(),
    reload,
    close,
  };
}

/**
 * Makes an async task coalescing: while it runs, any number of further calls share one follow-up
 * run (which sees every change made before it started).
 */
export function coalesce<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const run = (): Promise<T> => {
    running = task().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return run();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = undefined;
        return run();
      });
    return queued;
  };
}
