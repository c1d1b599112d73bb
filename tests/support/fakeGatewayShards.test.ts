import { Client, type ClientOptions, GatewayIntentBits, type Message, Partials, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  chatInputInteraction,
  dmMessage,
  type FakeDiscord,
  immediateIdentifyThrottler,
  mentionMessage,
  startFakeDiscord,
} from './fakeDiscord/index.ts';

let fake: FakeDiscord | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  await fake?.close();
  fake = undefined;
});

/** A plain discord.js client running `shards` of `shardCount`, logged in to the fake and ready. */
async function connect(on: FakeDiscord, shards: number[], shardCount: number): Promise<Client> {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: on.apiUrl },
    shards,
    shardCount,
    ws: { buildIdentifyThrottler: () => immediateIdentifyThrottler },
  };
  const client = new Client(options);
  clients.push(client);
  const ready = new Promise((resolve) => client.once('clientReady', resolve));
  await client.login(on.token);
  await ready;
  return client;
}

/** The ids of messages a client's `messageCreate` saw. */
function seen(client: Client): string[] {
  const ids: string[] = [];
  client.on('messageCreate', (message: Message) => ids.push(message.id));
  return ids;
}

describe('the fake gateway with shards', () => {
  it('recommends its shard count and max_concurrency in GET /gateway/bot', async () => {
    fake = await startFakeDiscord({ shards: 4, maxConcurrency: 2 });
    const response = await fetch(`${fake.apiUrl}/v10${Routes.gatewayBot()}`, {
      headers: { Authorization: `Bot ${fake.token}` },
    });
    expect(await response.json()).toMatchObject({
      url: fake.gatewayUrl,
      shards: 4,
      session_start_limit: { max_concurrency: 2 },
    });
  });

  it('spreads its guilds over the shards by (guild_id >> 22) % shards', async () => {
    fake = await startFakeDiscord({ shards: 3, guildCount: 6 });
    const { world } = fake;
    expect(world.guilds.map((guild) => Number((BigInt(guild.id) >> 22n) % 3n))).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it("gives each shard's session its own guilds and routes guild events to that shard only", async () => {
    fake = await startFakeDiscord({ shards: 2, guildCount: 4 });
    const { world } = fake;
    const [first, second] = [await connect(fake, [0], 2), await connect(fake, [1], 2)];
    expect(fake.gateway.identifies.map((identify) => identify.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const onShard = (shard: number) =>
      world.guilds.filter((guild) => world.shardOf(guild.id) === shard).map((guild) => guild.id);
    expect([...first.guilds.cache.keys()].sort()).toEqual(onShard(0).sort());
    expect([...second.guilds.cache.keys()].sort()).toEqual(onShard(1).sort());

    const [seenByFirst, seenBySecond] = [seen(first), seen(second)];
    const guildOnSecond = world.guilds[1];
    if (guildOnSecond === undefined) throw new Error('four guilds expected');
    const there = fake.sendMessage(mentionMessage(world, { content: 'hello', guildId: guildOnSecond.id }));
    const here = fake.sendMessage(mentionMessage(world, { content: 'hello' }));
    const dm = fake.sendMessage(dmMessage(world, { content: 'hello' }));
    await fake.waitFor(() => (seenByFirst.length === 2 && seenBySecond.length === 1 ? true : undefined));
    expect(seenByFirst).toEqual([here.id, dm.id]);
    expect(seenBySecond).toEqual([there.id]);
  });

  it('routes an interaction by its guild_id', async () => {
    fake = await startFakeDiscord({ shards: 2, guildCount: 2 });
    const { world } = fake;
    const [first, second] = [await connect(fake, [0], 2), await connect(fake, [1], 2)];
    const shardOf = (client: Client) => {
      const ids: string[] = [];
      client.on('interactionCreate', (interaction) => ids.push(interaction.id));
      return ids;
    };
    const [byFirst, bySecond] = [shardOf(first), shardOf(second)];
    const guild = world.guilds[1];
    if (guild === undefined) throw new Error('two guilds expected');
    const sent = fake.interact(chatInputInteraction(world, { name: 'ask', guildId: guild.id }));
    await fake.waitFor(() => (bySecond.length === 1 ? true : undefined));
    expect(bySecond).toEqual([sent.id]);
    expect(byFirst).toEqual([]);
  });

  it('sends a shard’s events to every session of it, as Discord does for two overlapping processes', async () => {
    fake = await startFakeDiscord();
    const [one, two] = [await connect(fake, [0], 1), await connect(fake, [0], 1)];
    expect(fake.gateway.sessions.map((session) => session.live)).toEqual([true, true]);
    const [byOne, byTwo] = [seen(one), seen(two)];
    const sent = fake.sendMessage(mentionMessage(fake.world, { content: 'hello' }));
    await fake.waitFor(() => (byOne.length === 1 && byTwo.length === 1 ? true : undefined));
    expect([byOne, byTwo]).toEqual([[sent.id], [sent.id]]);
  });

  it('closes with 4010 Invalid shard for a shard id not below the count', async () => {
    fake = await startFakeDiscord();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.once('message', () =>
      socket.send(
        JSON.stringify({
          op: 2,
          d: { token: fake?.token, intents: 0, properties: {}, shard: [2, 2] },
        }),
      ),
    );
    expect(await closed).toBe(4010);
  });

  it('records an IDENTIFY that came sooner than max_concurrency allows', async () => {
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 1 });
    // Both shards in one client with a throttler that never waits: Discord would refuse the second.
    await connect(fake, [0, 1], 2);
    expect(fake.gateway.earlyIdentifies).toMatchObject([{ bucket: 0 }]);
  });
});
