import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import { click, embedText, firstCallback, useCitebot } from './support.ts';

const startBot = useCitebot();

describe('/kb gaps through the real client', () => {
  it('reports grouped unanswered questions and 👎 answers with a CSV attachment', async () => {
    const bot = await startBot();
    const { fake } = bot;
    for (const question of [
      'Where is the xylophone museum?',
      'where is the XYLOPHONE museum',
      'Who paints zebras?',
    ]) {
      const asked = fake.interact(
        chatInputInteraction(fake.world, { name: 'ask', options: [opt.string('question', question)] }),
      );
      await firstCallback(fake, asked);
    }
    const answered = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', "How many professionals will China's blockchain center train?")],
      }),
    );
    await fake.waitForCallback(answered);
    await firstCallback(fake, click(fake, fake.originalMessage(answered), '👎'));

    const gaps = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'kb',
        subcommand: 'gaps',
        options: [opt.integer('days', 7)],
        memberPermissions: PermissionFlagsBits.ManageGuild,
      }),
    );
    const callback = await firstCallback(fake, gaps);
    expect(callback.status).toBeLessThan(300);
    expect(callback.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    const text = embedText((callback.body as unknown as { data: never }).data);
    expect(text).toContain('**2×** Where is the xylophone museum?');
    expect(text).toContain('**👎 1**');
    expect(text).toContain('004\\_182bb502e5372a60.txt');
    expect(callback.files).toHaveLength(1);
    expect(callback.files[0]?.name).toBe('citebot-gaps-7d.csv');
    const csv = callback.files[0]?.data.toString('utf8') ?? '';
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining([
        'kind,question,count,down,up,article',
        'unanswered,Where is the xylophone museum?,2,,,',
        'unanswered,Who paints zebras?,1,,,',
        "downvoted,How many professionals will China's blockchain center train?,1,1,0,004_182bb502e5372a60.txt",
      ]),
    );
  });
});
