import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { connectRedis } from '../../../src/host/redis/connectRedis.ts';
import { type RedisServer, startRedis } from './redis.ts';

/**
 * One real redis-server for a test file: started before its tests and stopped after them.
 * `client()` connects one more client (each stands for a replica or process of the bot);
 * the clients of a test are disconnected after it.
 */
export function useRedis() {
  let server: RedisServer | undefined;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await startRedis();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = (): RedisServer => {
    if (!server) throw new Error('useRedis: the server is started before the tests, not at collection');
    return server;
  };
  return {
    get url(): string {
      return running().url;
    },
    /** The clients the running test connected, in order. */
    clients: clients as readonly Redis[],
    async client(): Promise<Redis> {
      const client = await connectRedis(running().url, () => {});
      clients.push(client);
      return client;
    },
  };
}
