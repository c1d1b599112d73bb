import { type APIEmbed, InteractionResponseType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_ROUTE,
  chatInputInteraction,
  type FakeDiscord,
  mentionMessage,
  opt,
  type RecordedRequest,
} from '../support/fakeDiscord/index.ts';
import {
  callbacksOf,
  embedText,
  firstCallback,
  LogLevel,
  settled,
  useCitebot,
  waitForLog,
  waitForReplyTo,
} from './support.ts';

const startBot = useCitebot();

const question = "How many professionals will China's blockchain center train?";
const apology = 'Sorry, something went wrong while answering';

function ask(fake: FakeDiscord, text: string, user = fake.world.defaultUser) {
  return fake.interact(
    chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', text)], user }),
  );
}

function embedsOf(request: RecordedRequest): APIEmbed[] {
  return (request.body as { data?: { embeds?: APIEmbed[] } }).data?.embeds ?? [];
}

/** Webhook requests (follow-ups, edits) made with an interaction's token. */
function webhookRequests(fake: FakeDiscord, token: string): RecordedRequest[] {
  return fake.requestsMatching(
    (request) => request.path.startsWith(`/webhooks/`) && request.params.token === token,
  );
}

describe('citebot under Discord faults', () => {
  it('retries a callback answered 429 with Retry-After, and the answer arrives exactly once', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const limited = fake.failNext(CALLBACK_ROUTE, { status: 429, retryAfter: 0.2 });
    const sent = ask(fake, question);
    await fake.waitForCallback(sent);
    await settled(fake);

    expect(limited.remaining).toBe(0);
    expect(callbacksOf(fake, sent).map((request) => [request.status, request.injected])).toEqual([
      [429, true],
      [204, false],
    ]);
    expect(webhookRequests(fake, sent.token)).toEqual([]);
    const [accepted] = callbacksOf(fake, sent).filter((request) => request.status === 204);
    expect(accepted?.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    expect(embedsOf(accepted as RecordedRequest)[0]?.description).toContain('500,000');
  });

  it('retries a reply to a mention answered with a global 429, and replies exactly once', async () => {
    const bot = await startBot();
    const { fake } = bot;
    fake.failNext('POST /channels/:channel/messages', { status: 429, retryAfter: 0.2, global: true });
    const asked = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    await waitForReplyTo(fake, asked.id);
    await settled(fake);

    const replies = fake.requestsMatching(
      (request) =>
        request.route === 'POST /channels/:channel/messages' &&
        (request.body as { message_reference?: { message_id?: string } }).message_reference?.message_id ===
          asked.id,
    );
    expect(replies.map((request) => request.status)).toEqual([429, 200]);
  });

  it('apologises ephemerally when answering fails, and keeps answering', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const failing = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
    });
    // Discord is down for this callback: @discordjs/rest tries it 4 times (3 retries), then throws.
    const outage = fake.failNext(
      (request) => request.route === CALLBACK_ROUTE && request.params.token === failing.token,
      { status: 500, times: 4 },
    );
    fake.interact(failing);
    const accepted = await fake.waitForCallback(failing);
    expect(outage.remaining).toBe(0);
    expect(callbacksOf(fake, failing).map((request) => request.status)).toEqual([500, 500, 500, 500, 204]);
    expect(accepted.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        flags: MessageFlags.Ephemeral,
        content: expect.stringContaining(apology),
        allowed_mentions: { parse: [], users: [] },
      },
    });
    const logged = await waitForLog(bot, (line) => line.msg === 'discord: handler failed');
    expect(logged.level).toBe(LogLevel.error);

    const next = ask(fake, question);
    const answered = await fake.waitForCallback(next);
    expect(answered.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(embedsOf(answered)[0]?.description).toContain('500,000');
    expect(bot.client().isReady()).toBe(true);
  });

  it('never logs the interaction token of a failed callback (err.url, message)', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const failing = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
    });
    fake.failNext((request) => request.route === CALLBACK_ROUTE && request.params.token === failing.token, {
      status: 500,
      times: 4,
    });
    fake.interact(failing);
    await fake.waitForCallback(failing);
    const logged = await waitForLog(bot, (line) => line.msg === 'discord: handler failed');
    // The failure is logged with its route, but the token in it is not.
    expect(JSON.stringify(logged)).toContain(`/interactions/${failing.id}/[REDACTED]/callback`);
    expect(JSON.stringify(bot.logs)).not.toContain(failing.token);
  });

  it('treats "already acknowledged" (40060) after a timed-out, retried callback as delivered: no error, no apology', async () => {
    // A callback answered after the REST timeout: Discord took it, discord.js retries and gets 40060.
    const bot = await startBot({ clientOptions: { rest: { timeout: 300 } } });
    const { fake } = bot;
    const asked = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
    });
    fake.answerLate(
      (request) => request.route === CALLBACK_ROUTE && request.params.token === asked.token,
      1000,
    );
    fake.interact(asked);
    await fake.waitFor(
      () => (callbacksOf(fake, asked).length >= 2 ? true : undefined),
      undefined,
      'for the retried callback',
    );
    expect(callbacksOf(fake, asked).map((request) => request.status)).toEqual([204, 400]);
    expect(embedText(fake.originalMessage(asked))).toContain('500,000');
    // The next interaction is answered, and by then the retried one has long been handled.
    const next = ask(fake, question);
    await fake.waitForCallback(next);
    await settled(fake);
    const noisy = bot.logs.filter((line) => line.level >= LogLevel.warn);
    expect(noisy.map((line) => line.msg)).toEqual([]);
    expect(callbacksOf(fake, asked)).toHaveLength(2);
  });

  it('apologises in the channel when replying to a mention fails, and keeps answering', async () => {
    const bot = await startBot();
    const { fake } = bot;
    fake.failNext('POST /channels/:channel/messages', {
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    const asked = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const apologised = await waitForReplyTo(fake, asked.id);
    expect(apologised.body).toMatchObject({
      content: expect.stringContaining(apology),
      allowed_mentions: { parse: [], users: [], replied_user: false },
    });
    const logged = await waitForLog(bot, (line) => line.msg === 'discord: message handler failed');
    expect(logged.level).toBe(LogLevel.error);

    const again = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const answered = await waitForReplyTo(fake, again.id);
    expect(JSON.stringify(answered.body)).toContain('500,000');
  });

  it("cuts one user's burst after the rate limit while another user is still answered", async () => {
    const bot = await startBot({ env: { RATE_LIMIT_QUESTIONS: '2', RATE_LIMIT_WINDOW_SECONDS: '60' } });
    const { fake } = bot;
    const outcomes: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      const callback = await firstCallback(fake, ask(fake, question));
      const body = callback.body as { data?: { flags?: number; content?: string; embeds?: unknown[] } };
      outcomes.push(
        (body.data?.embeds?.length ?? 0) > 0
          ? 'answered'
          : `${body.data?.flags === MessageFlags.Ephemeral ? 'ephemeral' : 'public'}: ${body.data?.content}`,
      );
    }
    const note = "ephemeral: You're asking quickly — please wait";
    expect(outcomes.slice(0, 2)).toEqual(['answered', 'answered']);
    expect(outcomes.slice(2).map((outcome) => outcome.slice(0, note.length))).toEqual([note, note]);

    // A mention counts against the same limit, and says so in a reply that pings nobody.
    const mention = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const refused = await waitForReplyTo(fake, mention.id);
    expect(refused.body).toMatchObject({
      content: expect.stringContaining("You're asking quickly"),
      allowed_mentions: { parse: [], users: [], replied_user: false },
    });

    const bob = fake.world.createUser({ username: 'bob' });
    fake.world.member(fake.world.guild.id, bob);
    const other = await firstCallback(fake, ask(fake, question, bob));
    expect(embedsOf(other)[0]?.description).toContain('500,000');
  });
});
