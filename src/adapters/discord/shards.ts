import type { IIdentifyThrottler } from '@discordjs/ws';
import type { ClientOptions } from 'discord.js';
import type { ShardPlan } from '../../config/index.ts';
import type { RespawnLimits, WorkerSupervision } from './workerRespawn.ts';
import { type ShardsPerWorker, workerShardingStrategy } from './workerSharding.ts';

export type { RespawnLimits, WorkerSupervision } from './workerRespawn.ts';
export type { ShardsPerWorker } from './workerSharding.ts';

/** Builds the identify throttler shared by every process of the bot (Redis), for its `max_concurrency`. */
export type SharedIdentifyThrottler = (maxConcurrency: number, token: string) => IIdentifyThrottler;

/** How this process runs its shards. */
export interface ShardingChoices {
  readonly shardsPerWorker: ShardsPerWorker;
  /** Told when a worker thread dies unasked and when it is back; absent: it is respawned silently. */
  readonly supervision?: WorkerSupervision;
  /** How often a dead worker is spawned again before the process gives up; default DefaultTuning's. */
  readonly respawnLimits?: RespawnLimits;
  /** Absent: @discordjs/ws's own throttler, which spaces this process's identifies only. */
  readonly identifyThrottler?: SharedIdentifyThrottler;
}

/**
 * discord.js client options that run `plan`'s shards in worker threads (@discordjs/ws's
 * WorkerShardingStrategy, see {@link workerShardingStrategy}): only the gateway connections —
 * heartbeats, parsing frames — live there; the client, its caches and the handlers stay on the
 * main thread and receive each dispatch as a message. Identifies wait for the main thread's
 * throttler: @discordjs/ws's own, built from `session_start_limit.max_concurrency`, or
 * `identifyThrottler` for the same limit across machines.
 */
export function shardingOptions(plan: ShardPlan, choices: ShardingChoices): Partial<ClientOptions> {
  const { shardsPerWorker, identifyThrottler, supervision, respawnLimits } = choices;
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
    ws: {
      buildStrategy: (manager) =>
        workerShardingStrategy(manager, shardsPerWorker, supervision, respawnLimits),
      ...(identifyThrottler === undefined
        ? {}
        : {
            buildIdentifyThrottler: async (manager) => {
              const info = await manager.fetchGatewayInformation();
              return identifyThrottler(info.session_start_limit.max_concurrency, manager.options.token);
            },
          }),
    },
  };
}
