import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** The verdict on one question (the same shape as the in-process limiter's). */
export type SharedRateDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/** Options of {@link SharedRateLimiter}. */
export interface SharedRateLimiterOptions {
  /** Questions one user may ask within the window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Keys of different deployments on one Redis stay apart. */
  readonly keyPrefix?: string;
}

/**
 * Per-user limit held in Redis, so it holds across every replica (rate-limiter-flexible's
 * RateLimiterRedis: an atomic counter per user that expires with its window, which starts at the
 * user's first question). When Redis cannot be reached, an in-process limiter with the same limit
 * answers instead (its insurance limiter), so questions are never refused because Redis is down.
 */
export class SharedRateLimiter {
  readonly #limiter: RateLimiterRedis;

  constructor(client: Redis, options: SharedRateLimiterOptions) {
    const duration = Math.max(1, Math.ceil(options.windowMs / 1000));
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
  async take(userId: string): Promise<SharedRateDecision> {
    try {
      await this.#limiter.consume(userId);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
      }
      throw rejection;
    }
  }
}
