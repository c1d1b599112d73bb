import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import {
  type WorkerData,
  type WorkerReceivePayload,
  WorkerReceivePayloadOp,
  WorkerSendPayloadOp,
  type WorkerShardingStrategy,
} from '@discordjs/ws';

/** What the owner of the gateway hears of its worker threads. */
export interface WorkerSupervision {
  /** A worker thread died unasked: its shards are down and it is being spawned again (`attempt` in the window). */
  readonly onDown: (shardIds: readonly number[], reason: string, attempt: number) => void;
  /** The replacement has connected all of `shardIds` again. */
  readonly onUp: (shardIds: readonly number[], attempt: number) => void;
  /** The worker died once too often or could not be spawned: these shards stay down, so the process should end. */
  readonly onGiveUp: (shardIds: readonly number[], message: string) => void;
}

/** How often a worker thread may die before the process gives up on it. */
export interface RespawnLimits {
  /** Respawns of one worker within `windowMs`; its next death ends the process. */
  readonly respawns: number;
  readonly windowMs: number;
}

/** The internals of WorkerShardingStrategy 1.2.3 supervision wraps (TypeScript-private there). */
interface StrategyInternals {
  spawn(shardIds: number[]): Promise<void>;
  setupWorker(data: WorkerData): Promise<void>;
  waitForWorkerReady(worker: Worker): Promise<void>;
  onMessage(worker: Worker, payload: WorkerReceivePayload): Promise<void>;
  destroy(options?: object): Promise<void>;
  readonly destroyPromises: Map<number, () => void>;
}

/**
 * Makes `strategy` bring back a worker thread that dies unasked. In @discordjs/ws 1.2.3 the
 * strategy rethrows a worker's error on the main thread, ignores its exit, and from then on posts
 * that worker's shards' messages into the void: the process looks alive while those servers get
 * no answers, and `destroy()` waits forever for the dead shards. Here the dead worker's shards are
 * spawned again in a new worker with the same data and connected (they RESUME: sessions live on
 * the main thread), at most `limits.respawns` times within `limits.windowMs`; one more death is
 * given up on, for a process manager to restart the process.
 */
export function superviseWorkers(
  strategy: WorkerShardingStrategy,
  supervision: WorkerSupervision,
  limits: RespawnLimits,
): void {
  const internals = strategy as unknown as StrategyInternals;
  const spawn = internals.spawn.bind(strategy);
  const setupWorker = internals.setupWorker.bind(strategy);
  const waitForWorkerReady = internals.waitForWorkerReady.bind(strategy);
  const onMessage = internals.onMessage.bind(strategy);
  const destroy = internals.destroy.bind(strategy);
  /** Each running worker and what it was spawned with. */
  const live = new Map<Worker, WorkerData>();
  /** Shards of a dead worker, until its replacement reports them connected, with the attempt. */
  const down = new Map<number, number>();
  /** When each worker (by its shard ids) died, within the window. */
  const deaths = new Map<string, number[]>();
  let stopping = false;
  // Workers are set up one at a time so that the worker `waitForWorkerReady` sees is `setting`'s.
  let setting: WorkerData | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const setUp = (data: WorkerData): Promise<Worker> => {
    const run = queue.then(async () => {
      setting = data;
      try {
        await setupWorker(data);
      } finally {
        setting = undefined;
      }
      const worker = [...live].find(([, spawned]) => spawned === data)?.[0];
      if (worker === undefined) throw new Error('discord: a shard worker thread exited while starting');
      started.add(worker);
      // @discordjs/ws's own listener rethrows the worker's error on the main thread.
      for (const listener of worker.listeners('error') as ((error: unknown) => void)[])
        if (listener !== noteError) worker.off('error', listener);
      return worker;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const errors = new WeakMap<Worker, unknown>();
  /** Workers that got as far as ready: only their deaths are respawned, a start that fails throws. */
  const started = new WeakSet<Worker>();
  function noteError(this: Worker, error: unknown): void {
    errors.set(this, error);
  }

  const revive = async (dead: Worker, data: WorkerData, code: number): Promise<void> => {
    const error = errors.get(dead);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : `exit code ${code}`;
    const ids = data.shardIds;
    const now = Date.now();
    const key = ids.join(',');
    const recent = [...(deaths.get(key) ?? []), now].filter((at) => now - at < limits.windowMs);
    deaths.set(key, recent);
    for (const shardId of ids) down.set(shardId, recent.length);
    if (recent.length > limits.respawns) {
      supervision.onGiveUp(
        ids,
        `discord: the worker thread of shards ${ids.join(', ')} died ${recent.length} times in ` +
          `${Math.round(limits.windowMs / 60_000)} min (last: ${reason}); those servers get no answers, ` +
          'so citebot exits for its process manager to restart it',
      );
      return;
    }
    supervision.onDown(ids, reason, recent.length);
    try {
      const worker = await setUp(data);
      // Stopped while it started: `destroy()` did not see it, so it would keep the process alive.
      if (stopping) {
        await worker.terminate();
        return;
      }
      for (const shardId of ids) worker.postMessage({ op: WorkerSendPayloadOp.Connect, shardId });
    } catch (spawnError) {
      supervision.onGiveUp(
        ids,
        `discord: cannot start the worker thread of shards ${ids.join(', ')} again: ${String(spawnError)}`,
      );
    }
  };

  const watch = (worker: Worker, data: WorkerData): void => {
    live.set(worker, data);
    worker.on('error', noteError);
    worker.once('exit', (code) => {
      live.delete(worker);
      if (!stopping && started.has(worker)) void revive(worker, data, code);
    });
  };

  internals.spawn = async (shardIds) => {
    stopping = false;
    down.clear();
    deaths.clear();
    await spawn(shardIds);
  };
  internals.setupWorker = async (data) => {
    await setUp(data);
  };
  internals.waitForWorkerReady = async (worker) => {
    if (setting !== undefined) watch(worker, setting);
    // @discordjs/ws would wait forever for a worker that dies before it is ready.
    const died = once(worker, 'exit').then(([code]) => {
      throw new Error(`exit code ${String(code)} before it was ready`);
    });
    await Promise.race([waitForWorkerReady(worker), died]);
  };
  internals.onMessage = async (worker, payload) => {
    await onMessage(worker, payload);
    if (payload.op !== WorkerReceivePayloadOp.Connected) return;
    const attempt = down.get(payload.shardId);
    if (attempt === undefined) return;
    down.delete(payload.shardId);
    const ids = live.get(worker)?.shardIds ?? [payload.shardId];
    if (ids.every((shardId) => !down.has(shardId))) supervision.onUp(ids, attempt);
  };
  internals.destroy = async (options) => {
    stopping = true;
    const done = destroy(options);
    // A dead worker never reports its shards destroyed.
    for (const shardId of down.keys()) {
      internals.destroyPromises.get(shardId)?.();
      internals.destroyPromises.delete(shardId);
    }
    down.clear();
    await done;
  };
}
