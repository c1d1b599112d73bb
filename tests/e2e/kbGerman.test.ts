import { type APIEmbed, Locale, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buttonInteraction, chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import { type Citebot, click, embedText, findButton, firstCallback, useCitebot } from './support.ts';

const startBot = useCitebot();

const question = "How many professionals will China's blockchain center train?";

/** `/kb <subcommand>` by a server manager with a German client. */
function kbInGerman(
  fake: Citebot['fake'],
  subcommand: string,
  options: ReturnType<typeof opt.integer>[] = [],
) {
  return fake.interact(
    chatInputInteraction(fake.world, {
      name: 'kb',
      subcommand,
      options,
      memberPermissions: PermissionFlagsBits.ManageGuild,
      locale: Locale.German,
    }),
  );
}

const dataOf = (callback: { body?: unknown }) =>
  (callback.body as { data: { content?: string; embeds?: APIEmbed[] } }).data;

describe('/kb in German through the real client', () => {
  it('reloads, shows stats and reports gaps in German, with the CSV columns as in English', async () => {
    const bot = await startBot();
    const { fake } = bot;
    // A reload may take longer than the defer threshold: its text then comes as an edit.
    const reloading = kbInGerman(fake, 'reload');
    const reloaded = await fake.waitFor(() => fake.originalMessage(reloading)?.content || undefined);
    expect(reloaded).toMatch(/^Neu geladen: 2 Artikel, \d+ Abschnitte in \d+ ms\.$/);

    const stats = embedText(dataOf(await firstCallback(fake, kbInGerman(fake, 'stats'))));
    for (const label of ['Wissensbasis', 'Abschnitte', 'Sprachen', 'Fragen seit dem Start'])
      expect(stats).toContain(label);
    expect(stats).toMatch(/vor (weniger als einer Minute|\d+ min) in \d+ ms erstellt/);
    expect(stats).toContain('Übersprungene Dateien (0)');
    expect(stats).not.toMatch(/Knowledge base|Passages|answered/);

    const unanswered = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', 'Where is the xylophone museum?')],
      }),
    );
    await firstCallback(fake, unanswered);
    const gaps = await firstCallback(fake, kbInGerman(fake, 'gaps', [opt.integer('days', 7)]));
    expect(gaps.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    const gapsText = embedText(dataOf(gaps));
    expect(gapsText).toContain('Wissenslücken der letzten 7 Tage');
    expect(gapsText).toContain('Am häufigsten ohne Antwort gefragt');
    expect(gapsText).toContain('**1×** Where is the xylophone museum?');
    expect(gapsText).toContain('Antworten mit den meisten 👎');
    expect(gaps.files[0]?.name).toBe('citebot-gaps-7d.csv');
    // Columns and kinds stay English in every language: one script reads every server's export.
    expect(gaps.files[0]?.data.toString('utf8').split('\r\n')).toEqual([
      'kind,question,count,down,up,article',
      'unanswered,Where is the xylophone museum?,1,,,',
      '',
    ]);
  });

  it('lists learned questions with German buttons and confirms a decision in German', async () => {
    const bot = await startBot();
    const { fake } = bot;
    const asked = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    await fake.waitForCallback(asked);
    await firstCallback(fake, click(fake, fake.originalMessage(asked), '👍'));

    const listed = kbInGerman(fake, 'learned');
    const list = dataOf(await firstCallback(fake, listed));
    expect(embedText(list)).toContain('Gelernte Fragen, die auf eine Entscheidung warten');
    expect(embedText(list)).toContain('in den Antworten dieses Servers');
    const listMessage = fake.originalMessage(listed);
    const approve = findButton(listMessage, 'Annehmen #1');
    expect(findButton(listMessage, 'Ablehnen #1')).toBeDefined();
    if (listMessage === undefined || approve === undefined) throw new Error('e2e: no German list');

    // A German-speaking manager presses Approve.
    const pressApprove = () =>
      firstCallback(
        fake,
        fake.interact(
          buttonInteraction(fake.world, {
            customId: approve.custom_id,
            message: listMessage,
            memberPermissions: PermissionFlagsBits.ManageGuild,
            locale: Locale.German,
          }),
        ),
      );
    const decided = await pressApprove();
    expect(decided.body).toMatchObject({ data: { content: '#1 angenommen.' } });
    expect(embedText(dataOf(decided))).toContain('keine');

    const again = await pressApprove();
    expect(again.body).toMatchObject({
      data: { content: '#1 ist schon entschieden oder gehört nicht zu diesem Server.' },
    });
  });
});
