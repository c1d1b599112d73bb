import type { Message } from 'discord.js';
import type { BotContext } from './context.ts';
import { type Preconditions, refusal } from './preconditions.ts';
import { hasQuestion, isQuestionLike, mentionsBot, stripBotMention } from './questionText.ts';
import { Notices, renderNotice } from './render/index.ts';
import { askAndRender } from './renderAsked.ts';
import { respond } from './respond.ts';

/** What a message question requires (its text was checked by {@link routeMessage}). */
const messagePreconditions: Preconditions = { rateLimited: true };

/** How a message reached citebot, which decides whether and how loudly it answers. */
export type MessageRoute = 'dm' | 'mention' | 'channel';

/**
 * Whether citebot should answer `message`, and with which question. Never for bots (itself
 * included), webhooks or system messages, and never when nothing is left to ask.
 */
export function routeMessage(
  message: Pick<Message, 'author' | 'webhookId' | 'system' | 'content' | 'channelId'> & {
    inGuild(): boolean;
  },
  botId: string,
  answerChannelIds: readonly string[],
): { route: MessageRoute; question: string } | undefined {
  if (message.author.bot || message.webhookId !== null || message.system) return undefined;
  const question = stripBotMention(message.content, botId);
  if (!hasQuestion(question)) return undefined;
  if (!message.inGuild()) return { route: 'dm', question };
  if (mentionsBot(message.content, botId)) return { route: 'mention', question };
  if (answerChannelIds.includes(message.channelId) && isQuestionLike(question))
    return { route: 'channel', question };
  return undefined;
}

/**
 * Answers a free-text question from a DM, an @mention or an answer channel with a reply to the
 * message that pings nobody. In answer channels (nobody asked citebot directly) it stays quiet
 * when it has no answer or the asker is rate limited.
 */
export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  const botId = message.client.user.id;
  const routed = routeMessage(message, botId, ctx.autoAnswer ? ctx.config.answerChannelIds : []);
  if (routed === undefined) return;
  const quiet = routed.route === 'channel';
  try {
    const refused = await refusal(ctx, messagePreconditions, { userId: message.author.id });
    if (refused !== undefined) {
      if (!quiet) await respond(message, renderNotice(refused, { ephemeral: false }));
      return;
    }
    const { reply, answer } = await askAndRender(ctx, {
      question: routed.question,
      userId: message.author.id,
      place: { guildId: message.guildId, channelId: message.channelId },
      hidden: false,
      fresh: true,
    });
    if (quiet && !answer.answered) return;
    await respond(message, reply);
  } catch (error) {
    ctx.logger.error(
      { err: error, route: routed.route, channelId: message.channelId },
      'discord: message handler failed',
    );
    if (quiet) return;
    await respond(message, renderNotice(Notices.apology, { ephemeral: false })).catch((replyError: unknown) =>
      ctx.logger.warn({ err: replyError }, 'discord: could not apologise'),
    );
  }
}
