import { describe, expect, it } from 'vitest';
import { RedisIdentifyThrottler } from '../../../src/host/redis/redisIdentifyThrottler.ts';
import { useRedis } from '../../support/servers/useRedis.ts';

/** Against a real redis-server; each throttler stands for one machine running some of the shards. */
const redis = useRedis();
let prefixCount = 0;

/** A short window keeps the test quick; Discord's is 5 s. */
const windowMs = 400;

async function machines(count: number, maxConcurrency: number): Promise<RedisIdentifyThrottler[]> {
  prefixCount += 1;
  const keyPrefix = `citebot:test-identify${prefixCount}`;
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = await redis.client();
      return new RedisIdentifyThrottler(client, { maxConcurrency, windowMs, keyPrefix, onError: () => {} });
    }),
  );
}

describe('RedisIdentifyThrottler', () => {
  it('lets two machines identify shards of one bucket only a window apart', async () => {
    const [a, b] = await machines(2, 1);
    if (a === undefined || b === undefined) throw new Error('two machines expected');
    const signal = new AbortController().signal;
    const granted: { shard: number; at: number }[] = [];
    await Promise.all(
      [
        [a, 0],
        [b, 4],
      ].map(async ([machine, shard]) => {
        await (machine as RedisIdentifyThrottler).waitForIdentify(shard as number, signal);
        granted.push({ shard: shard as number, at: performance.now() });
      }),
    );
    const [first, second] = granted;
    // The bucket's key lives `windowMs`, so the later identify waits for it to expire; without the
    // shared bucket both come within milliseconds. Half the window leaves room for a slow reply.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(windowMs / 2);
  });

  it('lets shards of different buckets identify together', async () => {
    const [a, b] = await machines(2, 2);
    const signal = new AbortController().signal;
    await a?.waitForIdentify(0, signal);
    const other = b?.waitForIdentify(1, signal);
    const sameBucket = b?.waitForIdentify(2, signal);
    const firstDone = await Promise.race([
      other?.then(() => 'bucket 1'),
      sameBucket?.then(() => 'bucket 0 again'),
    ]);
    expect(firstDone).toBe('bucket 1');
    await sameBucket;
  });

  it('stops waiting when the shard gives up', async () => {
    const [a] = await machines(1, 1);
    const controller = new AbortController();
    await a?.waitForIdentify(0, controller.signal);
    const waiting = a?.waitForIdentify(0, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });
});
