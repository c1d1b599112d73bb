import { performance } from 'node:perf_hooks';
import type { Answer } from '../../core/types.ts';
import type { Place } from '../../store/index.ts';
import type { BotContext } from './context.ts';
import { type AnswerButton, encodeButtons } from './customId.ts';
import { loadGuildSettings } from './guildSettings.ts';
import { type AnswerControls, Notices, type Reply, renderAnswer, renderNotice } from './render/index.ts';

/** Who asked what, where, and how the answer is shown. */
export interface Asking {
  readonly question: string;
  readonly userId: string;
  readonly place: Place;
  /** Ephemeral: only the asker sees it (offers Share instead of 🗑). */
  readonly hidden: boolean;
  /** Citation offset (More). */
  readonly offset?: number;
  /** Citations wanted (re-asking for the exact page that was shown). */
  readonly limit?: number;
  /** A new question (counted and logged when unanswered) rather than More/Share of an old one. */
  readonly fresh: boolean;
  /** The question opened a forum post: its author gets ✅ Solved. */
  readonly forumPost?: boolean;
}

/** Asks the service, counting and logging the outcome; the question is capped first. */
export async function ask(ctx: BotContext, asking: Asking): Promise<{ answer: Answer; elapsedMs: number }> {
  const question = asking.question.slice(0, ctx.tuning.maxQuestionLength);
  const started = performance.now();
  const answer = await ctx.service.ask(question, {
    ...(asking.offset === undefined ? {} : { offset: asking.offset }),
    ...(asking.limit === undefined ? {} : { limit: asking.limit }),
  });
  const elapsedMs = performance.now() - started;
  if (asking.fresh && answer.reason !== 'empty-question') {
    if (answer.answered) ctx.counters.answered += 1;
    else {
      ctx.counters.unanswered += 1;
      // The asker still gets the "not found" answer if the log cannot be written.
      await ctx.store
        .recordUnanswered({
          question,
          reason: answer.reason ?? 'no-match',
          sources: answer.related.map((ref) => ref.source),
          userId: asking.userId,
          place: asking.place,
        })
        .catch((error: unknown) => ctx.logger.error({ err: error }, 'store: unanswered question not stored'));
    }
  }
  // Question text stays out of the log: it is the users', and the unanswered log keeps what matters.
  const outcome = {
    answered: answer.answered,
    reason: answer.reason,
    citations: answer.citations.length,
    ms: Math.round(elapsedMs),
  };
  if (asking.fresh) ctx.logger.info(outcome, 'discord: question answered');
  else ctx.logger.debug(outcome, 'discord: answer page fetched');
  return { answer, elapsedMs };
}

/**
 * The buttons an answer gets: Share on hidden answers, 🗑 on public ones, More when there is more,
 * **Ask a human** when the server has a helper role.
 */
export function answerControls(
  ctx: BotContext,
  answer: Answer,
  asking: Asking,
  offerHuman = false,
): AnswerControls {
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
  return encodeButtons(
    buttons,
    {
      question: asking.question.slice(0, ctx.tuning.maxQuestionLength),
      offset: asking.offset ?? 0,
      count: answer.citations.length,
      askerId: asking.userId,
      hidden: asking.hidden,
    },
    ctx.buttonState,
  );
}

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
  asked: { readonly answer: Answer; readonly elapsedMs: number },
  asking: Asking,
  people: AnswerPeople = {},
  offerHuman = false,
): Reply {
  const { answer, elapsedMs } = asked;
  if (answer.reason === 'empty-question') return renderNotice(Notices.emptyQuestion);
  return renderAnswer(answer, {
    elapsedMs,
    ephemeral: asking.hidden,
    controls: answerControls(ctx, answer, asking, offerHuman),
    ...people,
  });
}

/** Asks and renders in one step. */
export async function askAndRender(
  ctx: BotContext,
  asking: Asking,
  people: AnswerPeople = {},
): Promise<{ reply: Reply; answer: Answer; elapsedMs: number }> {
  const [asked, settings] = await Promise.all([
    ask(ctx, asking),
    loadGuildSettings(ctx.store, ctx.config, asking.place.guildId ?? null),
  ]);
  const offerHuman = settings.helperRoleId.value !== null;
  return { ...asked, reply: renderAsked(ctx, asked, asking, people, offerHuman) };
}
