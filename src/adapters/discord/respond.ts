import { setTimeout as delay } from 'node:timers/promises';
import {
  type AutocompleteInteraction,
  type Client,
  DiscordAPIError,
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
import { languageOfLocale } from './i18n/index.ts';
import { noticeText, type Reply, renderNotice } from './render/index.ts';

function body(reply: Reply) {
  return {
    ...(reply.content === undefined ? {} : { content: reply.content }),
    embeds: [...reply.embeds],
    components: [...reply.components],
    // Sent on every create, edit and follow-up: an edit without it re-parses with the defaults.
    allowedMentions: {
      parse: [],
      users: [...reply.allowedMentions.users],
      roles: [...reply.allowedMentions.roles],
      repliedUser: false,
    },
    ...(reply.files.length === 0
      ? {}
      : {
          files: reply.files.map((file) => ({ attachment: Buffer.from(file.text, 'utf8'), name: file.name })),
        }),
  };
}

/** Discord's "Interaction has already been acknowledged". */
const alreadyAcknowledged = 40060;

/**
 * Sends an interaction's first response (reply, defer, update). A 40060 "already acknowledged"
 * means an earlier attempt got through: its answer arrived after the REST timeout and
 * @discordjs/rest sent the request again (only citebot holds the token). That counts as
 * delivered, and the interaction is marked as answered so that edits and follow-ups work.
 */
async function acknowledge(
  interaction: RepliableInteraction | MessageComponentInteraction,
  as: 'replied' | 'deferred',
  send: () => Promise<unknown>,
): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!(error instanceof DiscordAPIError && error.code === alreadyAcknowledged)) throw error;
    // discord.js sets these only on success; they are plain fields on the interaction.
    (interaction as { replied: boolean; deferred: boolean })[as] = true;
  }
}

