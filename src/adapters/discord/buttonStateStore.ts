import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Options of {@link ButtonStateStore}. */
export interface ButtonStateStoreOptions {
  /** Entries kept at most; the least recently used go first. */
  readonly max: number;
  /** How long an entry lives after it was stored or last read. */
  readonly ttlMs: number;
}

/**
 * Button state too long for a custom_id, kept in memory under a short random key. Bounded, so a
 * flood of answers cannot grow memory; random keys, so a key from before a restart never finds
 * someone else's state.
 */
export class ButtonStateStore<T extends object> {
  readonly #cache: LRUCache<string, T>;

  constructor(options: ButtonStateStoreOptions) {
    this.#cache = new LRUCache<string, T>({ max: options.max, ttl: options.ttlMs, updateAgeOnGet: true });
  }

  /** Stores `state` and returns its key (8 URL-safe characters). */
  put(state: T): string {
    const key = randomBytes(6).toString('base64url');
    this.#cache.set(key, state);
    return key;
  }

  get(key: string): T | undefined {
    return this.#cache.get(key);
  }

  get size(): number {
    return this.#cache.size;
  }
}
