import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInputInteraction, opt } from '../support/fakeDiscord/index.ts';
import { firstCallback, knowledgeFolder, useCitebot } from './support.ts';

let folder: Awaited<ReturnType<typeof knowledgeFolder>> | undefined;

// Registered before useCitebot: after-hooks run in reverse order, so the bot stops first.
afterEach(async () => {
  await folder?.remove();
  folder = undefined;
});

const startBot = useCitebot();

// Another bot's token with an underscore, which Markdown escaping turns into `\_` before scrubbing.
const oldToken = 'NzkyNzE1NDU0MTk2MDg4ODQy.X-hvzA.Ovy4MCQywSkoMRRcl_tW4xAYK7I';

describe('secrets in articles', () => {
  it('never posts the bot token that an article contains, in /ask or /article', async () => {
    folder = await knowledgeFolder({});
    const bot = await startBot({ knowledgeDir: folder.dir });
    const { fake } = bot;
    // The token exists only once the fake has made it, so the article arrives by a reload.
    await writeFile(
      join(folder.dir, 'staging-notes.md'),
      `# Staging deployment notes\n\nThe staging deployment uses the bot token ${fake.token} for the gateway login of the staging bot, and the old bot token ${oldToken} for the gateway login of the old staging bot.\n`,
    );
    const report = await bot.running.service.reload();
    expect(report.ok).toBe(true);

    const asked = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [
          opt.string('question', 'Which bot token does the staging deployment use for the gateway login?'),
        ],
      }),
    );
    const answer = await firstCallback(fake, asked);
    const article = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'article',
        options: [opt.string('name', 'staging-notes.md')],
      }),
    );
    const shown = await firstCallback(fake, article);
    for (const callback of [answer, shown]) {
      expect(callback.status).toBe(204);
      const sent = JSON.stringify(callback.body);
      // The article was cited (its text is there), its token was not.
      expect(sent).toContain('[REDACTED]');
      expect(sent).not.toContain(fake.token);
      expect(sent).not.toMatch(/Ovy4MCQywSkoMRRcl/);
    }
  });
});
