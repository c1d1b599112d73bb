import { GatewayIntentBits, InteractionResponseType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  chatInputInteraction,
  message,
  opt,
  watchOutboundConnections,
} from '../support/fakeDiscord/index.ts';
import { type Citebot, LogLevel, useCitebot, waitForReplyTo } from './support.ts';

const startBot = useCitebot();

const question = "How many professionals will China's blockchain center train?";

describe('citebot logging in to a loopback Discord', () => {
  it('reaches clientReady through DISCORD_API_URL and contacts nothing but 127.0.0.1', async () => {
    const network = watchOutboundConnections();
    let bot: Citebot | undefined;
    try {
      bot = await startBot();
      const client = bot.client();
      expect(client.isReady()).toBe(true);
      expect(client.user?.id).toBe(bot.fake.world.bot.id);
      expect(client.guilds.cache.has(bot.fake.world.guild.id)).toBe(true);
      // Slash commands, mentions and DMs need no privileged intent: none is requested.
      expect(bot.fake.gateway.identifies.map((identify) => identify.intents)).toEqual([
        GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
      ]);
      expect(bot.logs.some((line) => line.msg === 'discord: ready')).toBe(true);
      expect(JSON.stringify(bot.logs)).not.toContain(bot.fake.token);
    } finally {
      network.stop();
    }
    expect(network.attempts.some((attempt) => attempt.port === bot?.fake.port)).toBe(true);
    expect(network.external()).toEqual([]);
    expect(bot.fake.unexpectedRequests()).toEqual([]);
  });

  it('says clearly that the Message Content intent was refused (4014) and still answers /ask', async () => {
    const channelId = '123456789012345678';
    const bot = await startBot({ env: { ANSWER_CHANNEL_IDS: channelId } });
    const { fake } = bot;

    // The first IDENTIFY asked for Message Content and was closed with 4014; the second did not.
    expect(fake.gateway.closes.map((close) => close.code)).toContain(4014);
    expect(
      fake.gateway.identifies.map((identify) => identify.intents & GatewayIntentBits.MessageContent),
    ).toEqual([GatewayIntentBits.MessageContent, 0]);
    const explained = bot.logs.filter(
      (line) => line.level >= LogLevel.error && line.msg?.includes('close code 4014') === true,
    );
    expect(explained).toHaveLength(1);
    expect(explained[0]?.msg).toContain('Message Content Intent');
    expect(explained[0]?.msg).toContain('ANSWER_CHANNEL_IDS');

    const sent = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    const callback = await fake.waitForCallback(sent);
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(JSON.stringify(callback.body)).toContain('500,000');
  });

  it('answers a question-like message without a mention in ANSWER_CHANNEL_IDS when the intent is enabled', async () => {
    const bot = await startBot({
      fake: { enabledPrivilegedIntents: GatewayIntentBits.MessageContent },
      env: (fake) => ({ ANSWER_CHANNEL_IDS: fake.world.guild.textChannel.id }),
    });
    const { fake } = bot;
    expect(
      fake.gateway.identifies.map((identify) => identify.intents & GatewayIntentBits.MessageContent),
    ).toEqual([GatewayIntentBits.MessageContent]);
    const chatter = fake.sendMessage(message(fake.world, { content: 'nice weather today' }));
    const asked = fake.sendMessage(message(fake.world, { content: question }));
    const reply = await waitForReplyTo(fake, asked.id);
    expect(reply.body).toMatchObject({ allowed_mentions: { parse: [], users: [] } });
    expect(JSON.stringify(reply.body)).toContain('500,000');
    // Chatter that is no question is left alone (it came first, so its reply would be in by now).
    expect(
      fake.requestsMatching(
        (request) =>
          (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
            ?.message_id === chatter.id,
      ),
    ).toEqual([]);
  });

  it('falls back to no Message Content when 4014 comes mid-session, keeps serving and does not end', async () => {
    const bot = await startBot({
      fake: { enabledPrivilegedIntents: GatewayIntentBits.MessageContent },
      env: (fake) => ({ ANSWER_CHANNEL_IDS: fake.world.guild.textChannel.id }),
    });
    const { fake } = bot;
    let ended = false;
    bot.running.finished.then(
      () => {
        ended = true;
      },
      () => {
        ended = true;
      },
    );
    // The portal toggle switched off while the bot runs: Discord closes the session with 4014.
    fake.closeConnection(4014);
    await fake.waitForIdentify(2);
    expect((fake.gateway.identifies[1]?.intents ?? 0) & GatewayIntentBits.MessageContent).toBe(0);
    const sent = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    expect(JSON.stringify((await fake.waitForCallback(sent)).body)).toContain('500,000');
    expect(ended).toBe(false);
  });
});
