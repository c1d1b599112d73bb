import type { Engine } from '../core/engine.ts';
import { type KnowledgeService, operationsVia, runOperation } from '../core/operations.ts';
import type { ReloadReport } from '../core/types.ts';
import { coalesce } from './coalesce.ts';
import { loadEngine } from './loadEngine.ts';
import type { ServiceOptions } from './serviceOptions.ts';
import { watchForReload } from './watchKnowledge.ts';

/**
 * Opens the knowledge folder in this process and serves it through the {@link KnowledgeService}
 * interface. A reload builds a new engine beside the live one and swaps it in only when it
 * succeeded; triggers that arrive during a reload share one follow-up rebuild. Building blocks
 * this thread: front ends that must stay responsive use `openKnowledgeInWorker`.
 *
 * @throws Error `knowledge: …` when the folder is missing or yields no usable article
 */
export async function openKnowledge(options: ServiceOptions): Promise<KnowledgeService> {
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
  const watcher = await watchForReload(options, reload);
  return serviceOver(
    () => engine,
    reload,
    async () => {
      await watcher?.close();
    },
  );
}

/** Wraps a (swappable) engine in the asynchronous service interface: every engine operation. */
export function serviceOver(
  current: () => Engine,
  reload: () => Promise<ReloadReport>,
  close: () => Promise<void>,
): KnowledgeService {
  return { ...operationsVia(async (op, args) => runOperation(current(), op, args)), reload, close };
}
