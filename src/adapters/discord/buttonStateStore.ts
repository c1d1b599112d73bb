import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Where replicas share button state (Redis, src/host/redis), so a press on another replica works. */
export interface ButtonStateRemote {
  /** Keeps `json` under `key` for `ttlMs`. */
  save(key: string, json: string, ttlMs: number): Promise<void>;
  /** The JSON under `key` (its life renewed), or undefined when expired or never saved. */
  load(key: string, ttlMs: number): Promise<string | undefined>;
}

/** Options of {@link ButtonStateStore}. */
export interface ButtonStateStoreOptions {
  /** Entries kept at most; the least recently used go first. */
  readonly max: number;
  /** How long an entry lives after it was stored or last read. */
  readonly ttlMs: number;
  /** Shared with other replicas when given (REDIS_URL); this process's memory stays the first place looked. */
  readonly remote?: ButtonStateRemote;
  /** Told when the remote could not be written or read (the button then works on this replica only). */
  readonly onRemoteError?: (error: unknown) => void;
}

/**
 * Button state too long for a custom_id, kept in memory under a short random key. Bounded, so a
 * flood of answers cannot grow memory; random keys, so a key from before a restart never finds
 * someone else's state.
 */
export class ButtonStateStore<T extends object> {
  readonly #cache: LRUCache<string, T>;
  readonly #options: ButtonStateStoreOptions;

  constructor(options: ButtonStateStoreOptions) {
    this.#options = options;
    this.#cache = new LRUCache<string, T>({ max: options.max, ttl: options.ttlMs, updateAgeOnGet: true });
  }

  /**
   * Stores `state` and returns its key (8 URL-safe characters). The shared copy is written in the
   * background: a person presses a button seconds later, the write takes a millisecond.
   */
  put(state: T): string {
    const key = randomBytes(6).toString('base64url');
    this.#cache.set(key, state);
    const { remote, onRemoteError } = this.#options;
    remote
      ?.save(key, JSON.stringify(state), this.#options.ttlMs)
      .catch((error: unknown) => onRemoteError?.(error));
    return key;
  }

  /** Brings `key`'s state from the shared copy into memory when another replica stored it. */
  async fetch(key: string): Promise<void> {
    const { remote, onRemoteError } = this.#options;
    if (remote === undefined || this.#cache.has(key)) return;
    try {
      const json = await remote.load(key, this.#options.ttlMs);
      if (json !== undefined) this.#cache.set(key, JSON.parse(json) as T);
    } catch (error) {
      onRemoteError?.(error);
    }
  }

  get(key: string): T | undefined {
    return this.#cache.get(key);
  }

  get size(): number {
    return this.#cache.size;
  }
}
