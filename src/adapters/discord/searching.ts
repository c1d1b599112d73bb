import { performance } from 'node:perf_hooks';
import { encodeButtons } from './buttonIds.ts';
import type { BotContext } from './context.ts';
import type { InterfaceLanguage } from './i18n/index.ts';
import { cutQuestion } from './questionText.ts';
import { type Reply, renderSearchPage } from './render/index.ts';

/** One page of `/search` with its ◀ ▶ buttons (shared by the command and the page buttons). */
export async function searchPage(
  ctx: BotContext,
  query: string,
  offset: number,
  hidden: boolean,
  language: InterfaceLanguage = 'en',
): Promise<Reply> {
  const text = cutQuestion(query);
  const size = ctx.tuning.searchPageSize;
  const started = performance.now();
  const page = await ctx.service.search(text, { offset, limit: size });
  const elapsedMs = performance.now() - started;
  const hasPrev = offset > 0;
  const hasNext = offset + page.hits.length < page.total;
  const prev = hasPrev
    ? encodeButtons(['prev'], { query: text, offset: Math.max(0, offset - size), hidden }, ctx.buttonState)
        .prev
    : undefined;
  const next = hasNext
    ? encodeButtons(['next'], { query: text, offset: offset + page.hits.length, hidden }, ctx.buttonState)
        .next
    : undefined;
  return renderSearchPage(page, {
    elapsedMs,
    language,
    // Nothing found is only the asker's business.
    ephemeral: hidden || page.total === 0,
    ...(prev === undefined ? {} : { prev }),
    ...(next === undefined ? {} : { next }),
  });
}
