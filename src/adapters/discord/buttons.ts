import { type ButtonInteraction, PermissionFlagsBits, Routes } from 'discord.js';
import { ask, askAndRender } from './answering.ts';
import type { BotContext } from './context.ts';
import { type AnswerState, decodeButton, type SearchState, storedKeyOf } from './customId.ts';
import { Notices, type Reply, rateLimitedText, renderNotice } from './render/index.ts';
import { asInteractionReply, respondInTime, sendNotice } from './respond.ts';
import { searchPage } from './searching.ts';

function placeOf(interaction: ButtonInteraction) {
  return { guildId: interaction.guildId, channelId: interaction.channelId };
}

/** Share: the same answer again, publicly, naming (not pinging) who shared it. */
async function share(interaction: ButtonInteraction, ctx: BotContext, state: AnswerState): Promise<void> {
  const work = askAndRender(
    ctx,
    {
      question: state.question,
      offset: state.offset,
      limit: Math.max(1, state.count),
      // Whoever shares owns the public copy (may delete it).
      userId: interaction.user.id,
      place: placeOf(interaction),
      hidden: false,
      fresh: false,
    },
    { sharedByUserId: interaction.user.id },
  ).then(({ reply }) => reply);
  await respondInTime(interaction, work, { ephemeral: false, deferAfterMs: ctx.tuning.deferAfterMs });
}

/** More: the next citations, shown the way the answer was (public or only to the asker). */
async function more(interaction: ButtonInteraction, ctx: BotContext, state: AnswerState): Promise<void> {
  const work = askAndRender(ctx, {
    question: state.question,
    offset: state.offset + state.count,
    userId: state.askerId,
    place: placeOf(interaction),
    hidden: state.hidden,
    fresh: false,
  }).then(({ reply }) => reply);
  await respondInTime(interaction, work, { ephemeral: state.hidden, deferAfterMs: ctx.tuning.deferAfterMs });
}

async function vote(
  ctx: BotContext,
  interaction: ButtonInteraction,
  state: AnswerState,
  value: 'up' | 'down',
): Promise<Reply> {
  const key = `${interaction.message.id}:${interaction.user.id}`;
  const emoji = value === 'up' ? '👍' : '👎';
  if (ctx.votes.get(key) === value) return renderNotice(`You already voted ${emoji} on this answer.`);
  // The sources the voter saw: the same page asked again (answers are deterministic per index).
  const { answer } = await ask(ctx, {
    question: state.question,
    offset: state.offset,
    limit: Math.max(1, state.count),
    userId: interaction.user.id,
    place: placeOf(interaction),
    hidden: true,
    fresh: false,
  });
  await ctx.feedback.recordVote({
    vote: value,
    question: state.question,
    sources: answer.citations.map((citation) => citation.source),
    userId: interaction.user.id,
    place: placeOf(interaction),
  });
  ctx.votes.set(key, value);
  return renderNotice(`Thanks — your ${emoji} was recorded.`);
}

/** 🗑: only the asker, or a member who may manage messages, removes the answer. */
async function remove(interaction: ButtonInteraction, ctx: BotContext, state: AnswerState): Promise<void> {
  const allowed =
    interaction.user.id === state.askerId ||
    (interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false);
  if (!allowed) return sendNotice(interaction, Notices.deleteRefused);
  await interaction.deferUpdate();
  await interaction.client.rest.delete(Routes.channelMessage(interaction.channelId, interaction.message.id));
  ctx.logger.info(
    { channelId: interaction.channelId, byAsker: interaction.user.id === state.askerId },
    'discord: answer deleted',
  );
}

/** Turns a search page in place (callback type 7, or deferUpdate + edit when slow). */
async function turnPage(interaction: ButtonInteraction, ctx: BotContext, state: SearchState): Promise<void> {
  await respondInTime(interaction, searchPage(ctx, state.query, state.offset, state.hidden), {
    ephemeral: state.hidden,
    deferAfterMs: ctx.tuning.deferAfterMs,
    mode: 'update',
  });
}

/**
 * Handles every citebot button. State that outlived its memory (or a button from an older
 * version) gets a short ephemeral note, never an error.
 */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const key = storedKeyOf(interaction.customId);
  if (key !== undefined) await ctx.buttonState.fetch(key);
  const decoded = decodeButton(interaction.customId, ctx.buttonState);
  if (!decoded.ok) {
    await interaction.reply(asInteractionReply(renderNotice(Notices.expired)));
    return;
  }
  switch (decoded.button) {
    case 'prev':
    case 'next':
      return turnPage(interaction, ctx, decoded.state);
    case 'delete':
      return remove(interaction, ctx, decoded.state);
    case 'up':
    case 'down':
      return respondInTime(interaction, vote(ctx, interaction, decoded.state, decoded.button), {
        ephemeral: true,
        deferAfterMs: ctx.tuning.deferAfterMs,
      });
    case 'share':
    case 'more': {
      const limit = await ctx.rateLimiter.take(interaction.user.id);
      if (!limit.allowed) return sendNotice(interaction, rateLimitedText(limit.retryAfterMs));
      return decoded.button === 'share'
        ? share(interaction, ctx, decoded.state)
        : more(interaction, ctx, decoded.state);
    }
  }
}
