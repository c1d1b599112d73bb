import { type Interaction, MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { answerControls } from '../../../src/adapters/discord/answerControls.ts';
import { ask } from '../../../src/adapters/discord/asking.ts';
import { encodeButtons } from '../../../src/adapters/discord/buttonIds.ts';
import { handleInteraction } from '../../../src/adapters/discord/interactions.ts';
import { Notices } from '../../../src/adapters/discord/render/index.ts';
import { DefaultSearchSettings } from '../../../src/core/search/settings.ts';
import { answered, cleanupContexts, fakeContext, fakeService } from './fakeService.ts';

afterEach(cleanupContexts);

type Call = { method: string; options: unknown };

/** Just enough of a discord.js interaction for the handlers, recording what they send. */
function stubInteraction(input: {
  kind: 'command' | 'button';
  commandName?: string;
  subcommand?: string;
  strings?: Record<string, string>;
  customId?: string;
  userId?: string;
  permissions?: bigint;
  guildId?: string | null;
}) {
  const calls: Call[] = [];
  const state = { deferred: false, replied: false };
  const record = (method: string) => async (options?: unknown) => {
    calls.push({ method, options });
    if (method === 'reply' || method === 'update') state.replied = true;
    if (method === 'deferReply' || method === 'deferUpdate') state.deferred = true;
  };
  const guildId = input.guildId === undefined ? '500000000000000005' : input.guildId;
  const interaction = {
    id: '600000000000000006',
    type: input.kind === 'command' ? 2 : 3,
    commandName: input.commandName ?? 'ask',
    customId: input.customId ?? '',
    guildId,
    channelId: '700000000000000007',
    user: { id: input.userId ?? '800000000000000008' },
    message: { id: '900000000000000009' },
    memberPermissions: guildId === null ? null : new PermissionsBitField(input.permissions ?? 0n),
    get deferred() {
      return state.deferred;
    },
    get replied() {
      return state.replied;
    },
    inGuild: () => guildId !== null,
    isAutocomplete: () => false,
    isChatInputCommand: () => input.kind === 'command',
    isMessageContextMenuCommand: () => false,
    isButton: () => input.kind === 'button',
    isMessageComponent: () => input.kind === 'button',
    isCommand: () => input.kind === 'command',
    isRepliable: () => true,
    options: {
      getString: (name: string) => input.strings?.[name] ?? null,
      getBoolean: () => null,
      getUser: () => null,
      getSubcommand: () => input.subcommand,
    },
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    update: record('update'),
    deferUpdate: record('deferUpdate'),
  };
  return { interaction: interaction as unknown as Interaction, calls };
}

describe('handleInteraction', () => {
  it('answers /ask with the rendered answer and its buttons', async () => {
    const ctx = await fakeContext(fakeService());
    const { interaction, calls } = stubInteraction({
      kind: 'command',
      strings: { question: 'When was it signed?' },
    });
    await handleInteraction(interaction, ctx);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'reply',
      options: { embeds: [{ title: 'When was it signed?' }], allowedMentions: { parse: [], users: [] } },
    });
    expect(ctx.counters).toEqual({ answered: 1, unanswered: 0 });
  });

  it('turns a handler that throws into an ephemeral apology and never rejects', async () => {
    const ctx = await fakeContext(
      fakeService({
        ask: async () => {
          throw new Error('engine crashed');
        },
      }),
    );
    const { interaction, calls } = stubInteraction({ kind: 'command', strings: { question: 'why?' } });
    await expect(handleInteraction(interaction, ctx)).resolves.toBeUndefined();
    expect(calls).toMatchObject([
      { method: 'reply', options: { content: Notices.apology, flags: MessageFlags.Ephemeral } },
    ]);
  });

  it('asks for a question instead of searching for nothing', async () => {
    let asked = 0;
    const ctx = await fakeContext(
      fakeService({
        ask: async (question) => {
          asked += 1;
          return { ...answered, question };
        },
      }),
    );
    const { interaction, calls } = stubInteraction({ kind: 'command', strings: { question: '  ?! ' } });
    await handleInteraction(interaction, ctx);
    expect(asked).toBe(0);
    expect(calls).toMatchObject([{ method: 'reply', options: { content: Notices.emptyQuestion } }]);
  });

  it('tells a user over the rate limit to wait, and only that user', async () => {
    const ctx = await fakeContext(fakeService());
    const send = async (userId: string) => {
      const { interaction, calls } = stubInteraction({
        kind: 'command',
        strings: { question: 'q?' },
        userId,
      });
      await handleInteraction(interaction, ctx);
      return calls[0];
    };
    for (let i = 0; i < ctx.config.rateLimit.questions; i++) await send('111111111111111111');
    expect(await send('111111111111111111')).toMatchObject({
      options: { content: expect.stringContaining('please wait'), flags: MessageFlags.Ephemeral },
    });
    expect(await send('222222222222222222')).toMatchObject({ options: { embeds: [expect.anything()] } });
  });

  it('refuses /kb to members without Manage Server, even if Discord let them run it', async () => {
    let reloads = 0;
    const ctx = await fakeContext(
      fakeService({
        reload: async () => {
          reloads += 1;
          return { ok: true, stats: await fakeService().stats() };
        },
      }),
    );
    const member = stubInteraction({ kind: 'command', commandName: 'kb', subcommand: 'reload' });
    await handleInteraction(member.interaction, ctx);
    const inDm = stubInteraction({ kind: 'command', commandName: 'kb', subcommand: 'reload', guildId: null });
    await handleInteraction(inDm.interaction, ctx);
    expect(reloads).toBe(0);
    expect(member.calls).toMatchObject([
      { options: { content: Notices.adminOnly, flags: MessageFlags.Ephemeral } },
    ]);
    expect(inDm.calls).toMatchObject([{ options: { content: Notices.adminOnly } }]);

    const admin = stubInteraction({
      kind: 'command',
      commandName: 'kb',
      subcommand: 'reload',
      permissions: PermissionFlagsBits.ManageGuild,
    });
    await handleInteraction(admin.interaction, ctx);
    expect(reloads).toBe(1);
    expect(admin.calls).toMatchObject([
      { method: 'reply', options: { content: expect.stringContaining('Reloaded') } },
    ]);
  });

  it('shows /kb stats with questions since start and stored feedback', async () => {
    const ctx = await fakeContext(fakeService());
    ctx.counters.answered = 3;
    ctx.counters.unanswered = 1;
    const admin = stubInteraction({
      kind: 'command',
      commandName: 'kb',
      subcommand: 'stats',
      permissions: PermissionFlagsBits.Administrator,
    });
    await handleInteraction(admin.interaction, ctx);
    const options = admin.calls[0]?.options as
      | { embeds: { fields: { name: string; value: string }[] }[] }
      | undefined;
    const embed = options?.embeds[0];
    expect(embed?.fields).toContainEqual(
      expect.objectContaining({ name: 'Questions since start', value: '3 answered · 1 not answered' }),
    );
    expect(embed?.fields).toContainEqual(expect.objectContaining({ name: 'Articles', value: '2' }));
  });

  it('answers an expired button with a short ephemeral note', async () => {
    const ctx = await fakeContext(fakeService());
    const { interaction, calls } = stubInteraction({ kind: 'button', customId: 'c1|up|~gone1234' });
    await handleInteraction(interaction, ctx);
    expect(calls).toMatchObject([
      { method: 'reply', options: { content: Notices.expired, flags: MessageFlags.Ephemeral } },
    ]);
  });

  it('refuses 🗑 to anyone but the asker or a moderator', async () => {
    const ctx = await fakeContext(fakeService());
    const ids = encodeButtons(
      ['delete'],
      { question: 'q', offset: 0, count: 1, askerId: '111111111111111111', hidden: false },
      ctx.buttonState,
    );
    const stranger = stubInteraction({ kind: 'button', customId: ids.delete, userId: '222222222222222222' });
    await handleInteraction(stranger.interaction, ctx);
    expect(stranger.calls).toMatchObject([
      { method: 'reply', options: { content: Notices.deleteRefused, flags: MessageFlags.Ephemeral } },
    ]);
  });

  it('records a 👍 once per user and answer', async () => {
    const ctx = await fakeContext(fakeService());
    // The answer is shown first (its buttons remember what was shown; a vote asks nothing again).
    const ids = answerControls(
      ctx,
      { answer: { ...answered, question: 'When was it signed?' }, elapsedMs: 1 },
      {
        question: 'When was it signed?',
        userId: '111111111111111111',
        place: {},
        hidden: false,
        fresh: true,
      },
    );
    if (ids.up === undefined) throw new Error('an answer has a 👍 button');
    for (let i = 0; i < 2; i++) {
      const { interaction } = stubInteraction({ kind: 'button', customId: ids.up });
      await handleInteraction(interaction, ctx);
    }
    const votes = await ctx.store.votes();
    expect(votes).toEqual([
      expect.objectContaining({ vote: 'up', question: 'When was it signed?', sources: ['alliance.md'] }),
    ]);
    expect((await ctx.store.counts()).up).toBe(1);
  });
});

