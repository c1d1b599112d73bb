import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { chatInputInteraction, mentionMessage, message, opt } from '../support/fakeDiscord/index.ts';
import { createdMessage, firstCallback, useCitebot, waitForReplyTo } from './support.ts';

const startBot = useCitebot();

const question = "How many professionals will China's blockchain center train?";

describe('replies and follow-ups through the real client', () => {
  it('answers a reply to one of its answers like a mention (no Message Content intent needed)', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const asked = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const answer = createdMessage(fake, await waitForReplyTo(fake, asked.id));
    // The reply pings citebot (Discord's default), so its text is delivered without the intent.
    const followUp = fake.sendMessage(
      message(fake.world, { content: question, replyTo: answer, mentions: [fake.world.bot] }),
    );
    const reply = await waitForReplyTo(fake, followUp.id);
    expect(JSON.stringify(reply.body)).toContain('500,000');
    expect(reply.body).toMatchObject({ allowed_mentions: { parse: [], users: [], replied_user: false } });
  });

  it('answers a bare @mention with a one-line hint', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const bare = fake.sendMessage(mentionMessage(fake.world, { content: '' }));
    const reply = await waitForReplyTo(fake, bare.id);
    expect((reply.body as { content?: string }).content).toMatch(/^Ask me after the mention[^\n]*$/);
  });

  it('shows a /search that finds nothing, and an /article that does not exist, only to the asker', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const search = await firstCallback(
      fake,
      fake.interact(
        chatInputInteraction(fake.world, {
          name: 'search',
          options: [opt.string('query', 'xylophone quartz')],
        }),
      ),
    );
    expect(search.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    expect(JSON.stringify(search.body)).toContain("I couldn't find an answer to that in the articles.");
    const article = await firstCallback(
      fake,
      fake.interact(
        chatInputInteraction(fake.world, {
          name: 'article',
          options: [opt.string('name', 'Zyxw qqq')],
        }),
      ),
    );
    expect(article.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
  });
});
