import { type APIMessage, Locale, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buttonInteraction, chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import { buttonsOf, type Citebot, embedText, firstCallback, startCitebot } from './support.ts';

let bot: Citebot | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const ENGLISH = '004_182bb502e5372a60.txt';
const GERMAN = '000_3bc0f4edfab983df.txt';

function articleCommand(fake: Citebot['fake'], name: string, more: { hide?: boolean; locale?: Locale } = {}) {
  return fake.interact(
    chatInputInteraction(fake.world, {
      name: 'article',
      options: [
        opt.string('name', name),
        ...(more.hide === undefined ? [] : [opt.boolean('hide', more.hide)]),
      ],
      ...(more.locale === undefined ? {} : { locale: more.locale }),
    }),
  );
}

/** Presses the button of the list whose label starts with `prefix`, as a client in `locale`. */
function pick(fake: Citebot['fake'], message: APIMessage | undefined, prefix: string, locale?: Locale) {
  const button = buttonsOf(message).find((candidate) => candidate.label?.startsWith(prefix));
  if (message === undefined || button === undefined) throw new Error(`e2e: no '${prefix}' button`);
  return fake.interact(
    buttonInteraction(fake.world, {
      customId: button.custom_id,
      message,
      ...(locale === undefined ? {} : { locale }),
    }),
  );
}

const dataOf = (callback: { body?: unknown }) => (callback.body as { data: APIMessage }).data;

describe('/article when several articles match, through the real client', () => {
  it('says so, lists them, and shows the one whose button is pressed', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    // Both shipped titles hold "China".
    const asked = articleCommand(fake, 'china');
    const callback = await firstCallback(fake, asked);
    expect(callback.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    const data = dataOf(callback);
    expect(data.embeds ?? []).toHaveLength(0);
    expect(data.content).toMatch(
      /^Several articles \(2\) match “china”\. Which one\?\n1\. \*\*China begrüßt/,
    );
    expect(data.content).toContain('004\\_182bb502e5372a60.txt');
    const list = fake.originalMessage(asked);
    expect(buttonsOf(list).map((button) => button.label)).toEqual([
      '1. China begrüßt in Chongqing seine erste Blockchain-Allianz auf Provinzebene',
      // A label holds 80 characters at most.
      '2. China Rolls Out National Blockchain Center to Train more than 500000 Profess…',
    ]);

    const shown = await firstCallback(fake, pick(fake, list, '2. '));
    // /article without hide: the chosen article is shown to the channel.
    expect(dataOf(shown).flags ?? 0).toBe(0);
    const card = embedText(dataOf(shown));
    expect(card).toContain('China Rolls Out National Blockchain Center');
    expect(card).toContain('004\\_182bb502e5372a60.txt');
  });

  it('keeps the chosen article hidden when /article asked for hide, and speaks German to a German client', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const asked = articleCommand(fake, 'CHINA', { hide: true, locale: Locale.German });
    expect(dataOf(await firstCallback(fake, asked)).content).toMatch(
      /^Mehrere Artikel \(2\) passen zu „CHINA“\. Welchen meinst du\?/,
    );
    const shown = await firstCallback(fake, pick(fake, fake.originalMessage(asked), '1. ', Locale.German));
    expect(shown.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    expect(embedText(dataOf(shown))).toMatch(/000\\_3bc0f4edfab983df\.txt[\s\S]*Abschnitte/);
  });

  it('shows a single match directly, as before', async () => {
    bot = await startCitebot();
    const { fake } = bot;
    for (const [name, source] of [
      ['national blockchain center', ENGLISH],
      [GERMAN, GERMAN],
    ] as const) {
      const data = dataOf(await firstCallback(fake, articleCommand(fake, name)));
      expect(embedText(data)).toContain(source.replace('_', '\\_'));
      expect(buttonsOf(data)).toHaveLength(0);
    }
  });
});
