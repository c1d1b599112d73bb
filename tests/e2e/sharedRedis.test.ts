import { type APIInteraction, type APIUser, InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonInteraction, chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import { type RedisServer, startRedis } from '../support/servers/redis.ts';
import { type Citebot, findButton, firstCallback, startCitebot } from './support.ts';

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

  it('answers a button on the other replica when its state did not fit the custom_id', async () => {
    const [a, b] = replicas;
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    const user = a.fake.world.createUser({ username: 'voter' });
    sameUser(user);
    // Longer than a custom_id holds (100 characters): the state is stored under a key.
    const question = "How many blockchain professionals will China's new national blockchain center train?";
    const asked = a.fake.interact(
      chatInputInteraction(a.fake.world, { name: 'ask', options: [opt.string('question', question)], user }),
    );
    await a.fake.waitForCallback(asked);
    const answer = a.fake.originalMessage(asked);
    const up = findButton(answer, '👍');
    if (answer === undefined || up === undefined)
      throw new Error(`expected an answer with a 👍 button: ${JSON.stringify(answer)}`);
    expect(up.custom_id).toMatch(/~/);
    // The same message as the other replica's Discord delivers the press.
    const channel = b.fake.world.guild.textChannel;
    const pressed = b.fake.interact(
      buttonInteraction(b.fake.world, {
        customId: up.custom_id,
        message: { ...answer, channel_id: channel.id },
        user,
      }),
    );
    const thanks = await firstCallback(b.fake, pressed);
    expect(thanks.status).toBe(204);
    expect(JSON.stringify(thanks.body)).not.toContain('expired');
    expect(b.logs.filter((line) => line.msg === 'discord: handler failed')).toEqual([]);
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
