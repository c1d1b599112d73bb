import {
  type APIEmbed,
  type APIMessage,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buttonInteraction, chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import {
  buttonsOf,
  type Citebot,
  click,
  embedText,
  findButton,
  firstCallback,
  startCitebot,
} from './support.ts';

let bot: Citebot | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const article = '004\\_182bb502e5372a60.txt';
// A made-up word no article contains: only an approved alias can make it find one.
const wording = "How many professionals will China's blockchain center train, zorblax?";

/** Asks `/ask question` and returns the answer message with its first Sources line. */
async function ask(fake: Citebot['fake'], question: string) {
  const asked = fake.interact(
    chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
  );
  await fake.waitForCallback(asked);
  const message = fake.originalMessage(asked);
  const sources = (message?.embeds as APIEmbed[] | undefined)?.[0]?.fields?.find(
    (field) => field.name === 'Sources',
  );
  return { message, firstSource: sources?.value.split('\n')[0] ?? '' };
}

function kbLearned(fake: Citebot['fake']) {
  return fake.interact(
    chatInputInteraction(fake.world, {
      name: 'kb',
      subcommand: 'learned',
      memberPermissions: PermissionFlagsBits.ManageGuild,
    }),
  );
}

describe('learned aliases through the real client', () => {
  it("keeps the asker's 👍 question as a candidate; once approved and reloaded, that wording finds the article", async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const before = await ask(fake, 'zorblax');
    expect(before.firstSource).not.toContain(article);

    const answered = await ask(fake, wording);
    expect(answered.firstSource).toContain(article);
    const thanks = await firstCallback(fake, click(fake, answered.message, '👍'));
    expect(thanks.body).toMatchObject({ data: { content: expect.stringContaining('recorded') } });

    const listed = kbLearned(fake);
    const list = await firstCallback(fake, listed);
    expect(list.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    const listText = embedText((list.body as unknown as { data: never }).data);
    expect(listText).toContain('zorblax');
    expect(listText).toContain(article);
    const listMessage = fake.originalMessage(listed);
    const approve = findButton(listMessage, 'Approve #1');
    expect(approve).toBeDefined();

    // A member without Manage Server cannot decide.
    const refused = await firstCallback(
      fake,
      fake.interact(
        buttonInteraction(fake.world, {
          customId: approve?.custom_id ?? '',
          message: listMessage ?? never(),
        }),
      ),
    );
    expect(refused.body).toMatchObject({ data: { content: expect.stringContaining('manage this server') } });

    const decided = await firstCallback(
      fake,
      fake.interact(
        buttonInteraction(fake.world, {
          customId: approve?.custom_id ?? '',
          message: listMessage ?? never(),
          memberPermissions: PermissionFlagsBits.ManageGuild,
        }),
      ),
    );
    expect(decided.body).toMatchObject({ data: { content: '#1 approved.' } });
    expect(embedText((decided.body as unknown as { data: never }).data)).not.toContain('zorblax');

    const reload = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'kb',
        subcommand: 'reload',
        memberPermissions: PermissionFlagsBits.ManageGuild,
      }),
    );
    await fake.waitForCallback(reload);
    await fake.waitFor(() => bot?.logs.find((line) => line.msg === 'knowledge: reloaded by /kb reload'));

    const after = await ask(fake, 'zorblax');
    expect(after.firstSource).toContain(article);

    // Approved before a restart: indexed again at start, without a reload.
    await bot.restart();
    const afterRestart = await ask(fake, 'zorblax');
    expect(afterRestart.firstSource).toContain(article);
  });

  it('proposes nothing when someone other than the asker presses 👍', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const answered = await ask(fake, wording);
    const other = fake.world.createUser({ username: 'bob' });
    fake.world.member(fake.world.guild.id, other);
    await firstCallback(fake, click(fake, answered.message, '👍', other));
    const list = await firstCallback(fake, kbLearned(fake));
    expect(embedText((list.body as unknown as { data: never }).data)).not.toContain('zorblax');
  });
});

describe('/kb learned with more candidates than fit one message', () => {
  it('pages through them 4 at a time with Previous / Next and stays on the page after a decision', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const store = bot.running.bot?.context.store ?? never();
    // Nine candidates straight into the store: proposing by 👍 is the test above.
    for (let n = 1; n <= 9; n++)
      await store.proposeAlias({
        article,
        question: `candidate question ${n}`,
        guildId: fake.world.guild.id,
      });

    const listed = kbLearned(fake);
    await fake.waitForCallback(listed);
    const first = fake.originalMessage(listed) ?? never();
    expect(first.components).toHaveLength(5);
    expect(embedText(first)).toContain('Page 1 of 3 · 9 waiting');
    expect(embedText(first)).toContain('candidate question 4');
    expect(embedText(first)).not.toContain('candidate question 5');
    expect(findButton(first, 'Previous')?.disabled).toBe(true);

    const manager = { memberPermissions: PermissionFlagsBits.ManageGuild };
    const press = async (message: APIMessage, label: string) => {
      const button = findButton(message, label) ?? never();
      const pressed = fake.interact(
        buttonInteraction(fake.world, { customId: button.custom_id, message, ...manager }),
      );
      const callback = await firstCallback(fake, pressed);
      // Updated in place (callback type 7), like the search pages.
      expect(callback.body).toMatchObject({ type: InteractionResponseType.UpdateMessage });
      return (callback.body as unknown as { data: APIMessage }).data;
    };
    const second = await press(first, 'Next');
    expect(embedText(second)).toContain('Page 2 of 3');
    expect(buttonsOf(second).map((button) => button.label)).toEqual([
      'Approve #5',
      'Reject #5',
      'Approve #6',
      'Reject #6',
      'Approve #7',
      'Reject #7',
      'Approve #8',
      'Reject #8',
      'Previous',
      'Next',
    ]);
    const third = await press({ ...first, ...second }, 'Next');
    expect(embedText(third)).toContain('Page 3 of 3');
    expect(findButton(third, 'Next')?.disabled).toBe(true);
    // Deciding the only candidate of the last page leaves 8: two full pages, so page 2 is shown.
    const decided = await press({ ...first, ...third }, 'Reject #9');
    expect(decided.content).toBe('#9 rejected.');
    expect(embedText(decided)).toContain('Page 2 of 2 · 8 waiting');
    expect(embedText(decided)).toContain('candidate question 8');
    const back = await press({ ...first, ...decided }, 'Previous');
    expect(embedText(back)).toContain('candidate question 1');
  });

  it('shows up to 5 candidates on one page without paging', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const store = bot.running.bot?.context.store ?? never();
    for (let n = 1; n <= 5; n++)
      await store.proposeAlias({
        article,
        question: `candidate question ${n}`,
        guildId: fake.world.guild.id,
      });
    const listed = kbLearned(fake);
    await fake.waitForCallback(listed);
    const message = fake.originalMessage(listed) ?? never();
    expect(buttonsOf(message).map((button) => button.label)).toContain('Approve #5');
    expect(findButton(message, 'Next')).toBeUndefined();
  });
});

function never(): never {
  throw new Error('e2e: a message or button is missing');
}
