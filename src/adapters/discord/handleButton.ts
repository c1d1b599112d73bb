import {
  type APIMessage,
  type ButtonInteraction,
  ChannelType,
  PermissionFlagsBits,
  Routes,
} from 'discord.js';
import { decodeArticleButton, showChosenArticle } from './articleChoice.ts';
import {
  type AnswerButton,
  type AnswerState,
  decodeButton,
  type SearchButton,
  type SearchState,
  storedKeyOf,
} from './buttonIds.ts';
import type { BotContext } from './context.ts';
import { guildLanguage, loadGuildSettings } from './guildSettings.ts';
import { languageOfLocale, translate } from './i18n/index.ts';
import { decodeLearnedButton, handleLearnedButton } from './learned.ts';
import { isServerManager, type Preconditions, refusal } from './preconditions.ts';
import { noticeText, type Reply, renderHelperPing, renderNotice } from './render/index.ts';
import { askAndRender, renderAsked } from './renderAsked.ts';
import { deleteButtonMessage, editChannel, postToChannel, respond } from './respond.ts';
import { searchPage } from './searching.ts';

function placeOf(interaction: ButtonInteraction) {
  return { guildId: interaction.guildId, channelId: interaction.channelId };
}

/** Share: the answer that was shown, posted publicly, naming (not pinging) who shared it. */
async function share(interaction: ButtonInteraction, ctx: BotContext, state: AnswerState): Promise<void> {
  await ctx.shownAnswers.fetch(state);
  const shown = ctx.shownAnswers.recall(state);
  if (shown === undefined)
    return respond(interaction, renderNotice(noticeText('expired', languageOfLocale(interaction.locale))));
  const asking = {
    question: state.question,
    offset: state.offset,
    // Whoever shares owns the public copy (may delete it).
    userId: interaction.user.id,
    place: placeOf(interaction),
    hidden: false,
    fresh: false,
    language: languageOfLocale(interaction.locale),
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
    language: languageOfLocale(interaction.locale),
  }).then(({ reply }) => reply);
  await respond(interaction, work, { ephemeral: state.hidden, deferAfterMs: ctx.tuning.deferAfterMs });
}

async function vote(
  ctx: BotContext,
  interaction: ButtonInteraction,
  state: AnswerState,
  value: 'up' | 'down',
): Promise<Reply> {
  const emoji = value === 'up' ? '👍' : '👎';
  // The sources the voter saw, as they were shown (asking again could differ after a reload).
  await ctx.shownAnswers.fetch(state);
  const shown = ctx.shownAnswers.recall(state);
  if (shown === undefined) return renderNotice(noticeText('expired', languageOfLocale(interaction.locale)));
  const { answer } = shown;
  const counted = await ctx.store.recordVote({
    answerId: interaction.message.id,
    vote: value,
    question: state.question,
    sources: answer.citations.map((citation) => citation.source),
    userId: interaction.user.id,
    place: placeOf(interaction),
  });
  if (!counted)
    return renderNotice(translate(languageOfLocale(interaction.locale), 'vote.already', { emoji }));
  const cited = answer.citations[0]?.source;
  // The asker's 👍 on a confident answer: their wording may be another way to ask for that article.
  if (
    value === 'up' &&
    answer.answered &&
    cited !== undefined &&
    (await askerOf(interaction)) === interaction.user.id
  ) {
    await ctx.store.proposeAlias({ article: cited, question: state.question, guildId: interaction.guildId });
  }
  return renderNotice(translate(languageOfLocale(interaction.locale), 'vote.recorded', { emoji }));
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
  if (!byAsker && !moderator)
    return respond(
      interaction,
      renderNotice(noticeText('deleteRefused', languageOfLocale(interaction.locale))),
    );
  await deleteButtonMessage(interaction);
  ctx.logger.info({ channelId: interaction.channelId, byAsker }, 'discord: answer deleted');
}

