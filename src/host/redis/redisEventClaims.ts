import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type ClaimedEvent, type EventClaims, LocalEventClaims } from '../../adapters/discord/eventClaims.ts';

/** Options of {@link RedisEventClaims}. */
export interface RedisEventClaimsOptions {
  /** How long a claim holds: past any overlap of two sessions (an interaction lives 15 min). */
  readonly ttlMs: number;
  /** Ids the in-process fallback remembers while Redis cannot be reached. */
  readonly fallbackMax: number;
  /** Told once per outage when Redis could not be asked (events are then claimed in this process only). */
  readonly onError: (error: unknown) => void;
  /** Keys of different deployments on one Redis stay apart. */
  readonly keyPrefix?: string;
}

/**
 * Gateway event claims shared by every process: `SET key NX PX ttl` on the event's id, so of two
 * sessions that received the same message or interaction exactly one answers. When Redis cannot
 * be reached the event is claimed in this process only, at once rather than after ioredis's retries
 * (an interaction must be answered within 3 s): an answer twice is better than none.
 */
export class RedisEventClaims implements EventClaims {
  readonly #client: Redis;
  readonly #options: RedisEventClaimsOptions;
  readonly #fallback: LocalEventClaims;
  /** Stored as the value, to tell in redis-cli which process answered. */
  readonly #owner = randomUUID();
  /** Set while Redis is unreachable, so an outage is reported once, not for every event. */
  #degraded = false;

  constructor(client: Redis, options: RedisEventClaimsOptions) {
    this.#client = client;
    this.#options = options;
    this.#fallback = new LocalEventClaims({ max: options.fallbackMax, ttlMs: options.ttlMs });
  }

  async claim(kind: ClaimedEvent, id: string): Promise<boolean> {
    const key = `${this.#options.keyPrefix ?? 'citebot:event'}:${kind}:${id}`;
    try {
      if (this.#client.status !== 'ready') throw new Error(`not connected (${this.#client.status})`);
      const claimed = (await this.#client.set(key, this.#owner, 'PX', this.#options.ttlMs, 'NX')) === 'OK';
      this.#degraded = false;
      return claimed;
    } catch (error) {
      if (!this.#degraded) this.#options.onError(error);
      this.#degraded = true;
      return this.#fallback.claimNow(kind, id);
    }
  }
}
