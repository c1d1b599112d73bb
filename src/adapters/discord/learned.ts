import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { type InterfaceLanguage, languageOfLocale, translate } from './i18n/index.ts';
import { type LearnedIds, renderLearned } from './render/learned.ts';
import { renderNotice } from './render/notice.ts';
import type { Reply } from './render/reply.ts';
import { respond } from './respond.ts';

// Its own prefix, beside the answer buttons' `c1|`: a button carries only an alias id and a page
// offset, so it needs no stored state and survives restarts.
const prefix = 'kl1|';

/** The custom_ids of `/kb learned`: `kl1|a|<id>|<offset>`, `kl1|r|<id>|<offset>`, `kl1|pv|<offset>`. */
export const learnedIds: LearnedIds = {
  decide: (id, approve, offset) => `${prefix}${approve ? 'a' : 'r'}|${id}|${Math.max(0, offset)}`,
  turn: (offset, direction) => `${prefix}${direction === 'previous' ? 'pv' : 'nx'}|${Math.max(0, offset)}`,
};

/** What a `/kb learned` button asks for. */
export type LearnedButton =
  | { readonly kind: 'decide'; readonly id: number; readonly approve: boolean; readonly offset: number }
  | { readonly kind: 'turn'; readonly offset: number };

/**
 * The action a `/kb learned` button stands for, or undefined for any other button. Buttons made
 * before paging (`kl1|a|<id>`) read as page 1.
 */
export function decodeLearnedButton(customId: string): LearnedButton | undefined {
  const decision = /^kl1\|([ar])\|(\d{1,15})(?:\|(\d{1,6}))?$/.exec(customId);
  if (decision !== null)
    return {
      kind: 'decide',
      id: Number(decision[2]),
      approve: decision[1] === 'a',
      offset: Number(decision[3] ?? 0),
    };
  const turn = /^kl1\|(?:pv|nx)\|(\d{1,6})$/.exec(customId);
  return turn === null ? undefined : { kind: 'turn', offset: Number(turn[1]) };
}

async function pendingOf(ctx: BotContext, guildId: string | null) {
  return (await ctx.store.aliases('pending')).filter((alias) => alias.guildId === guildId);
}

/** `/kb learned`: the first page of this server's pending candidate aliases with their buttons. */
export async function learnedReply(
  ctx: BotContext,
  guildId: string | null,
  language: InterfaceLanguage,
): Promise<Reply> {
  return renderLearned(await pendingOf(ctx, guildId), { offset: 0, ids: learnedIds, language });
}

/**
 * A `/kb learned` button (server managers; the router checks): Approve / Reject records the decision
 * on a pending candidate of this server and shows the same page of what is left; Previous / Next
 * turn the page. The list message is updated in place.
 */
export async function handleLearnedButton(
  interaction: ButtonInteraction,
  ctx: BotContext,
  button: LearnedButton,
): Promise<void> {
  const language = languageOfLocale(interaction.locale);
  const t = (key: Parameters<typeof translate>[1], id: number) => translate(language, key, { id });
  let decided: string | undefined;
  if (button.kind === 'decide') {
    const pending = await pendingOf(ctx, interaction.guildId);
    if (!pending.some((alias) => alias.id === button.id))
      return respond(interaction, renderNotice(t('kb.learned.gone', button.id)));
    await ctx.store.decideAlias({ id: button.id, approve: button.approve, by: interaction.user.id });
    ctx.logger.info(
      { guildId: interaction.guildId, id: button.id, approve: button.approve },
      'discord: learned question decided',
    );
    decided = t(button.approve ? 'kb.learned.approved' : 'kb.learned.rejected', button.id);
  }
  const reply = renderLearned(await pendingOf(ctx, interaction.guildId), {
    offset: button.offset,
    ids: learnedIds,
    language,
    ...(decided === undefined ? {} : { decided }),
  });
  await respond(interaction, reply, { ephemeral: true, mode: 'update' });
}
