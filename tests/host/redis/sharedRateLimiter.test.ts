import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/host/rateLimiter.ts';
import { connectRedis } from '../../../src/host/redis/connectRedis.ts';
import { SharedRateLimiter } from '../../../src/host/redis/sharedRateLimiter.ts';
import { type RedisServer, startRedis } from '../../support/servers/redis.ts';

/** Against a real redis-server: the shared limiter and the in-process one, fed the same questions. */
let redis: RedisServer;
let client: Redis;

beforeAll(async () => {
  redis = await startRedis();
  client = await connectRedis(redis.url, () => {});
});

afterAll(async () => {
  client.disconnect();
  await redis.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SharedRateLimiter and the in-process RateLimiter', () => {
  it('give the same decisions for the same questions, across window ends', async () => {
    // Limit 3 in 1 s. A sliding window (the in-process limiter before) refuses the last burst's
    // second and third questions: two of the questions at ~0.6 s are still within 1 s of ~1.3 s.
    const options = { limit: 3, windowMs: 1000 };
    const shared = new SharedRateLimiter(client, { ...options, keyPrefix: 'citebot:agree' });
    const own = new RateLimiter(options);
    const decisions: { shared: boolean[]; own: boolean[] } = { shared: [], own: [] };
    const burst = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        decisions.shared.push((await shared.take('alice')).allowed);
        decisions.own.push((await own.take('alice')).allowed);
      }
    };
    await burst(1);
    await pause(600);
    await burst(3);
    await pause(700);
    await burst(3);
    await pause(1100);
    await burst(4);
    expect(decisions.own).toEqual(decisions.shared);
    expect(decisions.own).toEqual([true, true, true, false, true, true, true, true, true, true, false]);
  });
});
