import { type APIInteraction, type APIUser, InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import { type RedisServer, startRedis } from '../support/servers/redis.ts';
import { type Citebot, firstCallback, startCitebot } from './support.ts';

/**
 * Two citebot processes' worth of bots (each started through start(), each on its own fake
 * Discord, as two replicas behind Discord would be) sharing one real redis-server by REDIS_URL.
 */
let redis: RedisServer;
let replicas: Citebot[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, RATE_LIMIT_QUESTIONS: '3', RATE_LIMIT_WINDOW_SECONDS: '600' };
  replicas = await Promise.all([startCitebot({ env }), startCitebot({ env })]);
}, 60_000);

afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await redis.stop();
});

/** The same Discord user on every replica's fake (one user, two processes). */
function sameUser(user: APIUser, admin = false): void {
  for (const { fake } of replicas) {
    fake.world.rememberUser(user);
    fake.world.member(fake.world.guild.id, user, admin ? { roles: [fake.world.guild.adminRole.id] } : {});
  }
}

async function ask(replica: Citebot, user: APIUser, question: string) {
  const sent: APIInteraction = replica.fake.interact(
    chatInputInteraction(replica.fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
      user,
    }),
  );
  return firstCallback(replica.fake, sent);
}

describe('replicas sharing Redis', () => {
  it('hold one user to the per-user limit across both replicas, and nobody else', async () => {
    const [a, b] = replicas;
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    const user = a.fake.world.createUser({ username: 'quick' });
    sameUser(user);
    const question = "How many professionals will China's blockchain center train?";
    const bodies = [];
    for (const replica of [a, b, a, b]) bodies.push((await ask(replica, user, question)).body);
    const texts = bodies.map((body) => JSON.stringify(body));
    expect(texts.slice(0, 3).every((text) => text.includes('500,000'))).toBe(true);
    expect(bodies[3]).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: expect.stringContaining('please wait') },
    });
    const other = a.fake.world.createUser({ username: 'patient' });
    sameUser(other);
    expect(JSON.stringify((await ask(b, other, question)).body)).toContain('500,000');
  });

  it('reloads the other replica when a manager runs /kb reload on one', async () => {
    const [a, b] = replicas;
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    const admin = a.fake.world.createUser({ username: 'manager' });
    sameUser(admin, true);
    const sent = a.fake.interact(
      chatInputInteraction(a.fake.world, { name: 'kb', subcommand: 'reload', user: admin }),
    );
    expect((await firstCallback(a.fake, sent)).status).toBe(204);
    await expect
      .poll(() => a.logs.some((line) => line.msg === 'knowledge: reloaded by /kb reload'), {
        timeout: 15_000,
      })
      .toBe(true);
    await expect
      .poll(() => b.logs.some((line) => line.msg === 'knowledge: reloaded, asked by another replica'), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(a.logs.some((line) => line.msg === 'knowledge: reloaded, asked by another replica')).toBe(false);
  });
});
