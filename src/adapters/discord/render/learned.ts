import { ButtonStyle } from 'discord.js';
import { DefaultTuning } from '../../../config/index.ts';
import type { AliasRecord } from '../../../store/index.ts';
import { type InterfaceLanguage, translate } from '../i18n/index.ts';
import { buttonRow } from './buttonRow.ts';
import { DiscordLimits } from './limits.ts';
import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

/**
 * Candidates on one `/kb learned` page: one row of Approve / Reject each, and when there are more
 * than fit in Discord's 5 rows, 4 per page plus a row of Previous / Next.
 */
export const LEARNED_PER_PAGE = DiscordLimits.rows - 1;

/** Which slice of the pending candidates a `/kb learned` message shows. */
export interface LearnedPage {
  /** Index of the first candidate shown. */
  readonly start: number;
  /** How many are shown. */
  readonly size: number;
  /** 1-based page number and page count. */
  readonly page: number;
  readonly pages: number;
}

/**
 * The page holding candidate `offset` of `total` (clamped, so a page emptied by decisions shows the
 * last one left). Up to 5 candidates need no paging at all.
 */
export function learnedPage(total: number, offset: number): LearnedPage {
  if (total <= DiscordLimits.rows) return { start: 0, size: total, page: 1, pages: 1 };
  const pages = Math.ceil(total / LEARNED_PER_PAGE);
  const page = Math.min(pages, Math.max(1, Math.floor(Math.max(0, offset) / LEARNED_PER_PAGE) + 1));
  const start = (page - 1) * LEARNED_PER_PAGE;
  return { start, size: Math.min(LEARNED_PER_PAGE, total - start), page, pages };
}

/** The custom_ids a `/kb learned` message needs. */
export interface LearnedIds {
  /** Approve or Reject candidate `id`, then show the page at `offset` again. */
  decide(id: number, approve: boolean, offset: number): string;
  /** Show the page starting at `offset`; `direction` keeps Previous and Next distinct. */
  turn(offset: number, direction: 'previous' | 'next'): string;
}

/**
 * `/kb learned`: one page of this server's pending candidate aliases (question → article) with
 * Approve / Reject buttons, in `language`; `decided` says what the last press did.
 */
export function renderLearned(
  pending: readonly AliasRecord[],
  options: {
    readonly offset: number;
    readonly ids: LearnedIds;
    readonly language: InterfaceLanguage;
    readonly decided?: string;
  },
): Reply {
  const t = (key: Parameters<typeof translate>[1], values?: Readonly<Record<string, number>>) =>
    translate(options.language, key, values);
  const at = learnedPage(pending.length, options.offset);
  const shown = pending.slice(at.start, at.start + at.size);
  const lines = shown.map(
    (alias) => `**#${alias.id}** ${safeLine(alias.question, 150)} → ${safeLine(alias.article, 80)}`,
  );
  const paged = at.pages > 1;
  const pageNote = paged ? ` ${t('kb.learned.page', { ...at, total: pending.length })}` : '';
  const rows = shown.map((alias) =>
    buttonRow([
      {
        customId: options.ids.decide(alias.id, true, at.start),
        label: t('kb.learned.approve', { id: alias.id }),
        style: ButtonStyle.Success,
      },
      {
        customId: options.ids.decide(alias.id, false, at.start),
        label: t('kb.learned.reject', { id: alias.id }),
        style: ButtonStyle.Danger,
      },
    ]),
  );
  if (paged) {
    rows.push(
      buttonRow([
        {
          customId: options.ids.turn(at.start - LEARNED_PER_PAGE, 'previous'),
          label: t('kb.learned.previous'),
          disabled: at.page === 1,
        },
        {
          customId: options.ids.turn(at.start + LEARNED_PER_PAGE, 'next'),
          label: t('kb.learned.next'),
          disabled: at.page === at.pages,
        },
      ]),
    );
  }
  return finalize({
    ...(options.decided === undefined ? {} : { content: options.decided }),
    embeds: [
      {
        title: t('kb.learned.title'),
        color: DefaultTuning.answerColor,
        description: lines.join('\n') || t('kb.none'),
        footer: { text: `${t('kb.learned.footer')}${pageNote}` },
      },
    ],
    components: rows,
    ephemeral: true,
  });
}
