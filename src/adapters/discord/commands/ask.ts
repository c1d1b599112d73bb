import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from 'discord.js';
import { suggestChoices } from '../autocomplete.ts';
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
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question',
        required: true,
        autocomplete: true,
        max_length: 500,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        description: 'Show the answer only to you',
      },
      {
        type: ApplicationCommandOptionType.User,
        name: 'mention',
        description: 'Point the answer at someone (they get pinged; nobody else does)',
      },
    ],
  },

  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    const hidden = interaction.options.getBoolean('hide') ?? false;
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
      },
      mention === null ? {} : { mentionUserId: mention.id },
    ).then(({ reply }) => reply);
    await respond(interaction, work, { ephemeral: hidden, deferAfterMs: ctx.tuning.deferAfterMs });
  },

  autocomplete: (interaction, ctx) => suggestChoices(interaction, ctx, 'question'),
};
