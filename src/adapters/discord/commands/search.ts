import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from 'discord.js';
import { hasQuestion } from '../questionText.ts';
import { rateLimitedText } from '../render/index.ts';
import { respondInTime, sendNotice } from '../respond.ts';
import { searchPage } from '../searching.ts';
import type { SlashCommand } from './command.ts';

/** `/search query [hide]`: the best passage of each matching article, with page buttons. */
export const search: SlashCommand = {
  data: {
    name: 'search',
    type: ApplicationCommandType.ChatInput,
    description: 'Search the articles; one passage per matching article',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Words to look for',
        required: true,
        max_length: 500,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        description: 'Show the results only to you',
      },
    ],
  },

  async execute(interaction, ctx) {
    const query = interaction.options.getString('query', true);
    const hidden = interaction.options.getBoolean('hide') ?? false;
    if (!hasQuestion(query)) return sendNotice(interaction, 'Please give some words to search for.');
    const limit = await ctx.rateLimiter.take(interaction.user.id);
    if (!limit.allowed) return sendNotice(interaction, rateLimitedText(limit.retryAfterMs));
    await respondInTime(interaction, searchPage(ctx, query, 0, hidden), {
      ephemeral: hidden,
      deferAfterMs: ctx.tuning.deferAfterMs,
    });
  },
};
