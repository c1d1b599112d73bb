import { LRUCache } from 'lru-cache';

/** What a gateway event is claimed by: a message's id, or an interaction's id. */
export type ClaimedEvent = 'message' | 'interaction';

/**
 * Who answers a gateway event that two sessions received (a restarted process while the old one
 * drains, two processes given overlapping SHARD_IDS, a replay after RESUME): the first to claim
 * it. This process's {@link LocalEventClaims}, or claims shared by every process through Redis
 * (src/host/redis) when REDIS_URL is set.
 */
export interface EventClaims {
  /** True exactly once per event id and kind: the caller answers it; false: someone already did. */
  claim(kind: ClaimedEvent, id: string): Promise<boolean>;
}

/** Options of {@link LocalEventClaims}. */
export interface LocalEventClaimsOptions {
  /** Event ids remembered at once; the oldest are forgotten first (bounded memory). */
  readonly max: number;
  /** How long an id is remembered. */
  readonly ttlMs: number;
}

/** A bounded seen-set: deduplicates the events this process receives twice. */
export class LocalEventClaims implements EventClaims {
  readonly #seen: LRUCache<string, true>;

  constructor(options: LocalEventClaimsOptions) {
    this.#seen = new LRUCache<string, true>({ max: options.max, ttl: options.ttlMs });
  }

  async claim(kind: ClaimedEvent, id: string): Promise<boolean> {
    return this.claimNow(kind, id);
  }

  /** {@link claim} without the promise, for a caller that falls back to it synchronously. */
  claimNow(kind: ClaimedEvent, id: string): boolean {
    const key = `${kind}:${id}`;
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, true);
    return true;
  }
}
