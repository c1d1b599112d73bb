import { answerControls } from './answerControls.ts';
import { type Asked, type Asking, ask } from './asking.ts';
import type { BotContext } from './context.ts';
import { Notices, type Reply, renderAnswer, renderNotice } from './render/index.ts';

/** Extra people on an answer: the one `mention` pings, or the one who shared it (not pinged). */
export interface AnswerPeople {
  readonly mentionUserId?: string;
  readonly sharedByUserId?: string;
}

/**
 * Renders an answer with its buttons, or the "please ask a question" notice when the service
 * found nothing to ask in the text.
 */
export function renderAsked(ctx: BotContext, asked: Asked, asking: Asking, people: AnswerPeople = {}): Reply {
  const { answer, elapsedMs } = asked;
  if (answer.reason === 'empty-question') return renderNotice(Notices.emptyQuestion);
  return renderAnswer(answer, {
    elapsedMs,
    ephemeral: asking.hidden,
    controls: answerControls(ctx, asked, asking),
    ...people,
  });
}

/** Asks and renders in one step. */
export async function askAndRender(
  ctx: BotContext,
  asking: Asking,
  people: AnswerPeople = {},
): Promise<Asked & { reply: Reply }> {
  const asked = await ask(ctx, asking);
  return { ...asked, reply: renderAsked(ctx, asked, asking, people) };
}
