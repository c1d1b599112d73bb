import { ButtonStyle } from 'discord.js';
import { DefaultTuning } from '../../../config/index.ts';
import type { AliasRecord } from '../../../store/index.ts';
import { buttonRow } from './buttonRow.ts';
import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

/** How many candidates one `/kb learned` message shows: one row of buttons each, Discord allows 5 rows. */
export const LEARNED_PER_MESSAGE = 5;

/**
 * `/kb learned`: pending candidate aliases (question → article) with Approve / Reject buttons;
 * `customIdOf` names each button, `decided` says what the last press did.
 */
export function renderLearned(
  pending: readonly AliasRecord[],
  customIdOf: (id: number, approve: boolean) => string,
  decided?: string,
): Reply {
  const shown = pending.slice(0, LEARNED_PER_MESSAGE);
  const lines = shown.map(
    (alias) => `**#${alias.id}** ${safeLine(alias.question, 150)} → ${safeLine(alias.article, 80)}`,
  );
  const more = pending.length - shown.length;
  return finalize({
    ...(decided === undefined ? {} : { content: decided }),
    embeds: [
      {
        title: 'Learned questions waiting for a decision',
        color: DefaultTuning.answerColor,
        description: lines.join('\n') || 'none',
        footer: {
          text: `Approved questions are searched with their article from the next reload.${more > 0 ? ` ${more} more after these.` : ''}`,
        },
      },
    ],
    components: shown.map((alias) =>
      buttonRow([
        { customId: customIdOf(alias.id, true), label: `Approve #${alias.id}`, style: ButtonStyle.Success },
        { customId: customIdOf(alias.id, false), label: `Reject #${alias.id}`, style: ButtonStyle.Danger },
      ]),
    ),
    ephemeral: true,
  });
}