/** A first response or follow-up; ephemeral when the reply says so. */
function asInteractionReply(reply: Reply): InteractionReplyOptions {
  return { ...body(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** An edit of a deferred reply or of a button's message (visibility cannot change on edit). */
function asEdit(reply: Reply): InteractionEditReplyOptions {
  return body(reply);
}

/** A reply to a user's message that does not ping its author. */
function asMessageReply(reply: Reply): MessageReplyOptions {
  return { ...body(reply), failIfNotExists: false };
}

/** Options of {@link respond}. */
export interface RespondOptions {
  /**
   * `reply` (default): the first response, or a follow-up once one was sent; `update`: replace the
   * message the button is on; `edit`: replace the deferred response.
   */
  readonly mode?: 'reply' | 'update' | 'edit';
  /**
   * How long to wait for the reply before deferring (Discord allows 3 s for the first response);
   * without it the reply is awaited and sent directly.
   */
  readonly deferAfterMs?: number;
  /** Whether a deferred response is ephemeral (a defer may only carry that flag; default: no). */
  readonly ephemeral?: boolean;
}

/**
 * The one way citebot answers: every handler's reply, notice, page turn and edit — to an
 * interaction, or as a reply to a user's message (which pings nobody) — goes through here as the
 * renderer's payload, so `allowed_mentions` is always set (by `body`). A slow reply to an
 * interaction is answered inside Discord's 3 seconds: deferred, then edited in when it is ready.
 */
export async function respond(
  target: RepliableInteraction | Message,
  reply: Reply | Promise<Reply>,
  options: RespondOptions = {},
): Promise<void> {
  if (isMessage(target)) {
    await replyToMessage(target, asMessageReply(await reply));
    return;
  }
  const interaction = target;
  const mode = options.mode ?? 'reply';
  if (mode === 'edit') {
    await interaction.editReply(asEdit(await reply));
    return;
  }
  if (interaction.deferred || interaction.replied) {
    await interaction.followUp(asInteractionReply(await reply));
    return;
  }
  const quick =
    options.deferAfterMs === undefined ? { reply: await reply } : await within(reply, options.deferAfterMs);
  const update = mode === 'update' && interaction.isMessageComponent();
  if (quick !== undefined) {
    await acknowledge(interaction, 'replied', () =>
      update
        ? (interaction as MessageComponentInteraction).update(asEdit(quick.reply))
        : interaction.reply(asInteractionReply(quick.reply)),
    );
    return;
  }
  await acknowledge(interaction, 'deferred', () =>
    update
      ? (interaction as MessageComponentInteraction).deferUpdate()
      : interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  );
  await interaction.editReply(asEdit(await reply));
}

/**
 * discord.js's `message.reply` needs the channel in its cache; over HTTP interactions nothing is
 * cached, so the same payload then goes straight to the channel's REST route.
 */
async function replyToMessage(message: Message, options: MessageReplyOptions): Promise<void> {
  if (message.client.channels.cache.has(message.channelId)) {
    await message.reply(options);
    return;
  }
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

function isMessage(target: RepliableInteraction | Message): target is Message {
  // Interactions have a `user`; only messages have an `author`.
  return 'author' in target;
}

/** The reply if it is ready within `ms`, else undefined (a rejection still rejects). */
async function within(reply: Reply | Promise<Reply>, ms: number): Promise<{ reply: Reply } | undefined> {
  const timer = new AbortController();
  return Promise.race([
    Promise.resolve(reply).then((ready) => ({ reply: ready })),
    delay(ms, undefined, { signal: timer.signal, ref: false }).then(
      () => undefined,
      () => undefined,
    ),
  ]).finally(() => timer.abort());
}

/** Posts a new message in a channel (REST, so an uncached channel works too), pinging only what `reply` allows. */
export async function postToChannel(client: Client, channelId: string, reply: Reply): Promise<void> {
  await client.rest.post(Routes.channelMessages(channelId), {
    body: {
      ...(reply.content === undefined ? {} : { content: reply.content }),
      embeds: [...reply.embeds],
      components: [...reply.components],
      allowed_mentions: {
        parse: [],
        users: [...reply.allowedMentions.users],
        roles: [...reply.allowedMentions.roles],
      },
    },
  });
}

/** Edits a channel (a forum post: its tags, archived) through REST. */
export async function editChannel(
  client: Client,
  channelId: string,
  body: Record<string, unknown>,
): Promise<void> {
  await client.rest.patch(Routes.channel(channelId), { body });
}

/** Answers an autocomplete with its choices (already fitted to Discord's limits by the caller). */
export async function respondWithChoices(
  interaction: AutocompleteInteraction,
  choices: readonly { readonly name: string; readonly value: string }[],
): Promise<void> {
  await interaction.respond([...choices]);
}

/** Acknowledges an interaction whose answer goes elsewhere (a reply in the channel). */
export async function deferResponse(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
  await acknowledge(interaction, 'deferred', () =>
    interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  );
}

/** Removes the deferred response once the answer went elsewhere. */
export async function withdrawResponse(interaction: RepliableInteraction): Promise<void> {
  await interaction.deleteReply();
}

/** Deletes the message a button is on (the bot's own answer), acknowledging the click. */
export async function deleteButtonMessage(interaction: MessageComponentInteraction): Promise<void> {
  await acknowledge(interaction, 'deferred', () => interaction.deferUpdate());
  await interaction.client.rest.delete(Routes.channelMessage(interaction.channelId, interaction.message.id));
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
      if (!(interaction as AutocompleteInteraction).responded) await respondWithChoices(interaction, []);
      return;
    }
    if (!interaction.isRepliable()) return;
    const reply = renderNotice(noticeText('apology', languageOfLocale(interaction.locale)));
    const replacesThinking =
      interaction.deferred && !interaction.replied && !interaction.isMessageComponent();
    await respond(interaction, reply, replacesThinking ? { mode: 'edit' } : {});
  } catch (apologyError) {
    logger.warn({ err: apologyError, ...describeInteraction(interaction) }, 'discord: could not apologise');
  }
}
