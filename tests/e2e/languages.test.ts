import { Locale, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInputInteraction, mentionMessage, opt } from '../support/fakeDiscord/index.ts';
import {
  type Citebot,
  createdMessage,
  embedText,
  findButton,
  firstCallback,
  startCitebot,
  waitForReplyTo,
} from './support.ts';

let bot: Citebot | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const question = "How many professionals will China's blockchain center train?";

describe('the interface language through the real client', () => {
  it('labels an /ask answer in German for a German client, and in English otherwise', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const german = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', question), opt.boolean('hide', true)],
        locale: Locale.German,
      }),
    );
    const body = (await firstCallback(fake, german)).body as { data: { embeds: unknown[] } };
    const text = embedText(body.data as never);
    expect(text).toContain('Quellen');
    expect(text).toMatch(/Artikel in \d+ ms durchsucht/);
    expect(JSON.stringify(body)).toContain('"label":"Teilen"');

    const english = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    const englishText = embedText(
      ((await firstCallback(fake, english)).body as unknown as { data: never }).data,
    );
    expect(englishText).toContain('Sources');
    expect(englishText).toMatch(/Searched \d+ articles? in \d+ ms/);
  });

  it('answers mentions in the language set by /config language, also after a restart', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const set = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'config',
        subcommand: 'language',
        options: [opt.string('locale', 'de')],
        memberPermissions: PermissionFlagsBits.ManageGuild,
      }),
    );
    await firstCallback(fake, set);
    await bot.restart();
    const asked = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const answer = createdMessage(fake, await waitForReplyTo(fake, asked.id));
    expect(embedText(answer)).toContain('Quellen');
    expect(findButton(answer, '🗑')).toBeDefined();
  });
});
