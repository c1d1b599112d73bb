import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/adapters/discord/rateLimiter.ts';

function limiter(maxUsers = 1000) {
  const clock = { now: 1_000_000 };
  const rateLimiter = new RateLimiter({ limit: 5, windowMs: 30_000, maxUsers, now: () => clock.now });
  return { clock, rateLimiter };
}

describe('RateLimiter', () => {
  it('cuts a burst after the limit', () => {
    const { rateLimiter } = limiter();
    const verdicts = Array.from({ length: 8 }, () => rateLimiter.take('alice').allowed);
    expect(verdicts).toEqual([true, true, true, true, true, false, false, false]);
  });

  it('leaves other users unaffected', () => {
    const { rateLimiter } = limiter();
    for (let i = 0; i < 10; i++) rateLimiter.take('alice');
    expect(rateLimiter.take('bob')).toEqual({ allowed: true });
  });

  it('slides the window: each question frees its slot exactly one window later', () => {
    const { clock, rateLimiter } = limiter();
    for (let i = 0; i < 5; i++) {
      rateLimiter.take('alice');
      clock.now += 1000;
    }
    // Questions at t=0..4 s; now t=5 s.
    expect(rateLimiter.take('alice')).toEqual({ allowed: false, retryAfterMs: 25_000 });
    clock.now += 25_000;
    expect(rateLimiter.take('alice').allowed).toBe(true);
    expect(rateLimiter.take('alice').allowed).toBe(false);
    clock.now += 1000;
    expect(rateLimiter.take('alice').allowed).toBe(true);
  });

  it('does not count refused questions against the user', () => {
    const { clock, rateLimiter } = limiter();
    for (let i = 0; i < 50; i++) rateLimiter.take('alice');
    clock.now += 30_001;
    expect(rateLimiter.take('alice').allowed).toBe(true);
  });

  it('keeps memory bounded under a flood of distinct users', () => {
    const { clock, rateLimiter } = limiter(100);
    for (let i = 0; i < 10_000; i++) rateLimiter.take(`user${i}`);
    expect(rateLimiter.size).toBe(100);
    clock.now += 30_001;
    rateLimiter.take('late');
    expect(rateLimiter.size).toBeLessThanOrEqual(100);
  });
});
