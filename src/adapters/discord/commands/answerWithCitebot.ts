import { ApplicationCommandType, InteractionContextType, MessageFlags } from 'discord.js';
import { askAndRender, renderAsked } from '../answering.ts';
import { hasQuestion, stripBotMention } from '../questionText.ts';
import { Notices, rateLimitedText, renderNotice } from '../render/index.ts';
import { asEdit, asInteractionReply, replyToMessage, sendNotice } from '../respond.ts';
import type { MessageCommand } from './command.ts';

/**
 * Message context menu "Answer with citebot": answers the target message's text publicly, as a
 * reply to that message. Needs no Message Content intent (Discord sends the target's content).
 */
export const answerWithCitebot: MessageCommand = {
  data: {
    name: 'Answer with citebot',
    type: ApplicationCommandType.Message,
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },

  async execute(interaction, ctx) {
    const target = interaction.targetMessage;
    // A bot's user id is its application's id; over HTTP interactions there is no logged-in user.
    const botId = interaction.client.user?.id ?? interaction.applicationId;
    const question = stripBotMention(target.content, botId);
    if (!hasQuestion(question)) return sendNotice(interaction, Notices.noText);
    const limit = await ctx.rateLimiter.take(interaction.user.id);
    if (!limit.allowed) return sendNotice(interaction, rateLimitedText(limit.retryAfterMs));

    // The answer goes to the channel as a reply; the invoker's own response is only a deferral
    // that disappears once the answer is posted (and meets the 3 s deadline however long it takes).
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const asking = {
      question,
      userId: interaction.user.id,
      place: { guildId: interaction.guildId, channelId: interaction.channelId },
      hidden: false,
      fresh: true,
    };
    const asked = await askAndRender(ctx, asking);
    if (asked.reply.ephemeral) {
      await interaction.editReply(asEdit(asked.reply));
      return;
    }
    try {
      await replyToMessage(target, asked.reply);
    } catch (error) {
      ctx.logger.warn(
        { err: error, channelId: interaction.channelId },
        'discord: cannot reply in channel; answering privately',
      );
      await interaction.editReply(asEdit(renderAsked(ctx, asked, { ...asking, hidden: true, fresh: false })));
      await interaction.followUp(asInteractionReply(renderNotice(Notices.couldNotPost)));
      return;
    }
    // The answer is out; a leftover "thinking…" only the invoker sees is not worth an apology.
    await interaction
      .deleteReply()
      .catch((error: unknown) =>
        ctx.logger.warn({ err: error }, 'discord: cannot remove the deferred reply'),
      );
  },
};
