import { fileURLToPath } from 'node:url';
import { WorkerShardingStrategy } from '@discordjs/ws';
import { Client, Events, type Message, Partials } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { intentsFor } from '../../src/adapters/discord/client.ts';
import { superviseWorkers } from '../../src/adapters/discord/workerRespawn.ts';
import {
  dmMessage,
  immediateIdentifyThrottler,
  mentionMessage,
  startFakeDiscord,
} from '../support/fakeDiscord/index.ts';
import { applicationKeys } from '../support/signedInteractions.ts';
import { type Citebot, LogLevel, useCitebot, waitForLog, waitForReplyTo } from './support.ts';

const question = "How many professionals will China's blockchain center train?";

/**
 * A READY without data, as a broken proxy might pass on: @discordjs/ws 1.2.3 reads
 * `d.session_id` unguarded, and the worker thread dies of the unhandled rejection.
 */
const corruptFrame = '{"op":0,"t":"READY","s":1,"d":null}';

const startBot = useCitebot();

/** Two shards in one worker thread, and the HTTP endpoint in the same process for `/readyz`. */
function startSharded(): Promise<Citebot> {
  return startBot({
    fake: { shards: 2, guildCount: 2 },
    env: {
      SHARD_COUNT: '2',
      DISCORD_PUBLIC_KEY: applicationKeys().publicKeyHex,
      INTERACTIONS_PORT: '0',
      INTERACTIONS_HOST: '127.0.0.1',
    },
  });
}

async function readyz(bot: Citebot): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${bot.running.interactions?.port}/readyz`);
  return response.status;
}

describe('a gateway worker thread that crashes (SHARD_COUNT=2, one worker thread)', () => {
  it('is spawned again, resumes its shards and answers their servers, with one line each way', async () => {
    const bot = await startSharded();
    const { fake } = bot;
    expect(await readyz(bot)).toBe(200);
    const guild = fake.world.guilds.find((candidate) => fake.world.shardOf(candidate.id) === 1);
    if (guild === undefined) throw new Error('a guild on shard 1 expected');

    fake.gateway.sendRawFrame(corruptFrame, 1);
    const died = await waitForLog(bot, (line) => line.msg === 'discord: a shard worker thread died');
    expect(died).toMatchObject({ level: LogLevel.warn, shards: [0, 1], attempt: 1 });

    // Sent while the shard is down: the fake keeps it in the session, replayed on RESUME.
    const asked = fake.sendMessage(mentionMessage(fake.world, { content: question, guildId: guild.id }));
    await fake.waitForResume(2);
    await waitForLog(bot, (line) => line.msg === 'discord: shard worker thread back');
    expect(JSON.stringify((await waitForReplyTo(fake, asked.id)).body)).toContain('500,000');
    expect(bot.running.bot?.shardsDown()).toEqual([]);
    expect(await readyz(bot)).toBe(200);
    expect(bot.logs.filter((line) => line.level >= LogLevel.error)).toEqual([]);
  }, 30_000);

  it('ends the bot with one line naming its shards, /readyz 503, once it has died four times in ten minutes', async () => {
    const bot = await startSharded();
    const { fake, running } = bot;
    const outcome = running.finished.then(
      () => 'finished',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    for (let crash = 1; crash <= 3; crash += 1) {
      fake.gateway.sendRawFrame(corruptFrame, 0);
      // Each replacement resumes both shards before the next crash.
      await fake.waitForResume(2 * crash);
      await waitForLog(
        bot,
        (line) => line.msg === 'discord: shard worker thread back' && line.attempt === crash,
      );
    }
    fake.gateway.sendRawFrame(corruptFrame, 0);
    expect(await outcome).toMatch(/^discord: the worker thread of shards 0, 1 died 4 times in 10 min/);
    expect(running.bot?.shardsDown()).toEqual([0, 1]);
    expect(await readyz(bot)).toBe(503);
    expect(bot.logs.filter((line) => line.level >= LogLevel.error).map((line) => line.msg)).toEqual([
      expect.stringMatching(/^discord: the worker thread of shards 0, 1 died 4 times/),
    ]);
  }, 30_000);
});

describe('a gateway worker thread that exits without an error, as a killed thread does', () => {
  it('is spawned again, and only that one: the other shard keeps its first session', async () => {
    const fake = await startFakeDiscord({ shards: 2, guildCount: 2, heartbeatIntervalMs: 250 });
    const heard: string[] = [];
    const client = new Client({
      intents: intentsFor(false),
      partials: [Partials.Channel],
      rest: { api: fake.apiUrl },
      shards: [0, 1],
      shardCount: 2,
      ws: {
        buildIdentifyThrottler: () => immediateIdentifyThrottler,
        buildStrategy: (manager) => {
          const strategy = new WorkerShardingStrategy(manager, {
            shardsPerWorker: 1,
            workerPath: fileURLToPath(new URL('../support/workers/exitOnCue.mjs', import.meta.url)),
          });
          superviseWorkers(
            strategy,
            {
              onDown: (shards, reason, attempt) => heard.push(`down ${shards} (${reason}) #${attempt}`),
              onUp: (shards, attempt) => heard.push(`up ${shards} #${attempt}`),
              onGiveUp: (_shards, message) => heard.push(message),
            },
            { respawns: 3, windowMs: 10 * 60 * 1000 },
          );
          return strategy;
        },
      },
    });
    try {
      const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
      await client.login(fake.token);
      await ready;
      // DMs arrive on shard 0: its worker exits with code 3, shard 1's worker is another thread.
      fake.sendMessage(dmMessage(fake.world, { content: 'exit-worker' }));
      await fake.waitForResume(1);
      await fake.waitFor(() => heard.find((line) => line.startsWith('up')));
      expect(heard).toEqual(['down 0 (exit code 3) #1', 'up 0 #1']);
      // One RESUME (shard 0's), no new IDENTIFY: shard 1 never noticed.
      expect(fake.gateway.resumes).toHaveLength(1);
      const after = new Promise<Message>((resolve) => client.once(Events.MessageCreate, resolve));
      const sent = fake.sendMessage(dmMessage(fake.world, { content: 'still there?' }));
      expect((await after).id).toBe(sent.id);
      expect(fake.gateway.identifies.map((identify) => identify.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
