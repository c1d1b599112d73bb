import { type ButtonInteraction, ChannelType, PermissionFlagsBits, Routes } from 'discord.js';
import { ask, askAndRender } from './answering.ts';
import type { BotContext } from './context.ts';
import { type AnswerState, decodeButton, type SearchState } from './customId.ts';
import { loadGuildSettings } from './guildSettings.ts';
import { Notices, type Reply, rateLimitedText, renderHelperPing, renderNotice } from './render/index.ts';
import { asInteractionReply, postToChannel, respondInTime, sendNotice } from './respond.ts';
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
  const emoji = value === 'up' ? '👍' : '👎';
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
  const counted = await ctx.store.recordVote({
    answerId: interaction.message.id,
    vote: value,
    question: state.question,
    sources: answer.citations.map((citation) => citation.source),
    userId: interaction.user.id,
    place: placeOf(interaction),
  });
  if (!counted) return renderNotice(`You already voted ${emoji} on this answer.`);
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

/** **Ask a human**: one message pinging the server's helper role, at most once per person and window. */
async function askHuman(interaction: ButtonInteraction, ctx: BotContext, state: AnswerState): Promise<void> {
  const settings = await loadGuildSettings(ctx.store, ctx.config, interaction.guildId);
  const roleId = settings.helperRoleId.value;
  if (roleId === null) return sendNotice(interaction, Notices.noHelperRole);
  if (ctx.helperPings.has(interaction.user.id)) return sendNotice(interaction, Notices.helperAlreadyAsked);
  ctx.helperPings.set(interaction.user.id, true);
  const ping = renderHelperPing({
    roleId,
    userId: interaction.user.id,
    question: state.question,
    ...(state.hidden ? {} : { answerUrl: interaction.message.url }),
  });
  await postToChannel(interaction.client, interaction.channelId, ping);
  ctx.logger.info(
    { guildId: interaction.guildId, channelId: interaction.channelId },
    'discord: helpers asked',
  );
  await sendNotice(interaction, Notices.helperAsked);
}

/** A forum tag that means solved, in the languages citebot speaks. */
const solvedTag = /^(solved|gelöst)$/i;

/**
 * ✅ Solved: only the post's author may press it; applies the forum's Solved/Gelöst tag when it
 * has one and closes (archives) the post. Needs Manage Threads for posts citebot did not open.
 */
async function markSolved(
  interaction: ButtonInteraction,
  ctx: BotContext,
  state: AnswerState,
): Promise<void> {
  if (interaction.user.id !== state.askerId) return sendNotice(interaction, Notices.solvedRefused);
  const thread = interaction.channel;
  if (thread === null || !thread.isThread()) return sendNotice(interaction, Notices.expired);
  const forum = thread.parent;
  const tag =
    forum?.type === ChannelType.GuildForum
      ? forum.availableTags.find((candidate) => solvedTag.test(candidate.name.trim()))
      : undefined;
  await interaction.reply(asInteractionReply(renderNotice(Notices.solved, { ephemeral: false })));
  const appliedTags = tag === undefined ? undefined : [...new Set([...thread.appliedTags, tag.id])];
  await interaction.client.rest.patch(Routes.channel(thread.id), {
    body: { ...(appliedTags === undefined ? {} : { applied_tags: appliedTags }), archived: true },
  });
  ctx.logger.info({ guildId: interaction.guildId, tagged: tag !== undefined }, 'discord: forum post solved');
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
    case 'human':
      return askHuman(interaction, ctx, decoded.state);
    case 'solved':
      return markSolved(interaction, ctx, decoded.state);
    case 'up':
    case 'down':
      return respondInTime(interaction, vote(ctx, interaction, decoded.state, decoded.button), {
        ephemeral: true,
        deferAfterMs: ctx.tuning.deferAfterMs,
      });
    case 'share':
    case 'more': {
      const limit = ctx.rateLimiter.take(interaction.user.id);
      if (!limit.allowed) return sendNotice(interaction, rateLimitedText(limit.retryAfterMs));
      return decoded.button === 'share'
        ? share(interaction, ctx, decoded.state)
        : more(interaction, ctx, decoded.state);
    }
  }
}
