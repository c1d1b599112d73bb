import { Worker } from 'node:worker_threads';
import type { OperationArgs, OperationName, OperationResult } from '../core/operations.ts';
import type { KnowledgeStats } from '../core/types.ts';
import type { RequestMessage, WorkerLoadOptions, WorkerMessage } from './workerProtocol.ts';

/** The engine worker shipped with citebot. */
export const ENGINE_WORKER = new URL('./engineWorker.ts', import.meta.url);

/** What an {@link EngineThread} tells its owner. */
export interface EngineThreadEvents {
  readonly onWarning: (message: string) => void;
  /** The worker stopped without being asked to (after `ready` or before). */
  readonly onCrash: (thread: EngineThread, error: Error) => void;
}

interface Pending {
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One worker thread holding one engine. `ready` settles when the engine is loaded (with its stats)
 * or failed to load; requests sent before that wait in the worker. A crash rejects every pending
 * request. The engine inside never changes: a reload is a new thread.
 */
export class EngineThread {
  /** The loaded engine's stats; rejects with the load error. */
  readonly ready: Promise<KnowledgeStats>;
  /** Settles when the thread has ended, for whatever reason. */
  readonly exited: Promise<void>;
  readonly #worker: Worker;
  readonly #events: EngineThreadEvents;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #stats: KnowledgeStats | undefined;
  #failure: Error | undefined;
  #stopping = false;
  #retired = false;

  constructor(options: WorkerLoadOptions, events: EngineThreadEvents, script: URL = ENGINE_WORKER) {
    this.#events = events;
    this.#worker = startWorker(script, options);
    this.exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    this.ready = new Promise<KnowledgeStats>((resolve, reject) => {
      this.#worker.on('message', (message: WorkerMessage) => {
        switch (message.kind) {
          case 'ready':
            this.#stats = message.stats;
            resolve(message.stats);
            break;
          case 'failed': {
            const error = new Error(message.error);
            this.#fail(error);
            reject(error);
            void this.stop();
            break;
          }
          case 'warning':
            events.onWarning(message.message);
            break;
          case 'result':
            this.#settle(message.id)?.resolve(message.value as never);
            break;
          case 'error':
            this.#settle(message.id)?.reject(new Error(message.error));
            break;
        }
      });
      let uncaught: Error | undefined;
      this.#worker.on('error', (error) => {
        uncaught = error;
      });
      this.#worker.on('exit', (code) => {
        if (this.#stopping) return;
        const error = new Error(
          `knowledge: engine worker stopped (exit code ${code})${uncaught ? `: ${uncaught.message}` : ''}`,
        );
        this.#fail(error);
        reject(error);
        this.#events.onCrash(this, error);
      });
    });
    // A thread that fails to load is reported through `ready`'s callers; never as unhandled.
    this.ready.catch(() => {});
  }

  /** The stats of the loaded engine (undefined until ready). An engine's stats never change. */
  get stats(): KnowledgeStats | undefined {
    return this.#stats;
  }

  /** Runs one engine operation on the worker. */
  call<K extends OperationName>(op: K, args: OperationArgs<K>): Promise<OperationResult<K>> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<OperationResult<K>>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.#worker.postMessage({ op, args, id } as RequestMessage);
    });
  }

  /** Stops the thread once its pending requests are answered (the old engine after a swap). */
  retire(): void {
    this.#retired = true;
    if (this.#pending.size === 0) void this.stop();
  }

  /** Stops the thread now; pending requests are rejected. */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    this.#fail(new Error('knowledge: the engine was closed'));
    await this.#worker.terminate();
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#retired && this.#pending.size === 0) void this.stop();
    return pending;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }
}

/**
 * Starts a worker on a script. TypeScript sources (citebot runs without a build step) need tsx's
 * loader inside the worker: neither `tsx` nor vitest passes it on to workers (measured: a `.ts`
 * worker fails with "Unknown file extension" under both), so a tiny bootstrap registers it first.
 */
function startWorker(script: URL, options: WorkerLoadOptions): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData: options });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}
