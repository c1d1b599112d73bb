import { performance } from 'node:perf_hooks';
import type { ApprovedAlias } from '../../core/answer/approvedAliases.ts';
import type { Answer } from '../../core/types.ts';
import { answerTier } from '../../host/metrics.ts';
import type { Place } from '../../store/index.ts';
import type { BotContext } from './context.ts';
import type { InterfaceLanguage } from './i18n/index.ts';
import { cutQuestion } from './questionText.ts';

/** Who asked what, where, and how the answer is shown. */
export interface Asking {
  readonly question: string;
  readonly userId: string;
  readonly place: Place;
  /** Ephemeral: only the asker sees it (offers Share instead of 🗑). */
  readonly hidden: boolean;
  /** Citation offset (More). */
  readonly offset?: number;
  /** A new question (counted and logged when unanswered) rather than More of an old one. */
  readonly fresh: boolean;
  /** The language of the answer's labels (the interaction's locale, or the server's setting). */
  readonly language?: InterfaceLanguage;
  /** The question opened a forum post: its author gets ✅ Solved. */
  readonly forumPost?: boolean;
}

/** An answer and how long the service took for it. */
export interface Asked {
  readonly answer: Answer;
  readonly elapsedMs: number;
}

/**
 * The questions this server approved for its articles (`/kb learned`), read for every question so
 * an approval applies at once, on every replica. Without them (a store failure) the question is
 * answered as if none were approved.
 */
async function serverAliases(ctx: BotContext, guildId: string | null): Promise<ApprovedAlias[]> {
  if (guildId === null) return [];
  try {
    return (await ctx.store.aliases('approved', guildId)).map(({ article, question }) => ({
      article,
      question,
    }));
  } catch (error) {
    ctx.logger.warn({ err: error }, 'store: approved aliases not read; answering without them');
    return [];
  }
}

/**
 * Asks the service, counting and logging the outcome. The question is cut here, once, for the
 * service, the unanswered log and the buttons alike (the answer carries the cut text).
 */
export async function ask(ctx: BotContext, asking: Asking): Promise<Asked> {
  const question = cutQuestion(asking.question);
  const started = performance.now();
  const answer = await ctx.service.ask(
    question,
    asking.offset === undefined ? {} : { offset: asking.offset },
    await serverAliases(ctx, asking.place.guildId ?? null),
  );
  const elapsedMs = performance.now() - started;
  ctx.metrics.answerSeconds.observe(elapsedMs / 1000);
  if (asking.fresh && answer.reason !== 'empty-question') {
    ctx.metrics.answers.inc({ tier: answerTier(answer) });
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
