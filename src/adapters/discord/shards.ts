import type { ClientOptions } from 'discord.js';
import type { ShardPlan } from '../../config/index.ts';
import { type ShardsPerWorker, workerShardingStrategy } from './workerSharding.ts';

export type { ShardsPerWorker } from './workerSharding.ts';

/**
 * discord.js client options that run `plan`'s shards in worker threads (@discordjs/ws's
 * WorkerShardingStrategy, see {@link workerShardingStrategy}): only the gateway connections — heartbeats, inflating and parsing
 * frames — live there; the client, its caches, the handlers and the one engine stay on the main
 * thread and receive each dispatch as a message. Identifies go through the main thread's
 * throttler, which @discordjs/ws builds from `session_start_limit.max_concurrency`.
 */
export function shardingOptions(plan: ShardPlan, shardsPerWorker: ShardsPerWorker): Partial<ClientOptions> {
  const placement: Partial<ClientOptions> =
    plan.count === 'auto'
      ? {
          shards: 'auto',
          // Ignored with `shards: 'auto'` (the count comes from GET /gateway/bot), but the Client
          // reads SHARD_COUNT from the environment itself whenever this is its default 1, and
          // cannot read `auto`.
          shardCount: 2,
        }
      : {
          shards: [...(plan.ids ?? Array.from({ length: plan.count }, (_, id) => id))],
          shardCount: plan.count,
        };
  return {
    ...placement,
    ws: { buildStrategy: (manager) => workerShardingStrategy(manager, shardsPerWorker) },
  };
}
