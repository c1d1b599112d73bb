import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  type ClientEvents,
  type ClientOptions,
  GatewayDispatchEvents,
  type GatewayDispatchPayload,
  GatewayIntentBits,
  type InteractionCallbackResponse,
  InteractionResponseType,
  type Message,
  MessageFlags,
  Partials,
  Routes,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autocompleteInteraction,
  buttonInteraction,
  CALLBACK_ROUTE,
  chatInputInteraction,
  dmMessage,
  type FakeDiscord,
  immediateIdentifyThrottler,
  mentionMessage,
  message,
  messageContextInteraction,
  opt,
  startFakeDiscord,
  watchOutboundConnections,
} from './fakeDiscord/index.ts';

let fake: FakeDiscord;
let client: Client | undefined;

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.close();
});

/** A plain discord.js client as citebot configures it, logged in to the fake and ready. */
async function connect(extra: Partial<ClientOptions> = {}): Promise<Client> {
  const created = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
    ...extra,
  });
  client = created;
  const ready = nextEvent(created, 'clientReady');
  await created.login(fake.token);
  await ready;
  return created;
}

/** The next `event` of the client whose first argument passes `accept`; fails after `timeoutMs`. */
function nextEvent<K extends keyof ClientEvents>(
  emitter: Client,
  event: K,
  accept: (...args: ClientEvents[K]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[K]) => {
      if (!accept(...args)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args);
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`client: no '${String(event)}' event within ${timeoutMs} ms`));
    }, timeoutMs);
    emitter.on(event, listener);
  });
}

/**
 * The content of every MESSAGE_CREATE packet the client's gateway connection delivers, to count
 * deliveries. Counted from `raw` because discord.js drops a repeated message id before
 * `messageCreate`, which would hide a duplicate the fake sent.
 */
function deliveredMessages(emitter: Client): string[] {
  const contents: string[] = [];
  emitter.on('raw', (packet: GatewayDispatchPayload) => {
    if (packet.t === GatewayDispatchEvents.MessageCreate) contents.push(packet.d.content);
  });
  return contents;
}

