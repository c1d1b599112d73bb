import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../src/host/rateLimiter.ts';

// RateLimiterMemory reads Date.now() and expires entries with setTimeout: both faked here.
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

const limiter = () => new RateLimiter({ limit: 5, windowMs: 30_000 });

async function takes(rateLimiter: RateLimiter, userId: string, count: number): Promise<boolean[]> {
  const verdicts = [];
  for (let i = 0; i < count; i++) verdicts.push((await rateLimiter.take(userId)).allowed);
  return verdicts;
}

describe('RateLimiter', () => {
  it('cuts a burst after the limit', async () => {
    expect(await takes(limiter(), 'alice', 8)).toEqual([true, true, true, true, true, false, false, false]);
  });

  it('leaves other users unaffected', async () => {
    const rateLimiter = limiter();
    await takes(rateLimiter, 'alice', 10);
    expect(await rateLimiter.take('bob')).toEqual({ allowed: true });
  });

  it('fixes the window at the first question: the whole budget returns when it ends', async () => {
    const rateLimiter = limiter();
    for (let i = 0; i < 5; i++) {
      await rateLimiter.take('alice');
      vi.advanceTimersByTime(1000);
    }
    // Questions at t=0..4 s; now t=5 s; the window opened at t=0 ends at t=30 s.
    expect(await rateLimiter.take('alice')).toEqual({ allowed: false, retryAfterMs: 25_000 });
    vi.advanceTimersByTime(25_000);
    expect(await takes(rateLimiter, 'alice', 6)).toEqual([true, true, true, true, true, false]);
  });

  it('does not let refused questions extend the window', async () => {
    const rateLimiter = limiter();
    await takes(rateLimiter, 'alice', 50);
    vi.advanceTimersByTime(30_001);
    expect((await rateLimiter.take('alice')).allowed).toBe(true);
  });

  it('rounds a window to whole seconds, as the Redis limiter does', async () => {
    const rateLimiter = new RateLimiter({ limit: 1, windowMs: 1500 });
    await rateLimiter.take('alice');
    expect(await rateLimiter.take('alice')).toEqual({ allowed: false, retryAfterMs: 2000 });
  });
});
