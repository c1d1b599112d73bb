import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { BotContext } from './context.ts';
import type { InterfaceLanguage } from './i18n/index.ts';
import { hasQuestion } from './questionText.ts';
import { type NoticeName, noticeText, rateLimitedText } from './render/index.ts';

/**
 * What a command or button requires before its handler runs, declared beside its definition and
 * checked once by the router (sapphire's preconditions).
 */
export interface Preconditions {
  /** Only members who may manage the server (checked as well as `default_member_permissions`). */
  readonly adminOnly?: boolean;
  /** The text it acts on must have something to ask (a letter or digit); else this notice. */
  readonly needsText?: NoticeName;
  /** Counts against the user's question budget (the rate limiter); over it, a "please wait" notice. */
  readonly rateLimited?: boolean;
}

/** Who asks, and the text they want answered (for `needsText`). */
export interface Request {
  readonly userId: string;
  readonly isAdmin?: boolean;
  readonly text?: string;
  /** The language of the refusal (English when absent). */
  readonly language?: InterfaceLanguage;
}

/**
 * The notice refusing `request`, or undefined when every precondition holds. The rate limit is
 * checked last, so a refused request never costs the user a question.
 */
export async function refusal(
  ctx: BotContext,
  preconditions: Preconditions,
  request: Request,
): Promise<string | undefined> {
  const { language } = request;
  if (preconditions.adminOnly && !request.isAdmin) return noticeText('adminOnly', language);
  if (preconditions.needsText !== undefined && !hasQuestion(request.text ?? '')) {
    return noticeText(preconditions.needsText, language);
  }
  if (preconditions.rateLimited) {
    const limit = await ctx.rateLimiter.take(request.userId);
    if (!limit.allowed) {
      ctx.metrics.rateLimited.inc();
      return rateLimitedText(limit.retryAfterMs, language);
    }
  }
  return undefined;
}

/** Whether the member may manage this server (`/kb`): never in DMs. */
export function isServerManager(interaction: Interaction): boolean {
  return (
    interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false)
  );
}
