import {
  type APIGuildMember,
  type APIMessage,
  type APIUser,
  type APIUserWithMember,
  ChannelType,
  type GatewayMessageCreateDispatchData,
  type GuildTextChannelType,
  MessageType,
} from 'discord.js';
import { discordTimestamp, snowflake } from '../snowflake.ts';
import type { FakeWorld } from '../world.ts';

/** Options for {@link message}. */
export interface MessageOptions {
  readonly content: string;
  /** Who wrote it. Default: `world.defaultUser`. */
  readonly author?: APIUser;
  /**
   * The guild it was sent in; `null` sends it as a DM to the bot (DM channel of `author`, no
   * `guild_id`, `channel_type: 1`). Default: the first guild.
   */
  readonly guildId?: string | null;
  /** Default: the guild's `#general`, or the author's DM channel. */
  readonly channelId?: string;
  /** Users the message pings; add their `<@id>` to `content` yourself (or use {@link mentionMessage}). */
  readonly mentions?: readonly APIUser[];
  /** A message this one replies to (sets `message_reference`, `referenced_message`, type 19). */
  readonly replyTo?: APIMessage;
  /** The message id (a forum post's first message has the thread's id). Default: a new snowflake. */
  readonly id?: string;
}

/**
 * A MESSAGE_CREATE payload as the gateway sends it for a user's message: in a guild channel with the
 * author's `member` and members on each mention, or in a DM without any guild field.
 */
export function message(world: FakeWorld, options: MessageOptions): GatewayMessageCreateDispatchData {
  const author = world.rememberUser(options.author ?? world.defaultUser);
  const guildId = options.guildId === undefined ? world.guild.id : options.guildId;
  const id = options.id ?? snowflake();
  const base = {
    id,
    type: options.replyTo ? MessageType.Reply : MessageType.Default,
    author,
    content: options.content,
    timestamp: discordTimestamp(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    nonce: snowflake(),
    ...(options.replyTo
      ? {
          message_reference: {
            type: 0,
            channel_id: options.replyTo.channel_id,
            message_id: options.replyTo.id,
            ...(guildId ? { guild_id: guildId } : {}),
          },
          referenced_message: options.replyTo,
        }
      : {}),
  };
  if (guildId === null) {
    const channel = world.dmChannel(author);
    return {
      ...base,
      channel_id: options.channelId ?? channel.id,
      mentions: [...(options.mentions ?? [])],
      channel_type: ChannelType.DM,
    };
  }
  const guild = world.guildById(guildId);
  if (!guild) throw new Error(`fakeDiscord: message in unknown guild '${guildId}'`);
  return {
    ...base,
    channel_id: options.channelId ?? guild.textChannel.id,
    guild_id: guildId,
    member: memberWithoutUser(world.member(guildId, author)),
    mentions: (options.mentions ?? []).map(
      (user): APIUserWithMember => ({ ...user, member: memberWithoutUser(world.member(guildId, user)) }),
    ),
    channel_type: (world.thread(options.channelId ?? '') === undefined
      ? ChannelType.GuildText
      : ChannelType.PublicThread) satisfies GuildTextChannelType,
  };
}

/** A guild message that starts with `<@bot>`, the way users ask the bot without a slash command. */
export function mentionMessage(
  world: FakeWorld,
  options: Omit<MessageOptions, 'mentions'> & { readonly mentions?: readonly APIUser[] },
): GatewayMessageCreateDispatchData {
  return message(world, {
    ...options,
    content: `<@${world.bot.id}> ${options.content}`,
    mentions: [world.bot, ...(options.mentions ?? [])],
  });
}

/** A DM from `author` (default `world.defaultUser`) to the bot. */
export function dmMessage(
  world: FakeWorld,
  options: Omit<MessageOptions, 'guildId'>,
): GatewayMessageCreateDispatchData {
  return message(world, { ...options, guildId: null });
}

/** A member object the way message payloads nest it: everything but `user`. */
export function memberWithoutUser(member: APIGuildMember): Omit<APIGuildMember, 'user'> & {
  joined_at: string;
} {
  const { user: _user, ...rest } = member;
  return { ...rest, joined_at: member.joined_at ?? discordTimestamp() };
}
