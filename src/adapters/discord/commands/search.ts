import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from 'discord.js';
import { languageOfLocale } from '../i18n/index.ts';
import { respond } from '../respond.ts';
import { searchPage } from '../searching.ts';
import type { SlashCommand } from './command.ts';

/** `/search query [hide]`: the best passage of each matching article, with page buttons. */
export const search: SlashCommand = {
  preconditions: { needsText: 'noSearchText', rateLimited: true },
  data: {
    name: 'search',
    type: ApplicationCommandType.ChatInput,
    description: 'Search the articles; one passage per matching article',
    description_localizations: { de: 'Die Artikel durchsuchen; ein Abschnitt pro passendem Artikel' },
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        name_localizations: { de: 'suchbegriff' },
        description: 'Words to look for',
        description_localizations: { de: 'Gesuchte Wörter' },
        required: true,
        max_length: 500,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        name_localizations: { de: 'verbergen' },
        description: 'Show the results only to you',
        description_localizations: { de: 'Die Ergebnisse nur dir zeigen' },
      },
    ],
  },

  async execute(interaction, ctx) {
    const query = interaction.options.getString('query', true);
    const hidden = interaction.options.getBoolean('hide') ?? false;
    await respond(interaction, searchPage(ctx, query, 0, hidden, languageOfLocale(interaction.locale)), {
      // A slow search defers privately when it may turn out empty.
      ephemeral: hidden,
      deferAfterMs: ctx.tuning.deferAfterMs,
    });
  },
};
