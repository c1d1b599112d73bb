import type { Redis } from 'ioredis';

/**
 * Button state too long for a custom_id, kept in Redis so a button answered by one replica can be
 * pressed on another: one key per state, expiring with it (the same life as in memory).
 */
export class RedisButtonState {
  readonly #client: Redis;
  readonly #prefix: string;

  constructor(client: Redis, prefix = 'citebot:button:') {
    this.#client = client;
    this.#prefix = prefix;
  }

  async save(key: string, json: string, ttlMs: number): Promise<void> {
    await this.#client.set(this.#prefix + key, json, 'PX', ttlMs);
  }

  async load(key: string, ttlMs: number): Promise<string | undefined> {
    // GETEX renews the life as a read does in memory (updateAgeOnGet).
    const json = await this.#client.getex(this.#prefix + key, 'PX', ttlMs);
    return json ?? undefined;
  }
}
