import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/index.ts';
import { type Running, start } from '../../src/main.ts';
import {
  chatInputInteraction,
  type FakeDiscord,
  opt,
  startFakeDiscord,
} from '../support/fakeDiscord/index.ts';
import { type PostgresServer, startPostgres } from '../support/servers/postgres.ts';
import { type RedisServer, startRedis } from '../support/servers/redis.ts';
import { type ApplicationKeys, applicationKeys, deliverOverHttp } from '../support/signedInteractions.ts';

/**
 * Two pure HTTP replicas, started through start() as `npm start` starts them, each with its own
 * DATA_DIR, sharing one real PostgreSQL (DATABASE_URL) and one real redis-server (REDIS_URL).
 */
let fake: FakeDiscord;
let postgres: PostgresServer;
let redis: RedisServer;
let keys: ApplicationKeys;
let scratch: string;
const replicas: Running[] = [];

beforeAll(async () => {
  [fake, postgres, redis] = await Promise.all([startFakeDiscord(), startPostgres(), startRedis()]);
  keys = applicationKeys();
  scratch = await mkdtemp(join(tmpdir(), 'citebot-http-replicas-'));
  const databaseUrl = await postgres.createDatabase('citebot_replicas');
  for (const name of ['a', 'b']) {
    replicas.push(
      await start(
        {
          DISCORD_PUBLIC_KEY: keys.publicKeyHex,
          INTERACTIONS_PORT: '0',
          INTERACTIONS_HOST: '127.0.0.1',
          DISCORD_API_URL: fake.apiUrl,
          DATABASE_URL: databaseUrl,
          REDIS_URL: redis.url,
          KNOWLEDGE_DIR: join(projectRoot, 'knowledge'),
          DATA_DIR: join(scratch, `data-${name}`),
          CACHE_DIR: join(scratch, 'cache'),
        },
        undefined,
        { logDestination: { write: () => {} } },
      ),
    );
  }
}, 90_000);

afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await fake?.close();
  await Promise.all([postgres?.stop(), redis?.stop()]);
  await rm(scratch, { recursive: true, force: true });
});

const endpoint = (replica: Running | undefined) =>
  `http://127.0.0.1:${replica?.interactions?.port}/interactions`;
const manager = { memberPermissions: PermissionFlagsBits.ManageGuild };
const question = "How many professionals will China's blockchain center train?";

describe('HTTP replicas sharing PostgreSQL and Redis', () => {
  it('read on one replica the server setting a manager wrote through the other', async () => {
    const [a, b] = replicas;
    const set = chatInputInteraction(fake.world, {
      name: 'config',
      subcommand: 'hide-by-default',
      options: [opt.boolean('enabled', true)],
      ...manager,
    });
    const written = await deliverOverHttp(fake, endpoint(a), keys, set);
    expect(written.reply.status).toBe(200);
    expect(written.accepted).toBe(204);

    const asked = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
    });
    const { reply, accepted } = await deliverOverHttp(fake, endpoint(b), keys, asked);
    expect(accepted).toBe(204);
    const body = reply.json<{ data: { flags?: number; embeds?: unknown[] } }>();
    // Hidden by default on B: the setting came from the shared database, not B's own DATA_DIR.
    expect(body.data.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(body.data.embeds)).toContain('500,000');
  });
});
