import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type ClaimedEvent, type EventClaims, LocalEventClaims } from '../../adapters/discord/eventClaims.ts';

/** Options of {@link RedisEventClaims}. */
export interface RedisEventClaimsOptions {
  /** How long a claim holds: past any overlap of two sessions (an interaction lives 15 min). */
  readonly ttlMs: number;
  /** Ids the in-process fallback remembers while Redis cannot be reached. */
  readonly fallbackMax: number;
  /** Told when Redis could not be asked (the event is then claimed in this process only). */
  readonly onError: (error: unknown) => void;
  /** Keys of different deployments on one Redis stay apart. */
  readonly keyPrefix?: string;
}

/**
 * Gateway event claims shared by every process: `SET key NX PX ttl` on the event's id, so of two
 * sessions that received the same message or interaction exactly one answers. When Redis cannot
 * be reached the event is claimed in this process only: an answer twice is better than none.
 */
export class RedisEventClaims implements EventClaims {
  readonly #client: Redis;
  readonly #options: RedisEventClaimsOptions;
  readonly #fallback: LocalEventClaims;
  /** Stored as the value, to tell in redis-cli which process answered. */
  readonly #owner = randomUUID();

  constructor(client: Redis, options: RedisEventClaimsOptions) {
    this.#client = client;
    this.#options = options;
    this.#fallback = new LocalEventClaims({ max: options.fallbackMax, ttlMs: options.ttlMs });
  }

  async claim(kind: ClaimedEvent, id: string): Promise<boolean> {
    const key = `${this.#options.keyPrefix ?? 'citebot:event'}:${kind}:${id}`;
    try {
      return (await this.#client.set(key, this.#owner, 'PX', this.#options.ttlMs, 'NX')) === 'OK';
    } catch (error) {
      this.#options.onError(error);
      return this.#fallback.claimNow(kind, id);
    }
  }
}