/** **Ask a human**: one message pinging the server's helper role, at most once per person and window. */
async function askHuman(interaction: ButtonInteraction, ctx: BotContext, state: AnswerState): Promise<void> {
  const settings = await loadGuildSettings(ctx.store, ctx.config, interaction.guildId);
  const roleId = settings.helperRoleId.value;
  if (roleId === null)
    return respond(
      interaction,
      renderNotice(noticeText('noHelperRole', languageOfLocale(interaction.locale))),
    );
  if (ctx.helperPings.has(interaction.user.id))
    return respond(
      interaction,
      renderNotice(noticeText('helperAlreadyAsked', languageOfLocale(interaction.locale))),
    );
  ctx.helperPings.set(interaction.user.id, true);
  // The ping speaks to the helpers, so in the server's language rather than the presser's.
  const ping = renderHelperPing({
    language: guildLanguage(settings, interaction.guild?.preferredLocale ?? interaction.guildLocale),
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
  await respond(interaction, renderNotice(noticeText('helperAsked', languageOfLocale(interaction.locale))));
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
  if (interaction.user.id !== state.askerId)
    return respond(
      interaction,
      renderNotice(noticeText('solvedRefused', languageOfLocale(interaction.locale))),
    );
  const thread = interaction.channel;
  if (thread === null || !thread.isThread())
    return respond(interaction, renderNotice(noticeText('expired', languageOfLocale(interaction.locale))));
  const forum = thread.parent;
  const tag =
    forum?.type === ChannelType.GuildForum
      ? forum.availableTags.find((candidate) => solvedTag.test(candidate.name.trim()))
      : undefined;
  // Answered before the post closes; the notice tells everyone in it why.
  await respond(
    interaction,
    renderNotice(noticeText('solved', languageOfLocale(interaction.locale)), { ephemeral: false }),
  );
  const appliedTags = tag === undefined ? undefined : [...new Set([...thread.appliedTags, tag.id])];
  await editChannel(interaction.client, thread.id, {
    ...(appliedTags === undefined ? {} : { applied_tags: appliedTags }),
    archived: true,
  });
  ctx.logger.info({ guildId: interaction.guildId, tagged: tag !== undefined }, 'discord: forum post solved');
}

/** Turns a search page in place (callback type 7, or deferUpdate + edit when slow). */
async function turnPage(interaction: ButtonInteraction, ctx: BotContext, state: SearchState): Promise<void> {
  await respond(
    interaction,
    searchPage(ctx, state.query, state.offset, state.hidden, languageOfLocale(interaction.locale)),
    {
      ephemeral: state.hidden,
      deferAfterMs: ctx.tuning.deferAfterMs,
      mode: 'update',
    },
  );
}

/** What each button requires before it acts (checked once, below). */
const buttonPreconditions: Readonly<Record<AnswerButton | SearchButton, Preconditions>> = {
  // More asks the engine for the next page and Share posts in the channel: both count as questions.
  share: { rateLimited: true },
  more: { rateLimited: true },
  up: {},
  down: {},
  delete: {},
  human: {},
  solved: {},
  prev: {},
  next: {},
};

/** Approve / Reject / Previous / Next under `/kb learned`, like `/kb` itself. */
const learnedPreconditions: Preconditions = { adminOnly: true };

/**
 * Handles every citebot button. State that outlived its memory (or a button from an older
 * version) gets a short ephemeral note, never an error.
 */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const learned = decodeLearnedButton(interaction.customId);
  if (learned !== undefined) {
    const isAdmin = isServerManager(interaction);
    const refused = await refusal(ctx, learnedPreconditions, { userId: interaction.user.id, isAdmin });
    if (refused !== undefined) return respond(interaction, renderNotice(refused));
    return handleLearnedButton(interaction, ctx, learned);
  }
  const chosenArticle = decodeArticleButton(interaction.customId);
  if (chosenArticle !== undefined) return showChosenArticle(interaction, ctx, chosenArticle);
  const key = storedKeyOf(interaction.customId);
  if (key !== undefined) await ctx.buttonState.fetch(key);
  const decoded = decodeButton(interaction.customId, ctx.buttonState);
  if (!decoded.ok)
    return respond(interaction, renderNotice(noticeText('expired', languageOfLocale(interaction.locale))));
  const refused = await refusal(ctx, buttonPreconditions[decoded.button], {
    userId: interaction.user.id,
    language: languageOfLocale(interaction.locale),
  });
  if (refused !== undefined) return respond(interaction, renderNotice(refused));
  switch (decoded.button) {
    case 'prev':
    case 'next':
      return turnPage(interaction, ctx, decoded.state);
    case 'delete':
      return remove(interaction, ctx);
    case 'human':
      return askHuman(interaction, ctx, decoded.state);
    case 'solved':
      return markSolved(interaction, ctx, decoded.state);
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
