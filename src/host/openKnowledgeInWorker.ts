import { type KnowledgeService, operationsVia } from '../core/operations.ts';
import type { KnowledgeStats, ReloadReport } from '../core/types.ts';
import { coalesce } from './coalesce.ts';
import { EngineThread } from './engineThread.ts';
import type { ServiceOptions } from './serviceOptions.ts';
import { watchForReload } from './watchKnowledge.ts';
import type { WorkerLoadOptions } from './workerProtocol.ts';

/** Options of {@link openKnowledgeInWorker}. */
export interface WorkerServiceOptions extends ServiceOptions {
  /** The worker script (default: citebot's engine worker); tests substitute one that can crash. */
  readonly workerScript?: URL;
}

/**
 * Opens the knowledge folder in a worker thread and serves it through the {@link KnowledgeService}
 * interface. Loading, indexing and answering run on the worker; this thread only passes small
 * requests and results, so its event loop (the Discord gateway's heartbeat) never waits on them.
 *
 * A reload starts a fresh worker that builds beside the live one, which keeps answering; the new
 * worker takes over only once it has loaded, and the old one stops after its last answer. A reload
 * that fails (or finds no usable article) keeps the live worker and reports why. Reload triggers
 * during a reload share one follow-up rebuild. A worker that crashes fails its pending requests
 * and is replaced by a new one over the same folder (from the index cache when there is one).
 *
 * @throws Error `knowledge: …` when the first load fails (missing folder, no usable article)
 */
export async function openKnowledgeInWorker(options: WorkerServiceOptions): Promise<KnowledgeService> {
  const warn = options.onWarning ?? (() => {});
  const data: WorkerLoadOptions = {
    knowledgeDir: options.knowledgeDir,
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
    ...(options.settings !== undefined ? { settings: options.settings } : {}),
    ...(options.followOutsideLinks ? { followOutsideLinks: true } : {}),
  };
  const threads = new Set<EngineThread>();
  let closed = false;
  let live: EngineThread | undefined;

  const spawn = (): EngineThread => {
    const thread = new EngineThread(data, { onWarning: warn, onCrash: restart }, options.workerScript);
    threads.add(thread);
    void thread.exited.then(() => threads.delete(thread));
    return thread;
  };
  function restart(thread: EngineThread, error: Error): void {
    // Only a worker that was serving is replaced; one that crashes while loading would crash again.
    if (closed || thread !== live || thread.stats === undefined) return;
    warn(`${error.message}; starting a new one`);
    live = spawn();
    live.ready.catch((e: unknown) => warn(`knowledge: the new engine worker failed: ${describe(e)}`));
  }

  const first = spawn();
  let lastStats = await first.ready.catch(async (error: unknown) => {
    await first.stop();
    throw error;
  });
  live = first;
  const current = (): EngineThread => {
    if (!live) throw new Error('knowledge: no engine');
    return live;
  };

  const reload = coalesce(async (): Promise<ReloadReport> => {
    if (closed) return { ok: false, error: 'knowledge: the service is closed', stats: lastStats };
    const next = spawn();
    try {
      const stats = await next.ready;
      if (closed) throw new Error('knowledge: the service was closed during the reload');
      const old = live;
      live = next;
      lastStats = stats;
      old?.retire();
      return { ok: true, stats };
    } catch (error) {
      await next.stop();
      return { ok: false, error: describe(error), stats: lastStats };
    }
  });
  const watcher = await watchForReload(options, reload);

  return {
    ...operationsVia((op, args) => current().call(op, args)),
    // An engine's stats never change: the copy the worker sent when ready saves a round trip.
    stats: async (): Promise<KnowledgeStats> => current().stats ?? current().ready,
    reload,
    close: async () => {
      closed = true;
      await watcher?.close();
      await Promise.all([...threads].map((t) => t.stop()));
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
