import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { type IIdentifyThrottler, SimpleIdentifyThrottler } from '@discordjs/ws';
import type { Redis } from 'ioredis';

/** Options of {@link RedisIdentifyThrottler}. */
export interface RedisIdentifyThrottlerOptions {
  /** `session_start_limit.max_concurrency` of `GET /gateway/bot`. */
  readonly maxConcurrency: number;
  /** How long a bucket is taken after an identify: Discord's window is 5 s (tests shorten it). */
  readonly windowMs?: number;
  /** Told when Redis could not be asked (identifies are then throttled in this process only). */
  readonly onError: (error: unknown) => void;
  /** Keys of different bots on one Redis stay apart: the bot's application id. */
  readonly keyPrefix: string;
}

/**
 * Discord lets each identify bucket start one session per 5 s, counted when the IDENTIFY reaches
 * it. The bucket is taken a second longer: the shard that took it may send its IDENTIFY a little
 * later (a busy event loop, a slow connection), and the next machine's must still arrive 5 s after
 * it. With exactly 5 s, two processes on a loaded machine were seen 4.x s apart at the fake Discord.
 */
const identifyWindowMs = 6000;

/**
 * Identify throttling shared by every process of the bot, so machines splitting SHARD_IDS respect
 * `max_concurrency` together (@discordjs/ws's own throttler knows only its process): a shard may
 * identify once it takes its bucket `shard_id % max_concurrency` with `SET key NX PX 6000`, else it
 * waits out the key's remaining life and tries again. If Redis cannot be reached, the in-process
 * SimpleIdentifyThrottler decides instead.
 */
export class RedisIdentifyThrottler implements IIdentifyThrottler {
  readonly #client: Redis;
  readonly #options: RedisIdentifyThrottlerOptions;
  readonly #fallback: SimpleIdentifyThrottler;
  readonly #owner = randomUUID();

  constructor(client: Redis, options: RedisIdentifyThrottlerOptions) {
    this.#client = client;
    this.#options = options;
    this.#fallback = new SimpleIdentifyThrottler(options.maxConcurrency);
  }

  async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    const windowMs = this.#options.windowMs ?? identifyWindowMs;
    const key = `${this.#options.keyPrefix}:${shardId % this.#options.maxConcurrency}`;
    for (;;) {
      signal.throwIfAborted();
      let waitMs: number;
      try {
        if (this.#client.status !== 'ready') throw new Error(`not connected (${this.#client.status})`);
        if ((await this.#client.set(key, this.#owner, 'PX', windowMs, 'NX')) === 'OK') return;
        waitMs = await this.#client.pttl(key);
      } catch (error) {
        this.#options.onError(error);
        return this.#fallback.waitForIdentify(shardId, signal);
      }
      // A little jitter, so processes waiting on one bucket do not all ask again in the same instant.
      await delay(Math.max(waitMs, 1) + Math.random() * 50, undefined, { signal });
    }
  }
}
