import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type APIEmbed, InteractionResponseType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/index.ts';
import {
  buttonInteraction,
  chatInputInteraction,
  mentionMessage,
  opt,
} from '../support/fakeDiscord/index.ts';
import {
  buttonsOf,
  callbacksOf,
  click,
  createdMessage,
  findButton,
  firstCallback,
  useCitebot,
  waitForReplyTo,
} from './support.ts';

const startBot = useCitebot();

const question = "How many professionals will China's blockchain center train?";

/** 39 real Debian Handbook pages: enough articles for several pages of `/search`. */
const handbook = join(projectRoot, 'tests/fixtures/eval/handbook/knowledge/en');

function embedOf(body: unknown): APIEmbed | undefined {
  return (body as { data?: { embeds?: APIEmbed[] } }).data?.embeds?.[0];
}

describe('answer buttons through the real client', () => {
  it('answers /ask hide:true ephemerally with Share, and Share posts it publicly pinging nobody', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const alice = fake.world.defaultUser;
    const asked = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', question), opt.boolean('hide', true)],
      }),
    );
    const callback = await firstCallback(fake, asked);
    expect(callback.status).toBe(204);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [], users: [] } },
    });
    const hidden = fake.originalMessage(asked);
    expect(findButton(hidden, 'Share')).toBeDefined();
    // Nobody else sees an ephemeral answer, so there is nothing to delete.
    expect(findButton(hidden, '🗑')).toBeUndefined();

    const shared = click(fake, hidden, 'Share');
    const shareCallback = await firstCallback(fake, shared);
    expect(shareCallback.status).toBe(204);
    expect(shareCallback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: `Shared by <@${alice.id}>`, allowed_mentions: { parse: [], users: [] } },
    });
    expect(embedOf(shareCallback.body)?.description).toContain('500,000');
    const post = fake.originalMessage(shared);
    expect(post?.id).not.toBe(hidden?.id);
    expect((post?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    // Named in the text, yet pinged by nobody: the fake computes pings as Discord would.
    expect(post?.mentions).toEqual([]);
    expect(post?.mention_everyone).toBe(false);
    expect(findButton(post, 'Share')).toBeUndefined();
    expect(findButton(post, '🗑')).toBeDefined();
  });

  it('turns a /search page with ▶ into the next page (callback type 7) within the limits', async () => {
    const bot = await startBot({ knowledgeDir: handbook });
    const { fake } = bot;
    const searched = fake.interact(
      chatInputInteraction(fake.world, { name: 'search', options: [opt.string('query', 'package')] }),
    );
    const first = await firstCallback(fake, searched);
    expect(first.status).toBe(204);
    expect(first.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const page1 = fake.originalMessage(searched);
    const footer1 = page1?.embeds[0]?.footer?.text ?? '';
    // "package" is in most handbook pages; a page holds five.
    expect(footer1).toMatch(/^Results 1–5 of \d+/);
    expect(findButton(page1, '◀')?.disabled).toBe(true);
    expect(findButton(page1, '▶')?.disabled).toBeFalsy();

    const turned = click(fake, page1, '▶');
    const update = await firstCallback(fake, turned);
    expect(update.status).toBe(204);
    expect(update.body).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { allowed_mentions: { parse: [], users: [] } },
    });
    const page2 = fake.originalMessage(turned);
    expect(page2?.id).toBe(page1?.id);
    expect(page2?.embeds[0]?.footer?.text).toMatch(/^Results 6–10 of \d+/);
    expect(page2?.embeds[0]?.description).not.toBe(page1?.embeds[0]?.description);
    expect(findButton(page2, '◀')?.disabled).toBeFalsy();
    for (const button of buttonsOf(page2)) expect(button.custom_id.length).toBeLessThanOrEqual(100);
    expect(page2?.embeds[0]?.description?.length ?? 0).toBeLessThanOrEqual(4096);

    // ◀ leads back to the first page.
    const back = click(fake, page2, '◀');
    await firstCallback(fake, back);
    expect(fake.originalMessage(back)?.embeds[0]?.footer?.text).toMatch(/^Results 1–5 of \d+/);
  });

  it('refuses 🗑 to someone other than the asker and deletes the answer for the asker', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const bob = fake.world.createUser({ username: 'bob' });
    fake.world.member(fake.world.guild.id, bob);
    const asked = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    await fake.waitForCallback(asked);
    const answer = fake.originalMessage(asked);
    if (answer === undefined) throw new Error('expected the answer to be stored');

    const byBob = click(fake, answer, '🗑', bob);
    const refusal = await firstCallback(fake, byBob);
    expect(refusal.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('Only the person who asked') },
    });
    expect(fake.requestsMatching('DELETE /channels/:channel/messages/:message')).toEqual([]);
    expect(fake.world.messages.has(answer.id)).toBe(true);

    const byAlice = click(fake, answer, '🗑');
    const ack = await firstCallback(fake, byAlice);
    expect(ack.body.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    const deleted = await fake.waitForRequest('DELETE /channels/:channel/messages/:message');
    expect(deleted.path).toBe(`/channels/${answer.channel_id}/messages/${answer.id}`);
    expect(deleted.status).toBe(204);
    expect(fake.world.messages.has(answer.id)).toBe(false);
    expect(callbacksOf(fake, byAlice)).toHaveLength(1);
  });

  it('refuses 🗑 with a forged custom_id naming the clicker as the asker: Discord says who asked', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const alice = fake.world.defaultUser;
    const mallory = fake.world.createUser({ username: 'mallory' });
    fake.world.member(fake.world.guild.id, mallory);
    const asked = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    await fake.waitForCallback(asked);
    const answer = fake.originalMessage(asked);
    const genuine = findButton(answer, '🗑')?.custom_id;
    if (answer === undefined || genuine === undefined) throw new Error('expected an answer with 🗑');
    expect(genuine).toContain(alice.id);

    // A modified client can send any custom_id: here one that claims Mallory asked.
    const forged = genuine.replace(alice.id, mallory.id);
    const byMallory = fake.interact(
      buttonInteraction(fake.world, { customId: forged, message: answer, user: mallory }),
    );
    const refusal = await firstCallback(fake, byMallory);
    expect(refusal.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('Only the person who asked') },
    });
    expect(fake.requestsMatching('DELETE /channels/:channel/messages/:message')).toEqual([]);
    expect(fake.world.messages.has(answer.id)).toBe(true);
  });

  it('lets the author of the message citebot replied to delete the reply, and nobody else', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const bob = fake.world.createUser({ username: 'bob' });
    fake.world.member(fake.world.guild.id, bob);
    const asked = fake.sendMessage(mentionMessage(fake.world, { content: question, author: bob }));
    const reply = await waitForReplyTo(fake, asked.id);
    const answer = createdMessage(fake, reply);

    const byAlice = click(fake, answer, '🗑');
    expect((await firstCallback(fake, byAlice)).body).toMatchObject({
      data: { content: expect.stringContaining('Only the person who asked') },
    });
    expect(fake.world.messages.has(answer.id)).toBe(true);

    const byBob = click(fake, answer, '🗑', bob);
    expect((await firstCallback(fake, byBob)).body.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    await fake.waitForRequest('DELETE /channels/:channel/messages/:message');
    expect(fake.world.messages.has(answer.id)).toBe(false);
  });

  it('records a 👍 once per user and answer in the store, kept across a restart, without the raw user id', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const asked = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    await fake.waitForCallback(asked);
    const answer = fake.originalMessage(asked);

    const first = await firstCallback(fake, click(fake, answer, '👍'));
    expect(first.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('recorded') },
    });
    const again = await firstCallback(fake, click(fake, answer, '👍'));
    expect(again.body).toMatchObject({
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('already voted') },
    });

    // Committed before the thanks went out; read back by a second connection to the file.
    const raw = new SqliteDatabase(join(bot.dataDir, 'citebot.sqlite'), { readonly: true });
    const rows = raw.prepare('select * from votes').all() as Record<string, unknown>[];
    raw.close();
    expect(rows).toEqual([
      expect.objectContaining({
        vote: 'up',
        question,
        sources: JSON.stringify(['004_182bb502e5372a60.txt']),
        guild_id: fake.world.guild.id,
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(fake.world.defaultUser.id);

    // After a restart the shown answer is forgotten, so the click cannot count again (the store
    // would refuse a repeat anyway: tests/store/openSqliteStore.test.ts).
    await bot.restart();
    const afterRestart = await firstCallback(fake, click(fake, answer, '👍'));
    expect(afterRestart.body).toMatchObject({ data: { content: expect.stringContaining('expired') } });
    const after = new SqliteDatabase(join(bot.dataDir, 'citebot.sqlite'), { readonly: true });
    expect(after.prepare('select count(*) from votes').pluck().get()).toBe(1);
    after.close();
  });

  it('answers a button whose state is gone with a short ephemeral note', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const asked = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    await fake.waitForCallback(asked);
    const answer = fake.originalMessage(asked);
    if (answer === undefined) throw new Error('expected the answer to be stored');
    // A stored-state key from before a restart: the store no longer knows it.
    const stale = fake.interact(
      buttonInteraction(fake.world, { customId: 'c1|mo|~AAAAAAAA', message: answer }),
    );
    const note = await firstCallback(fake, stale);
    expect(note.status).toBe(204);
    expect(note.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('expired') },
    });
    expect(bot.logs.filter((line) => line.msg === 'discord: handler failed')).toEqual([]);
  });
});
