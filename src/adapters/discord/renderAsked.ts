import { answerControls } from './answerControls.ts';
import { type Asked, type Asking, ask } from './asking.ts';
import type { BotContext } from './context.ts';
import { type GuildSettings, loadGuildSettings } from './guildSettings.ts';
import { noticeText, type Reply, renderAnswer, renderNotice } from './render/index.ts';

/** Extra people on an answer: the one `mention` pings, or the one who shared it (not pinged). */
export interface AnswerPeople {
  readonly mentionUserId?: string;
  readonly sharedByUserId?: string;
}

/**
 * Renders an answer with its buttons, or the "please ask a question" notice when the service
 * found nothing to ask in the text.
 */
export function renderAsked(
  ctx: BotContext,
  asked: Asked,
  asking: Asking,
  people: AnswerPeople = {},
  offerHuman = false,
): Reply {
  const { answer, elapsedMs } = asked;
  if (answer.reason === 'empty-question') return renderNotice(noticeText('emptyQuestion', asking.language));
  return renderAnswer(answer, {
    elapsedMs,
    ephemeral: asking.hidden,
    ...(asking.language === undefined ? {} : { language: asking.language }),
    controls: answerControls(ctx, asked, asking, offerHuman),
    ...people,
  });
}

/** Asks and renders in one step; `settings` are the server's, when the caller has read them already. */
export async function askAndRender(
  ctx: BotContext,
  asking: Asking,
  people: AnswerPeople = {},
  known?: GuildSettings,
): Promise<Asked & { reply: Reply }> {
  const [asked, settings] = await Promise.all([
    ask(ctx, asking),
    known ?? loadGuildSettings(ctx.store, ctx.config, asking.place.guildId ?? null),
  ]);
  const offerHuman = settings.helperRoleId.value !== null;
  return { ...asked, reply: renderAsked(ctx, asked, asking, people, offerHuman) };
}
