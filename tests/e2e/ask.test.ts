import {
  type APIApplicationCommandAutocompleteResponse,
  type APIEmbed,
  InteractionResponseType,
  MessageFlags,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autocompleteInteraction, chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import { type Citebot, callbacksOf, embedText, firstCallback, startCitebot } from './support.ts';

let bot: Citebot;

beforeEach(async () => {
  bot = await startCitebot();
});

afterEach(async () => {
  await bot.stop();
});

/** A question the shipped article 004 answers ("…training around 500,000 blockchain professionals"). */
const question = "How many professionals will China's blockchain center train?";
const answeringArticle = '004_182bb502e5372a60.txt';
/** How the file name shows in an embed: markdown-escaped, so the underscore is not italics. */
const escapedFileName = answeringArticle.replace('_', '\\_');

/** Whether `text` has no lone surrogate (Discord reads text as UTF-8, which cannot hold one). */
function isWellFormed(text: string): boolean {
  return !/[\ud800-\udfff]/u.test(text);
}

function embedsOf(body: unknown): APIEmbed[] {
  return (body as { data?: { embeds?: APIEmbed[] } }).data?.embeds ?? [];
}

describe('/ask through the real client', () => {
  it('answers inside the 3 s deadline with an embed citing the right article and pinging nobody', async () => {
    const { fake } = bot;
    const sent = fake.interact(
      chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
    );
    const callback = await firstCallback(fake, sent);
    expect(callback.status).toBe(204);
    // Inside the deadline by behaviour, not by a clock: the answer is the one and only response,
    // sent directly (type 4), which respond() does only before its deferAfterMs (1.5 s, under
    // Discord's 3 s); a slower answer would have been deferred first (type 5, respond.test.ts).
    expect(callbacksOf(fake, sent)).toHaveLength(1);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { allowed_mentions: { parse: [], users: [] } },
    });
    const [embed] = embedsOf(callback.body);
    expect(embed?.title).toContain('How many professionals');
    expect(embed?.description).toContain('500,000');
    expect(embed?.fields?.find((field) => field.name === 'Sources')?.value ?? '').toContain(escapedFileName);
    // The answer goes out publicly and is addressed to no one.
    const original = fake.originalMessage(sent);
    expect(original?.flags ?? 0).toBe(0);
    expect(original?.mentions).toEqual([]);
    expect(original?.mention_everyone).toBe(false);
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  it('pings only the user named by mention:, not users or @everyone written in the question', async () => {
    const { fake } = bot;
    const bob = fake.world.createUser({ username: 'bob' });
    const carol = fake.world.createUser({ username: 'carol' });
    fake.world.member(fake.world.guild.id, bob);
    fake.world.member(fake.world.guild.id, carol);
    const sent = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', `${question} @everyone <@${carol.id}>`), opt.user('mention', bob)],
      }),
    );
    const callback = await firstCallback(fake, sent);
    expect(callback.status).toBe(204);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: `<@${bob.id}>`, allowed_mentions: { parse: [], users: [bob.id] } },
    });
    const original = fake.originalMessage(sent);
    expect(original?.mentions.map((user) => user.id)).toEqual([bob.id]);
    expect(original?.mention_everyone).toBe(false);
    expect(original?.mention_roles).toEqual([]);
    // The question shows in the title with its mentions broken, so it could not ping even if parsed.
    expect(embedText(original)).not.toContain(`<@${carol.id}>`);
    expect(embedText(original)).not.toMatch(/@everyone/);
  });

  it('suggests at most 25 well-formed choices for a partial question (callback type 8)', async () => {
    const { fake } = bot;
    const sent = fake.interact(
      autocompleteInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', 'blockch', { focused: true })],
      }),
    );
    const callback = await firstCallback(fake, sent);
    expect(callback.status).toBe(204);
    const body = callback.body as APIApplicationCommandAutocompleteResponse;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = body.data.choices ?? [];
    // The shipped articles are about blockchain: something must come up.
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
  });

  it.each([
    ['a lone surrogate', 'how \ud800 many'],
    ['a huge paste', 'blockchain '.repeat(1000)],
    ['only punctuation', '?!…;:()[]{}'],
    ['nothing typed yet', ''],
    // The echoed text is cut to 100 characters: a cut through the emoji would leave half of it.
    ['an emoji at the 100-character cut', `${'a'.repeat(98)}😀😀`],
  ])('answers autocomplete for %s with valid choices or none, never an error', async (_what, partial) => {
    const { fake } = bot;
    const sent = fake.interact(
      autocompleteInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', partial, { focused: true })],
      }),
    );
    const callback = await firstCallback(fake, sent);
    // 204: Discord accepted the choices (the fake rejects any beyond Discord's limits with 400).
    expect(callback.status).toBe(204);
    const body = callback.body as APIApplicationCommandAutocompleteResponse;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = body.data.choices ?? [];
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(isWellFormed(choice.name)).toBe(true);
      expect(isWellFormed(String(choice.value))).toBe(true);
    }
    expect(bot.logs.filter((line) => line.msg === 'discord: handler failed')).toEqual([]);
  });
});

describe('/article and /kb through the real client', () => {
  it('shows the article picked from the title autocomplete', async () => {
    const { fake } = bot;
    const suggested = fake.interact(
      autocompleteInteraction(fake.world, {
        name: 'article',
        options: [opt.string('name', 'national blockchain', { focused: true })],
      }),
    );
    const choices = (
      (await fake.waitForCallback(suggested)).body as APIApplicationCommandAutocompleteResponse
    ).data.choices;
    const picked = choices?.[0];
    expect(picked?.name).toContain('National Blockchain Center');

    const sent = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'article',
        options: [opt.string('name', String(picked?.value))],
      }),
    );
    const callback = await firstCallback(fake, sent);
    expect(callback.status).toBe(204);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { allowed_mentions: { parse: [], users: [] } },
    });
    const [embed] = embedsOf(callback.body);
    expect(embed?.title).toContain('National Blockchain Center');
    expect(embed?.description).toContain('China has launched National Blockchain Center in Beijing');
    expect(embed?.fields?.find((field) => field.name === 'Source')?.value ?? '').toContain(escapedFileName);
  });

  it('refuses /kb stats to a member without Manage Server even when Discord delivers the command', async () => {
    const { fake } = bot;
    // Alice is a plain member: a server can still let her see the command in its Integrations settings.
    const refused = fake.interact(chatInputInteraction(fake.world, { name: 'kb', subcommand: 'stats' }));
    const refusal = await firstCallback(fake, refused);
    expect(refusal.status).toBe(204);
    expect(refusal.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('manage this server') },
    });
    expect(embedsOf(refusal.body)).toEqual([]);

    const admin = fake.world.createUser({ username: 'admin' });
    fake.world.member(fake.world.guild.id, admin, { roles: [fake.world.guild.adminRole.id] });
    const allowed = fake.interact(
      chatInputInteraction(fake.world, { name: 'kb', subcommand: 'stats', user: admin }),
    );
    const stats = await firstCallback(fake, allowed);
    expect(stats.status).toBe(204);
    expect(stats.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    // The shipped folder holds two articles; the refused request was not a question.
    const fields = embedsOf(stats.body)[0]?.fields ?? [];
    expect(fields.find((field) => field.name === 'Articles')?.value).toBe('2');
    expect(fields.find((field) => field.name === 'Questions since start')?.value).toBe(
      '0 answered · 0 not answered',
    );
  });
});
