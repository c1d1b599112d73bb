import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { languageOfLocale } from './i18n/index.ts';
import { renderArticle, renderArticleNotFound } from './render/index.ts';
import { DiscordLimits } from './render/limits.ts';
import { respond } from './respond.ts';

// Its own prefix beside the answer buttons' `c1|`: the article id travels whole, so the button
// needs no stored state and survives restarts.
const prefix = 'ka1|';

/**
 * The custom_id of the button that shows article `source` (`ka1|h|<id>` when the article is shown
 * only to the presser), or undefined when the id is too long for one.
 */
export function articleButtonId(source: string, hidden: boolean): string | undefined {
  const id = `${prefix}${hidden ? 'h' : 'p'}|${source}`;
  return id.length <= DiscordLimits.customId ? id : undefined;
}

/** The article a "several match" button stands for, or undefined for any other button. */
export function decodeArticleButton(customId: string): { source: string; hidden: boolean } | undefined {
  const match = /^ka1\|([hp])\|(.+)$/s.exec(customId);
  return match === null ? undefined : { source: match[2] ?? '', hidden: match[1] === 'h' };
}

/** A button of `/article`'s "several match" reply: shows that article as `/article` would have. */
export async function showChosenArticle(
  interaction: ButtonInteraction,
  ctx: BotContext,
  choice: { source: string; hidden: boolean },
): Promise<void> {
  const language = languageOfLocale(interaction.locale);
  const work = ctx.service.article(choice.source).then((view) =>
    // Gone since the list was made (a reload): not found, with nothing to suggest.
    view?.source === choice.source
      ? renderArticle(view, { ephemeral: choice.hidden, language })
      : renderArticleNotFound(choice.source, [], { language }),
  );
  await respond(interaction, work, { ephemeral: choice.hidden, deferAfterMs: ctx.tuning.deferAfterMs });
}