describe('buttons under a shown answer', () => {
  it('vote and share what was shown, without asking the engine again (even if it would now answer otherwise)', async () => {
    let asked = 0;
    const ctx = await fakeContext(
      fakeService({
        ask: async (question) => {
          asked += 1;
          // After a reload the same question would cite another article.
          return {
            ...answered,
            question,
            citations: answered.citations.map((c) => ({ ...c, source: 'other.md' })),
          };
        },
      }),
    );
    const ids = answerControls(
      ctx,
      { answer: answered, elapsedMs: 1 },
      { question: answered.question, userId: '111111111111111111', place: {}, hidden: true, fresh: true },
    );
    if (ids.down === undefined || ids.share === undefined)
      throw new Error('a hidden answer has 👎 and Share');
    const voter = stubInteraction({ kind: 'button', customId: ids.down });
    await handleInteraction(voter.interaction, ctx);
    const sharer = stubInteraction({ kind: 'button', customId: ids.share });
    await handleInteraction(sharer.interaction, ctx);
    expect(asked).toBe(0);
    const votes = await ctx.store.votes();
    expect(votes).toEqual([expect.objectContaining({ vote: 'down', sources: ['alliance.md'] })]);
    expect(sharer.calls).toMatchObject([
      {
        method: 'reply',
        options: { content: expect.stringContaining('Shared by'), embeds: [{ title: answered.question }] },
      },
    ]);
  });

  it('call a vote on an answer citebot no longer remembers expired, rather than guess what was shown', async () => {
    const ctx = await fakeContext(fakeService());
    const ids = encodeButtons(
      ['up'],
      { question: 'q', offset: 0, count: 1, askerId: '111111111111111111', hidden: false },
      ctx.buttonState,
    );
    const { interaction, calls } = stubInteraction({ kind: 'button', customId: ids.up });
    await handleInteraction(interaction, ctx);
    expect(calls).toMatchObject([{ method: 'reply', options: { content: Notices.expired } }]);
    expect(await ctx.store.votes()).toEqual([]);
  });
});

describe('ask', () => {
  it('counts unanswered questions and logs them for the knowledge team', async () => {
    const ctx = await fakeContext(
      fakeService({
        ask: async (question) => ({
          ...answered,
          question,
          answered: false,
          reason: 'no-match',
          citations: [],
          related: [{ source: 'near.md', title: 'Near' }],
        }),
      }),
    );
    await ask(ctx, { question: 'x'.repeat(5000), userId: '1', place: {}, hidden: false, fresh: true });
    expect(ctx.counters).toEqual({ answered: 0, unanswered: 1 });
    const unanswered = await ctx.store.unanswered();
    expect(unanswered).toEqual([expect.objectContaining({ reason: 'no-match', sources: ['near.md'] })]);
    // The question is capped before it reaches the service and the log.
    expect(unanswered[0]?.question.length).toBe(DefaultSearchSettings.maxQuestionChars);
  });
});
