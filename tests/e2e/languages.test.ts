import { Locale, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInputInteraction, guildObject, mentionMessage, opt } from '../support/fakeDiscord/index.ts';
import {
  type Citebot,
  click,
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

    const search = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'search',
        options: [opt.string('query', 'blockchain')],
        locale: Locale.German,
      }),
    );
    const searchText = embedText(
      ((await firstCallback(fake, search)).body as unknown as { data: never }).data,
    );
    expect(searchText).toContain('Suche: blockchain');
    expect(searchText).toMatch(/Treffer 1–\d+ von \d+ · \d+ Artikel in \d+ ms durchsucht/);
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
    const germanSet = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'config',
        subcommand: 'language',
        options: [opt.string('locale', 'de')],
        memberPermissions: PermissionFlagsBits.ManageGuild,
        locale: Locale.German,
      }),
    );
    expect((await firstCallback(fake, germanSet)).body).toMatchObject({
      data: { content: 'Antworten in Kanälen sind jetzt auf `de`.' },
    });
    await bot.restart();
    const asked = fake.sendMessage(mentionMessage(fake.world, { content: question }));
    const answer = createdMessage(fake, await waitForReplyTo(fake, asked.id));
    expect(embedText(answer)).toContain('Quellen');
    expect(findButton(answer, '🗑')).toBeDefined();
  });

  it('gives a German client German notices and German /help, and an English client the English ones', async () => {
    bot = await startCitebot({ env: { RATE_LIMIT_QUESTIONS: '1', RATE_LIMIT_WINDOW_SECONDS: '60' } });
    const { fake } = bot;
    const contentOf = async (locale?: Locale): Promise<string> => {
      const asked = fake.interact(
        chatInputInteraction(fake.world, {
          name: 'ask',
          options: [opt.string('question', question)],
          ...(locale === undefined ? {} : { locale }),
        }),
      );
      return ((await firstCallback(fake, asked)).body as { data: { content?: string } }).data.content ?? '';
    };
    await contentOf(Locale.German);
    expect(await contentOf(Locale.German)).toMatch(/^Du fragst sehr schnell — bitte warte \d+ s/);
    expect(await contentOf()).toMatch(/^You're asking quickly — please wait \d+ s/);

    const refused = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'search',
        options: [opt.string('query', ' ?! ')],
        locale: Locale.German,
      }),
    );
    expect((await firstCallback(fake, refused)).body).toMatchObject({
      data: { content: 'Bitte gib ein paar Suchwörter an.' },
    });

    const missing = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'article',
        options: [opt.string('name', 'zzqxj')],
        locale: Locale.German,
      }),
    );
    expect((await firstCallback(fake, missing)).body).toMatchObject({
      data: {
        content: expect.stringMatching(/^Es gibt keinen Artikel namens „zzqxj“\. (Probier|Meintest du)/),
      },
    });

    const found = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'article',
        options: [opt.string('name', '004_182bb502e5372a60.txt')],
        locale: Locale.German,
      }),
    );
    const card = embedText(((await firstCallback(fake, found)).body as unknown as { data: never }).data);
    expect(card).toMatch(/Quelle[\s\S]*Sprache[\s\S]*\d+ Abschnitte · \d+ Wörter/);

    const help = fake.interact(chatInputInteraction(fake.world, { name: 'help', locale: Locale.German }));
    const helpText = embedText(((await firstCallback(fake, help)).body as unknown as { data: never }).data);
    expect(helpText).toContain('So fragst du citebot');
    expect(helpText).toMatch(/\d+ Artikel geladen/);
    expect(helpText).not.toContain('How to ask citebot');
  });

  it("pings the helpers in the server's language, whoever presses Ask a human, and only their role", async () => {
    bot = await startCitebot();
    const { fake } = bot;
    const role = fake.world.guild.adminRole;
    const configure = (subcommand: string, option: ReturnType<typeof opt.role>) =>
      firstCallback(
        fake,
        fake.interact(
          chatInputInteraction(fake.world, {
            name: 'config',
            subcommand,
            options: [option],
            memberPermissions: PermissionFlagsBits.ManageGuild,
          }),
        ),
      );
    await configure('helper-role', opt.role('role', role));
    await configure('language', opt.string('locale', 'de'));
    const pingOf = async (presser?: ReturnType<typeof fake.world.createUser>) => {
      const asked = fake.interact(
        chatInputInteraction(fake.world, {
          name: 'ask',
          options: [opt.string('question', question)],
          ...(presser === undefined ? {} : { user: presser }),
        }),
      );
      await fake.waitForCallback(asked);
      // An English client presses: the ping is for the helpers, so it follows the server.
      const pressed = await firstCallback(
        fake,
        click(fake, fake.originalMessage(asked), 'Ask a human', presser),
      );
      expect(pressed.body).toMatchObject({ data: { content: expect.stringContaining('Asked the helpers') } });
      const pings = fake.requestsMatching(
        (request) =>
          request.route === 'POST /channels/:channel/messages' &&
          JSON.stringify(request.body).includes(`<@&${role.id}>`),
      );
      return pings.at(-1)?.body as { content: string; allowed_mentions: unknown };
    };
    const german = await pingOf();
    expect(german.content).toMatch(
      new RegExp(`^<@&${role.id}> <@\\d+> hätte gern Hilfe von einem Menschen bei: „How many professionals`),
    );
    expect(german.content).toContain('(Antwort von citebot: https://discord.com/channels/');
    expect(german.allowed_mentions).toEqual({ parse: [], users: [], roles: [role.id] });

    // auto: the guild's preferred locale, as Discord reports it (a server switched to German).
    await configure('language', opt.string('locale', 'auto'));
    fake.dispatch('GUILD_UPDATE', { ...guildObject(fake.world.guild), preferred_locale: Locale.German });
    await fake.waitFor(
      () =>
        bot?.client().guilds.cache.get(fake.world.guild.id)?.preferredLocale === Locale.German || undefined,
    );
    const other = fake.world.createUser({ username: 'bob' });
    fake.world.member(fake.world.guild.id, other);
    const auto = await pingOf(other);
    expect(auto.content).toContain('hätte gern Hilfe von einem Menschen bei');
    expect(auto.allowed_mentions).toEqual({ parse: [], users: [], roles: [role.id] });
  });
});
