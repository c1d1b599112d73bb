import { type APIMessage, type ButtonInteraction, PermissionFlagsBits, Routes } from 'discord.js';
import {
  type AnswerButton,
  type AnswerState,
  decodeButton,
  type SearchButton,
  type SearchState,
  storedKeyOf,
} from './buttonIds.ts';
import type { BotContext } from './context.ts';
import { type Preconditions, refusal } from './preconditions.ts';
import { Notices, type Reply, renderNotice } from './render/index.ts';
import { askAndRender, renderAsked } from './renderAsked.ts';
import { deleteButtonMessage, respond } from './respond.ts';
import { searchPage } from './searching.ts';

function placeOf(interaction: ButtonInteraction) {
  return { guildId: interaction.guildId, channelId: interaction.channelId };
}

/** Share: the answer that was shown, posted publicly, naming (not pinging) who shared it. */
async function share(interaction: ButtonInteraction, ctx: BotContext, state: AnswerState): Promise<void> {
  await ctx.shownAnswers.fetch(state);
  const shown = ctx.shownAnswers.recall(state);
  if (shown === undefined) return respond(interaction, renderNotice(Notices.expired));
  const asking = {
    question: state.question,
    offset: state.offset,
    // Whoever shares owns the public copy (may delete it).
    userId: interaction.user.id,
    place: placeOf(interaction),
    hidden: false,
    fresh: false,
  };
  await respond(interaction, renderAsked(ctx, shown, asking, { sharedByUserId: interaction.user.id }));
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
  await respond(interaction, work, { ephemeral: state.hidden, deferAfterMs: ctx.tuning.deferAfterMs });
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
  // The sources the voter saw, as they were shown (asking again could differ after a reload).
  await ctx.shownAnswers.fetch(state);
  const shown = ctx.shownAnswers.recall(state);
  if (shown === undefined) return renderNotice(Notices.expired);
  const { answer } = shown;
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

/**
 * Who asked for the message a button is on, as Discord reports it (never from the custom_id,
 * which any client can forge): the user of the interaction that created the message (a slash
 * command, Share, More), else the author of the message it replies to (an @mention, a DM, the
 * context menu's target). Undefined when Discord says neither.
 */
async function askerOf(interaction: ButtonInteraction): Promise<string | undefined> {
  const { message } = interaction;
  const byInteraction = message.interactionMetadata?.user.id;
  if (byInteraction !== undefined) return byInteraction;
  const repliedTo = message.reference?.messageId;
  const channelId = message.reference?.channelId ?? interaction.channelId;
  if (repliedTo === undefined) return undefined;
  try {
    const original = await interaction.client.rest.get(Routes.channelMessage(channelId, repliedTo));
    return (original as APIMessage).author.id;
  } catch {
    return undefined;
  }
}

/** 🗑: only the asker, or a member who may manage messages, removes the answer. */
async function remove(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const moderator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
  const byAsker = (await askerOf(interaction)) === interaction.user.id;
  if (!byAsker && !moderator) return respond(interaction, renderNotice(Notices.deleteRefused));
  await deleteButtonMessage(interaction);
  ctx.logger.info({ channelId: interaction.channelId, byAsker }, 'discord: answer deleted');
}

/** Turns a search page in place (callback type 7, or deferUpdate + edit when slow). */
async function turnPage(interaction: ButtonInteraction, ctx: BotContext, state: SearchState): Promise<void> {
  await respond(interaction, searchPage(ctx, state.query, state.offset, state.hidden), {
    ephemeral: state.hidden,
    deferAfterMs: ctx.tuning.deferAfterMs,
    mode: 'update',
  });
}

/** What each button requires before it acts (checked once, below). */
const buttonPreconditions: Readonly<Record<AnswerButton | SearchButton, Preconditions>> = {
  // More asks the engine for the next page and Share posts in the channel: both count as questions.
  share: { rateLimited: true },
  more: { rateLimited: true },
  up: {},
  down: {},
  delete: {},
  prev: {},
  next: {},
};

/**
 * Handles every citebot button. State that outlived its memory (or a button from an older
 * version) gets a short ephemeral note, never an error.
 */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const key = storedKeyOf(interaction.customId);
  if (key !== undefined) await ctx.buttonState.fetch(key);
  const decoded = decodeButton(interaction.customId, ctx.buttonState);
  if (!decoded.ok) return respond(interaction, renderNotice(Notices.expired));
  const refused = await refusal(ctx, buttonPreconditions[decoded.button], { userId: interaction.user.id });
  if (refused !== undefined) return respond(interaction, renderNotice(refused));
  switch (decoded.button) {
    case 'prev':
    case 'next':
      return turnPage(interaction, ctx, decoded.state);
    case 'delete':
      return remove(interaction, ctx);
    case 'up':
    case 'down':
      return respond(interaction, vote(ctx, interaction, decoded.state, decoded.button), {
        ephemeral: true,
        deferAfterMs: ctx.tuning.deferAfterMs,
      });
    case 'share':
      return share(interaction, ctx, decoded.state);
    case 'more':
      return more(interaction, ctx, decoded.state);
  }
}