describe('fake Discord driving the real discord.js Client', () => {
  it('logs in to clientReady with the guild and channel cached, contacting only 127.0.0.1', async () => {
    const network = watchOutboundConnections();
    try {
      const bot = await connect();
      const { guild } = fake.world;
      expect(bot.user?.id).toBe(fake.world.bot.id);
      expect(bot.application?.id).toBe(fake.world.application.id);
      expect(bot.guilds.cache.get(guild.id)?.name).toBe(guild.name);
      expect(bot.channels.cache.get(guild.textChannel.id)?.type).toBe(ChannelType.GuildText);
      expect(bot.guilds.cache.get(guild.id)?.members.me?.id).toBe(fake.world.bot.id);
      // DISCORD.md: login makes exactly one REST call, then the client opens the gateway URL.
      expect(fake.requests.map((request) => request.route)).toEqual(['GET /gateway/bot']);
      expect(fake.requests[0]?.headers.authorization).toBe(`Bot ${fake.token}`);
      expect(fake.gateway.connections).toEqual([{ path: '/', query: { v: '10', encoding: 'json' } }]);
      expect(fake.gateway.identifies).toHaveLength(1);
      expect(fake.gateway.identifies[0]?.intents).toBe(
        GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
      );
    } finally {
      network.stop();
    }
    expect(network.attempts.some((attempt) => attempt.port === fake.port)).toBe(true);
    expect(network.external()).toEqual([]);
  });

  it('records a reply with its allowed_mentions as callback type 4, and parses options as Discord types them', async () => {
    const bot = await connect();
    const bob = fake.world.createUser({ username: 'bob' });
    const seen = nextEvent(bot, 'interactionCreate');
    bot.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        content: 'An answer <@1234567890123456789>',
        allowedMentions: { parse: [] },
      });
    });
    const sent = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'cite',
        subcommand: 'search',
        options: [opt.string('query', 'alliance'), opt.integer('limit', 3), opt.user('for', bob)],
      }),
    );

    const [received] = await seen;
    if (!received.isChatInputCommand()) throw new Error('expected a chat-input interaction');
    expect(received.commandName).toBe('cite');
    expect(received.options.getSubcommand()).toBe('search');
    expect(received.options.getString('query')).toBe('alliance');
    expect(received.options.getInteger('limit')).toBe(3);
    expect(received.options.getUser('for')?.username).toBe('bob');
    expect(received.options.getMember('for')).not.toBeNull();
    expect(received.guildId).toBe(fake.world.guild.id);

    const callback = await fake.waitForCallback(sent);
    expect(callback.status).toBe(204);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'An answer <@1234567890123456789>', allowed_mentions: { parse: [] } },
    });
    expect(fake.originalMessage(sent)?.mentions).toEqual([]);
  });

  it('delivers a subcommand group, and a command invoked in a DM with the bot', async () => {
    const bot = await connect();
    const grouped = nextEvent(bot, 'interactionCreate');
    fake.interact(
      chatInputInteraction(fake.world, { name: 'kb', subcommandGroup: 'admin', subcommand: 'reload' }),
    );
    const [inGuild] = await grouped;
    if (!inGuild.isChatInputCommand()) throw new Error('expected a chat-input interaction');
    expect(inGuild.options.getSubcommandGroup()).toBe('admin');
    expect(inGuild.options.getSubcommand()).toBe('reload');

    const direct = nextEvent(bot, 'interactionCreate');
    fake.interact(chatInputInteraction(fake.world, { name: 'ask', guildId: null }));
    const [inDm] = await direct;
    expect(inDm.guildId).toBeNull();
    expect(inDm.user.id).toBe(fake.world.defaultUser.id);
    expect(inDm.channel?.type).toBe(ChannelType.DM);
  });

  it('records deferReply as type 5 and editReply as a PATCH of @original', async () => {
    const bot = await connect();
    const edited = nextEvent(bot, 'interactionCreate');
    bot.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: 'Found 2 articles', allowedMentions: { parse: [] } });
    });
    const sent = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', 'why?')] }),
    );
    await edited;

    const callback = await fake.waitForCallback(sent);
    expect(callback.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const edit = await fake.waitForRequest('PATCH /webhooks/:app/:token/messages/:message');
    expect(edit.path).toBe(`/webhooks/${fake.world.application.id}/${sent.token}/messages/@original`);
    expect(edit.body).toMatchObject({ content: 'Found 2 articles', allowed_mentions: { parse: [] } });
    expect(edit.status).toBe(200);
    const original = fake.originalMessage(sent);
    expect(original?.content).toBe('Found 2 articles');
    expect(original?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('records a button click answered with update as callback type 7 on the message it sits on', async () => {
    const bot = await connect();
    bot.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('page:2').setLabel('More').setStyle(ButtonStyle.Secondary),
        );
        await interaction.reply({ content: 'Page 1', components: [row], allowedMentions: { parse: [] } });
      } else if (interaction.isButton() && interaction.customId === 'page:2') {
        await interaction.update({ content: 'Page 2', components: [], allowedMentions: { parse: [] } });
      }
    });
    const command = fake.interact(chatInputInteraction(fake.world, { name: 'search' }));
    await fake.waitForCallback(command);
    const page1 = fake.originalMessage(command);
    if (!page1) throw new Error('expected the reply to be stored');

    const clicked = nextEvent(bot, 'interactionCreate', (interaction) => interaction.isButton());
    const click = fake.interact(buttonInteraction(fake.world, { customId: 'page:2', message: page1 }));
    const [button] = await clicked;
    expect(button.isButton() && button.message.id).toBe(page1.id);

    const callback = await fake.waitForCallback(click);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: 'Page 2' },
    });
    expect(fake.originalMessage(click)).toMatchObject({ id: page1.id, content: 'Page 2', components: [] });
  });

  it('records autocomplete choices as callback type 8', async () => {
    const bot = await connect();
    const asked = nextEvent(bot, 'interactionCreate');
    bot.on('interactionCreate', async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed}… (Alliance)`, value: 'alliance.md' }]);
    });
    const sent = fake.interact(
      autocompleteInteraction(fake.world, {
        name: 'article',
        options: [opt.string('title', 'alli', { focused: true })],
      }),
    );
    const [received] = await asked;
    expect(received.isAutocomplete() && received.options.getFocused()).toBe('alli');

    const callback = await fake.waitForCallback(sent);
    expect(callback.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'alli… (Alliance)', value: 'alliance.md' }] },
    });
  });

  it('delivers a message context-menu command with its target message', async () => {
    const bot = await connect();
    const target = fake.sendMessage(mentionMessage(fake.world, { content: 'what is the alliance?' }));
    const received = nextEvent(bot, 'interactionCreate');
    fake.interact(messageContextInteraction(fake.world, { targetMessage: target }));
    const [interaction] = await received;
    if (!interaction.isMessageContextMenuCommand())
      throw new Error('expected a message context-menu command');
    expect(interaction.targetMessage.id).toBe(target.id);
    expect(interaction.targetMessage.content).toBe(`<@${fake.world.bot.id}> what is the alliance?`);
  });

  it('delivers a DM thanks to Partials.Channel and records message.reply with its message_reference', async () => {
    const bot = await connect();
    const dm = fake.sendMessage(dmMessage(fake.world, { content: 'hello bot' }));
    const [message] = await nextEvent(bot, 'messageCreate');
    expect(message.content).toBe('hello bot');
    expect(message.guild).toBeNull();
    expect(message.channel.type).toBe(ChannelType.DM);

    const reply = await message.reply({
      content: 'hello human',
      allowedMentions: { parse: [], repliedUser: false },
    });
    const request = await fake.waitForRequest(`POST /channels/${dm.channel_id}/messages`);
    expect(request.body).toMatchObject({
      content: 'hello human',
      message_reference: { message_id: dm.id },
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(reply.reference?.messageId).toBe(dm.id);
    expect(reply.author.id).toBe(fake.world.bot.id);
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  it('has the client retry a callback answered 429 with Retry-After, and the reply arrives exactly once', async () => {
    const bot = await connect();
    const fault = fake.failNext(CALLBACK_ROUTE, { status: 429, retryAfter: 0.05 });
    const replied = new Promise<void>((resolve, reject) => {
      bot.on('interactionCreate', (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        interaction
          .reply({ content: 'after the limit', allowedMentions: { parse: [] } })
          .then(() => resolve(), reject);
      });
    });
    const sent = fake.interact(chatInputInteraction(fake.world, { name: 'ask' }));
    await replied;

    const attempts = fake.requestsMatching(
      (request) => request.route === CALLBACK_ROUTE && request.params.token === sent.token,
    );
    expect(attempts.map((attempt) => [attempt.status, attempt.injected])).toEqual([
      [429, true],
      [204, false],
    ]);
    expect(fault.remaining).toBe(0);
    expect(fake.originalMessage(sent)?.content).toBe('after the limit');
  });

  it('has the client retry a request answered 500 once', async () => {
    const bot = await connect();
    const channel = bot.channels.cache.get(fake.world.guild.textChannel.id);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    fake.failNext('POST /channels/:channel/messages', { status: 500 });
    const sent = await channel.send({ content: 'still here', allowedMentions: { parse: [] } });
    expect(sent.content).toBe('still here');
    expect(
      fake.requestsMatching('POST /channels/:channel/messages').map((request) => request.status),
    ).toEqual([500, 200]);
  });

  it('replays an event dispatched while the socket was down exactly once after RESUME', async () => {
    const bot = await connect();
    const contents = deliveredMessages(bot);
    const before = nextEvent(bot, 'messageCreate', (message) => message.content === 'before the drop');
    fake.sendMessage(dmMessage(fake.world, { content: 'before the drop' }));
    await before;
    fake.dropConnection();
    fake.sendMessage(dmMessage(fake.world, { content: 'sent while offline' }));
    await fake.waitForResume();
    // Events arrive in order, so once a later one is in, a duplicate of the first would be too.
    fake.sendMessage(dmMessage(fake.world, { content: 'sentinel' }));
    await nextEvent(bot, 'messageCreate', (message) => message.content === 'sentinel');

    expect(contents).toEqual(['before the drop', 'sent while offline', 'sentinel']);
    // The client resumes from the last event it saw: READY, one GUILD_CREATE per guild, the message.
    expect(fake.gateway.resumes[0]?.seq).toBe(1 + fake.world.guilds.length + 1);
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.connections.map((connection) => connection.path)).toEqual(['/', '/resume']);
    expect(fake.gateway.resumes[0]?.session_id).toBe(fake.gateway.sessionId);
  });

  it('recovers from RECONNECT (op 7) by resuming the same session', async () => {
    const bot = await connect();
    const contents = deliveredMessages(bot);
    const sessionId = fake.gateway.sessionId;
    const resumed = nextEvent(bot, 'shardResume');
    const delivered = nextEvent(bot, 'messageCreate', (message) => message.content === 'after op 7');
    fake.reconnect();
    fake.sendMessage(dmMessage(fake.world, { content: 'after op 7' }));
    await Promise.all([resumed, delivered]);

    expect(contents).toEqual(['after op 7']);
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.resumes).toHaveLength(1);
    expect(fake.gateway.sessionId).toBe(sessionId);
    // @discordjs/ws closes with 4200 when it means to resume.
    expect(fake.gateway.closes).toEqual([
      { code: 4200, reason: 'Told to reconnect by Discord', by: 'client' },
    ]);
  });

  it('recovers from INVALID_SESSION by identifying again and delivers events sent meanwhile once', async () => {
    const bot = await connect({ ws: { buildIdentifyThrottler: () => immediateIdentifyThrottler } });
    const contents = deliveredMessages(bot);
    const firstSession = fake.gateway.sessionId;
    fake.invalidateSession();
    fake.sendMessage(dmMessage(fake.world, { content: 'during re-identify' }));
    await fake.waitForIdentify(2);
    await nextEvent(bot, 'messageCreate', (message) => message.content === 'during re-identify');
    fake.sendMessage(dmMessage(fake.world, { content: 'sentinel' }));
    await nextEvent(bot, 'messageCreate', (message) => message.content === 'sentinel');

    expect(contents).toEqual(['during re-identify', 'sentinel']);
    expect(fake.gateway.resumes).toHaveLength(0);
    expect(fake.gateway.sessionId).not.toBe(firstSession);
    expect(bot.guilds.cache.has(fake.world.guild.id)).toBe(true);
  });
});

describe("the fake enforces Discord's rules", () => {
  it('rejects a reply over 2000 characters with Invalid Form Body', async () => {
    const bot = await connect();
    const failed = new Promise<unknown>((resolve) => {
      bot.on('interactionCreate', (interaction) => {
        if (interaction.isChatInputCommand()) interaction.reply({ content: 'x'.repeat(2001) }).catch(resolve);
      });
    });
    fake.interact(chatInputInteraction(fake.world, { name: 'ask' }));
    expect(await failed).toMatchObject({ code: 50035, status: 400 });
    const callback = await fake.waitForRequest(CALLBACK_ROUTE);
    expect(callback.status).toBe(400);
  });

  it('answers a second response to the same interaction with 40060', async () => {
    const bot = await connect();
    const sent = fake.interact(chatInputInteraction(fake.world, { name: 'ask' }));
    const route = Routes.interactionCallback(sent.id, sent.token);
    const body = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'once' } };
    await bot.rest.post(route, { body, auth: false });
    await expect(bot.rest.post(route, { body, auth: false })).rejects.toMatchObject({ code: 40060 });
  });

  it('returns the created message when the bot asks withResponse', async () => {
    const bot = await connect();
    const response = new Promise<InteractionCallbackResponse>((resolve, reject) => {
      bot.on('interactionCreate', (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        interaction
          .reply({ content: 'with response', withResponse: true, allowedMentions: { parse: [] } })
          .then(resolve, reject);
      });
    });
    const sent = fake.interact(chatInputInteraction(fake.world, { name: 'ask' }));
    const { resource, interaction } = await response;
    expect(interaction.id).toBe(sent.id);
    expect(resource?.message?.content).toBe('with response');
    expect(resource?.message?.id).toBe(fake.originalMessage(sent)?.id);
  });

  it('fills a deferred reply with the first follow-up, as Discord documents', async () => {
    const bot = await connect();
    const followed = new Promise<Message>((resolve, reject) => {
      bot.on('interactionCreate', async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.deferReply();
        interaction
          .followUp({ content: 'late answer', allowedMentions: { parse: [] } })
          .then(resolve, reject);
      });
    });
    const sent = fake.interact(chatInputInteraction(fake.world, { name: 'ask' }));
    const message = await followed;
    expect(message.id).toBe(fake.originalMessage(sent)?.id);
    expect(fake.originalMessage(sent)?.content).toBe('late answer');
  });

  it('re-parses mentions with the defaults when an edit omits allowed_mentions', async () => {
    const bot = await connect();
    const bob = fake.world.createUser({ username: 'bob' });
    const done = new Promise<void>((resolve, reject) => {
      bot.on('interactionCreate', async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply({ content: `see <@${bob.id}>`, allowedMentions: { parse: [] } });
        await interaction.editReply({ content: `see <@${bob.id}> again` }).then(() => resolve(), reject);
      });
    });
    const sent = fake.interact(chatInputInteraction(fake.world, { name: 'ask' }));
    await fake.waitForCallback(sent);
    const afterReply = fake.originalMessage(sent)?.mentions;
    await done;
    expect(afterReply).toEqual([]);
    expect(fake.originalMessage(sent)?.mentions.map((user) => user.id)).toEqual([bob.id]);
  });

  it('blanks guild messages that do not mention the bot when MESSAGE_CONTENT is not requested', async () => {
    const bot = await connect();
    const contents = deliveredMessages(bot);
    fake.sendMessage(message(fake.world, { content: 'a private chat' }));
    fake.sendMessage(mentionMessage(fake.world, { content: 'a question' }));
    await nextEvent(bot, 'messageCreate', (received) => received.content.endsWith('a question'));
    expect(contents).toEqual(['', `<@${fake.world.bot.id}> a question`]);
  });

  it('does not send DMs to a client without the DirectMessages intent', async () => {
    const bot = await connect({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    const contents = deliveredMessages(bot);
    fake.sendMessage(dmMessage(fake.world, { content: 'lost' }));
    fake.sendMessage(mentionMessage(fake.world, { content: 'sentinel' }));
    await nextEvent(bot, 'messageCreate', (received) => received.content.endsWith('sentinel'));
    expect(contents).toEqual([`<@${fake.world.bot.id}> sentinel`]);
    expect(fake.gateway.dropped.map((event) => event.reason)).toEqual(['no DirectMessages intent']);
  });

  it('closes the gateway with 4014 when the bot requests a privileged intent it has not enabled', async () => {
    const failing = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],
      rest: { api: fake.apiUrl },
    });
    client = failing;
    await expect(failing.login(fake.token)).rejects.toThrow('Used disallowed intents');
    // The client gives up on the close frame; the server sees the socket close just after.
    const closed = await fake.waitFor(() => fake.gateway.closes[0], 2000, 'for the gateway socket to close');
    expect(closed).toEqual({ code: 4014, reason: 'Disallowed intent(s).', by: 'server' });
  });

  it('rejects a wrong token with 401, which discord.js reports as an invalid token', async () => {
    const wrong = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client = wrong;
    await expect(wrong.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(fake.requests.map((request) => request.status)).toEqual([401]);
  });

  it('echoes registered commands with ids, which later interactions carry', async () => {
    const bot = await connect();
    const commands = await bot.application?.commands.set([
      { name: 'ask', description: 'Ask the articles a question', options: [] },
    ]);
    const registered = commands?.first();
    expect(registered?.id).toMatch(/^\d{17,19}$/);
    expect(chatInputInteraction(fake.world, { name: 'ask' }).data.id).toBe(registered?.id);
    await expect(
      bot.application?.commands.set([{ name: 'Not Valid', description: 'uppercase and a space' }]),
    ).rejects.toMatchObject({ code: 50035 });
  });

  it('answers an injected 429 with the headers and body @discordjs/rest reads', async () => {
    fake.failNext('GET /users/@me', { status: 429, retryAfter: 2.5, global: true });
    const response = await fetch(`${fake.apiUrl}/v10/users/@me`, {
      headers: { Authorization: `Bot ${fake.token}` },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('retry-after')).toBe('2.5');
    expect(response.headers.get('x-ratelimit-global')).toBe('true');
    expect(response.headers.get('x-ratelimit-scope')).toBe('global');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset-after')).toBe('2.5');
    expect(response.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(await response.json()).toEqual({
      message: 'You are being rate limited.',
      retry_after: 2.5,
      global: true,
      code: 0,
    });
  });

  it('answers an unknown route with a Discord 404 body and lists it as unexpected', async () => {
    const response = await fetch(`${fake.apiUrl}/v10/channels/123/pins`, {
      headers: { Authorization: `Bot ${fake.token}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(fake.unexpectedRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /channels/123/pins',
    ]);
  });
});
