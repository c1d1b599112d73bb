import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_ROUTE, chatInputInteraction, mentionMessage, opt } from '../support/fakeDiscord/index.ts';
import { type ApplicationKeys, applicationKeys, deliverOverHttp } from '../support/signedInteractions.ts';
import { type Citebot, firstCallback, startCitebot, waitForLog, waitForReplyTo } from './support.ts';

/**
 * One process with the gateway and the HTTP endpoint (start() as `npm start` runs it with both
 * DISCORD_TOKEN and INTERACTIONS_PORT): questions arrive both ways, then `GET /metrics` is read.
 */
let bot: Citebot;
let keys: ApplicationKeys;

beforeAll(async () => {
  keys = applicationKeys();
  bot = await startCitebot({
    env: {
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      INTERACTIONS_PORT: '0',
      INTERACTIONS_HOST: '127.0.0.1',
      RATE_LIMIT_QUESTIONS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '600',
    },
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
});

const question = "How many professionals will China's blockchain center train?";
// Shares no word with the shipped articles (`npm run ask -- --json 'xyzzy plugh'`: no citation).
const nonsense = 'xyzzy plugh';

/** The value of one sample line (`name{labels} value`) of a Prometheus text page. */
function sample(page: string, series: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics after real requests over the gateway and HTTP', () => {
  it('counts answers by tier, rate-limit refusals, reloads and errors from both paths', async () => {
    const { fake } = bot;
    const port = bot.running.interactions?.port;
    const endpoint = `http://127.0.0.1:${port}/interactions`;
    const asker = fake.world.createUser({ username: 'asker' });
    fake.world.member(fake.world.guild.id, asker);

    // Gateway: a mention answered confidently.
    const mention = fake.sendMessage(mentionMessage(fake.world, { content: question, author: asker }));
    expect(JSON.stringify((await waitForReplyTo(fake, mention.id)).body)).toContain('500,000');
    // HTTP: one confident /ask, one that finds nothing, then a fourth question over the limit of 3.
    const ask = (text: string) =>
      deliverOverHttp(
        fake,
        endpoint,
        keys,
        chatInputInteraction(fake.world, {
          name: 'ask',
          options: [opt.string('question', text)],
          user: asker,
        }),
      );
    expect((await ask(question)).reply.text).toContain('500,000');
    expect((await ask(nonsense)).accepted).toBe(204);
    expect((await ask(question)).reply.text).toContain('please wait');

    // Gateway: /kb reload by a manager.
    const reload = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'kb',
        subcommand: 'reload',
        memberPermissions: PermissionFlagsBits.ManageGuild,
      }),
    );
    await firstCallback(fake, reload);
    await waitForLog(bot, (line) => line.msg === 'knowledge: reloaded by /kb reload');

    // Gateway: a command whose callback Discord refuses (400 is not retried): the handler fails.
    const failing = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
    });
    fake.failNext((request) => request.route === CALLBACK_ROUTE && request.params.token === failing.token, {
      status: 400,
    });
    fake.interact(failing);
    await waitForLog(bot, (line) => line.msg === 'discord: handler failed');

    const page = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    // The mention and the HTTP /ask; the failed one was answered too, before its callback failed.
    expect(sample(page, 'citebot_answers_total{tier="confident"}')).toBe(3);
    expect(sample(page, 'citebot_answers_total{tier="nothing"}')).toBe(1);
    expect(sample(page, 'citebot_rate_limited_total')).toBe(1);
    expect(sample(page, 'citebot_reloads_total{trigger="command",outcome="ok"}')).toBe(1);
    expect(sample(page, 'citebot_errors_total{where="interaction"}')).toBe(1);
    expect(sample(page, 'citebot_interactions_total{type="command",outcome="answered"}')).toBe(3);
    expect(sample(page, 'citebot_answer_seconds_count')).toBe(4);
    expect(sample(page, 'citebot_index_passages')).toBeGreaterThan(0);
    expect(page).toContain('citebot_interaction_response_seconds_bucket');
    expect(page).toContain('citebot_process_resident_memory_bytes');
  });
});
