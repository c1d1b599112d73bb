import { type APIUser, InteractionResponseType, MessageFlags, type UserFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chatInputInteraction,
  dmMessage,
  type FakeDiscord,
  mentionMessage,
  message,
  messageContextInteraction,
  opt,
} from '../support/fakeDiscord/index.ts';
import {
  countDeliveries,
  createdMessage,
  embedText,
  firstCallback,
  knowledgeFolder,
  settled,
  useCitebot,
  waitForReplyTo,
} from './support.ts';

let removeKnowledge: (() => Promise<void>) | undefined;

// Registered before useCitebot: after-hooks run in reverse order, so the bot stops first.
afterEach(async () => {
  await removeKnowledge?.();
  removeKnowledge = undefined;
});

const startBot = useCitebot();

const question = "How many professionals will China's blockchain center train?";

/** What every reply to a user's message must carry: no parsed mention, no ping of its author. */
const safeMentions = { parse: [], users: [], replied_user: false };

/** Replies the bot sent to message `messageId` so far. */
function repliesTo(fake: FakeDiscord, messageId: string) {
  return fake.requestsMatching(
    (request) =>
      request.route === 'POST /channels/:channel/messages' &&
      (request.body as { message_reference?: { message_id?: string } }).message_reference?.message_id ===
        messageId,
  );
}

describe('free-text questions through the real client', () => {
  it('replies to an @mention in a channel and to a DM with message_reference and safe allowed_mentions', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const inChannel = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const channelReply = await waitForReplyTo(fake, inChannel.id);
    expect(channelReply.path).toBe(`/channels/${fake.world.guild.textChannel.id}/messages`);
    expect(channelReply.body).toMatchObject({
      message_reference: { message_id: inChannel.id },
      allowed_mentions: safeMentions,
    });
    expect(JSON.stringify(channelReply.body)).toContain('500,000');
    const posted = createdMessage(fake, channelReply);
    // Channel messages parse everything by default: the fake would list any ping here.
    expect(posted.mentions).toEqual([]);
    expect(posted.mention_everyone).toBe(false);

    const direct = fake.sendMessage(dmMessage(fake.world, { content: question }));
    const dmReply = await waitForReplyTo(fake, direct.id);
    expect(dmReply.path).toBe(`/channels/${fake.world.dmChannel(fake.world.defaultUser).id}/messages`);
    expect(dmReply.body).toMatchObject({
      message_reference: { message_id: direct.id },
      allowed_mentions: safeMentions,
    });
    expect(JSON.stringify(dmReply.body)).toContain('500,000');
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  it('answers the target of the "Answer with citebot" context menu with a reply to it', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const bob = fake.world.createUser({ username: 'bob' });
    fake.world.member(fake.world.guild.id, bob);
    // Bob asked without mentioning the bot: it never saw the text (no Message Content intent),
    // but Discord sends the target's content with the context-menu command.
    const target = fake.sendMessage(message(fake.world, { content: question, author: bob }));
    const invoked = fake.interact(
      messageContextInteraction(fake.world, { targetMessage: target, name: 'Answer with citebot' }),
    );
    const ack = await firstCallback(fake, invoked);
    expect(ack.status).toBe(204);
    expect(ack.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const reply = await waitForReplyTo(fake, target.id);
    expect(reply.body).toMatchObject({ allowed_mentions: safeMentions });
    expect(JSON.stringify(reply.body)).toContain('500,000');
    expect(createdMessage(fake, reply).mentions).toEqual([]);
    // The invoker's "thinking…" goes away once the answer is out.
    const removed = await fake.waitForRequest('DELETE /webhooks/:app/:token/messages/:message');
    expect(removed.path).toContain(`/${invoked.token}/messages/@original`);
  });

  it('pings nobody when the cited article contains @everyone, @here and role or user mentions', async () => {
    const knowledge = await knowledgeFolder({
      'moderation-meetings.md': [
        '# Moderation meetings',
        '',
        'The moderation team meets every Friday evening to review reported messages. ' +
          '@everyone @here <@&123456789012345678> <@123456789012345678> please read the rules before Friday.',
        '',
      ].join('\n'),
    });
    removeKnowledge = knowledge.remove;
    const bot = await startBot({ knowledgeDir: knowledge.dir });
    const { fake } = bot;
    // A real user behind the id in the article, so a parsed mention would show up as a ping.
    const mallory: APIUser = {
      id: '123456789012345678',
      username: 'mallory',
      discriminator: '0',
      global_name: null,
      avatar: null,
      public_flags: 0 as UserFlags,
    };
    fake.world.rememberUser(mallory);
    const moderationQuestion = 'When does the moderation team meet?';

    const asked = fake.sendMessage(mentionMessage(fake.world, { content: moderationQuestion }));
    const reply = await waitForReplyTo(fake, asked.id);
    expect(reply.body).toMatchObject({ allowed_mentions: safeMentions });
    const posted = createdMessage(fake, reply);
    expect(embedText(posted)).toContain('Friday');
    expect(posted.mentions).toEqual([]);
    expect(posted.mention_roles).toEqual([]);
    expect(posted.mention_everyone).toBe(false);
    // The text itself is defused too, so it could not ping even where mentions were parsed.
    const shown = embedText(posted);
    // The mentions are quoted (so the test is not vacuous), each broken by a zero-width space.
    expect(shown).toContain(
      '@\u200beveryone @\u200bhere <@\u200b&123456789012345678> <@\u200b123456789012345678>',
    );
    expect(shown).not.toMatch(/@(everyone|here)/);
    expect(shown).not.toContain('<@&123456789012345678>');
    expect(shown).not.toContain('<@123456789012345678>');

    const slash = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', moderationQuestion)],
      }),
    );
    const callback = await firstCallback(fake, slash);
    expect(callback.body).toMatchObject({ data: { allowed_mentions: { parse: [], users: [] } } });
    const original = fake.originalMessage(slash);
    expect(embedText(original)).toContain('Friday');
    expect(original?.mentions).toEqual([]);
    expect(original?.mention_roles).toEqual([]);
    expect(original?.mention_everyone).toBe(false);
    expect(embedText(original)).not.toMatch(/@(everyone|here)/);
  });
});

describe('questions sent while the gateway is down', () => {
  it.each([
    ['the socket drops', (fake: FakeDiscord) => fake.dropConnection()],
    ['Discord sends RECONNECT', (fake: FakeDiscord) => fake.reconnect()],
  ])('answers a message sent while %s exactly once after RESUME', async (_what, disrupt) => {
    const bot = await startBot();
    const { fake } = bot;
    const offline = mentionMessage(fake.world, { content: question });
    const delivered = countDeliveries(bot.client(), offline.id);
    disrupt(fake);
    fake.sendMessage(offline);
    await fake.waitForResume();
    await waitForReplyTo(fake, offline.id);
    await settled(fake);
    // The session goes on: a message after the resume is answered as usual.
    const after = fake.sendMessage(mentionMessage(fake.world, { content: 'What does ChainMaker do?' }));
    await waitForReplyTo(fake, after.id);

    expect(delivered.count).toBe(1);
    expect(repliesTo(fake, offline.id)).toHaveLength(1);
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(fake.gateway.resumes).toHaveLength(1);
  });
});
