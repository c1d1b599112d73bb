import { LRUCache } from 'lru-cache';

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Questions one user may ask within the window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Users tracked at once; the least recently active are forgotten first (bounded memory). */
  readonly maxUsers: number;
  /** Clock in ms; injectable for tests. */
  readonly now?: () => number;
}

/** The verdict on one question. */
export type RateDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * What handlers ask before answering: this process's {@link RateLimiter}, or one shared by every
 * replica through Redis (src/host/redis) when REDIS_URL is set.
 */
export interface UserRateLimiter {
  take(userId: string): RateDecision | Promise<RateDecision>;
}

/**
 * Per-user sliding window: at most `limit` questions in any `windowMs`. Users do not affect each
 * other, a refused question does not count, and a user's entry expires with their window, so a
 * flood of distinct users cannot grow memory past `maxUsers`.
 */
export class RateLimiter implements UserRateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #recent: LRUCache<string, number[]>;

  constructor(options: RateLimiterOptions) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#now = options.now ?? (() => performance.now());
    const now = this.#now;
    this.#recent = new LRUCache<string, number[]>({
      max: options.maxUsers,
      ttl: options.windowMs,
      ttlResolution: 0,
      perf: { now },
    });
  }

  /** Counts a question by `userId` if the window allows it. */
  take(userId: string): RateDecision {
    const now = this.#now();
    const since = now - this.#windowMs;
    const times = (this.#recent.get(userId) ?? []).filter((time) => time > since);
    if (times.length >= this.#limit) {
      const oldest = times[0] ?? now;
      this.#recent.set(userId, times);
      return { allowed: false, retryAfterMs: Math.max(1, oldest + this.#windowMs - now) };
    }
    times.push(now);
    this.#recent.set(userId, times);
    return { allowed: true };
  }

  /** Users currently tracked. */
  get size(): number {
    return this.#recent.size;
  }
}
