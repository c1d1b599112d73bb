import type { Message } from 'discord.js';
import { askAndRender } from './answering.ts';
import type { BotContext } from './context.ts';
import { type ChannelMode, channelModeOf, loadGuildSettings } from './guildSettings.ts';
import { hasQuestion, isQuestionLike, mentionsBot, stripBotMention } from './questionText.ts';
import { Notices, rateLimitedText, renderNotice } from './render/index.ts';
import { replyToMessage } from './respond.ts';

/** How a message reached citebot, which decides whether and how loudly it answers. */
export type MessageRoute = 'dm' | 'mention' | 'channel';

/**
 * Whether citebot should answer `message` in a channel of `mode`, and with which question. Never
 * for bots (itself included), webhooks or system messages, never in an `off` channel, and never
 * when nothing is left to ask.
 */
export function routeMessage(
  message: Pick<Message, 'author' | 'webhookId' | 'system' | 'content'> & {
    inGuild(): boolean;
  },
  botId: string,
  mode: ChannelMode,
): { route: MessageRoute; question: string } | undefined {
  if (message.author.bot || message.webhookId !== null || message.system) return undefined;
  const question = stripBotMention(message.content, botId);
  if (!hasQuestion(question)) return undefined;
  if (!message.inGuild()) return { route: 'dm', question };
  if (mode === 'off') return undefined;
  if (mentionsBot(message.content, botId)) return { route: 'mention', question };
  if (mode === 'all' || (mode === 'questions' && isQuestionLike(question)))
    return { route: 'channel', question };
  return undefined;
}

/** The mode of the message's channel; a thread follows its parent unless it has its own. */
async function modeOf(message: Message, ctx: BotContext): Promise<ChannelMode> {
  if (!message.inGuild()) return 'mention';
  const settings = await loadGuildSettings(ctx.store, ctx.config, message.guildId);
  const parentId = message.channel.isThread() ? message.channel.parentId : null;
  return channelModeOf(settings, message.channelId, parentId).value;
}

/**
 * Answers a free-text question from a DM, an @mention or a `questions`/`all` channel with a reply
 * to the message that pings nobody. In those channels (nobody asked citebot directly) it stays
 * quiet when it has no answer or the asker is rate limited.
 */
export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot) return;
  const routed = routeMessage(message, botId, await modeOf(message, ctx));
  if (routed === undefined) return;
  const quiet = routed.route === 'channel';
  try {
    const limit = ctx.rateLimiter.take(message.author.id);
    if (!limit.allowed) {
      if (!quiet)
        await replyToMessage(
          message,
          renderNotice(rateLimitedText(limit.retryAfterMs), { ephemeral: false }),
        );
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
    await replyToMessage(message, reply);
  } catch (error) {
    ctx.logger.error(
      { err: error, route: routed.route, channelId: message.channelId },
      'discord: message handler failed',
    );
    if (quiet) return;
    await replyToMessage(message, renderNotice(Notices.apology, { ephemeral: false })).catch(
      (replyError: unknown) => ctx.logger.warn({ err: replyError }, 'discord: could not apologise'),
    );
  }
}
