import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { renderLearned } from './render/learned.ts';
import { renderNotice } from './render/notice.ts';
import type { Reply } from './render/reply.ts';
import { respond } from './respond.ts';

// Its own prefix, beside the answer buttons' `c1|`: a decision carries only the alias id.
const prefix = 'kl1|';

/** The custom_id of an Approve (or Reject) button of `/kb learned`. */
export function learnedButtonId(id: number, approve: boolean): string {
  return `${prefix}${approve ? 'a' : 'r'}|${id}`;
}

/** The decision a `/kb learned` button stands for, or undefined for any other button. */
export function decodeLearnedButton(customId: string): { id: number; approve: boolean } | undefined {
  const match = /^kl1\|([ar])\|(\d{1,15})$/.exec(customId);
  if (match === null) return undefined;
  return { id: Number(match[2]), approve: match[1] === 'a' };
}

async function pendingOf(ctx: BotContext, guildId: string | null) {
  return (await ctx.store.aliases('pending')).filter((alias) => alias.guildId === guildId);
}

/** `/kb learned`: this server's pending candidate aliases with their buttons. */
export async function learnedReply(ctx: BotContext, guildId: string | null): Promise<Reply> {
  return renderLearned(await pendingOf(ctx, guildId), learnedButtonId);
}

/**
 * Approve / Reject under `/kb learned` (server managers; the router checks): records the decision
 * of a pending candidate of this server and shows the list that is left.
 */
export async function decideLearned(
  interaction: ButtonInteraction,
  ctx: BotContext,
  decision: { id: number; approve: boolean },
): Promise<void> {
  const candidate = (await pendingOf(ctx, interaction.guildId)).find((alias) => alias.id === decision.id);
  if (candidate === undefined) {
    return respond(interaction, renderNotice(`#${decision.id} was already decided or is not this server's.`));
  }
  await ctx.store.decideAlias({ ...decision, by: interaction.user.id });
  ctx.logger.info(
    { guildId: interaction.guildId, id: decision.id, approve: decision.approve },
    'discord: learned question decided',
  );
  const done = `#${decision.id} ${decision.approve ? 'approved' : 'rejected'}.`;
  const reply = renderLearned(await pendingOf(ctx, interaction.guildId), learnedButtonId, done);
  await respond(interaction, reply, { ephemeral: true, mode: 'update' });
}
