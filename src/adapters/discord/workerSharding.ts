import type { Worker } from 'node:worker_threads';
import {
  type WebSocketManager,
  type WorkerReceivePayload,
  WorkerReceivePayloadOp,
  WorkerShardingStrategy,
} from '@discordjs/ws';

/** How many gateway shards share one worker thread: `all` = one thread for this process's shards. */
export type ShardsPerWorker = number | 'all';

/** The internals of WorkerShardingStrategy 1.2.3 the fix below wraps (TypeScript-private there). */
interface StrategyInternals {
  spawn(shardIds: number[]): Promise<void>;
  onMessage(worker: Worker, payload: WorkerReceivePayload): Promise<void>;
}

/**
 * @discordjs/ws's WorkerShardingStrategy, fixed for several shards per worker. In 1.2.3 (and on
 * discord.js's main branch, July 2026) `destroy()` terminates a worker as soon as its first shard
 * reports Destroyed, so the worker's other shards never report and `client.destroy()` hangs forever
 * (measured: 2 shards in one worker, still waiting after 8 s; 1 per worker, 17 ms). One worker
 * per shard avoids it but costs about 20 MB a shard (8 shards: +177 MB RSS against +25 MB in one
 * worker, fake gateway, Node 20). So a worker's Destroyed reports are held back here until all of
 * its shards have sent theirs, and only then handed on — the worker is terminated once it is done.
 */
export function workerShardingStrategy(
  manager: WebSocketManager,
  shardsPerWorker: ShardsPerWorker,
): WorkerShardingStrategy {
  const strategy = new WorkerShardingStrategy(manager, { shardsPerWorker });
  const internals = strategy as unknown as StrategyInternals;
  const spawn = internals.spawn.bind(strategy);
  const onMessage = internals.onMessage.bind(strategy);
  /** The shard ids of each worker, in spawn order (WorkerShardingStrategy slices them alike). */
  let slices: number[][] = [];
  const reported = new Map<Worker, number[]>();
  internals.spawn = async (shardIds) => {
    const size = shardsPerWorker === 'all' ? shardIds.length : shardsPerWorker;
    slices = [];
    for (let start = 0; start < shardIds.length; start += size)
      slices.push(shardIds.slice(start, start + size));
    reported.clear();
    await spawn(shardIds);
  };
  internals.onMessage = async (worker, payload) => {
    if (payload.op !== WorkerReceivePayloadOp.Destroyed) return onMessage(worker, payload);
    const down = [...(reported.get(worker) ?? []), payload.shardId];
    const slice = slices.find((ids) => ids.includes(payload.shardId)) ?? [payload.shardId];
    if (!slice.every((id) => down.includes(id))) {
      reported.set(worker, down);
      return undefined;
    }
    reported.delete(worker);
    for (const shardId of down) await onMessage(worker, { op: WorkerReceivePayloadOp.Destroyed, shardId });
    return undefined;
  };
  return strategy;
}
