import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type APIChatInputApplicationCommandInteraction,
  type APIUser,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/index.ts';
import {
  buttonInteraction,
  CALLBACK_ROUTE,
  chatInputInteraction,
  type FakeDiscord,
  opt,
  type RecordedRequest,
  startFakeDiscord,
} from '../support/fakeDiscord/index.ts';
import { type ReplicaProcess, spawnReplica } from '../support/replicaProcess.ts';
import { type PostgresServer, startPostgres } from '../support/servers/postgres.ts';
import { type RedisServer, startRedis } from '../support/servers/redis.ts';
import {
  type ApplicationKeys,
  applicationKeys,
  deliverOverHttp,
  type EndpointReply,
} from '../support/signedInteractions.ts';
import { findButton } from './support.ts';

/**
 * Issue 12's scenario: the fake Discord and three HTTP replicas, each its own `npm start` process
 * (GATEWAY off), sharing one real redis-server, one real PostgreSQL and one CACHE_DIR. A load
 * generator sends signed /ask interactions from 30 users round-robin across the replicas and kills
 * one replica (SIGKILL) mid-run.
 */
const interactionCount = 300;
const userCount = 30;
const inFlight = 12;
/** The third replica dies when this many interactions have been sent. */
const killAt = 100;
/** RATE_LIMIT_QUESTIONS: each user sends 10 questions, so half of them are over the limit. */
const limit = 5;
const questions = [
  "How many professionals will China's blockchain center train?",
  'Which province founded the first blockchain alliance?',
  'What is the national blockchain center?',
];
const editRoute = 'PATCH /webhooks/:app/:token/messages/:message';
const followUpRoute = 'POST /webhooks/:app/:token';

let fake: FakeDiscord;
let postgres: PostgresServer;
let redis: RedisServer;
let keys: ApplicationKeys;
let scratch: string;
let replicas: ReplicaProcess[] = [];

