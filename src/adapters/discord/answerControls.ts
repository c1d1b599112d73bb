import type { Asked, Asking } from './asking.ts';
import { type AnswerButton, encodeButtons } from './buttonIds.ts';
import type { BotContext } from './context.ts';
import type { AnswerControls } from './render/index.ts';

/**
 * The buttons an answer gets — Share on hidden answers, 🗑 on public ones, More when there is
 * more, 👍/👎 on answers, **Ask a human** when the server has a helper role, ✅ Solved on the
 * answer to a forum post — and the answer remembered for Share and the votes.
 */
export function answerControls(
  ctx: BotContext,
  asked: Asked,
  asking: Asking,
  offerHuman = false,
): AnswerControls {
  const { answer } = asked;
  const buttons: AnswerButton[] = [];
  if (answer.answered && answer.citations.length > 0) {
    if (asking.hidden) buttons.push('share');
    if (answer.hasMore) buttons.push('more');
    buttons.push('up', 'down');
  }
  if (!asking.hidden) buttons.push('delete');
  if (offerHuman) buttons.push('human');
  if (asking.forumPost === true) buttons.push('solved');
  if (buttons.length === 0) return {};
  const state = {
    question: answer.question,
    offset: asking.offset ?? 0,
    count: answer.citations.length,
    askerId: asking.userId,
    hidden: asking.hidden,
  };
  if (buttons.includes('up')) ctx.shownAnswers.remember(state, asked);
  return encodeButtons(buttons, state, ctx.buttonState);
}
