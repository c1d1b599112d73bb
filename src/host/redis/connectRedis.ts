import { Redis } from 'ioredis';

/** The URL without its password, for messages. */
export function redactRedisUrl(redisUrl: string): string {
  if (!URL.canParse(redisUrl)) return '(unparsable REDIS_URL)';
  const url = new URL(redisUrl);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

/**
 * Connects to Redis (ioredis: reconnects on its own after a drop). Resolves once connected, so a
 * wrong REDIS_URL stops start-up with a clear message instead of failing every later question.
 *
 * @throws Error `redis: cannot connect to …` (never the password)
 */
export async function connectRedis(
  redisUrl: string,
  onWarning: (message: string) => void,
  connectTimeoutMs = 10_000,
): Promise<Redis> {
  const where = redactRedisUrl(redisUrl);
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    // A command waits for a reconnect at most this often, then fails (the rate limiter falls back).
    maxRetriesPerRequest: 2,
  });
  let connected = false;
  client.on('error', (error: Error) => {
    if (connected) onWarning(`redis: ${where}: ${error.message}`);
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`redis: cannot connect to ${where}: ${(error as Error).message}`);
  }
  connected = true;
  return client;
}
