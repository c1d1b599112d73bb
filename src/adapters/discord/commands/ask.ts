import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from 'discord.js';
import { suggestChoices } from '../autocomplete.ts';
import { loadGuildSettings } from '../guildSettings.ts';
import { languageOfLocale } from '../i18n/index.ts';
import { askAndRender } from '../renderAsked.ts';
import { respond } from '../respond.ts';
import type { SlashCommand } from './command.ts';

/** `/ask question [hide] [mention]`: an answer with cited snippets. */
export const ask: SlashCommand = {
  preconditions: { needsText: 'emptyQuestion', rateLimited: true },
  data: {
    name: 'ask',
    type: ApplicationCommandType.ChatInput,
    description: 'Ask a question; get an answer quoted and cited from the articles',
    description_localizations: {
      de: 'Stelle eine Frage; die Antwort wird aus den Artikeln zitiert und belegt',
    },
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        name_localizations: { de: 'frage' },
        description: 'Your question',
        description_localizations: { de: 'Deine Frage' },
        required: true,
        autocomplete: true,
        max_length: 500,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        name_localizations: { de: 'verbergen' },
        description: 'Show the answer only to you (the server may make this the default)',
        description_localizations: {
          de: 'Die Antwort nur dir zeigen (der Server kann das zur Voreinstellung machen)',
        },
      },
      {
        type: ApplicationCommandOptionType.User,
        name: 'mention',
        name_localizations: { de: 'erwähnen' },
        description: 'Point the answer at someone (they get pinged; nobody else does)',
        description_localizations: {
          de: 'Die Antwort an jemanden richten (nur diese Person wird angepingt)',
        },
      },
    ],
  },

  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    // Read once: for hide-by-default here and for the Ask a human button when rendering.
    const settings = await loadGuildSettings(ctx.store, ctx.config, interaction.guildId);
    const hidden = interaction.options.getBoolean('hide') ?? settings.hideByDefault.value;
    // A hidden answer cannot be seen by the person it would point at, so it pings nobody.
    const mention = hidden ? null : interaction.options.getUser('mention');
    const work = askAndRender(
      ctx,
      {
        question,
        userId: interaction.user.id,
        place: { guildId: interaction.guildId, channelId: interaction.channelId },
        hidden,
        fresh: true,
        language: languageOfLocale(interaction.locale),
      },
      mention === null ? {} : { mentionUserId: mention.id },
      settings,
    ).then(({ reply }) => reply);
    await respond(interaction, work, { ephemeral: hidden, deferAfterMs: ctx.tuning.deferAfterMs });
  },

  autocomplete: (interaction, ctx) => suggestChoices(interaction, ctx, 'question'),
};
