import { describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/host/redis/connectRedis.ts';
import { RedisEventClaims } from '../../../src/host/redis/redisEventClaims.ts';
import { startRedis } from '../../support/servers/redis.ts';
import { useRedis } from '../../support/servers/useRedis.ts';

/** Against a real redis-server; each client stands for one process holding a gateway session. */
const redis = useRedis();
let prefixCount = 0;

async function processes(count: number, ttlMs = 60_000): Promise<RedisEventClaims[]> {
  prefixCount += 1;
  const keyPrefix = `citebot:test-event${prefixCount}`;
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = await redis.client();
      return new RedisEventClaims(client, { ttlMs, fallbackMax: 100, onError: () => {}, keyPrefix });
    }),
  );
}

describe('RedisEventClaims', () => {
  it('lets exactly one of three processes claim an event they all received at once', async () => {
    const claims = await processes(3);
    const verdicts = await Promise.all(
      claims.map((process) => process.claim('message', '1234567890123456789')),
    );
    expect(verdicts.filter(Boolean)).toHaveLength(1);
  });

  it('keeps messages and interactions with one id apart, and every id apart', async () => {
    const [a, b] = await processes(2);
    expect(await a?.claim('message', '111111111111111111')).toBe(true);
    expect(await b?.claim('interaction', '111111111111111111')).toBe(true);
    expect(await b?.claim('message', '222222222222222222')).toBe(true);
    expect(await a?.claim('message', '111111111111111111')).toBe(false);
  });

  it('sets the claim to expire, so Redis does not keep every event id forever', async () => {
    const [a] = await processes(1, 60_000);
    await a?.claim('interaction', '333333333333333333');
    const ttl = await redis.clients[0]?.pttl(
      `citebot:test-event${prefixCount}:interaction:333333333333333333`,
    );
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

describe('RedisEventClaims when Redis goes away', () => {
  it('claims in this process only and says so once: each event is answered, once here', async () => {
    const own = await startRedis();
    const client = await connectRedis(own.url, () => {});
    const errors: unknown[] = [];
    try {
      const claims = new RedisEventClaims(client, {
        ttlMs: 60_000,
        fallbackMax: 100,
        onError: (error) => errors.push(error),
      });
      await own.stop();
      expect(await claims.claim('message', '444444444444444444')).toBe(true);
      expect(await claims.claim('message', '444444444444444444')).toBe(false);
      expect(await claims.claim('message', '555555555555555555')).toBe(true);
      // Reported once for the outage, not once per event.
      expect(errors).toHaveLength(1);
    } finally {
      client.disconnect();
    }
  });
});
