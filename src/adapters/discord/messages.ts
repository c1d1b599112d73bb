import { ChannelType, type Message } from 'discord.js';
import type { BotContext } from './context.ts';
import { type ChannelMode, channelModeOf, guildLanguage, loadGuildSettings } from './guildSettings.ts';
import type { InterfaceLanguage } from './i18n/index.ts';
import { type Preconditions, refusal } from './preconditions.ts';
import { hasQuestion, isQuestionLike, mentionsBot, stripBotMention } from './questionText.ts';
import { noticeText, renderNotice } from './render/index.ts';
import { askAndRender } from './renderAsked.ts';
import { respond } from './respond.ts';

/** What a message question requires (its text was checked by {@link routeMessage}). */
const messagePreconditions: Preconditions = { rateLimited: true };

/** How a message reached citebot, which decides whether and how loudly it answers. */
export type MessageRoute = 'dm' | 'mention' | 'channel' | 'forum' | 'hint';

/**
 * Whether citebot should answer `message` in a channel of `mode`, and with which question. Never
 * for bots (itself included), webhooks or system messages, never in an `off` channel, and never
 * when nothing is left to ask.
 */
export function routeMessage(
  message: Pick<Message, 'author' | 'webhookId' | 'system' | 'content'> & {
    readonly mentions: { readonly repliedUser: { readonly id: string } | null };
    inGuild(): boolean;
  },
  botId: string,
  mode: ChannelMode,
  /** The post's title when `message` opens a post in a forum. */
  forumTitle?: string,
): { route: MessageRoute; question: string } | undefined {
  if (message.author.bot || message.webhookId !== null || message.system) return undefined;
  const text = stripBotMention(message.content, botId);
  if (forumTitle !== undefined && (mode === 'questions' || mode === 'all')) {
    // A new post is a question by nature: its title plus its first message.
    const question = `${forumTitle}\n${text}`.trim();
    return hasQuestion(question) ? { route: 'forum', question } : undefined;
  }
  const question = text;
  const addressed = mentionsBot(message.content, botId) || message.mentions.repliedUser?.id === botId;
  if (!hasQuestion(question)) {
    // A bare @mention deserves a word on how to ask; a reply with nothing in it does not.
    const bare = message.inGuild() && mode !== 'off' && mentionsBot(message.content, botId);
    return bare && question.trim() === '' ? { route: 'hint', question } : undefined;
  }
  if (!message.inGuild()) return { route: 'dm', question };
  if (mode === 'off') return undefined;
  // A reply to one of citebot's answers is a follow-up question, like a mention.
  if (addressed) return { route: 'mention', question };
  if (mode === 'all' || (mode === 'questions' && isQuestionLike(question)))
    return { route: 'channel', question };
  return undefined;
}

/**
 * The mode of the message's channel (a thread follows its parent unless it has its own) and, for
 * the first message of a forum post, the post's title. Later messages in a forum post are answered
 * only when they mention or reply to citebot.
 */
async function modeOf(
  message: Message,
  ctx: BotContext,
): Promise<{ mode: ChannelMode; language: InterfaceLanguage; forumTitle?: string }> {
  if (!message.inGuild()) return { mode: 'mention', language: 'en' };
  const settings = await loadGuildSettings(ctx.store, ctx.config, message.guildId);
  const language = guildLanguage(settings, message.guild?.preferredLocale ?? null);
  const channel = message.channel;
  const parentId = channel.isThread() ? channel.parentId : null;
  const mode = channelModeOf(settings, message.channelId, parentId).value;
  if (!channel.isThread() || channel.parent?.type !== ChannelType.GuildForum || mode === 'off')
    return { mode, language };
  return message.id === channel.id
    ? { mode, language, forumTitle: channel.name }
    : { mode: 'mention', language };
}

/**
 * Answers a free-text question from a DM, an @mention, a `questions`/`all` channel or a new forum
 * post with a reply to the message that pings nobody. In those channels (nobody asked citebot
 * directly) it stays quiet when it has no answer or the asker is rate limited.
 */
export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot) return;
  const { mode, language, forumTitle } = await modeOf(message, ctx);
  const routed = routeMessage(message, botId, mode, forumTitle);
  if (routed === undefined) return;
  // Claimed only for messages citebot answers: Redis is not asked about every message in a server.
  if (!(await ctx.eventClaims.claim('message', message.id))) {
    ctx.logger.debug({ messageId: message.id }, 'discord: message answered by another session');
    return;
  }
  if (routed.route === 'hint') {
    await respond(message, renderNotice(noticeText('mentionHint', language), { ephemeral: false })).catch(
      (error: unknown) => ctx.logger.warn({ err: error }, 'discord: could not send the mention hint'),
    );
    return;
  }
  const quiet = routed.route === 'channel';
  try {
    const refused = await refusal(ctx, messagePreconditions, { userId: message.author.id, language });
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
      forumPost: routed.route === 'forum',
      language,
    });
    if (quiet && !answer.answered) return;
    await respond(message, reply);
  } catch (error) {
    ctx.metrics.errors.inc({ where: 'message' });
    ctx.logger.error(
      { err: error, route: routed.route, channelId: message.channelId },
      'discord: message handler failed',
    );
    if (quiet) return;
    await respond(message, renderNotice(noticeText('apology', language), { ephemeral: false })).catch(
      (replyError: unknown) => ctx.logger.warn({ err: replyError }, 'discord: could not apologise'),
    );
  }
}
