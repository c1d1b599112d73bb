import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ButtonStateStore } from '../../../src/adapters/discord/buttonStateStore.ts';
import { connectRedis, redactRedisUrl } from '../../../src/host/redis/connectRedis.ts';
import { RedisButtonState } from '../../../src/host/redis/redisButtonState.ts';
import { ReloadChannel } from '../../../src/host/redis/reloadChannel.ts';
import { SharedRateLimiter } from '../../../src/host/redis/sharedRateLimiter.ts';
import { startRedis } from '../../support/servers/redis.ts';
import { useRedis } from '../../support/servers/useRedis.ts';

/** Against a real redis-server (tests/support/servers); each client below stands for one replica. */
const redis = useRedis();
let prefixCount = 0;

async function replicaClient(): Promise<Redis> {
  return redis.client();
}

function limiters(count: number, limit: number, windowMs = 30_000) {
  prefixCount += 1;
  const keyPrefix = `citebot:test${prefixCount}`;
  return Promise.all(
    Array.from(
      { length: count },
      async () => new SharedRateLimiter(await replicaClient(), { limit, windowMs, keyPrefix }),
    ),
  );
}

describe('SharedRateLimiter', () => {
  it('holds one user to the limit across three replicas, round-robin', async () => {
    const replicas = await limiters(3, 5);
    const verdicts = [];
    for (let i = 0; i < 9; i += 1) verdicts.push(await replicas[i % 3]?.take('111111111111111111'));
    expect(verdicts.filter((verdict) => verdict?.allowed)).toHaveLength(5);
    expect(verdicts.slice(0, 5).every((verdict) => verdict?.allowed)).toBe(true);
    const refused = verdicts[5];
    expect(refused?.allowed).toBe(false);
    if (refused?.allowed === false) {
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(30_000);
    }
  });

  it('does not slow down other users', async () => {
    const [a, b] = await limiters(2, 2);
    await a?.take('1');
    await a?.take('1');
    expect((await b?.take('1'))?.allowed).toBe(false);
    expect((await b?.take('2'))?.allowed).toBe(true);
    expect((await a?.take('3'))?.allowed).toBe(true);
  });

  it('counts concurrent questions from one user exactly up to the limit', async () => {
    const replicas = await limiters(3, 10);
    const verdicts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => replicas[i % 3]?.take('222222222222222222')),
    );
    expect(verdicts.filter((verdict) => verdict?.allowed)).toHaveLength(10);
  });

  it('lets the user ask again once the window has passed', async () => {
    const [a, b] = await limiters(2, 1, 1000);
    expect((await a?.take('3'))?.allowed).toBe(true);
    const refused = await b?.take('3');
    expect(refused?.allowed).toBe(false);
    await new Promise((resolve) =>
      setTimeout(resolve, (refused?.allowed === false ? refused.retryAfterMs : 0) + 50),
    );
    expect((await b?.take('3'))?.allowed).toBe(true);
  });
});

describe('SharedRateLimiter when Redis goes away', () => {
  it('keeps answering from an in-process limit with the same bound', async () => {
    const own = await startRedis();
    const client = await connectRedis(own.url, () => {});
    try {
      const limiter = new SharedRateLimiter(client, { limit: 2, windowMs: 30_000 });
      expect((await limiter.take('4')).allowed).toBe(true);
      await own.stop();
      expect((await limiter.take('5')).allowed).toBe(true);
      expect((await limiter.take('5')).allowed).toBe(true);
      expect((await limiter.take('5')).allowed).toBe(false);
    } finally {
      client.disconnect();
    }
  });
});

describe('ButtonStateStore over RedisButtonState', () => {
  it('finds state stored by another replica, and forgets it when its life ends', async () => {
    const stores = await Promise.all(
      [0, 1].map(
        async () =>
          new ButtonStateStore<{ question: string }>({
            max: 10,
            ttlMs: 300,
            remote: new RedisButtonState(await replicaClient()),
          }),
      ),
    );
    const [a, b] = stores;
    const key = a?.put({ question: 'a question too long for a custom_id' }) ?? '';
    await expect
      .poll(async () => {
        await b?.fetch(key);
        return b?.get(key);
      })
      .toEqual({ question: 'a question too long for a custom_id' });
    const late = a?.put({ question: 'short-lived' }) ?? '';
    await new Promise((resolve) => setTimeout(resolve, 400));
    await b?.fetch(late);
    expect(b?.get(late)).toBeUndefined();
    await b?.fetch('unknown1');
    expect(b?.get('unknown1')).toBeUndefined();
  });

  it('keeps working on its own replica, and says so, when Redis is unreachable', async () => {
    const own = await startRedis();
    const client = await connectRedis(own.url, () => {});
    const errors: unknown[] = [];
    try {
      const store = new ButtonStateStore<{ n: number }>({
        max: 10,
        ttlMs: 60_000,
        remote: new RedisButtonState(client),
        onRemoteError: (error) => errors.push(error),
      });
      await own.stop();
      const key = store.put({ n: 1 });
      expect(store.get(key)).toEqual({ n: 1 });
      await store.fetch('elsewhere');
      await expect.poll(() => errors.length).toBeGreaterThanOrEqual(2);
    } finally {
      client.disconnect();
    }
  });
});

describe('ReloadChannel', () => {
  it('tells every other replica to reload, never the one that announced', async () => {
    const heard = [0, 0, 0];
    const channels = await Promise.all(
      [0, 1, 2].map(async (i) =>
        ReloadChannel.open(
          await replicaClient(),
          () => {
            heard[i] = (heard[i] ?? 0) + 1;
          },
          'citebot:reload:test',
        ),
      ),
    );
    expect(await channels[0]?.announce()).toBe(3);
    await expect.poll(() => heard).toEqual([0, 1, 1]);
    await channels[2]?.announce();
    await expect.poll(() => heard).toEqual([1, 2, 1]);
    for (const channel of channels) await channel.close();
  });
});

describe('connectRedis', () => {
  it('stops start-up with the address, never the password, when Redis is unreachable', async () => {
    const failure = connectRedis('redis://:hunter2secret@127.0.0.1:1', () => {}, 1000);
    await expect(failure).rejects.toThrow(/^redis: cannot connect to redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    await expect(failure).rejects.not.toThrow(/hunter2secret/);
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
