import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { mentionMessage, message } from '../support/fakeDiscord/index.ts';
import {
  click,
  createdMessage,
  embedText,
  findButton,
  firstCallback,
  settled,
  useCitebot,
  waitForReplyTo,
} from './support.ts';

const startBot = useCitebot();

const title = "How many professionals will China's blockchain center train?";

/** citebot with the forum `#help` in `questions` mode (from ANSWER_CHANNEL_IDS) and the intent granted. */
function startWithForum() {
  return startBot({
    fake: { enabledPrivilegedIntents: GatewayIntentBits.MessageContent },
    env: (fake) => ({ ANSWER_CHANNEL_IDS: fake.world.guild.forumChannel.id }),
  });
}

describe('forum channels through the real client', () => {
  it('answers a new post in its thread (title plus first message), then only mentions in it', async () => {
    const bot = await startWithForum();
    const { fake } = bot;
    // The question is in the first message; the title alone would not be one.
    const { thread, starter } = fake.createForumPost({ title: 'Blockchain center', content: title });
    const reply = await waitForReplyTo(fake, starter.id);
    expect(reply.path).toBe(`/channels/${thread.id}/messages`);
    const answer = createdMessage(fake, reply);
    expect(embedText(answer)).toContain('500,000');
    expect(findButton(answer, 'Solved')).toBeDefined();

    const followUp = fake.sendMessage(
      message(fake.world, { content: 'What about the alliance?', channelId: thread.id }),
    );
    const mentioned = fake.sendMessage(
      mentionMessage(fake.world, { content: 'Who built the center?', channelId: thread.id }),
    );
    await waitForReplyTo(fake, mentioned.id);
    await settled(fake);
    expect(
      fake.requestsMatching(
        (request) =>
          (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
            ?.message_id === followUp.id,
      ),
    ).toEqual([]);
  });

  it('lets only the post author press ✅ Solved: tags the post Solved and closes it', async () => {
    const bot = await startWithForum();
    const { fake } = bot;
    const { thread, starter } = fake.createForumPost({ title, content: '' });
    const answer = createdMessage(fake, await waitForReplyTo(fake, starter.id));
    const solvedTag = fake.world.guild.forumChannel.available_tags.find((tag) => tag.name === 'Solved');

    const bob = fake.world.createUser({ username: 'bob' });
    fake.world.member(fake.world.guild.id, bob);
    const refused = await firstCallback(fake, click(fake, answer, 'Solved', bob));
    expect(refused.body).toMatchObject({
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('Only the person who opened') },
    });
    expect(fake.world.thread(thread.id)?.thread_metadata?.archived).toBe(false);

    const solved = await firstCallback(fake, click(fake, answer, 'Solved'));
    expect(solved.body).toMatchObject({ data: { content: expect.stringContaining('solved') } });
    const patch = await fake.waitForRequest(
      (request) => request.method === 'PATCH' && request.path === `/channels/${thread.id}`,
    );
    expect(patch.status).toBe(200);
    expect(patch.body).toEqual({ applied_tags: [solvedTag?.id], archived: true });
    expect(fake.world.thread(thread.id)).toMatchObject({
      applied_tags: [solvedTag?.id],
      thread_metadata: { archived: true },
    });
  });

  it('leaves posts alone in a forum in the default `mention` mode', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const { starter } = fake.createForumPost({ title, content: 'anyone?' });
    await settled(fake);
    expect(
      fake.requestsMatching(
        (request) =>
          (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
            ?.message_id === starter.id,
      ),
    ).toEqual([]);
  });
});
