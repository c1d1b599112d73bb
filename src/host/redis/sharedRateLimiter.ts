import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { type RateDecision, takePoint, type UserRateLimiter, windowSeconds } from '../rateLimiter.ts';

/** Options of {@link SharedRateLimiter}. */
export interface SharedRateLimiterOptions {
  /** Questions one user may ask within the window. */
  readonly limit: number;
  /** Rounded up to whole seconds, as the in-process limiter rounds it. */
  readonly windowMs: number;
  /** Keys of different deployments on one Redis stay apart. */
  readonly keyPrefix?: string;
}

/**
 * Per-user limit held in Redis, so it holds across every replica (rate-limiter-flexible's
 * RateLimiterRedis: one atomic Lua call per question on a counter per user that expires with its
 * window, which starts at the user's first question — the same fixed window as the in-process
 * RateLimiterMemory). When Redis cannot be reached, an in-process limiter with the same limit
 * answers instead (its insurance limiter), so questions are never refused because Redis is down.
 */
export class SharedRateLimiter implements UserRateLimiter {
  readonly #limiter: RateLimiterRedis;

  constructor(client: Redis, options: SharedRateLimiterOptions) {
    const duration = windowSeconds(options.windowMs);
    this.#limiter = new RateLimiterRedis({
      storeClient: client,
      keyPrefix: options.keyPrefix ?? 'citebot:rate',
      points: options.limit,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points: options.limit, duration }),
    });
  }

  /** Counts a question by `userId` if the window allows it. */
  take(userId: string): Promise<RateDecision> {
    return takePoint(this.#limiter, userId);
  }
}
