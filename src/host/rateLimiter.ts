import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Questions one user may ask within the window. */
  readonly limit: number;
  /** Rounded up to whole seconds (rate-limiter-flexible counts in seconds; RATE_LIMIT_WINDOW_SECONDS is). */
  readonly windowMs: number;
}

/** The verdict on one question. */
export type RateDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * What handlers ask before answering: this process's {@link RateLimiter}, or one shared by every
 * replica through Redis (src/host/redis) when REDIS_URL is set. Both are rate-limiter-flexible's
 * fixed window, so a user gets the same decisions from one process as from many.
 */
export interface UserRateLimiter {
  take(userId: string): RateDecision | Promise<RateDecision>;
}

/** rate-limiter-flexible's `duration`: whole seconds, at least one. */
export function windowSeconds(windowMs: number): number {
  return Math.max(1, Math.ceil(windowMs / 1000));
}

/** Spends one of `userId`'s points on `limiter`, turning its refusal into a decision. */
export async function takePoint(limiter: RateLimiterAbstract, userId: string): Promise<RateDecision> {
  try {
    await limiter.consume(userId);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
    }
    throw rejection;
  }
}

/**
 * Per-user limit in this process: at most `limit` questions in a window that starts at the user's
 * first question and ends `windowMs` later (rate-limiter-flexible's RateLimiterMemory, the same
 * fixed window as the Redis limiter, so one replica and many decide alike). Users do not affect
 * each other; a user's entry is dropped when their window ends, so memory holds only the users who
 * asked within the last window.
 */
export class RateLimiter implements UserRateLimiter {
  readonly #limiter: RateLimiterMemory;

  constructor(options: RateLimiterOptions) {
    this.#limiter = new RateLimiterMemory({
      points: options.limit,
      duration: windowSeconds(options.windowMs),
    });
  }

  /** Counts a question by `userId` if the window allows it. */
  take(userId: string): Promise<RateDecision> {
    return takePoint(this.#limiter, userId);
  }
}