beforeAll(async () => {
  [fake, postgres, redis] = await Promise.all([
    startFakeDiscord({ guildCount: 2 }),
    startPostgres(),
    startRedis(),
  ]);
  keys = applicationKeys();
  scratch = await mkdtemp(join(tmpdir(), 'citebot-scenario-'));
  const env = {
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_URL: await postgres.createDatabase('citebot_scenario'),
    REDIS_URL: redis.url,
    RATE_LIMIT_QUESTIONS: String(limit),
    // Longer than the run: every refusal below is the limit, never a window that ended.
    RATE_LIMIT_WINDOW_SECONDS: '600',
    KNOWLEDGE_DIR: join(projectRoot, 'knowledge'),
    CACHE_DIR: join(scratch, 'cache'),
    LOG_LEVEL: 'warn',
  };
  const replica = (name: string) => spawnReplica(name, { ...env, DATA_DIR: join(scratch, `data-${name}`) });
  // The first replica builds the index and writes the cache; the other two start after it.
  const first = await replica('a');
  replicas.push(first);
  await first.waitReady();
  const rest = await Promise.all([replica('b'), replica('c')]);
  replicas.push(...rest);
  await Promise.all(rest.map((r) => r.waitReady()));
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  replicas = [];
  await fake?.close();
  await Promise.all([postgres?.stop(), redis?.stop()]);
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

function replica(index: number): ReplicaProcess {
  const found = replicas[index];
  if (found === undefined) throw new Error(`scenario: no replica ${index}`);
  return found;
}

/** The value of one sample line (`name{labels} value`) of a Prometheus text page. */
function sample(page: string, series: string): number {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

const metricsOf = async (r: ReplicaProcess) => (await fetch(`${r.base}/metrics`)).text();

/** One interaction of the load and what became of it. */
interface Sent {
  readonly i: number;
  readonly user: APIUser;
  readonly replica: number;
  readonly interaction: APIChatInputApplicationCommandInteraction;
  /** The endpoint's HTTP response; undefined when the replica was gone (no response). */
  reply?: EndpointReply;
}

type ResponseBody = { type: number; data?: { content?: string; embeds?: unknown[]; flags?: number } };

const sent: Sent[] = [];
const bodyOf = (s: Sent) => s.reply?.json<ResponseBody>();
const reached = () => sent.filter((s) => s.reply !== undefined);
const isNotice = (s: Sent) => bodyOf(s)?.data?.content?.includes('please wait') === true;

describe('three HTTP replicas sharing Redis, PostgreSQL and CACHE_DIR, one killed mid-run', () => {
  it('start warm from the cache the first replica wrote', async () => {
    const fromCache = await Promise.all(
      replicas.map(async (r) => sample(await metricsOf(r), 'citebot_index_from_cache')),
    );
    expect(fromCache).toEqual([0, 1, 1]);
  });

  it('answer every interaction that reached a live replica exactly once', async () => {
    const users = Array.from({ length: userCount }, (_, u) =>
      fake.world.createUser({ username: `user${u}` }),
    );
    let next = 0;
    const send = async (): Promise<void> => {
      while (next < interactionCount) {
        const i = next++;
        if (i === killAt) replica(2).kill('SIGKILL');
        const user = users[i % userCount];
        if (user === undefined) throw new Error('scenario: no user');
        // Round-robin, shifted by one each round of users, so every user reaches every replica.
        const target = (i + Math.floor(i / userCount)) % replicas.length;
        const interaction = chatInputInteraction(fake.world, {
          name: 'ask',
          options: [opt.string('question', questions[i % questions.length] ?? '')],
          user,
        });
        const entry: Sent = { i, user, replica: target, interaction };
        sent.push(entry);
        try {
          entry.reply = (
            await deliverOverHttp(fake, `${replica(target).base}/interactions`, keys, interaction)
          ).reply;
        } catch {
          // Refused or cut off: the replica is dead. Discord shows "This interaction failed".
        }
      }
    };
    await Promise.all(Array.from({ length: inFlight }, send));
    expect(await replica(2).exited).toBe('SIGKILL');

    // A deferred answer is finished by an edit through the webhook: wait for those.
    const deferred = reached().filter((s) => bodyOf(s)?.type === 5);
    await fake.waitFor(
      () =>
        deferred.every((s) =>
          fake.requests.some((r) => r.route === editRoute && r.params.token === s.interaction.token),
        ),
      15_000,
      `edits of ${deferred.length} deferred answers`,
    );
    const count = (requests: readonly RecordedRequest[], key: string) => {
      const counts = new Map<string, number>();
      for (const r of requests) counts.set(r.params[key] ?? '', (counts.get(r.params[key] ?? '') ?? 0) + 1);
      return counts;
    };
    const callbacks = count(
      fake.requests.filter((r) => r.route === CALLBACK_ROUTE && r.status < 300),
      'id',
    );
    const edits = count(
      fake.requests.filter((r) => r.route === editRoute && r.status < 300),
      'token',
    );
    // An /ask is answered by its first response, or by a defer and one edit: never by a follow-up.
    const followUps = count(
      fake.requests.filter((r) => r.route === followUpRoute),
      'token',
    );
    const live = sent.filter((s) => s.replica !== 2);
    const toKilled = sent.filter((s) => s.replica === 2);
    console.info(
      `scenario: ${sent.length} sent, ${reached().length} got a response (${live.length} to live replicas, ` +
        `${toKilled.filter((s) => s.reply).length}/${toKilled.length} to the killed one), ${deferred.length} deferred, ` +
        `${reached().filter(isNotice).length} rate-limit notices`,
    );
    expect(sent).toHaveLength(interactionCount);
    // The live replicas answered everything sent to them, with a 200.
    expect(live.every((s) => s.reply?.status === 200)).toBe(true);
    // The killed replica answered before it died, and later interactions to it got no response.
    expect(toKilled.some((s) => s.reply !== undefined)).toBe(true);
    expect(toKilled.some((s) => s.reply === undefined)).toBe(true);
    for (const s of sent) {
      const answered = callbacks.get(s.interaction.id) ?? 0;
      const edited = edits.get(s.interaction.token) ?? 0;
      const followed = followUps.get(s.interaction.token) ?? 0;
      const seen = { i: s.i, answered, edited, followed };
      if (s.reply === undefined) expect(seen).toEqual({ i: s.i, answered: 0, edited: 0, followed: 0 });
      else {
        const wasDeferred = bodyOf(s)?.type === 5;
        expect(seen).toEqual({ i: s.i, answered: 1, edited: wasDeferred ? 1 : 0, followed: 0 });
      }
    }
    expect(fake.unexpectedRequests()).toEqual([]);
  }, 90_000);

  it('hold each user to the per-user limit across the replicas', () => {
    for (let u = 0; u < userCount; u += 1) {
      const mine = sent.filter((s) => s.user.username === `user${u}`);
      const responses = mine.filter((s) => s.reply !== undefined);
      const allowed = responses.filter((s) => !isNotice(s)).length;
      // Questions lost with the killed replica may or may not have spent one of the user's points.
      const lost = mine.length - responses.length;
      const servedBy = new Set(responses.map((s) => s.replica));
      expect(servedBy.size).toBeGreaterThanOrEqual(2);
      expect(allowed).toBeLessThanOrEqual(limit);
      expect(allowed).toBeGreaterThanOrEqual(Math.min(limit, responses.length) - lost);
      // Over the limit, the user got the notice, whichever replica they reached.
      if (responses.length > limit + lost) expect(responses.some(isNotice)).toBe(true);
    }
  });

  it("count in each live replica's /metrics what that replica answered", async () => {
    for (const index of [0, 1]) {
      const page = await metricsOf(replica(index));
      const mine = reached().filter((s) => s.replica === index);
      const answers = ['confident', 'best_match', 'nothing'].reduce(
        (sum, tier) => sum + sample(page, `citebot_answers_total{tier="${tier}"}`),
        0,
      );
      expect(sample(page, 'citebot_rate_limited_total')).toBe(mine.filter(isNotice).length);
      expect(answers).toBe(mine.filter((s) => !isNotice(s)).length);
    }
  });

  it('answer a button pressed on another replica than the one that answered', async () => {
    const presser = fake.world.createUser({ username: 'presser' });
    // Longer than a custom_id holds (100 characters): the button's state lives in Redis.
    const question = "How many blockchain professionals will China's new national blockchain center train?";
    const asked = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
      user: presser,
    });
    expect((await deliverOverHttp(fake, `${replica(0).base}/interactions`, keys, asked)).accepted).toBe(204);
    const answer = fake.originalMessage(asked);
    const up = findButton(answer, '👍');
    if (answer === undefined || up === undefined)
      throw new Error(`expected a 👍 button: ${JSON.stringify(answer)}`);
    expect(up.custom_id).toMatch(/~/);
    const pressed = buttonInteraction(fake.world, { customId: up.custom_id, message: answer, user: presser });
    const { reply, accepted } = await deliverOverHttp(fake, `${replica(1).base}/interactions`, keys, pressed);
    expect(accepted).toBe(204);
    expect(reply.text).not.toContain('expired');
    expect(reply.text).not.toContain('went wrong');
  });

  it('read on one replica a setting a manager wrote through another', async () => {
    // The second guild: the load's answers in the first stay as they were.
    const guildId = fake.world.guilds[1]?.id;
    if (guildId === undefined) throw new Error('scenario: the fake has one guild');
    const set = chatInputInteraction(fake.world, {
      name: 'config',
      subcommand: 'hide-by-default',
      options: [opt.boolean('enabled', true)],
      guildId,
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    expect((await deliverOverHttp(fake, `${replica(1).base}/interactions`, keys, set)).accepted).toBe(204);
    const asker = fake.world.createUser({ username: 'reader' });
    const asked = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', questions[0] ?? '')],
      user: asker,
      guildId,
    });
    const { reply, accepted } = await deliverOverHttp(fake, `${replica(0).base}/interactions`, keys, asked);
    expect(accepted).toBe(204);
    const body = reply.json<ResponseBody>();
    // Hidden by default on the other replica: the setting came from the shared database.
    expect(body.data?.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(body.data?.embeds)).toContain('500,000');
  });
});
