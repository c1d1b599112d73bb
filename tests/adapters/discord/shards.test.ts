import { WebSocketManager, WorkerShardingStrategy } from '@discordjs/ws';
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/adapters/discord/client.ts';
import { shardingOptions } from '../../../src/adapters/discord/shards.ts';
import { parseConfig } from '../../../src/config/index.ts';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZa.abcdefghijklmnopqrstuvwxyz0123456789AB';
const saved = process.env.SHARD_COUNT;

afterEach(() => {
  if (saved === undefined) delete process.env.SHARD_COUNT;
  else process.env.SHARD_COUNT = saved;
});

describe('shardingOptions', () => {
  it('runs the listed shards of the count, or all of them', () => {
    expect(shardingOptions({ count: 8, ids: [2, 3] }, { shardsPerWorker: 'all' })).toMatchObject({
      shards: [2, 3],
      shardCount: 8,
    });
    expect(shardingOptions({ count: 3 }, { shardsPerWorker: 'all' })).toMatchObject({
      shards: [0, 1, 2],
      shardCount: 3,
    });
    expect(shardingOptions({ count: 'auto' }, { shardsPerWorker: 'all' })).toMatchObject({ shards: 'auto' });
  });

  it('builds a WorkerShardingStrategy for the gateway manager', () => {
    const { ws } = shardingOptions({ count: 2 }, { shardsPerWorker: 'all' });
    if (ws?.buildStrategy === undefined) throw new Error('expected a buildStrategy');
    const manager = new WebSocketManager({ token, intents: 0, rest: new REST() });
    expect(ws.buildStrategy(manager as never)).toBeInstanceOf(WorkerShardingStrategy);
  });
});

describe('createClient with SHARD_COUNT', () => {
  it('leaves one shard on the main thread without SHARD_COUNT, as before', () => {
    const client = createClient(parseConfig({ DISCORD_TOKEN: token }), false);
    expect(client.options.shards).toEqual([0]);
    expect(client.options.ws?.buildStrategy).toBeUndefined();
  });

  it('passes the count and ids to discord.js', () => {
    const client = createClient(
      parseConfig({ DISCORD_TOKEN: token, SHARD_COUNT: '4', SHARD_IDS: '1,3' }),
      false,
    );
    expect(client.options.shards).toEqual([1, 3]);
    expect(client.options.shardCount).toBe(4);
    expect(client.options.ws?.buildStrategy).toBeTypeOf('function');
  });

  it('survives SHARD_COUNT=auto in the environment, which discord.js reads itself and cannot parse', () => {
    process.env.SHARD_COUNT = 'auto';
    const client = createClient(parseConfig({ DISCORD_TOKEN: token, SHARD_COUNT: 'auto' }), false);
    expect(client.options.shards).toBe('auto');
  });

  it('keeps test overrides of the gateway options beside the sharding strategy', () => {
    const throttler = () => ({ waitForIdentify: async () => {} });
    const client = createClient(parseConfig({ DISCORD_TOKEN: token, SHARD_COUNT: '2' }), false, {
      ws: { buildIdentifyThrottler: throttler },
    });
    expect(client.options.ws?.buildIdentifyThrottler).toBe(throttler);
    expect(client.options.ws?.buildStrategy).toBeTypeOf('function');
  });
});
