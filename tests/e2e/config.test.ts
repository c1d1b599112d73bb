import { GatewayIntentBits, InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  chatInputInteraction,
  type FakeDiscord,
  mentionMessage,
  message,
  type OptionInput,
  opt,
} from '../support/fakeDiscord/index.ts';
import {
  click,
  embedText,
  findButton,
  firstCallback,
  settled,
  useCitebot,
  waitForReplyTo,
} from './support.ts';

const startBot = useCitebot();

const question = "How many professionals will China's blockchain center train?";
const manager = { memberPermissions: PermissionFlagsBits.ManageGuild };

/** Runs `/config <subcommand>` as a server manager and returns the first callback's body. */
async function configure(fake: FakeDiscord, subcommand: string, options: OptionInput[] = []) {
  const interaction = fake.interact(
    chatInputInteraction(fake.world, {
      name: 'config',
      subcommand,
      options,
      ...manager,
    }),
  );
  const callback = await firstCallback(fake, interaction);
  expect(callback.status).toBeLessThan(300);
  return callback.body as { type: number; data: { content?: string; flags?: number; embeds?: unknown[] } };
}

function askInteraction(fake: FakeDiscord, extra: OptionInput[] = []) {
  return fake.interact(
    chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question), ...extra] }),
  );
}

describe('/config through the real client', () => {
  it('is only for server managers, by registration and in the handler', async () => {
    const bot = await startBot();
    const { fake } = bot;
    // What `npm run register` sends: hidden from members without Manage Server.
    const { config } = await import('../../src/adapters/discord/commands/config.ts');
    expect(config.data.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    // A server may grant the command to anyone: the handler checks again.
    const refused = await firstCallback(
      fake,
      fake.interact(chatInputInteraction(fake.world, { name: 'config', subcommand: 'show' })),
    );
    expect(refused.body).toMatchObject({
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('manage this server') },
    });
  });

  it('sets a channel to `questions`: says the intent is missing, then answers un-mentioned questions after a restart', async () => {
    const bot = await startBot({ fake: { enabledPrivilegedIntents: GatewayIntentBits.MessageContent } });
    const { fake } = bot;
    const channel = fake.world.guild.textChannel;
    // Nothing needed the intent at start, so this connection does not read message content.
    const set = await configure(fake, 'channel', [
      opt.channel('channel', channel),
      opt.string('mode', 'questions'),
    ]);
    expect(set.data.content).toContain('`questions`');
    expect(set.data.content).toContain('Message Content');
    expect(set.data.flags).toBe(MessageFlags.Ephemeral);

    await bot.restart();
    const identifies = fake.gateway.identifies.map(
      (identify) => identify.intents & GatewayIntentBits.MessageContent,
    );
    expect(identifies.at(-1)).toBe(GatewayIntentBits.MessageContent);
    const asked = fake.sendMessage(message(fake.world, { content: question }));
    const reply = await waitForReplyTo(fake, asked.id);
    expect(JSON.stringify(reply.body)).toContain('500,000');

    const shown = await configure(fake, 'show');
    const text = embedText(shown.data as never);
    expect(text).toContain(`<#${channel.id}> \`questions\``);
    expect(text).toContain(`set by <@${fake.world.defaultUser.id}>`);
    expect(text).not.toContain('Message Content');
  });

  it('keeps ANSWER_CHANNEL_IDS as the initial `questions` mode, shown as from the environment, and `off` silences a channel', async () => {
    const bot = await startBot({
      fake: { enabledPrivilegedIntents: GatewayIntentBits.MessageContent },
      env: (fake) => ({ ANSWER_CHANNEL_IDS: fake.world.guild.textChannel.id }),
    });
    const { fake } = bot;
    const channel = fake.world.guild.textChannel;
    const shown = await configure(fake, 'show');
    expect(embedText(shown.data as never)).toContain(
      `<#${channel.id}> \`questions\` — question-like messages · environment (ANSWER_CHANNEL_IDS)`,
    );
    expect(embedText(shown.data as never)).toContain('Hide /ask answers by default:** off · default');

    await configure(fake, 'channel', [opt.channel('channel', channel), opt.string('mode', 'off')]);
    await bot.restart();
    const mentioned = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const asked = fake.sendMessage(message(fake.world, { content: question }));
    await settled(fake);
    const replies = fake.requestsMatching((request) => {
      const ref = (request.body as { message_reference?: { message_id?: string } } | undefined)
        ?.message_reference;
      return ref?.message_id === mentioned.id || ref?.message_id === asked.id;
    });
    expect(replies).toEqual([]);
  });

  it('hides /ask answers by default once set, across a restart, unless hide:False', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const before = await firstCallback(fake, askInteraction(fake));
    expect((before.body as { data: { flags?: number } }).data.flags ?? 0).toBe(0);

    await configure(fake, 'hide-by-default', [opt.boolean('enabled', true)]);
    await bot.restart();
    const hidden = await firstCallback(fake, askInteraction(fake));
    expect(hidden.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const shown = await firstCallback(fake, askInteraction(fake, [opt.boolean('hide', false)]));
    expect((shown.body as { data: { flags?: number } }).data.flags ?? 0).toBe(0);
  });

  it('adds Ask a human once a helper role is set: one message pinging only that role, once per person', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const role = fake.world.guild.adminRole;
    const withoutRole = askInteraction(fake);
    await firstCallback(fake, withoutRole);
    expect(findButton(fake.originalMessage(withoutRole), 'Ask a human')).toBeUndefined();

    await configure(fake, 'helper-role', [opt.role('role', role)]);
    await bot.restart();
    const asked = askInteraction(fake);
    await fake.waitForCallback(asked);
    const answer = fake.originalMessage(asked);
    expect(findButton(answer, 'Ask a human')).toBeDefined();

    const pressed = await firstCallback(fake, click(fake, answer, 'Ask a human'));
    expect(pressed.body).toMatchObject({
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('Asked the helpers') },
    });
    const pings = fake.requestsMatching(
      (request) =>
        request.route === 'POST /channels/:channel/messages' &&
        JSON.stringify(request.body).includes(`<@&${role.id}>`),
    );
    expect(pings).toHaveLength(1);
    expect(pings[0]?.status).toBe(200);
    expect((pings[0]?.body as { allowed_mentions?: unknown } | undefined)?.allowed_mentions).toEqual({
      parse: [],
      users: [],
      roles: [role.id],
    });
    expect(JSON.stringify(pings[0]?.body)).toContain(`/channels/${fake.world.guild.id}/`);
    const posted = [...fake.world.messages.values()].find((stored) =>
      stored.content?.includes(`<@&${role.id}>`),
    );
    expect(posted?.mention_roles).toEqual([role.id]);
    expect(posted?.mentions).toEqual([]);
    expect(posted?.mention_everyone).toBe(false);

    const again = await firstCallback(fake, click(fake, answer, 'Ask a human'));
    expect(again.body).toMatchObject({ data: { content: expect.stringContaining('a moment ago') } });
    await settled(fake);
    expect(
      fake.requestsMatching(
        (request) =>
          request.route === 'POST /channels/:channel/messages' &&
          JSON.stringify(request.body).includes(`<@&${role.id}>`),
      ),
    ).toHaveLength(1);
  });

  it('stores the language setting and shows it after a restart', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const set = await configure(fake, 'language', [opt.string('locale', 'de')]);
    expect(set.data.content).toContain('`de`');
    await bot.restart();
    const shown = await configure(fake, 'show');
    expect(embedText(shown.data as never)).toContain('Language of channel replies:** `de` · set by');
  });
});
