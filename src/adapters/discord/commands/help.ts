import { ApplicationCommandType, InteractionContextType } from 'discord.js';
import type { BotContext } from '../context.ts';
import { type InterfaceLanguage, languageOfLocale } from '../i18n/index.ts';
import { type Reply, renderHelp } from '../render/index.ts';
import { respond } from '../respond.ts';
import type { SlashCommand } from './command.ts';

/** Example questions from the index, else article titles: whatever the knowledge offers. */
async function examples(ctx: BotContext): Promise<string[]> {
  const questions = await ctx.service.suggest('question', '', 5).catch(() => []);
  if (questions.length > 0) return questions.map((suggestion) => suggestion.value);
  const titles = await ctx.service.suggest('article', '', 5).catch(() => []);
  return titles.map((suggestion) => suggestion.name);
}

async function helpReply(ctx: BotContext, language: InterfaceLanguage): Promise<Reply> {
  const [stats, found] = await Promise.all([ctx.service.stats(), examples(ctx)]);
  return renderHelp(
    {
      examples: found,
      articles: stats.articles,
      answerChannels: ctx.autoAnswer ? ctx.config.answerChannelIds : [],
    },
    language,
  );
}

/** `/help`: how to ask, with examples drawn from the loaded knowledge. */
export const help: SlashCommand = {
  data: {
    name: 'help',
    type: ApplicationCommandType.ChatInput,
    description: 'How to ask citebot, with examples',
    description_localizations: { de: 'Wie man citebot fragt, mit Beispielen' },
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },

  async execute(interaction, ctx) {
    await respond(interaction, helpReply(ctx, languageOfLocale(interaction.locale)), {
      ephemeral: true,
      deferAfterMs: ctx.tuning.deferAfterMs,
    });
  },
};
