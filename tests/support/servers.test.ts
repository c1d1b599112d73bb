import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from './servers/postgres.ts';
import { startRedis } from './servers/redis.ts';

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('test servers', () => {
  it('starts a real redis-server on a loopback port and stops it', async () => {
    const redis = await startRedis();
    const client = new Redis(redis.url, { lazyConnect: true });
    await client.connect();
    await client.set('citebot:test', 'value');
    expect(await client.get('citebot:test')).toBe('value');
    expect(await client.info('server')).toMatch(/redis_version:\d+/);
    client.disconnect();
    await redis.stop();
    expect(await accepts(redis.port)).toBe(false);
    expect(existsSync(redis.dir)).toBe(false);
  });

  it('starts a real PostgreSQL in a temporary data directory, one database per test, and removes it', async () => {
    const postgres = await startPostgres();
    const url = await postgres.createDatabase('citebot_servers_test');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('select version() as version');
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
    await client.query('create table t (n integer)');
    await client.query('insert into t values (1), (2)');
    expect((await client.query('select sum(n)::int as s from t')).rows[0]).toEqual({ s: 3 });
    await client.end();
    const port = Number(new URL(postgres.url).port);
    expect(existsSync(`${postgres.dir}/PG_VERSION`)).toBe(true);
    await postgres.stop();
    expect(await accepts(port)).toBe(false);
    expect(existsSync(postgres.dir)).toBe(false);
  });
});
