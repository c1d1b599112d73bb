import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from 'discord.js';
import { articleButtonId } from '../articleChoice.ts';
import { suggestChoices } from '../autocomplete.ts';
import type { BotContext } from '../context.ts';
import { type InterfaceLanguage, languageOfLocale } from '../i18n/index.ts';
import { type Reply, renderArticle, renderArticleChoices, renderArticleNotFound } from '../render/index.ts';
import { respond } from '../respond.ts';
import type { SlashCommand } from './command.ts';

async function articleReply(
  ctx: BotContext,
  name: string,
  hidden: boolean,
  language: InterfaceLanguage,
): Promise<Reply> {
  const view = await ctx.service.article(name);
  if (view?.alsoMatching !== undefined) {
    const { alsoMatching, matching, ...first } = view;
    return renderArticleChoices(name, [first, ...alsoMatching], matching ?? alsoMatching.length + 1, {
      customIdOf: (source) => articleButtonId(source, hidden),
      language,
    });
  }
  if (view !== undefined) return renderArticle(view, { ephemeral: hidden, language });
  const suggestions = await ctx.service.suggest('article', name, 5).catch(() => []);
  // Not found is only the asker's business, however the article would have been shown.
  return renderArticleNotFound(name, suggestions, { language });
}

/** `/article name [hide]`: one article by title or file name (autocomplete over titles). */
export const article: SlashCommand = {
  preconditions: { needsText: 'noArticleName' },
  data: {
    name: 'article',
    type: ApplicationCommandType.ChatInput,
    description: 'Show one article: its opening, source, language and link',
    description_localizations: { de: 'Einen Artikel zeigen: Anfang, Quelle, Sprache und Link' },
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        description: 'Title or file name of the article',
        description_localizations: { de: 'Titel oder Dateiname des Artikels' },
        required: true,
        autocomplete: true,
        max_length: 200,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        name_localizations: { de: 'verbergen' },
        description: 'Show the article only to you',
        description_localizations: { de: 'Den Artikel nur dir zeigen' },
      },
    ],
  },

  async execute(interaction, ctx) {
    const name = interaction.options.getString('name', true).trim();
    const hidden = interaction.options.getBoolean('hide') ?? false;
    await respond(interaction, articleReply(ctx, name, hidden, languageOfLocale(interaction.locale)), {
      ephemeral: hidden,
      deferAfterMs: ctx.tuning.deferAfterMs,
    });
  },

  autocomplete: (interaction, ctx) => suggestChoices(interaction, ctx, 'article'),
};
