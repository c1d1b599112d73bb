import type { APIInteraction, GatewayMessageCreateDispatchData } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALLBACK_ROUTE,
  chatInputInteraction,
  dmMessage,
  type FakeDiscord,
  type FakeGuild,
  mentionMessage,
  opt,
  startFakeDiscord,
} from '../support/fakeDiscord/index.ts';
import { type RedisServer, startRedis } from '../support/servers/redis.ts';
import { type Citebot, settled, startCitebot, waitForReplyTo } from './support.ts';

const question = "How many professionals will China's blockchain center train?";

/** Replies the bot sent to a user's message, across every session. */
function repliesTo(fake: FakeDiscord, messageId: string): number {
  return fake.requestsMatching(
    (request) =>
      request.route === 'POST /channels/:channel/messages' &&
      (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
        ?.message_id === messageId,
  ).length;
}

/** Callback attempts for an interaction, accepted or not (a second one would be refused 40060). */
function callbacksFor(fake: FakeDiscord, interaction: APIInteraction): number {
  return fake.requestsMatching(
    (request) => request.route === CALLBACK_ROUTE && request.params.token === interaction.token,
  ).length;
}

function onShard(fake: FakeDiscord, shard: number): FakeGuild[] {
  return fake.world.guilds.filter((guild) => fake.world.shardOf(guild.id) === shard);
}

describe('two gateway shards in one process (SHARD_COUNT=2, worker threads)', () => {
  let bot: Citebot;

  beforeAll(async () => {
    bot = await startCitebot({ fake: { shards: 2, guildCount: 4 }, env: { SHARD_COUNT: '2' } });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
  });

  it('identifies each shard as [id, 2] and sees every server', () => {
    const { fake } = bot;
    expect(fake.gateway.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bot.client().guilds.cache.size).toBe(4);
    expect(bot.logs.find((line) => line.msg === 'discord: ready')).toMatchObject({
      shards: [0, 1],
      shardCount: 2,
    });
  });

  it("answers a mention in each shard's servers exactly once, and a DM on shard 0", async () => {
    const { fake } = bot;
    const sent: GatewayMessageCreateDispatchData[] = [];
    for (const shard of [0, 1]) {
      for (const guild of onShard(fake, shard)) {
        sent.push(fake.sendMessage(mentionMessage(fake.world, { content: question, guildId: guild.id })));
      }
    }
    sent.push(fake.sendMessage(dmMessage(fake.world, { content: question })));
    for (const message of sent) {
      const reply = await waitForReplyTo(fake, message.id);
      expect(JSON.stringify(reply.body)).toContain('500,000');
      expect(reply.params.channel).toBe(message.channel_id);
    }
    await settled(fake);
    expect(sent.map((message) => repliesTo(fake, message.id))).toEqual([1, 1, 1, 1, 1]);
  });

  it('stops both shards of its one worker thread and starts again', async () => {
    const { fake } = bot;
    await bot.restart();
    expect(fake.gateway.sessions.filter((session) => session.live)).toHaveLength(2);
    const [guild] = onShard(fake, 1);
    if (guild === undefined) throw new Error('a guild on shard 1 expected');
    const after = fake.sendMessage(mentionMessage(fake.world, { content: question, guildId: guild.id }));
    expect(JSON.stringify((await waitForReplyTo(fake, after.id)).body)).toContain('500,000');
  });
});

describe('two processes with overlapping SHARD_IDS sharing Redis', () => {
  let redis: RedisServer;
  let fake: FakeDiscord;
  let processes: Citebot[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    fake = await startFakeDiscord({ shards: 2, guildCount: 4, heartbeatIntervalMs: 250 });
    // The second process also runs shard 1, as a restarted process does while the old one drains.
    processes = await Promise.all([
      startCitebot({ on: fake, env: { SHARD_COUNT: '2', SHARD_IDS: '0-1', REDIS_URL: redis.url } }),
      startCitebot({ on: fake, env: { SHARD_COUNT: '2', SHARD_IDS: '1', REDIS_URL: redis.url } }),
    ]);
  }, 60_000);

  afterAll(async () => {
    for (const running of processes) await running.stop();
    await fake?.close();
    await redis?.stop();
  });

  it('holds two live sessions of shard 1 and one of shard 0', () => {
    const live = fake.gateway.sessions.filter((session) => session.live).map((session) => session.shard[0]);
    expect(live.sort()).toEqual([0, 1, 1]);
  });

  it('answers every mention exactly once, whichever process claims it', async () => {
    const sent = [...onShard(fake, 1), ...onShard(fake, 0), ...onShard(fake, 1)].map((guild) =>
      fake.sendMessage(mentionMessage(fake.world, { content: question, guildId: guild.id })),
    );
    for (const message of sent) await waitForReplyTo(fake, message.id);
    await settled(fake);
    expect(sent.map((message) => repliesTo(fake, message.id))).toEqual(sent.map(() => 1));
  });

  it('answers a slash command on the shared shard exactly once', async () => {
    const [guild] = onShard(fake, 1);
    if (guild === undefined) throw new Error('a guild on shard 1 expected');
    // Not alice: her mentions above used up most of the per-user limit the two processes share.
    const user = fake.world.createUser({ username: 'slash' });
    fake.world.member(guild.id, user);
    const asked = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        user,
        guildId: guild.id,
        channelId: guild.textChannel.id,
        options: [opt.string('question', question)],
      }),
    );
    const callback = await fake.waitForCallback(asked);
    expect(JSON.stringify(callback.body)).toContain('500,000');
    await settled(fake);
    expect(callbacksFor(fake, asked)).toBe(1);
  });
});
