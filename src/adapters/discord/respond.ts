import { setTimeout as delay } from 'node:timers/promises';
import {
  type AutocompleteInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type Message,
  type MessageComponentInteraction,
  MessageFlags,
  MessagePayload,
  type MessageReplyOptions,
  type RepliableInteraction,
  Routes,
} from 'discord.js';
import type { Logger } from '../../logger.ts';
import { Notices, type Reply, renderNotice } from './render/index.ts';

function body(reply: Reply) {
  return {
    ...(reply.content === undefined ? {} : { content: reply.content }),
    embeds: [...reply.embeds],
    components: [...reply.components],
    // Sent on every create, edit and follow-up: an edit without it re-parses with the defaults.
    allowedMentions: { parse: [], users: [...reply.allowedMentions.users], repliedUser: false },
  };
}

/** A first response or follow-up; ephemeral when the reply says so. */
export function asInteractionReply(reply: Reply): InteractionReplyOptions {
  return { ...body(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** An edit of a deferred reply or of a button's message (visibility cannot change on edit). */
export function asEdit(reply: Reply): InteractionEditReplyOptions {
  return body(reply);
}

/** A reply to a user's message that does not ping its author. */
export function asMessageReply(reply: Reply): MessageReplyOptions {
  return { ...body(reply), failIfNotExists: false };
}

/** Sends a reply to a message, always through the renderer's payload. */
export async function replyToMessage(message: Message, reply: Reply): Promise<void> {
  const options = asMessageReply(reply);
  if (message.client.channels.cache.has(message.channelId)) {
    await message.reply(options);
    return;
  }
  // Over HTTP interactions nothing is cached, and discord.js's reply needs the channel: the same
  // payload goes straight to the channel's REST route.
  const payload = await MessagePayload.create(message, {
    ...options,
    reply: { messageReference: message, failIfNotExists: false },
  })
    .resolveBody()
    .resolveFiles();
  await message.client.rest.post(Routes.channelMessages(message.channelId), {
    body: payload.body,
    files: payload.files ?? [],
  });
}

/** Sends a notice as the first response, or as a follow-up when one was already sent. */
export async function sendNotice(interaction: RepliableInteraction, text: string): Promise<void> {
  const reply = renderNotice(text);
  if (interaction.deferred || interaction.replied) await interaction.followUp(asInteractionReply(reply));
  else await interaction.reply(asInteractionReply(reply));
}

/** Options of {@link respondInTime}. */
export interface TimelyOptions {
  /** Whether the deferred response is ephemeral (a defer may only carry that flag). */
  readonly ephemeral: boolean;
  /** How long to wait for `work` before deferring (Discord allows 3 s for the first response). */
  readonly deferAfterMs: number;
  /** `reply`: a new message; `update`: replace the message the button is on. */
  readonly mode?: 'reply' | 'update';
}

/**
 * Answers an interaction inside Discord's 3 seconds whatever `work` costs: replies directly when it
 * is ready in time, otherwise defers and edits the response in when it is.
 */
export async function respondInTime(
  interaction: RepliableInteraction,
  work: Promise<Reply>,
  options: TimelyOptions,
): Promise<void> {
  const timer = new AbortController();
  const quick = await Promise.race([
    work.then((reply) => ({ reply })),
    delay(options.deferAfterMs, undefined, { signal: timer.signal, ref: false }).then(
      () => undefined,
      () => undefined,
    ),
  ]).finally(() => timer.abort());
  const update = options.mode === 'update' && interaction.isMessageComponent();
  if (quick !== undefined) {
    if (update) await (interaction as MessageComponentInteraction).update(asEdit(quick.reply));
    else await interaction.reply(asInteractionReply(quick.reply));
    return;
  }
  if (update) await (interaction as MessageComponentInteraction).deferUpdate();
  else await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  await interaction.editReply(asEdit(await work));
}

/** Who and what an interaction was, for logs (no message text, no token). */
export function describeInteraction(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId.slice(0, 8) : undefined,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
}

/**
 * What a handler that threw leaves the user with: an ephemeral apology (a reply, or a follow-up
 * once something was sent; the deferred "thinking…" of a command is replaced by it), and a log
 * line. Never throws.
 */
export async function apologize(interaction: Interaction, logger: Logger, error: unknown): Promise<void> {
  logger.error({ err: error, ...describeInteraction(interaction) }, 'discord: handler failed');
  try {
    if (interaction.isAutocomplete()) {
      if (!(interaction as AutocompleteInteraction).responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const reply = renderNotice(Notices.apology);
    if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) {
      await interaction.editReply(asEdit(reply));
    } else if (interaction.deferred || interaction.replied) {
      await interaction.followUp(asInteractionReply(reply));
    } else {
      await interaction.reply(asInteractionReply(reply));
    }
  } catch (apologyError) {
    logger.warn({ err: apologyError, ...describeInteraction(interaction) }, 'discord: could not apologise');
  }
}
