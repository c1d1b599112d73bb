import { ApplicationCommandType, InteractionContextType } from 'discord.js';
import { languageOfLocale } from '../i18n/index.ts';
import { stripBotMention } from '../questionText.ts';
import { noticeText, renderNotice } from '../render/index.ts';
import { askAndRender, renderAsked } from '../renderAsked.ts';
import { deferResponse, respond, withdrawResponse } from '../respond.ts';
import type { MessageCommand } from './command.ts';

/**
 * Message context menu "Answer with citebot": answers the target message's text publicly, as a
 * reply to that message. Needs no Message Content intent (Discord sends the target's content).
 */
export const answerWithCitebot: MessageCommand = {
  preconditions: { needsText: 'noText', rateLimited: true },
  data: {
    name: 'Answer with citebot',
    name_localizations: { de: 'Mit citebot beantworten' },
    type: ApplicationCommandType.Message,
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },

  async execute(interaction, ctx) {
    const target = interaction.targetMessage;
    // A bot's user id is its application's id; over HTTP interactions there is no logged-in user.
    const question = stripBotMention(
      target.content,
      interaction.client.user?.id ?? interaction.applicationId,
    );

    // The answer goes to the channel as a reply; the invoker's own response is only a deferral
    // that disappears once the answer is posted (and meets the 3 s deadline however long it takes).
    await deferResponse(interaction, true);
    const asking = {
      question,
      userId: interaction.user.id,
      place: { guildId: interaction.guildId, channelId: interaction.channelId },
      hidden: false,
      fresh: true,
    };
    const asked = await askAndRender(ctx, asking);
    if (asked.reply.ephemeral) {
      await respond(interaction, asked.reply, { mode: 'edit' });
      return;
    }
    try {
      await respond(target, asked.reply);
    } catch (error) {
      ctx.logger.warn(
        { err: error, channelId: interaction.channelId },
        'discord: cannot reply in channel; answering privately',
      );
      await respond(interaction, renderAsked(ctx, asked, { ...asking, hidden: true, fresh: false }), {
        mode: 'edit',
      });
      await respond(
        interaction,
        renderNotice(noticeText('couldNotPost', languageOfLocale(interaction.locale))),
      );
      return;
    }
    // The answer is out; a leftover "thinking…" only the invoker sees is not worth an apology.
    await withdrawResponse(interaction).catch((error: unknown) =>
      ctx.logger.warn({ err: error }, 'discord: cannot remove the deferred reply'),
    );
  },
};
