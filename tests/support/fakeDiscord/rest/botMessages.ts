import {
  type APIAttachment,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIMessageTopLevelComponent,
  MessageFlags,
  MessageType,
} from 'discord.js';
import { type MentionDefaults, resolveMentions } from '../payloads/mentions.ts';
import { discordTimestamp, snowflake } from '../snowflake.ts';
import type { FakeWorld } from '../world.ts';

type Json = Record<string, unknown>;

/** Flags a bot may set when creating a message; others are ignored, as Discord does. */
const SETTABLE_FLAGS =
  MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

/** Where a bot message comes from: the channel API, or an interaction's response or webhook. */
export type MessageOrigin =
  | { readonly kind: 'channel' }
  | { readonly kind: 'interaction'; readonly interaction: APIInteraction };

/** Options for {@link createBotMessage}. */
export interface CreateMessageOptions {
  readonly channelId: string;
  readonly body: Json;
  readonly origin: MessageOrigin;
  readonly files?: readonly { readonly name: string; readonly contentType: string; readonly size: number }[];
  /** Extra flags the response type implies: 128 (loading) for a defer, 64 (ephemeral). */
  readonly extraFlags?: number;
}

/**
 * The message Discord creates from a bot's request body and returns: author = the bot, echoed
 * content/embeds/components, pings resolved under `allowed_mentions`, a reply when
 * `message_reference` points at a known message. Stored in `world.messages`.
 */
export function createBotMessage(world: FakeWorld, options: CreateMessageOptions): APIMessage {
  const { body, origin } = options;
  const reference = messageReference(world, body);
  const content = typeof body.content === 'string' ? body.content : '';
  const interactionFlags = origin.kind === 'interaction' ? MessageFlags.Ephemeral : 0;
  const flags = (Number(body.flags ?? 0) & (SETTABLE_FLAGS | interactionFlags)) | (options.extraFlags ?? 0);
  const defaults: MentionDefaults = origin.kind === 'channel' ? 'message' : 'webhook';
  const message: APIMessage = {
    id: snowflake(),
    channel_id: options.channelId,
    author: world.bot,
    content,
    timestamp: discordTimestamp(),
    edited_timestamp: null,
    tts: body.tts === true,
    ...resolveMentions(world, content, allowedMentions(body), defaults, reference?.author),
    attachments: attachments(options.files ?? []),
    embeds: embeds(body.embeds),
    components: (body.components ?? []) as APIMessageTopLevelComponent[],
    pinned: false,
    type: reference ? MessageType.Reply : MessageType.Default,
    flags,
    ...(typeof body.nonce === 'string' || typeof body.nonce === 'number' ? { nonce: body.nonce } : {}),
    ...(reference
      ? {
          message_reference: { type: 0, channel_id: reference.channel_id, message_id: reference.id },
          referenced_message: reference,
        }
      : {}),
    ...(origin.kind === 'interaction' ? interactionFields(world, origin.interaction) : {}),
  };
  world.messages.set(message.id, message);
  return message;
}

/**
 * Applies an edit body to a stored message. Without `allowed_mentions` the new content is re-parsed
 * with the defaults, as Discord does. Clears the "loading" flag of a deferred reply.
 */
export function editBotMessage(
  world: FakeWorld,
  message: APIMessage,
  body: Json,
  defaults: MentionDefaults,
): APIMessage {
  const content = typeof body.content === 'string' ? body.content : message.content;
  const keepFlags = (message.flags ?? 0) & ~MessageFlags.Loading & ~MessageFlags.SuppressEmbeds;
  const suppress =
    body.flags === undefined || body.flags === null
      ? (message.flags ?? 0) & MessageFlags.SuppressEmbeds
      : Number(body.flags) & MessageFlags.SuppressEmbeds;
  const edited: APIMessage = {
    ...message,
    content,
    ...(body.embeds !== undefined ? { embeds: embeds(body.embeds) } : {}),
    ...(body.components !== undefined
      ? { components: (body.components ?? []) as APIMessageTopLevelComponent[] }
      : {}),
    ...resolveMentions(world, content, allowedMentions(body), defaults, message.referenced_message?.author),
    flags: keepFlags | suppress,
    edited_timestamp: discordTimestamp(),
  };
  world.messages.set(edited.id, edited);
  return edited;
}

function allowedMentions(body: Json) {
  return typeof body.allowed_mentions === 'object' && body.allowed_mentions !== null
    ? (body.allowed_mentions as Parameters<typeof resolveMentions>[2])
    : undefined;
}

function messageReference(world: FakeWorld, body: Json): APIMessage | undefined {
  const reference = body.message_reference;
  if (typeof reference !== 'object' || reference === null || !('message_id' in reference)) return undefined;
  return world.messages.get(String(reference.message_id));
}

function embeds(value: unknown): APIEmbed[] {
  if (!Array.isArray(value)) return [];
  return value.map((embed: APIEmbed) => ({ type: 'rich', ...embed }) as APIEmbed);
}

function attachments(files: readonly { name: string; contentType: string; size: number }[]): APIAttachment[] {
  return files.map((file) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/0/${id}/${encodeURIComponent(file.name)}`;
    return { id, filename: file.name, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
}

/** What Discord adds to messages created through an interaction: the webhook and who invoked it. */
function interactionFields(world: FakeWorld, interaction: APIInteraction) {
  const user = interaction.member?.user ?? interaction.user ?? world.defaultUser;
  const name = interaction.data && 'name' in interaction.data ? interaction.data.name : '';
  return {
    webhook_id: world.application.id,
    application_id: world.application.id,
    interaction_metadata: {
      id: interaction.id,
      type: interaction.type,
      user,
      authorizing_integration_owners: interaction.authorizing_integration_owners,
    },
    interaction: { id: interaction.id, type: interaction.type, name, user },
  } as Pick<APIMessage, 'webhook_id' | 'application_id' | 'interaction_metadata' | 'interaction'>;
}
